// Follows CPython 3.11's Parser/tokenizer.c (tok_get) closely enough to raise the same
// errors at the same offsets; the comments name the C function each part mirrors.
#include "python/cpython_tokens.h"

#include <array>
#include <cstdio>

#include "python/tokenize.h"

namespace trajc::python {

namespace {

constexpr int kTabSize = 8;
constexpr int kAltTabSize = 1;
constexpr size_t kMaxIndent = 100;  // MAXINDENT of Parser/tokenizer.h

bool IsAsciiDigit(int c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(int c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// is_potential_identifier_start / _char: every non-ASCII byte may belong to a name.
bool IdentStart(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
bool IdentChar(int c) { return IdentStart(c) || IsAsciiDigit(c); }

// Py_UNICODE_ISPRINTABLE for the code points that occur in source text: control
// characters, format characters and every space separator but ' ' are not printable.
bool Printable(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if (cp >= 0x2000 && cp <= 0x200F) return false;
  if (cp >= 0x2028 && cp <= 0x202F) return false;
  if (cp >= 0x205F && cp <= 0x206F) return false;
  if (cp == 0x3000 || cp == 0xFEFF || cp == 0x1680) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;
  return true;
}

// Code points that PyUnicode_IsIdentifier rejects inside a name (XID_Continue's
// complement, for the blocks that show up in source code: Latin-1 punctuation, general
// punctuation, currency, arrows, math and box drawing, CJK punctuation, emoji).
bool NotInIdentifier(char32_t cp, bool first) {
  if (cp < 0x80) return !IdentChar(static_cast<int>(cp)) || (first && IsAsciiDigit(static_cast<int>(cp)));
  if (!Printable(cp)) return true;
  if (cp < 0xC0) return !(cp == 0xAA || cp == 0xB5 || cp == 0xBA || (!first && cp == 0xB7));
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2010 && cp <= 0x2027) return true;
  if (cp >= 0x2030 && cp <= 0x205E) return true;
  if (cp >= 0x20A0 && cp <= 0x20CF) return true;
  if (cp >= 0x2190 && cp <= 0x2BFF) return true;
  if (cp >= 0x3001 && cp <= 0x3003) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;
  return false;
}

std::string CodePointText(char32_t cp) {
  std::array<char, 16> hex{};
  std::snprintf(hex.data(), hex.size(), "%04X", static_cast<unsigned>(cp));
  return hex.data();
}

// Longest operator at line[i] (PyToken_ThreeChars / TwoChars / OneChar): 3, 2 or 1, as
// CPython hands even `$` or `?` to the parser as a one-character OP.
size_t OperatorLength(std::string_view line, size_t i) {
  const char c = line[i];
  const char d = i + 1 < line.size() ? line[i + 1] : '\0';
  const char e = i + 2 < line.size() ? line[i + 2] : '\0';
  const bool doubled = c == d && (c == '*' || c == '/' || c == '<' || c == '>');  // ** // << >>
  if ((doubled && e == '=') || (c == '.' && d == '.' && e == '.')) return 3;
  if (d == '=' && std::string_view("!%&*+-/:<=>@^|").find(c) != std::string_view::npos) return 2;  // != %= ... |=
  if (doubled || (c == '-' && d == '>') || (c == '<' && d == '>')) return 2;
  return 1;
}

class Scanner {
 public:
  explicit Scanner(const std::vector<std::string_view>& lines) : lines_(lines) {}

  CTokens Run() {
    int total = static_cast<int>(lines_.size());
    out_.tokens.reserve(ExpectedTokens(lines_));  // a hint: no comments nor NL here, so fewer
    bool cont = false;  // the previous line ended with a backslash continuation
    for (row_ = 1; row_ <= total && !out_.error; ++row_) {
      line_ = lines_[row_ - 1];
      size_t pos = 0;
      if (!cont && !Indentation(&pos)) break;
      cont = false;
      if (!Line(pos, &cont)) break;
    }
    if (out_.error) return std::move(out_);
    if (cont) {  // tok_continuation_line: end of file right after a backslash
      std::string_view last = lines_.back();
      StateError(total, CharOffset(last, static_cast<int>(last.find('\n') == std::string_view::npos ? last.size() : last.find('\n'))),
            "SyntaxError", "unexpected EOF while parsing");
      return std::move(out_);
    }
    int end_row = std::max(total, 1);
    std::string_view last = total ? lines_.back() : std::string_view();
    int end_col = static_cast<int>(last.size()) - (!last.empty() && last.back() == '\n' ? 1 : 0);
    if (!brackets_.empty()) {
      const Open& b = brackets_.back();
      out_.unclosed = CError{b.row, CharOffset(lines_[b.row - 1], b.col), "SyntaxError",
                             std::string("'") + b.c + "' was never closed"};
      out_.unclosed_row = b.row;
    }
    if (!out_.tokens.empty() && out_.tokens.back().kind != CKind::kNewline && out_.tokens.back().kind != CKind::kDedent &&
        out_.tokens.back().kind != CKind::kIndent && brackets_.empty()) {
      Push(CKind::kNewline, {}, end_row, end_col);
    }
    for (size_t i = 1; i < indents_.size(); ++i) Push(CKind::kDedent, {}, end_row, end_col);
    Push(CKind::kEndMarker, {}, end_row, end_col);
    return std::move(out_);
  }

 private:
  struct Open {
    char c;
    int row;
    int col;
  };

  void Push(CKind kind, std::string_view text, int row, int col) {
    const uint64_t word = WordKey(text);
    const bool keyword = kind == CKind::kName && word != 0 &&
                         std::find(kKeywordWords.begin(), kKeywordWords.end(), word) != kKeywordWords.end();
    out_.tokens.push_back(CToken{kind, text, row, col, static_cast<int>(brackets_.size()), word, keyword});
  }

  void Error(int row, int offset, std::string type, std::string message) {
    out_.error = CError{row, offset, std::move(type), std::move(message)};
  }
  void StateError(int row, int offset, std::string type, std::string message) {
    Error(row, offset, std::move(type), std::move(message));
    out_.error_is_state = true;
  }

  // The atbol part of tok_get: col with tabs to 8, altcol with tabs to 1; blank and
  // comment-only lines and lines inside brackets leave the indent stack alone.
  bool Indentation(size_t* pos) {
    int col = 0, altcol = 0;
    size_t i = 0;
    for (; i < line_.size(); ++i) {
      char c = line_[i];
      if (c == ' ') {
        ++col, ++altcol;
      } else if (c == '\t') {
        col = (col / kTabSize + 1) * kTabSize;
        altcol = (altcol / kAltTabSize + 1) * kAltTabSize;
      } else if (c == '\f') {
        col = altcol = 0;
      } else {
        break;
      }
    }
    *pos = i;
    if (i >= line_.size() || line_[i] == '#' || line_[i] == '\n' || !brackets_.empty()) return true;
    // 3.11's tok_get reads on over a backslash continuation at the start of a line: the
    // column of the first backslash is the line's indentation, and the line is blank when
    // what follows the continuations is a comment or the end of a line.
    for (size_t r = static_cast<size_t>(row_), k = i; k + 1 < lines_[r - 1].size() && lines_[r - 1][k] == '\\' &&
                                                   lines_[r - 1][k + 1] == '\n';) {
      if (r >= lines_.size()) return true;  // the end of the file after the backslash
      std::string_view next = lines_[r++];
      k = next.find_first_not_of(" \t\f");
      if (k == std::string_view::npos || next[k] == '#' || next[k] == '\n') return true;
    }
    auto tab_error = [&] {
      StateError(row_, 1, "TabError", "inconsistent use of tabs and spaces in indentation");
      return false;
    };
    if (col == indents_.back().first) {
      if (altcol != indents_.back().second) return tab_error();
    } else if (col > indents_.back().first) {
      // E_TOODEEP: CPython's indent stack holds MAXINDENT (100) columns, the first being 0,
      // and this check comes before the tab check.
      if (indents_.size() >= kMaxIndent) {
        StateError(row_, 1, "IndentationError", "too many levels of indentation");
        return false;
      }
      if (altcol <= indents_.back().second) return tab_error();
      indents_.emplace_back(col, altcol);
      Push(CKind::kIndent, {}, row_, static_cast<int>(i));
    } else {
      while (indents_.size() > 1 && col < indents_.back().first) {
        indents_.pop_back();
        Push(CKind::kDedent, {}, row_, static_cast<int>(i));
      }
      if (col != indents_.back().first) {
        std::string_view content = line_.substr(0, line_.find('\n'));
        StateError(row_, CharOffset(line_, static_cast<int>(content.size())), "IndentationError",
              "unindent does not match any outer indentation level");
        return false;
      }
      if (altcol != indents_.back().second) return tab_error();
    }
    return true;
  }

  // The rest of tok_get over one physical line; false on an error.
  bool Line(size_t pos, bool* cont) {
    bool any = false;  // a token on this line (so its newline ends a statement)
    for (;;) {
      while (pos < line_.size() && (line_[pos] == ' ' || line_[pos] == '\t' || line_[pos] == '\f')) ++pos;
      if (pos >= line_.size() || line_[pos] == '#' || line_[pos] == '\n') {
        bool ends_statement = brackets_.empty() && (any || StatementOpen());
        if (ends_statement && (pos < line_.size() || row_ == static_cast<int>(lines_.size()))) {
          if (pos < line_.size()) Push(CKind::kNewline, {}, row_, static_cast<int>(pos));
        }
        return true;
      }
      size_t start = pos;
      int c = static_cast<unsigned char>(line_[pos]);
      any = true;
      if (c == '\\') {
        if (pos + 1 < line_.size() && line_[pos + 1] == '\n') {
          *cont = true;
          return true;
        }
        // tok_continuation_line: E_LINECONT
        StateError(row_, CharOffset(line_, static_cast<int>(pos + 1)), "SyntaxError",
              "unexpected character after line continuation character");
        return false;
      }
      if (IdentStart(c)) {
        size_t quote = PrefixedQuote(pos);
        if (quote != std::string_view::npos) {
          if (!String(start, quote, &pos)) return false;
          if (pos == std::string_view::npos) return true;  // continued onto later lines (row_ moved)
          continue;
        }
        if (!Name(&pos)) return false;
        Push(CKind::kName, line_.substr(start, pos - start), row_, static_cast<int>(start));
        continue;
      }
      if (IsAsciiDigit(c) || (c == '.' && pos + 1 < line_.size() && IsAsciiDigit(line_[pos + 1]))) {
        if (!Number(&pos)) return false;
        Push(CKind::kNumber, line_.substr(start, pos - start), row_, static_cast<int>(start));
        continue;
      }
      if (c == '\'' || c == '"') {
        if (!String(start, start, &pos)) return false;
        if (pos == std::string_view::npos) return true;
        continue;
      }
      if (c < 128 && !Printable(static_cast<char32_t>(c))) {
        Error(row_, CharOffset(line_, static_cast<int>(pos)), "SyntaxError",
              "invalid non-printable character U+" + CodePointText(static_cast<char32_t>(c)));
        return false;
      }
      size_t n = OperatorLength(line_, pos);
      if (!Bracket(c, pos)) return false;
      Push(CKind::kOp, line_.substr(start, n), row_, static_cast<int>(start));
      // A bracket sits at the depth outside it, like the tokens around its pair.
      if (c == '(' || c == '[' || c == '{') --out_.tokens.back().level;
      pos += n;
    }
  }

  // Within a statement continued from an earlier line by a backslash or a string.
  bool StatementOpen() const {
    if (out_.tokens.empty()) return false;
    CKind k = out_.tokens.back().kind;
    return k != CKind::kNewline && k != CKind::kIndent && k != CKind::kDedent;
  }

  bool Bracket(int c, size_t pos) {
    if (c == '(' || c == '[' || c == '{') {
      brackets_.push_back({static_cast<char>(c), row_, static_cast<int>(pos)});
      return true;
    }
    if (c != ')' && c != ']' && c != '}') return true;
    int offset = CharOffset(line_, static_cast<int>(pos));  // just past the bracket
    if (brackets_.empty()) {
      Error(row_, offset, "SyntaxError", std::string("unmatched '") + static_cast<char>(c) + "'");
      return false;
    }
    Open open = brackets_.back();
    brackets_.pop_back();
    char want = open.c == '(' ? ')' : open.c == '[' ? ']' : '}';
    if (want != c) {
      std::string message = std::string("closing parenthesis '") + static_cast<char>(c) +
                            "' does not match opening parenthesis '" + open.c + "'";
      if (open.row != row_) message += " on line " + std::to_string(open.row);
      Error(row_, offset, "SyntaxError", std::move(message));
      return false;
    }
    return true;
  }

  // The string-prefix loop of tok_get: where the quote is when line_[pos] starts a
  // prefixed string (b, r, u, f and their legal pairs), else npos.
  size_t PrefixedQuote(size_t pos) const {
    bool b = false, r = false, u = false, f = false;
    for (size_t i = pos; i < line_.size() && i < pos + 3; ++i) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(line_[i])));
      if (!(b || u || f) && c == 'b') {
        b = true;
      } else if (!(b || u || r || f) && c == 'u') {
        u = true;
      } else if (!(r || u) && c == 'r') {
        r = true;
      } else if (!(f || b || u) && c == 'f') {
        f = true;
      } else {
        return std::string_view::npos;
      }
      if (i + 1 < line_.size() && (line_[i + 1] == '\'' || line_[i + 1] == '"')) return i + 1;
    }
    return std::string_view::npos;
  }

