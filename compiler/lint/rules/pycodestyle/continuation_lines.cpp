#include "lint/rules/pycodestyle/continuation_lines.h"

#include <string>
#include <vector>

#include "lint/rules/pycodestyle/continuation_state.h"

namespace trajc::lint {

using continuation::BracketState;
using continuation::Chance;
using continuation::kIndentSize;
using continuation::RowStart;
using continuation::Verdict;
using python::Token;
using python::TokenType;

namespace {

// Python's `text in "([{"` for an operator: one of those characters.
bool OneOf(std::string_view text, std::string_view chars) {
  return text.size() == 1 && chars.find(text[0]) != std::string_view::npos;
}

// Python's str.isspace() for one code point.
bool IsPySpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's str.isspace(): true for a non-empty run of whitespace.
bool IsSpaceOnly(std::string_view s, bool bytes_are_chars) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    char32_t c = bytes_are_chars ? static_cast<unsigned char>(s[i]) : python::DecodeUtf8(s, i, &len);
    if (!IsPySpace(c)) return false;
    i += len;
  }
  return true;
}

// Character columns of the tokens of a logical line, met in order: each physical line is
// counted once, however many tokens it holds.
class CharColumns {
 public:
  explicit CharColumns(const Source& src) : src_(src) {}
  int At(int row, int byte_col) {
    if (src_.bytes_are_chars || byte_col <= 0) return byte_col;
    if (row != row_ || static_cast<size_t>(byte_col) < byte_) {
      row_ = row;
      byte_ = 0;
      chars_ = 0;
    }
    std::string_view line = src_.Line(row);
    const size_t limit = std::min(static_cast<size_t>(byte_col), line.size());
    for (; byte_ < limit; ++byte_) {
      if ((static_cast<unsigned char>(line[byte_]) & 0xC0) != 0x80) ++chars_;
    }
    return chars_ + (byte_col - static_cast<int>(byte_));
  }

 private:
  const Source& src_;
  int row_ = 0;
  size_t byte_ = 0;
  int chars_ = 0;
};

bool IsVisualCode(const Violation* v) {
  return v == &kClosingBracketNotMatchingVisualIndent || v == &kContinuationOverIndentedVisual ||
         v == &kContinuationUnderIndentedVisual;
}

}  // namespace

struct ContinuationLines::Impl {
  explicit Impl(const Source& source) : src(source) {
    // flake8's indent_char is the first character of the first line read that starts
    // with a space or a tab; found once, so that every logical line asks in O(1).
    for (int row = 1; row <= src.total_lines(); ++row) {
      std::string_view line = src.Line(row);
      if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
        first_indented_row = row;
        first_indent_char = line[0];
        break;
      }
    }
  }

  // What the fix of one line needs to know about its logical line.
  struct LineFacts {
    int indent_level = 0;
    bool indent_next = false;
    int last_line_row = 0;     // where the E125/E129 test reads its line (0: an empty line)
    int last_line_indent = 0;  // that line's expand_indent
  };
  // A continuation line that a pass moves: its row, first token and new column.
  struct Move {
    int row = 0;
    const Token* token = nullptr;
    int col = -1;  // -1: reported without a column that passes
    size_t finding = 0;  // the finding it belongs to (reporting pass only)
  };

  void Check(const LogicalLine& ll, Findings& out);
  // pycodestyle's loop over the logical line. The reporting pass (`out` given) reports
  // what flake8 reports, and records in `reported` the column each fix moves its line to;
  // the trial pass (`out` null) moves every line that fails to such a column as it goes,
  // so that the lines after it are judged against the fixed layout.
  void Walk(const LogicalLine& ll, const LineFacts& facts, bool tabs, Findings* out);
  int Target(const Token& t, const RowStart& start, const Verdict& verdict, const LineFacts& facts,
             int preferred) const;
  Edit MoveEdit(const Move& m) const {
    return Edit{src.Offset(m.row, 0), src.Offset(m.row, m.token->start_col), std::string(static_cast<size_t>(m.col), ' ')};
  }

  const Source& src;
  int first_indented_row = 0;  // 0: no line starts with a space or a tab
  char first_indent_char = 0;
  BracketState state;
  std::vector<int> rel_indent;  // per row of the logical line
  std::vector<int> parens;      // brackets opened on each row and not closed yet
  std::vector<int> paren_rows;  // the rows whose parens count is not 0, in order
  std::vector<Move> reported, trial;
};

ContinuationLines::ContinuationLines(const Source& src) : impl_(std::make_unique<Impl>(src)) {}
ContinuationLines::~ContinuationLines() = default;
void ContinuationLines::Check(const LogicalLine& ll, Findings& out) { impl_->Check(ll, out); }

