#include "lint/rules/pycodestyle/async_await_keywords.h"

namespace trajc::lint {

void CheckAsyncAwaitKeywords(const Source& src, const LogicalLine& ll, Findings& out) {
  using python::TokenType;
  enum class State { kNone, kAsyncStatement, kAwait, kDefine };
  State state = State::kNone;
  const python::Token* at = nullptr;  // where the current state began
  for (const python::Token* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kNl) continue;
    const bool name = t->type == TokenType::kName;
    bool error = false;
    switch (state) {
      case State::kNone:
        if (name && t->text == "async") state = State::kAsyncStatement, at = t;
        else if (name && t->text == "await") state = State::kAwait, at = t;
        else if (name && (t->text == "def" || t->text == "for")) state = State::kDefine, at = t;
        break;
      case State::kAsyncStatement:
        if (name && (t->text == "def" || t->text == "with" || t->text == "for")) state = State::kNone;
        else error = true;
        break;
      case State::kAwait:
        if (name || (t->type == TokenType::kOp && t->text == "(")) state = State::kNone;
        else error = true;
        break;
      case State::kDefine:
        if (name && (t->text == "async" || t->text == "await")) error = true;
        else state = State::kNone;
        break;
    }
    if (error) {
      Report(out, kAsyncAwaitKeywords, at->start_row, at->start_col);
      state = State::kNone;
    }
  }
  // pycodestyle also reports a state still open after the line's last token.
  if (state != State::kNone) Report(out, kAsyncAwaitKeywords, at->start_row, at->start_col);
}

}  // namespace trajc::lint