  // A name; non-ASCII names are checked like verify_identifier.
  bool Name(size_t* pos) {
    size_t start = *pos;
    size_t i = start;
    while (i < line_.size() && IdentChar(static_cast<unsigned char>(line_[i]))) {
      size_t len = 1;
      char32_t cp = static_cast<unsigned char>(line_[i]) < 128 ? static_cast<unsigned char>(line_[i]) : DecodeUtf8(line_, i, &len);
      if (NotInIdentifier(cp, i == start)) {
        std::string message = Printable(cp) ? "invalid character '" + std::string(line_.substr(i, len)) + "' (U+" + CodePointText(cp) + ")"
                                            : "invalid non-printable character U+" + CodePointText(cp);
        Error(row_, CharOffset(line_, static_cast<int>(i)), "SyntaxError", std::move(message));
        return false;
      }
      i += len;
    }
    *pos = i;
    return true;
  }

  int At(size_t i) const { return i < line_.size() ? static_cast<unsigned char>(line_[i]) : -1; }

  // syntaxerror(): the offset counts the characters before tok->cur.
  bool NumberError(size_t cur, const std::string& message) {
    Error(row_, CharOffset(line_, static_cast<int>(cur)) - 1, "SyntaxError", message);
    return false;
  }

  // verify_end_of_number: a name character right after a number is an error, except the
  // start of a keyword that may follow a number in valid code (`1if x else 2`).
  bool EndOfNumber(size_t i, const char* kind) {
    int c = At(i);
    std::string_view rest = line_.substr(std::min(i, line_.size()));
    for (std::string_view kw : {"and", "else", "for", "if", "in", "is", "or", "not"}) {
      if (rest.substr(0, kw.size()) == kw) return true;
    }
    if (c >= 0 && IdentChar(c)) return NumberError(i, std::string("invalid ") + kind + " literal");
    return true;
  }