void ContinuationLines::Impl::Check(const LogicalLine& ll, Findings& out) {
  const Token* const begin = TokensBegin(src, ll);
  const Token* const end = TokensEnd(src, ll);
  if (begin == end || begin->start_row == (end - 1)->start_row) return;
  LineFacts facts;
  facts.indent_level = ll.indent_level;
  // indent_next tells whether the next block is indented: then the last continuation
  // line must not sit one level in, and an 8-column hang is allowed.
  facts.indent_next = !ll.text.empty() && ll.text.back() == ':';
  facts.last_line_row = (end - 1)->line_first;
  facts.last_line_indent = ExpandIndent(TokenLine(src, *(end - 1)));
  const bool tabs = first_indented_row > 0 && first_indented_row <= ll.line_number && first_indent_char == '\t';
  reported.clear();
  Walk(ll, facts, tabs, &out);
  bool any = false;
  for (const Move& m : reported) any = any || m.col >= 0;
  if (!any) return;
  // Fixing one line can break the lines lined up with it (a value's continuation strings
  // under a key that moves): the trial pass moves them too, and each finding's fix takes
  // the moves after its line up to the next finding, when its own move is the trial's.
  trial.clear();
  Walk(ll, facts, tabs, nullptr);
  size_t next = 0;
  const Move* leader = nullptr;
  for (const Move& r : reported) {
    // the trial's moves before this finding's line follow the previous finding's fix
    for (; next < trial.size() && trial[next].row < r.row; ++next) {
      if (leader) out[leader->finding].edits.push_back(MoveEdit(trial[next]));
    }
    const bool same = next < trial.size() && trial[next].row == r.row && trial[next].col == r.col;
    if (r.col >= 0) out[r.finding].edits.push_back(MoveEdit(r));
    leader = same && r.col >= 0 ? &r : nullptr;
    if (next < trial.size() && trial[next].row == r.row) ++next;
  }
  for (; leader && next < trial.size(); ++next) out[leader->finding].edits.push_back(MoveEdit(trial[next]));
}

void ContinuationLines::Impl::Walk(const LogicalLine& ll, const LineFacts& facts, bool tabs, Findings* out) {
  const Token* const begin = TokensBegin(src, ll);
  const Token* const end = TokensEnd(src, ll);
  const int first_row = begin->start_row;
  const int nrows = 1 + (end - 1)->start_row - first_row;
  CharColumns chars(src);
  rel_indent.assign(static_cast<size_t>(nrows), 0);
  parens.assign(static_cast<size_t>(nrows), 0);
  paren_rows.clear();
  int last_indent_col = chars.At(begin->start_row, begin->start_col);
  state.Reset(last_indent_col, tabs);
  Chance visual_indent;
  bool last_token_multiline = false;
  int row = 0;
  // The trial pass's move of the current line: its tokens shift by `shift` columns.
  int shift = 0, shift_row = 0, leader_shift = 0;
  size_t next_reported = 0;  // the trial pass's place in `reported`
  std::string_view line;
  for (const Token* t = begin; t != end; ++t) {
    line = TokenLine(src, *t);
    const std::string_view text = t->text;
    int col = chars.At(t->start_row, t->start_col) + (t->start_row == shift_row ? shift : 0);
    bool newline = row < t->start_row - first_row;
    if (newline) {
      row = t->start_row - first_row;
      newline = !last_token_multiline && t->type != TokenType::kNl && t->type != TokenType::kNewline;
    }
    const auto r = static_cast<size_t>(row);
    if (newline) {
      // the beginning of a continuation line
      last_indent_col = col;
      rel_indent[r] = ExpandIndent(line) - ll.indent_level;
      RowStart start{col, rel_indent[r], t->type == TokenType::kOp && OneOf(text, "]})"), text};
      Verdict verdict = state.Decide(start, facts.indent_next);
      if (out) {
        visual_indent = verdict.visual;
        if (verdict.error) {
          // Spaces written into a tab-indented file would be E101 on every fixed line.
          const int target = first_indent_char == '\t' ? -1 : Target(*t, start, verdict, facts, -1);
          reported.push_back({t->start_row, t, target, out->size()});
          Report(*out, *verdict.error, t->start_row, col, {}).col_is_chars = true;
        }
      } else {
        for (; next_reported < reported.size() && reported[next_reported].row < t->start_row; ++next_reported) {
        }
        const bool own = next_reported < reported.size() && reported[next_reported].row == t->start_row;
        if (own) leader_shift = 0;
        if (verdict.error) {
          // a line lined up with the line its finding moves follows it, if that passes
          const int target = Target(*t, start, verdict, facts, own ? -1 : col + leader_shift);
          if (target >= 0) {
            trial.push_back({t->start_row, t, target, 0});
            shift = target - col;
            shift_row = t->start_row;
            if (own) leader_shift = shift;
            last_indent_col = col = target;
            start.col = target;
            start.rel = rel_indent[r] = target - ll.indent_level;
            verdict = state.Decide(start, facts.indent_next);
          }
        }
      }
      state.Apply(verdict, start);
    }
    const int moved = t->start_row == shift_row ? shift : 0;

    // look for visual indenting
    if (parens[r] && t->type != TokenType::kNl && t->type != TokenType::kComment && !state.Indent(state.depth())) {
      state.SetIndent(col);
      state.SetChance(col, {Chance::kTrue, {}});
    } else if (t->type == TokenType::kString || t->type == TokenType::kComment || text == "u" || text == "ur" ||
               text == "b" || text == "br") {
      // implicit string concatenation
      state.SetChance(col, {Chance::kStr, {}});
    } else if (!row && !state.depth() && (text == "assert" || text == "raise" || text == "with")) {
      state.SetChance(chars.At(t->end_row, t->end_col) + moved + 1, {Chance::kTrue, {}});
    } else if (state.NoChances() && !row && !state.depth() && text == "if") {
      // len("if (") == 4
      state.SetChance(chars.At(t->end_row, t->end_col) + moved + 1, {Chance::kTrue, {}});
    } else if (text == ":" && IsSpaceOnly(line.substr(std::min(static_cast<size_t>(t->end_col), line.size())),
                                          src.bytes_are_chars)) {
      state.AddOpenRow(row, rel_indent[r]);
    }

    // keep track of bracket depth
    if (t->type == TokenType::kOp) {
      if (OneOf(text, "([{")) {
        state.Open(row, rel_indent[r]);
        if (parens[r]++ == 0) paren_rows.push_back(row);
      } else if (OneOf(text, ")]}") && state.depth() > 0) {
        state.Close(last_indent_col);
        // the latest row that still has an open bracket
        if (!paren_rows.empty() && --parens[static_cast<size_t>(paren_rows.back())] == 0) paren_rows.pop_back();
      }
      // allow lining up tokens
      state.ChanceIfAbsent(col, {Chance::kText, text});
    }

    last_token_multiline = t->start_row != t->end_row;
    if (last_token_multiline && t->end_row - first_row < nrows) {
      rel_indent[static_cast<size_t>(t->end_row - first_row)] = rel_indent[r];
    }
  }

  if (out && facts.indent_next && ExpandIndent(line) == ll.indent_level + kIndentSize) {
    const Violation& v = visual_indent.kind != Chance::kNone ? kVisualIndentSameAsNext : kContinuationSameIndentAsNext;
    Report(*out, v, (end - 1)->start_row, state.Indent(0) + kIndentSize).col_is_chars = true;
  }
}

