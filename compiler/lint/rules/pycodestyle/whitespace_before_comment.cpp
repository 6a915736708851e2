#include "lint/rules/pycodestyle/whitespace_before_comment.h"

namespace trajc::lint {

namespace {

using python::TokenType;

// Length of the no-break space (pycodestyle's WHITESPACE has ' ', '\t' and '\xa0') at
// s[i], 0 when there is none: one byte in a latin-1 file, two in UTF-8.
size_t NoBreakSpaceAt(const Source& src, std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (src.bytes_are_chars) return s[i] == '\xA0' ? 1 : 0;
  return s.substr(i, 2) == "\xC2\xA0" ? 2 : 0;
}

// `# ` followed by the comment's text without its leading `#`s and blanks; "#" when
// nothing is left.
std::string Reformatted(const Source& src, std::string_view text) {
  size_t i = text.find_first_not_of('#');
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
    } else if (size_t n = NoBreakSpaceAt(src, text, i)) {
      i += n;
    } else {
      break;
    }
  }
  if (i >= text.size()) return "#";
  return "# " + std::string(text.substr(i));
}

void CheckComment(const Source& src, const python::Token& t, bool inline_comment, Findings& out) {
  std::string_view text = t.text;
  // symbol, sp, comment = text.partition(' ')
  size_t space = text.find(' ');
  std::string_view symbol = text.substr(0, space);
  std::string_view comment = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  // bad_prefix = symbol not in '#:' and (symbol.lstrip('#')[:1] or '#'); 0 = no bad prefix.
  char bad_prefix = 0;
  if (symbol != "#" && symbol != "#:" && !symbol.empty()) {
    size_t first = symbol.find_first_not_of('#');
    bad_prefix = first == std::string_view::npos ? '#' : symbol[first];
  }
  size_t begin = src.Offset(t.start_row, t.start_col);
  auto report = [&](const Violation& violation, std::string replacement) {
    std::vector<Edit> fix;
    if (t.start_row == t.end_row && replacement != text) fix.push_back(Edit{begin, begin + text.size(), std::move(replacement)});
    Report(out, violation, t.start_row, t.start_col, {}, std::move(fix));
  };
  if (inline_comment) {
    bool blank_first = !comment.empty() && (comment[0] == ' ' || comment[0] == '\t' || NoBreakSpaceAt(src, comment, 0) > 0);
    if (bad_prefix != 0 || blank_first) {
      report(kNoSpaceAfterInlineComment, Reformatted(src, text));
    }
  } else if (bad_prefix != 0 && (bad_prefix != '!' || t.start_row > 1)) {
    if (bad_prefix != '#') {
      report(kNoSpaceAfterBlockComment, Reformatted(src, text));
    } else if (!comment.empty()) {
      report(kMultipleLeadingHashesForBlockComment, "#" + std::string(text.substr(symbol.size())));
    }
  }
}

}  // namespace

void CheckWhitespaceBeforeComment(const Source& src, const LogicalLine& ll, Findings& out) {
  Position prev_end{0, 0};
  for (const auto* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type == TokenType::kComment) {
      std::string_view line = src.Line(t->start_row);
      std::string_view before = line.substr(0, std::min(static_cast<size_t>(t->start_col), line.size()));
      bool inline_comment = before.find_first_not_of(" \t\f\v\r\n") != std::string_view::npos;
      if (inline_comment && prev_end.row == t->start_row && t->start_col < prev_end.col + 2) {
        size_t begin = src.Offset(prev_end.row, prev_end.col);
        size_t end = src.Offset(t->start_row, t->start_col);
        std::vector<Edit> fix;
        if (begin <= end) fix.push_back(Edit{begin, end, "  "});
        Report(out, kTooFewSpacesBeforeInlineComment, prev_end.row, prev_end.col, {}, std::move(fix));
      }
      CheckComment(src, *t, inline_comment, out);
    } else if (t->type != TokenType::kNl) {
      prev_end = {t->end_row, t->end_col};
    }
  }
}

}  // namespace trajc::lint
