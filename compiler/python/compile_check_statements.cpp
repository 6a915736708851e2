// python/compile_check_statements — the rules over logical lines: indentation (an
// indented block expected after a header, none expected elsewhere), the `:` and `(` a
// compound statement's header must have, clauses (elif/else/except/finally) that must
// follow their statement, `try` without a handler, and decorators without a definition.
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

namespace {

// The block keyword of a compound statement's header, as the message names it.
std::string BlockName(std::string_view kw, int row) {
  std::string line = " on line " + std::to_string(row);
  if (kw == "def") return "function definition" + line;
  if (kw == "class") return "class definition" + line;
  return "'" + std::string(kw) + "' statement" + line;
}

}  // namespace

// Walks logical lines: indentation, block headers, `:`, statement order, token pairs.
// The `:` ending the header of the compound statement on the logical line [first, end):
// the first one at the line's own depth that no lambda there claims; `end` when none.
size_t Checker::HeaderColon(size_t first, size_t end) const {
  const int level0 = t_[first].level;
  int lambdas = 0;
  for (size_t k = first; k < end; ++k) {
    if (t_[k].level != level0) continue;
    if (IsWord(t_[k], "lambda")) ++lambdas;
    if (IsOp(t_[k], ":") && lambdas-- == 0) return k;
  }
  return end;
}

void Checker::Statements() {
  struct Level {
    std::string last;  // keyword of the last compound statement closed at this depth
  };
  std::vector<Level> depth = {Level{}};
  bool expect_block = false;
  std::string header_kw;
  int header_row = 0;
  bool after_decorator = false;
  size_t i = 0;
  while (i < t_.size()) {
    size_t line_start = i;
    bool indent = false;
    while (i < t_.size() && (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent)) {
      if (t_[i].kind == CKind::kIndent) {
        indent = true;
        depth.push_back(Level{});
      } else if (depth.size() > 1) {
        depth.pop_back();
      }
      ++i;
    }
    if (i >= t_.size()) break;
    size_t first = i;
    size_t end = first;
    while (end < t_.size() && t_[end].kind != CKind::kNewline && t_[end].kind != CKind::kEndMarker) ++end;
    // [first, end) are the line's tokens; t_[end] is its NEWLINE (or the end).
    if (expect_block && !indent) {
      Propose(line_start, line_start == first ? first : first, "IndentationError",
              "expected an indented block after " + BlockName(header_kw, header_row), Severity::kSpecific);
      return;
    }
    if (indent && !expect_block) {
      Propose(line_start, first, "IndentationError", "unexpected indent", Severity::kUnexpectedIndent,
              OffsetAt(first) - 1);
      return;
    }
    expect_block = false;
    if (t_[first].kind == CKind::kEndMarker) {
      // A decorator at the end of the file: CPython gives no column at all.
      if (after_decorator) Propose(first, first, "SyntaxError", "invalid syntax", Severity::kGeneric, 0);
      break;
    }
    std::string& prev = depth.back().last;
    std::string_view kw = t_[first].text;
    size_t kw_at = first;
    if (IsWord(t_[first], "async") && first + 1 < end) kw = t_[++kw_at].text;
    bool compound = t_[first].kind == CKind::kName && In(kw, {"if", "elif", "else", "while", "for", "with", "try",
                                                              "except", "finally", "def", "class"});
    // Decorators must be followed by a definition.
    if (after_decorator && !IsOp(t_[first], "@") && !(compound && In(kw, {"def", "class"}))) Generic(first);
    after_decorator = IsOp(t_[first], "@");
    // Clauses that continue an earlier statement at the same depth.
    // `except*` handlers are remembered as "except*": one `try` cannot mix the two kinds.
    const bool star = kw == "except" && kw_at + 1 < end && IsOp(t_[kw_at + 1], "*");
    if (compound && In(kw, {"elif", "else", "except", "finally"}) && kw_at == first) {
      bool ok = (kw == "elif" && In(prev, {"if", "elif"})) ||
                (kw == "else" && In(prev, {"if", "elif", "for", "while", "except", "except*"})) ||
                (kw == "except" && In(prev, {"try", "except", "except*"})) ||
                (kw == "finally" && In(prev, {"try", "except", "except*", "else-try"}));
      if (!ok) Generic(first);
      if (kw == "except" && In(prev, {"except", "except*"}) && (prev == "except*") != star) {
        Propose(first, first, "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'",
                Severity::kSpecific);
      }
      if (kw == "else" && In(prev, {"except", "except*"})) kw = "else-try";
    } else if (prev == "try") {
      Propose(first, first, "SyntaxError", "expected 'except' or 'finally' block", Severity::kSpecific);
    }
    Pairs(first, end, compound);
    if (compound) Header(first, kw_at, end);
    bool ends_with_colon = end > first && IsOp(t_[end - 1], ":");
    bool soft = ends_with_colon && (IsWord(t_[first], "match") || IsWord(t_[first], "case"));
    if (soft && end == first + 2) Generic(first + 2);  // `match :` has no subject, `case :` no pattern
    if (ends_with_colon && (compound || soft)) {
      expect_block = true;
      header_kw = std::string(kw == "else-try" ? "else" : kw);
      if (header_kw == "async") header_kw = std::string(t_[kw_at].text);
      if (kw_at > first && header_kw != "def") header_kw = std::string(t_[kw_at].text);
      header_row = t_[kw_at].row;
      prev = std::string(kw == "else-try" ? "else-try" : star ? "except*" : kw);
      if (soft) prev.clear();
    } else if (ends_with_colon && end < t_.size()) {
      Generic(end);  // `x:` with nothing after the colon
    } else {
      prev = compound ? std::string(star ? "except*" : kw) : std::string();
      // A one-line body (`if x: y`) still closes the clause: `else` may follow.
      if (!compound) prev.clear();
    }
    i = end < t_.size() ? end + 1 : end;
    if (end < t_.size() && t_[end].kind == CKind::kEndMarker) {
      i = end;
      if (expect_block) {
        Propose(end, end, "IndentationError", "expected an indented block after " + BlockName(header_kw, header_row),
                Severity::kSpecific);
        return;
      }
      if (after_decorator) Generic(end);
      if (prev == "try")
        Propose(end, end, "SyntaxError", "expected 'except' or 'finally' block", Severity::kSpecific);
      break;
    }
  }
  if (expect_block && !t_.empty()) {
    size_t last = t_.size() - 1;
    if (t_[last].kind == CKind::kEndMarker || t_[last].kind == CKind::kDedent)
      Propose(last, last, "IndentationError", "expected an indented block after " + BlockName(header_kw, header_row),
              Severity::kSpecific);
  }
}