// A column that continuation line `t` can move to and pass, given the lines above it,
// or -1. `preferred` (when not -1) is tried first.
int ContinuationLines::Impl::Target(const Token& t, const RowStart& start, const Verdict& verdict,
                                    const LineFacts& facts, int preferred) const {
  auto passes = [&](int col) {
    if (col < 0) return false;
    RowStart moved = start;
    moved.col = col;
    moved.rel = col - facts.indent_level;  // the new indentation is `col` spaces
    if (state.Decide(moved, facts.indent_next).error) return false;
    // Moving the last line one level in would make it E125/E129 (not fixable).
    if (facts.indent_next && t.start_row == facts.last_line_row && col == facts.indent_level + kIndentSize &&
        facts.last_line_indent != col) {
      return false;
    }
    // Emptying the first indented line would let a later line choose flake8's indent
    // character (a tab there would make every space-indented line E101).
    return !(col == 0 && t.start_row == first_indented_row);
  };
  if (preferred >= 0 && preferred != start.col && passes(preferred)) return preferred;
  const int visual = state.Indent(state.depth());
  if (IsVisualCode(verdict.error)) {
    if (visual && passes(visual)) return visual;
    // A closing bracket passes only at the visual indent; a line continued with a
    // backslash outside brackets has the statement's own column as its "visual indent",
    // where it would be outdented (E122): it hangs instead.
    if (start.close) return -1;
  }
  // A hanging indent is measured from a row that opened a bracket (or ended in `:`) at
  // this depth; when two such rows give two different accepted columns, the intent is
  // not clear and no edit is offered.
  const int offset = start.close ? 0 : (state.Hang() ? state.Hang() : kIndentSize);
  int target = -1;
  int found = 0;
  for (int base : {state.BracketRel(), state.LastOpenRel(), state.FirstOpenRel()}) {
    const int col = facts.indent_level + base + offset;
    if (col == target || !passes(col)) continue;
    target = col;
    ++found;
  }
  if (found > 1) return -1;
  if (found == 1) return target;
  if (!start.close && facts.indent_next && passes(facts.indent_level + 2 * kIndentSize)) {
    return facts.indent_level + 2 * kIndentSize;
  }
  if (verdict.error == &kContinuationMissingIndentation && visual && passes(visual)) return visual;
  return -1;
}

}  // namespace trajc::lint
