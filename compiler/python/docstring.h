// python/docstring — reading docstrings as their authors wrote them, in any of the common
// styles: Google, NumPy (numpydoc), Sphinx/reST field lists, or plain prose.
//
// ParseDocstring never fails: text it cannot place in a section stays in `description`
// and every oddity is reported in `problems`, so that `fixtures check` can refuse an
// authored docstring that trajc would misread while `fixtures show` still shows any file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::python {

enum class DocstringStyle { kPlain, kGoogle, kNumpy, kSphinx };

std::string_view StyleName(DocstringStyle style);            // plain | google | numpy | sphinx
std::optional<DocstringStyle> StyleFromName(std::string_view name);

// One documented item: a parameter, attribute, raised exception, return or yield value.
// Texts are whitespace-normalised: the author's lines joined by single spaces, with
// paragraph breaks inside one item kept as "\n\n".
struct DocItem {
  std::string name;  // parameter/attribute name as written ("*args", "**kwargs" keep their stars);
                     // the exception for raises; empty for returns/yields
  std::string type;  // as written by the author ("int", "list of str", "int, optional"); may be empty
  std::string text;  // the description; may be empty
};

struct ParsedDocstring {
  DocstringStyle style = DocstringStyle::kPlain;
  std::string summary;      // the first paragraph joined into one line (normally one sentence)
  std::string description;  // the paragraphs between summary and the first section, "\n\n"-separated,
                            // each paragraph's lines kept as written (dedented)
  std::vector<DocItem> params;
  std::optional<DocItem> returns;
  std::optional<DocItem> yields;
  std::vector<DocItem> raises;
  std::vector<DocItem> attributes;
  std::string examples;     // doctest lines (">>> …", "... …", expected output), dedented, as written
  std::string notes;        // the Note/Notes section, dedented, as written
  // Everything the parser could not read as the style's structure, one message each, e.g.
  // "section 'See Also' is not supported", "line 5: cannot read a parameter entry".
  std::vector<std::string> problems;
};

// `inspect.cleandoc` of a docstring's value: leading/trailing blank lines dropped, the
// first line stripped, the rest dedented by their common indentation, tabs expanded.
std::string CleanDocstring(std::string_view raw);

// Detects the style from the sections' syntax (NumPy: a header underlined with dashes;
// Google: `Args:`-style headers; Sphinx: `:param x:` fields) and parses the cleaned text.
ParsedDocstring ParseDocstring(std::string_view raw);

Json ToJson(const ParsedDocstring& doc);

}  // namespace trajc::python
