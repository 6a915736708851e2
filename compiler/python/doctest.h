// python/doctest — the `>>>` examples of a docstring, read the way Python's doctest
// module reads them: a source (with `...` continuation lines), then the expected output
// up to the next blank line or prompt; an output starting with a Traceback header is an
// expected exception, of which doctest compares only the last line's type and message.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trajc::python {

struct DoctestException {
  std::string type;     // as printed: "ValueError", "shapes.ShapeError"
  std::string message;  // after "Type: "; empty when none was printed
};

struct DoctestExample {
  std::string source;  // without prompts; continuation lines joined with "\n"
  std::string want;    // expected output without its final newline; "" for none
  std::optional<DoctestException> exception;
  int line = 0;        // the prompt's line, counting the docstring's first line as 1
  bool has_directive = false;  // "# doctest: +FLAG" comments change how output compares
};

// Examples in a docstring's text as written between the quotes (`raw`); line numbers
// count from the opening quotes' line.
std::vector<DoctestExample> ParseDoctests(std::string_view raw);

}  // namespace trajc::python
