#include "lint/rules/pycodestyle/ambiguous_identifier.h"

#include <optional>

namespace trajc::lint {

using python::Token;

namespace {

// Python's `text in chars` for a str: substring test, so "" is always in.
bool In(std::string_view text, std::string_view chars) { return chars.find(text) != std::string_view::npos; }

bool Ambiguous(std::string_view text) { return text == "l" || text == "O" || text == "I"; }

}  // namespace

void CheckAmbiguousIdentifier(const Source& src, const LogicalLine& ll, Findings& out) {
  const Token* tokens = TokensBegin(src, ll);
  const size_t n = ll.end_token - ll.first_token;
  if (n == 0) return;
  std::optional<int> func_depth;  // brace depth where a def or lambda started
  bool seen_colon = false;        // done with the function's parameters
  int brace_depth = 0;
  std::string_view prev_text = tokens[0].text;
  Position prev_start{tokens[0].start_row, tokens[0].start_col};
  for (size_t index = 1; index < n; ++index) {
    const Token& t = tokens[index];
    std::string_view text = t.text;
    Position start{t.start_row, t.start_col};
    std::optional<std::string_view> ident;
    Position pos;
    if (prev_text == "def" || prev_text == "lambda") {
      func_depth = brace_depth;
      seen_colon = false;
    } else if (func_depth && text == ":" && brace_depth == *func_depth) {
      seen_colon = true;
    }
    if (In(text, "([{")) {
      ++brace_depth;
    } else if (In(text, ")]}")) {
      --brace_depth;
    }
    if (text == ":=" || (text == "=" && brace_depth == 0)) {
      if (Ambiguous(prev_text)) {
        ident = prev_text;
        pos = prev_start;
      }
    }
    if (prev_text == "as" || prev_text == "for" || prev_text == "global" || prev_text == "nonlocal") {
      if (Ambiguous(text)) {
        ident = text;
        pos = start;
      }
    }
    if (func_depth && !seen_colon && index + 1 < n && In(tokens[index + 1].text, ":,=)") &&
        (prev_text == "lambda" || prev_text == "," || prev_text == "*" || prev_text == "**" || prev_text == "(") &&
        Ambiguous(text)) {
      ident = text;
      pos = start;
    }
    if (prev_text == "class" && Ambiguous(text)) {
      Report(out, kAmbiguousClassName, start.row, start.col, {text});
    }
    if (prev_text == "def" && Ambiguous(text)) {
      Report(out, kAmbiguousFunctionName, start.row, start.col, {text});
    }
    if (ident) {
      Report(out, kAmbiguousVariableName, pos.row, pos.col, {*ident});
    }
    prev_text = text;
    prev_start = start;
  }
}

}  // namespace trajc::lint
