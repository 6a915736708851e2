#include "lint/rules/pycodestyle/indentation.h"

#include <string>

#include "lint/rules/pycodestyle/tabs_or_spaces.h"

namespace trajc::lint {

namespace {

constexpr int kIndentSize = 4;  // flake8's --indent-size default

}  // namespace

void CheckIndentation(const Source& src, const LogicalLine& ll, Findings& out) {
  const bool comment = ll.text.empty();
  const int base = comment ? 3 : 0;
  Position at = ll.Locate(0);
  auto report = [&](int n, std::string text) {
    if (comment) text += " (comment)";
    out.push_back({"E11" + std::to_string(n), at.row, at.col, false, std::move(text), {}});
  };
  if (ll.indent_level % kIndentSize) report(1 + base, "indentation is not a multiple of " + std::to_string(kIndentSize));
  const bool indent_expect = !ll.previous_logical.empty() && ll.previous_logical.back() == ':';
  if (indent_expect && ll.indent_level <= ll.previous_indent_level) {
    report(2 + base, "expected an indented block");
  } else if (!indent_expect && ll.indent_level > ll.previous_indent_level) {
    report(3 + base, "unexpected indentation");
  }
  if (indent_expect) {
    const int amount = IndentChar(src, ll.line_number) == '\t' ? 8 : 4;
    if (ll.indent_level > ll.previous_indent_level + amount) report(7, "over-indented");
  }
}

}  // namespace trajc::lint