  // tok_decimal_tail: digits with single underscores; returns the index after them.
  bool DecimalTail(size_t* i) {
    for (;;) {
      while (IsAsciiDigit(At(*i))) ++*i;
      if (At(*i) != '_') return true;
      ++*i;
      if (!IsAsciiDigit(At(*i))) return NumberError(*i, "invalid decimal literal");
    }
  }

  bool Radix(size_t* i, const char* kind, int max_digit) {
    auto ok = [&](int c) { return max_digit == 16 ? IsHexDigit(c) : (c >= '0' && c < '0' + max_digit); };
    do {
      if (At(*i) == '_') ++*i;
      if (!ok(At(*i))) {
        if (max_digit != 16 && IsAsciiDigit(At(*i)))
          return NumberError(*i + 1, std::string("invalid digit '") + static_cast<char>(At(*i)) + "' in " + kind + " literal");
        return NumberError(*i, std::string("invalid ") + kind + " literal");
      }
      while (ok(At(*i))) ++*i;
    } while (At(*i) == '_');
    if (max_digit != 16 && IsAsciiDigit(At(*i)))
      return NumberError(*i + 1, std::string("invalid digit '") + static_cast<char>(At(*i)) + "' in " + kind + " literal");
    return EndOfNumber(*i, kind);
  }