// `:` and `(` that a compound statement's header must have.
void Checker::Header(size_t first, size_t kw_at, size_t end) {
  std::string_view kw = t_[kw_at].text;
  if (kw == "def") {
    if (kw_at + 1 < end && IsName(t_[kw_at + 1]) && (kw_at + 2 >= end || !IsOp(t_[kw_at + 2], "("))) {
      Propose(std::min(kw_at + 2, end), std::min(kw_at + 2, end), "SyntaxError", "expected '('", Severity::kSpecific);
      return;
    }
  }
  if (kw == "class" && kw_at + 2 < end && IsName(t_[kw_at + 1]) && IsOp(t_[kw_at + 2], "[")) {
    Generic(kw_at + 2);  // type parameters are Python 3.12's
    return;
  }
  if (In(kw, {"else", "try", "finally"})) {
    if (kw_at + 1 <= end && !(kw_at + 1 < end && IsOp(t_[kw_at + 1], ":")))
      Propose(kw_at + 1, kw_at + 1, "SyntaxError", "expected ':'", Severity::kSpecific);
    return;
  }
  bool colon = false;
  int lambdas = 0;
  for (size_t j = kw_at + 1; j < end; ++j) {
    if (t_[j].level != t_[first].level) continue;
    if (IsWord(t_[j], "lambda")) ++lambdas;
    if (IsOp(t_[j], ":")) {
      if (lambdas > 0) {
        --lambdas;
      } else {
        colon = true;
        break;
      }
    }
  }
  if (!colon && end < t_.size() && kw_at + 1 < end)
    Propose(end, end, "SyntaxError", "expected ':'", Severity::kSpecific);
}

}  // namespace trajc::python::compile_check_internal
