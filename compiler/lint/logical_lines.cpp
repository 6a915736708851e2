#include "lint/logical_lines.h"

#include <algorithm>

namespace trajc::lint {

using python::Token;
using python::TokenType;

namespace {

bool IsSkip(TokenType t) {
  return t == TokenType::kNl || t == TokenType::kNewline || t == TokenType::kIndent || t == TokenType::kDedent;
}

// flake8's mutate_string (over bytes rather than characters), into `out`.
void MutateString(std::string_view text, std::string& out) {
  out.clear();
  if (text.empty()) return;
  size_t start = text.find(text.back()) + 1;
  size_t end = text.size() - 1;
  std::string_view tail = text.size() >= 3 ? text.substr(text.size() - 3) : text;
  if (tail == "\"\"\"" || tail == "'''") {
    start += 2;
    end = end >= 2 ? end - 2 : 0;
  }
  out.append(text.substr(0, std::min(start, text.size())));
  if (end > start) out.append(end - start, 'x');
  out.append(text.substr(std::min(end, text.size())));
}

// flake8's own expand_indent: len(prefix.expandtabs(8)), counting characters.
int ExpandTabsLength(std::string_view prefix) {
  int col = 0;
  for (char c : prefix) {
    if (c == '\t') {
      col = (col / 8 + 1) * 8;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return col;
}

bool Contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

class Driver {
 public:
  explicit Driver(const Source& src) : src_(src) {}

  LineSplit Run() {
    const auto& toks = src_.tokens.tokens;
    int parens = 0;
    std::string_view prev_physical;
    size_t i = 0;
    for (; i < toks.size(); ++i) {
      const Token& t = toks[i];
      if (t.start_row > src_.total_lines()) break;
      if (current_.empty()) first_ = i;
      current_.push_back(i);
      const std::string_view physical = TokenLine(src_, t);
      CheckPhysicalEol(t, physical, prev_physical);
      if (t.type == TokenType::kOp) {
        if (!t.text.empty() && Contains("([{", t.text)) ++parens;
        else if (!t.text.empty() && Contains("}])", t.text)) --parens;
      } else if (parens == 0 && (t.type == TokenType::kNl || t.type == TokenType::kNewline)) {
        HandleNewline(t);
      }
      prev_physical = physical;
    }
    if (!current_.empty() && src_.total_lines() > 0) {
      out_.physical.push_back({src_.total_lines(), src_.Line(src_.total_lines()), false});
      RunLogical(src_.total_lines());
    }
    return std::move(out_);
  }

 private:
  // `line`: TokenLine of t.
  void CheckPhysicalEol(const Token& t, std::string_view line, std::string_view prev_physical) {
    bool eol = t.type == TokenType::kNl || t.type == TokenType::kNewline;
    if (!eol && static_cast<size_t>(t.end_col) <= line.size()) {
      std::string_view rest = line.substr(static_cast<size_t>(t.end_col));
      size_t s = rest.find_first_not_of(" \t\f\v\r\n");
      eol = s != std::string_view::npos && rest.substr(s) == "\\\n";
    }
    if (eol) {
      int row = t.line_first == 0 ? src_.total_lines() : t.line_last;
      out_.physical.push_back({row, line.empty() ? prev_physical : line, false});
    } else if (t.type == TokenType::kString && Contains(t.text, "\n")) {
      for (int row = t.start_row; row < t.end_row; ++row) out_.physical.push_back({row, src_.Line(row), true});
    }
  }

  void HandleNewline(const Token& t) {
    if (t.type == TokenType::kNewline) {
      RunLogical(t.end_row);
      blank_before_ = 0;
    } else if (current_.size() == 1) {
      ++blank_lines_;
      current_.clear();
    } else {
      RunLogical(t.end_row);
    }
  }

  void RunLogical(int line_number) {
    const auto& toks = src_.tokens.tokens;
    LogicalLine ll;
    // Room for the whole line at once: it is never longer than the source it spans.
    if (!current_.empty()) {
      const Token& first = toks[current_.front()];
      const Token& last = toks[current_.back()];
      size_t from = src_.Offset(first.start_row, first.start_col), to = src_.Offset(last.end_row, last.end_col);
      ll.text.reserve(to > from ? to - from : 0);
    }
    ll.mapping.reserve(current_.size() + 1);
    int prev_row = 0, prev_col = 0;
    int last_row = 0;
    for (size_t idx : current_) {
      const Token& t = toks[idx];
      if (IsSkip(t.type)) continue;
      if (ll.mapping.empty()) ll.mapping.push_back({0, {t.start_row, t.start_col}});
      if (t.type == TokenType::kComment) continue;
      // Appended in place: a std::string per token was most of this loop's cost.
      std::string_view text = t.text;
      if (t.type == TokenType::kString) {
        MutateString(t.text, mutated_);
        text = mutated_;
      }
      if (prev_row) {
        if (prev_row != t.start_row) {
          std::string_view pline = src_.Line(prev_row);
          char prev_char = 0;
          if (!pline.empty()) prev_char = prev_col >= 1 && static_cast<size_t>(prev_col - 1) < pline.size() ? pline[prev_col - 1] : pline.back();
          if (prev_char == ',' || (!Contains("{[(", std::string_view(&prev_char, 1)) && !Contains("}])", text))) {
            ll.text += ' ';
          }
        } else if (prev_col != t.start_col) {
          std::string_view line = src_.Line(t.start_row);
          size_t a = std::min(static_cast<size_t>(prev_col), line.size());
          size_t b = std::min(static_cast<size_t>(std::max(t.start_col, prev_col)), line.size());
          ll.text.append(line.substr(a, b - a));
        }
      }
      ll.text.append(text);
      ll.mapping.push_back({static_cast<int>(ll.text.size()), {t.end_row, t.end_col}});
      prev_row = t.end_row;
      prev_col = t.end_col;
      last_row = std::max(last_row, t.end_row);
    }
    if (ll.mapping.empty()) return;
    Position start = ll.mapping[0].second;
    std::string_view start_line = src_.Line(start.row);
    indent_level_ = ExpandTabsLength(start_line.substr(0, std::min(static_cast<size_t>(start.col), start_line.size())));
    blank_before_ = std::max(blank_before_, blank_lines_);
    ll.first_token = first_;
    ll.end_token = current_.back() + 1;
    ll.line_number = line_number;
    ll.blank_lines = blank_lines_;
    ll.blank_before = blank_before_;
    ll.indent_level = indent_level_;
    ll.previous_indent_level = previous_indent_level_;
    ll.previous_logical = previous_logical_;
    ll.previous_unindented_logical_line = previous_unindented_;
    ll.previous_end_row = previous_end_row_;
    const LogicalLine& kept = out_.logical.emplace_back(std::move(ll));
    if (!kept.text.empty()) {
      previous_indent_level_ = indent_level_;
      previous_logical_ = kept.text;
      if (!indent_level_) previous_unindented_ = kept.text;
      previous_end_row_ = last_row;
    }
    blank_lines_ = 0;
    current_.clear();
  }

  const Source& src_;
  LineSplit out_;
  std::string mutated_;  // the current string token, mutated
  std::vector<size_t> current_;
  size_t first_ = 0;
  int blank_lines_ = 0, blank_before_ = 0, indent_level_ = 0, previous_indent_level_ = 0;
  std::string_view previous_logical_, previous_unindented_;  // into out_.logical
  int previous_end_row_ = 0;
};

}  // namespace

std::string_view TokenLine(const Source& src, const Token& t) {
  if (t.line_first < 1 || t.line_first > src.total_lines()) return {};
  std::string_view first = src.Line(t.line_first);
  std::string_view last = src.Line(std::min(t.line_last, src.total_lines()));
  return std::string_view(first.data(), static_cast<size_t>(last.data() + last.size() - first.data()));
}

int ExpandIndent(std::string_view line) {
  size_t end = line.find_last_not_of("\r\n");
  line = end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
  if (line.find('\t') == std::string_view::npos) {
    size_t n = line.find_first_not_of(" \f\v");
    return static_cast<int>(n == std::string_view::npos ? line.size() : n);
  }
  int result = 0;
  for (char c : line) {
    if (c == '\t') {
      result = result / 8 * 8 + 8;
    } else if (c == ' ') {
      ++result;
    } else {
      break;
    }
  }
  return result;
}

Position LogicalLine::Locate(int offset) const {
  // The first entry at or after `offset`: a binary search, as rules locate every finding
  // and a long logical line can have thousands.
  auto it = std::lower_bound(mapping.begin(), mapping.end(), offset,
                             [](const std::pair<int, Position>& m, int off) { return m.first < off; });
  if (it == mapping.end()) return {0, 0};
  return {it->second.row, it->second.col + offset - it->first};
}

LineSplit SplitIntoLines(const Source& src) { return Driver(src).Run(); }

}  // namespace trajc::lint
