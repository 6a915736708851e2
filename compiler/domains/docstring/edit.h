// domains/docstring/edit — the text edits behind a docstring task: finding the definition
// a task names, removing docstrings to make the task, and writing one as the agent asks.
// Edits work on whole lines and keep everything else byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "python/facts.h"

namespace trajc::domains::docstring {

// The definition `qualified_name` names: the first with that name that is not an
// @overload stub or a property's setter/deleter; null when there is none.
const python::Definition* FindTarget(const python::ModuleFacts& facts, std::string_view qualified_name);

// Whether `d` is a property's setter or deleter (`@name.setter`), which shares its name.
bool IsAccessor(const python::Definition& d);

// Removes the docstrings of `targets` (definitions of `facts`, the facts of `text`). A body
// left empty gets `pass`; a class docstring takes the blank line after it along.
std::string RemoveDocstrings(const std::string& text, const std::vector<const python::Definition*>& targets);

struct WriteOutcome {
  std::string text;    // the new file text (unchanged on error)
  int line = 0;        // lines of the written docstring in the new text
  int end_line = 0;
  bool replaced = false;  // an existing docstring was replaced
  std::string error;   // why nothing was written; empty on success
};

// Writes `content` (the docstring's text, dedented, lines joined by '\n') as `d`'s
// docstring, at the body's indentation: a one-line docstring as """text""", a longer one
// with its closing quotes on their own line, an r-prefix when it holds a backslash, one
// blank line after a class docstring. Fails without changing anything for content that
// is empty or holds triple quotes, and for a definition whose body is on its header line.
WriteOutcome WriteDocstring(const std::string& text, const python::Definition& d, std::string_view content);

}  // namespace trajc::domains::docstring