  // The number part of tok_get.
  bool Number(size_t* pos) {
    size_t start = *pos, i = start;
    auto exponent_and_rest = [&](size_t* j) -> bool {
      if (At(*j) == 'e' || At(*j) == 'E') {
        size_t e = *j;
        ++*j;
        if (At(*j) == '+' || At(*j) == '-') {
          ++*j;
          if (!IsAsciiDigit(At(*j))) return NumberError(*j, "invalid decimal literal");
        } else if (!IsAsciiDigit(At(*j))) {
          if (!EndOfNumber(e, "decimal")) return false;
          *j = e;  // `1e` followed by a keyword: the number is `1`
          return true;
        }
        if (!DecimalTail(j)) return false;
      }
      if (At(*j) == 'j' || At(*j) == 'J') {
        ++*j;
        return EndOfNumber(*j, "imaginary");
      }
      return EndOfNumber(*j, "decimal");
    };
    auto fraction = [&](size_t* j) -> bool {  // *j just past the '.'
      if (IsAsciiDigit(At(*j)) && !DecimalTail(j)) return false;
      return exponent_and_rest(j);
    };
    if (At(i) == '.') {
      ++i;
      if (!fraction(&i)) return false;
    } else if (At(i) == '0') {
      ++i;
      int c = At(i);
      if (c == 'x' || c == 'X') {
        ++i;
        if (!Radix(&i, "hexadecimal", 16)) return false;
      } else if (c == 'o' || c == 'O') {
        ++i;
        if (!Radix(&i, "octal", 8)) return false;
      } else if (c == 'b' || c == 'B') {
        ++i;
        if (!Radix(&i, "binary", 2)) return false;
      } else {
        for (;;) {
          if (At(i) == '_') {
            ++i;
            if (!IsAsciiDigit(At(i))) return NumberError(i, "invalid decimal literal");
          }
          if (At(i) != '0') break;
          ++i;
        }
        bool nonzero = false;
        if (IsAsciiDigit(At(i))) {
          nonzero = true;
          if (!DecimalTail(&i)) return false;
        }
        if (At(i) == '.') {
          ++i;
          if (!fraction(&i)) return false;
        } else if (At(i) == 'e' || At(i) == 'E' || At(i) == 'j' || At(i) == 'J') {
          if (!exponent_and_rest(&i)) return false;
        } else if (nonzero) {
          return NumberError(start + 1,
                             "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        } else if (!EndOfNumber(i, "decimal")) {
          return false;
        }
      }
    } else {
      if (!DecimalTail(&i)) return false;
      if (At(i) == '.') {
        ++i;
        if (!fraction(&i)) return false;
      } else if (!exponent_and_rest(&i)) {
        return false;
      }
    }
    *pos = i;
    return true;
  }

  // A string from `start` (its prefix) with the quote at `quote`; may run over lines, in
  // which case row_/line_ move to its last line and *pos is set to npos when the line
  // has been consumed, else to the index after the string on the current line.
  bool String(size_t start, size_t quote, size_t* pos) {
    char q = line_[quote];
    size_t size = line_.substr(quote, 3) == std::string(3, q) ? 3 : 1;
    int first_row = row_;
    std::string_view first_line = line_;
    size_t i = quote + size;
    if (size == 1 && At(quote + 1) == q) {  // the empty string
      *pos = quote + 2;
      Push(CKind::kString, line_.substr(start, *pos - start), row_, static_cast<int>(start));
      return true;
    }
    size_t run = 0;
    for (;;) {
      if (i >= line_.size() || (size == 1 && line_[i] == '\n')) {
        // The error points just past the string's first character (tok->start + 1).
        int offset = CharOffset(first_line, static_cast<int>(start));
        if (size == 1) {
          Error(first_row, offset, "SyntaxError", "unterminated string literal (detected at line " + std::to_string(row_) + ")");
          return false;
        }
        if (row_ >= static_cast<int>(lines_.size())) {
          Error(first_row, offset, "SyntaxError",
                "unterminated triple-quoted string literal (detected at line " + std::to_string(row_) + ")");
          return false;
        }
        ++row_;
        line_ = lines_[row_ - 1];
        i = 0;
        continue;
      }
      char c = line_[i];
      if (c == q) {
        if (++run == size) {
          *pos = i + 1;
          // The token keeps its first row; its text is only used on one-line strings.
          Push(CKind::kString, row_ == first_row ? line_.substr(start, *pos - start) : std::string_view(), first_row,
               static_cast<int>(start));
          return true;
        }
        ++i;
        continue;
      }
      run = 0;
      if (c == '\\') {
        if (i + 1 < line_.size()) {
          i += 2;
        } else {  // a backslash at the end of a line without "\n": end of file
          i += 1;
        }
        if (size == 1 && i >= line_.size() && line_.back() == '\n') {
          // `'abc\` + newline: the string goes on on the next line
          if (row_ >= static_cast<int>(lines_.size())) {
            Error(first_row, CharOffset(first_line, static_cast<int>(start)), "SyntaxError",
                  "unterminated string literal (detected at line " + std::to_string(row_) + ")");
            return false;
          }
          ++row_;
          line_ = lines_[row_ - 1];
          i = 0;
        }
        continue;
      }
      ++i;
    }
  }

  const std::vector<std::string_view>& lines_;
  CTokens out_;
  int row_ = 0;
  std::string_view line_;
  std::vector<std::pair<int, int>> indents_ = {{0, 0}};
  std::vector<Open> brackets_;
};

}  // namespace

int CharOffset(std::string_view line, int byte_col) {
  int chars = 0;
  size_t limit = std::min(static_cast<size_t>(std::max(byte_col, 0)), line.size());
  for (size_t i = 0; i < limit; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + (byte_col - static_cast<int>(limit)) + 1;
}

CTokens TokenizeLikeCPython(const std::vector<std::string_view>& lines) { return Scanner(lines).Run(); }

}  // namespace trajc::python
