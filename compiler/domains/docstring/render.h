// domains/docstring/render — the docstring a task's answer writes, in the requested style,
// made from the author's text (summary, description, the text of each parameter,
// return, raise, attribute, examples, notes) and the code's facts (names, order,
// annotations, defaults, what the body raises and yields). Nothing is invented: when
// the author's docstring lacks a text the facts call for, rendering fails and says which.
#pragma once

#include <string>
#include <vector>

#include "python/docstring.h"
#include "python/facts.h"

namespace trajc::domains::docstring {

struct RenderOptions {
  python::DocstringStyle style = python::DocstringStyle::kGoogle;
  int indent = 4;    // columns before the docstring's lines in the file (the body's indentation)
  int width = 79;    // wrap item texts so that lines fit this many columns
  // Leave this parameter (name without stars) out: the deliberately incomplete first
  // attempt of the recovery template. Empty: document every parameter.
  std::string omit_param;
};

struct Rendered {
  std::string text;                 // the docstring's content, dedented, lines joined by '\n'
  std::vector<std::string> errors;  // what the author's docstring lacks; text is empty then
  // Per error, the short reason a node it stops is skipped under, without names
  // ("docstring: parameter without description").
  std::vector<std::string> reasons;
};

// Renders `def`'s docstring from `author` (the parsed authored docstring of the same
// definition). Properties render summary and description only; classes their
// attributes; functions parameters, returns or yields, and raises.
Rendered RenderDocstring(const python::Definition& def, const python::ParsedDocstring& author,
                         const RenderOptions& options);

// The names a docstring must document for `def`, without stars, `self`/`cls` excluded.
std::vector<const python::Parameter*> DocumentedParams(const python::Definition& def);

// How documented names meet the code's: `*args` documents parameter `args`, and an
// exception may be named by its last dotted component (`NotFound` for `errors.NotFound`).
std::string WithoutStars(std::string_view name);
std::string WithStars(const python::Parameter& p);  // "*args", "**kwargs", "x"
bool SameException(const std::string& documented, const std::string& raised);

// The element type of a generator's annotation: "int" for Iterator[int],
// Generator[int, None, None], AsyncIterator[int] …; "" when it is not one of those.
std::string YieldTypeOf(const std::string& annotation);

}  // namespace trajc::domains::docstring
