#include "python/tokenize.h"

#include <array>

namespace trajc::python {

namespace {

constexpr int kTabSize = 8;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Python's `\w` for the code points that matter in source code; exotic punctuation outside
// ASCII is rare enough in code that a short exclusion list suffices.
bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA || (cp >= 0xBC && cp <= 0xBE);
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x3003) return false;
  if (cp == 0xFEFF || (cp >= 0xFF00 && cp <= 0xFF0F)) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;
  return true;
}

// Length of a `[0-9](?:_?[0-9])*` match at i, or 0.
size_t DigitPart(std::string_view s, size_t i) {
  if (i >= s.size() || !IsDigit(s[i])) return 0;
  size_t j = i + 1;
  while (j < s.size()) {
    if (IsDigit(s[j])) {
      ++j;
    } else if (s[j] == '_' && j + 1 < s.size() && IsDigit(s[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  return j - i;
}

size_t Exponent(std::string_view s, size_t i) {
  if (i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return 0;
  size_t j = i + 1;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
  size_t d = DigitPart(s, j);
  return d ? j + d - i : 0;
}

size_t PointFloat(std::string_view s, size_t i) {
  size_t j;
  if (size_t d = DigitPart(s, i); d && i + d < s.size() && s[i + d] == '.') {
    j = i + d + 1;
    j += DigitPart(s, j);
  } else if (i < s.size() && s[i] == '.' && DigitPart(s, i + 1)) {
    j = i + 1 + DigitPart(s, i + 1);
  } else {
    return 0;
  }
  j += Exponent(s, j);
  return j - i;
}

size_t FloatNumber(std::string_view s, size_t i) {
  if (size_t p = PointFloat(s, i)) return p;
  size_t d = DigitPart(s, i);
  if (!d) return 0;
  size_t e = Exponent(s, i + d);
  return e ? d + e : 0;
}

bool IsJ(std::string_view s, size_t i) { return i < s.size() && (s[i] == 'j' || s[i] == 'J'); }

size_t RadixNumber(std::string_view s, size_t i, char lower, bool (*ok)(char)) {
  if (i + 1 >= s.size() || s[i] != '0' || (s[i + 1] != lower && s[i + 1] != lower - 32)) return 0;
  size_t j = i + 2;
  size_t start = j;
  while (j < s.size()) {
    if (ok(s[j])) {
      ++j;
    } else if (s[j] == '_' && j + 1 < s.size() && ok(s[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  return j > start ? j - i : 0;
}

// The `Number` alternation of tokenize.py, in its order.
size_t Number(std::string_view s, size_t i) {
  if (size_t d = DigitPart(s, i); d && IsJ(s, i + d)) return d + 1;
  if (size_t f = FloatNumber(s, i)) return IsJ(s, i + f) ? f + 1 : f;
  if (size_t h = RadixNumber(s, i, 'x', IsHex)) return h;
  if (size_t b = RadixNumber(s, i, 'b', [](char c) { return c == '0' || c == '1'; })) return b;
  if (size_t o = RadixNumber(s, i, 'o', [](char c) { return c >= '0' && c <= '7'; })) return o;
  if (i < s.size() && s[i] == '0') {
    size_t j = i + 1;
    while (j < s.size()) {
      if (s[j] == '0') {
        ++j;
      } else if (s[j] == '_' && j + 1 < s.size() && s[j + 1] == '0') {
        j += 2;
      } else {
        break;
      }
    }
    return j - i;
  }
  if (i < s.size() && s[i] >= '1' && s[i] <= '9') return DigitPart(s, i);
  return 0;
}

size_t Operator(std::string_view s, size_t i) {
  // Every operator starts with one of these; most tokens (names) do not, and skip the
  // comparisons below.
  static constexpr std::string_view kFirst = "!%&()*+,-./:;<=>@[]^{|}~";
  if (i >= s.size() || kFirst.find(s[i]) == std::string_view::npos) return 0;
  static constexpr std::array<std::string_view, 49> kOps = {
      "**=", "...", "//=", "<<=", ">>=", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->",
      "//",  "/=",  ":=",  "<<",  "<=",  "==", ">=", ">>", "@=", "^=", "|=", "%",  "&",
      "(",   ")",   "*",   "+",   ",",   "-",  ".",  "/",  ":",  ";",  "<",  "=",  ">",
      "@",   "[",   "]",   "^",   "{",   "|",  "}",  "~",  "",   ""};
  const std::string_view rest = s.substr(i);
  for (std::string_view op : kOps) {
    // Byte by byte: a memcmp call per candidate cost more than the mismatch it finds.
    if (op.empty() || op.size() > rest.size()) continue;
    size_t k = 0;
    while (k < op.size() && rest[k] == op[k]) ++k;
    if (k == op.size()) return op.size();
  }
  return 0;
}

// Length of a string prefix (b, r, u, f, br, rb, fr, rf in any case) at i followed by a quote.
size_t StringPrefix(std::string_view s, size_t i) {
  auto lower = [&](size_t k) -> char {
    if (k >= s.size()) return 0;
    char c = s[k];
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  };
  auto is_quote = [&](size_t k) { return k < s.size() && (s[k] == '\'' || s[k] == '"'); };
  if (is_quote(i)) return 0;
  char a = lower(i), b = lower(i + 1);
  if ((a == 'b' || a == 'r' || a == 'u' || a == 'f') && is_quote(i + 1)) return 1;
  bool pair = (a == 'b' && b == 'r') || (a == 'r' && b == 'b') || (a == 'f' && b == 'r') || (a == 'r' && b == 'f');
  if (pair && is_quote(i + 2)) return 2;
  return std::string_view::npos;
}

// Where a string body starting at i ends (just past the closing quote(s)), or npos.
size_t MatchStringEnd(std::string_view s, size_t i, std::string_view quote) {
  while (i < s.size()) {
    if (s[i] == '\\') {
      i += 2;
      continue;
    }
    if (s.substr(i, quote.size()) == quote) return i + quote.size();
    ++i;
  }
  return std::string_view::npos;
}

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t i, size_t* length) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *length = 1;
    return c;
  }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    auto d = static_cast<unsigned char>(s[i + k]);
    if ((d >> 6) != 2) {
      *length = 1;
      return c;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *length = n;
  return cp;
}


Tokens Tokenize(const std::vector<std::string_view>& lines) {
  Tokens out;
  auto& toks = out.tokens;
  toks.reserve(ExpectedTokens(lines));
  int lnum = 0, parenlev = 0;
  bool continued = false;
  std::vector<int> indents = {0};
  // A string that spans lines: where it starts and which quote ends it.
  bool in_contstr = false, needcont = false;
  int str_row = 0, str_col = 0;
  std::string_view endquote;
  std::string_view last_line, line;
  auto span = [&](int row_a, size_t col_a, int row_b, size_t col_b) {
    const char* a = lines[row_a - 1].data() + col_a;
    const char* b = lines[row_b - 1].data() + col_b;
    return std::string_view(a, static_cast<size_t>(b - a));
  };
  auto emit = [&](TokenType type, std::string_view text, int sr, size_t sc, int er, size_t ec, int lf, int ll) {
    toks.push_back(Token{type, text, sr, static_cast<int>(sc), er, static_cast<int>(ec), lf, ll});
  };
  const auto total = static_cast<int>(lines.size());
  while (true) {
    last_line = line;
    line = lnum < total ? lines[lnum] : std::string_view();
    ++lnum;
    size_t pos = 0, max = line.size();
    if (in_contstr) {
      if (line.empty()) {
        out.ok = false;
        out.error = "EOF in multi-line string";
        return out;
      }
      size_t end = MatchStringEnd(line, 0, endquote);
      if (end != std::string_view::npos) {
        pos = end;
        emit(TokenType::kString, span(str_row, str_col, lnum, end), str_row, str_col, lnum, end, str_row, lnum);
        in_contstr = needcont = false;
      } else if (needcont && !(line.size() >= 2 && line.substr(line.size() - 2) == "\\\n")) {
        emit(TokenType::kErrorToken, span(str_row, str_col, lnum, line.size()), str_row, str_col, lnum, line.size(), str_row, lnum - 1);
        in_contstr = false;
        continue;
      } else {
        continue;
      }
    } else if (parenlev == 0 && !continued) {
      if (line.empty()) break;
      int column = 0;
      while (pos < max) {
        if (line[pos] == ' ') {
          ++column;
        } else if (line[pos] == '\t') {
          column = (column / kTabSize + 1) * kTabSize;
        } else if (line[pos] == '\f') {
          column = 0;
        } else {
          break;
        }
        ++pos;
      }
      if (pos == max) break;
      if (line[pos] == '#' || line[pos] == '\r' || line[pos] == '\n') {
        if (line[pos] == '#') {
          size_t end = line.find_first_of("\r\n", pos);
          if (end == std::string_view::npos) end = max;
          emit(TokenType::kComment, line.substr(pos, end - pos), lnum, pos, lnum, end, lnum, lnum);
          pos = end;
        }
        emit(TokenType::kNl, line.substr(pos), lnum, pos, lnum, max, lnum, lnum);
        continue;
      }
      if (column > indents.back()) {
        indents.push_back(column);
        emit(TokenType::kIndent, line.substr(0, pos), lnum, 0, lnum, pos, lnum, lnum);
      }
      while (column < indents.back()) {
        bool found = false;
        for (int level : indents) found = found || level == column;
        if (!found) {
          out.ok = false;
          out.error = "unindent does not match any outer indentation level";
          return out;
        }
        indents.pop_back();
        emit(TokenType::kDedent, line.substr(pos, 0), lnum, pos, lnum, pos, lnum, lnum);
      }
    } else {
      if (line.empty()) {
        out.ok = false;
        out.error = "EOF in multi-line statement";
        return out;
      }
      continued = false;
    }

    while (pos < max) {
      size_t start = pos;
      while (start < max && (line[start] == ' ' || line[start] == '\f' || line[start] == '\t')) ++start;
      auto tok = [&](TokenType type, size_t end) {
        emit(type, line.substr(start, end - start), lnum, start, lnum, end, lnum, lnum);
        pos = end;
      };
      if (start == max) {  // `\Z`
        pos = max;
        break;
      }
      char c = line[start];
      if (c == '\\' && start + 1 < max && line[start + 1] == '\n') {
        continued = true;
        pos = start + 2;
        continue;
      }
      if (c == '#') {
        size_t end = line.find_first_of("\r\n", start);
        tok(TokenType::kComment, end == std::string_view::npos ? max : end);
        continue;
      }
      size_t prefix = StringPrefix(line, start);
      if (prefix != std::string_view::npos) {
        size_t q = start + prefix;
        std::string_view three = line.substr(q, 3);
        if (three == "'''" || three == "\"\"\"") {
          size_t end = MatchStringEnd(line, q + 3, three);
          if (end != std::string_view::npos) {
            tok(TokenType::kString, end);
          } else {
            in_contstr = true;
            needcont = false;
            str_row = lnum;
            str_col = static_cast<int>(start);
            endquote = three;
            pos = max;
          }
          continue;
        }
      }
      if (size_t n = (IsDigit(c) || c == '.') ? Number(line, start) : 0) {
        tok(TokenType::kNumber, start + n);
        continue;
      }
      if (c == '\n' || c == '\r') {
        tok(parenlev > 0 ? TokenType::kNl : TokenType::kNewline, start + 1);
        continue;
      }
      if (size_t n = Operator(line, start)) {
        if (c == '(' || c == '[' || c == '{') ++parenlev;
        if (c == ')' || c == ']' || c == '}') --parenlev;
        tok(TokenType::kOp, start + n);
        continue;
      }
      if (prefix != std::string_view::npos) {
        // ContStr: a ' or " string ending on this line or continued with a backslash.
        size_t q = start + prefix;
        char quote = line[q];
        size_t i = q + 1;
        bool matched = false, cont = false;
        while (i < max) {
          if (line[i] == quote) {
            matched = true;
            ++i;
            break;
          }
          if (line[i] == '\n') break;
          if (line[i] == '\\') {
            if (i + 1 < max && line[i + 1] == '\n') {
              matched = cont = true;
              i += 2;
              break;
            }
            if (i + 1 >= max) break;
            i += 2;
            continue;
          }
          ++i;
        }
        if (matched) {
          if (cont) {
            in_contstr = needcont = true;
            str_row = lnum;
            str_col = static_cast<int>(start);
            endquote = line.substr(q, 1);
            pos = max;
            break;
          }
          tok(TokenType::kString, i);
          continue;
        }
      }
      size_t n = 0;
      size_t first_len = 0;
      while (start + n < max) {
        if (static_cast<unsigned char>(line[start + n]) < 0x80) {  // ASCII, without decoding
          if (!IsWordCodePoint(static_cast<unsigned char>(line[start + n]))) break;
          if (n == 0) first_len = 1;
          ++n;
          continue;
        }
        size_t len;
        char32_t cp = DecodeUtf8(line, start + n, &len);
        if (!IsWordCodePoint(cp)) break;
        if (n == 0) first_len = len;
        n += len;
      }
      if (n) {
        // `initial.isidentifier()`: a leading non-ASCII digit would be an error token.
        tok(first_len == 1 && IsDigit(c) ? TokenType::kErrorToken : TokenType::kName, start + n);
        continue;
      }
      size_t len;
      DecodeUtf8(line, pos, &len);
      emit(TokenType::kErrorToken, line.substr(pos, len), lnum, pos, lnum, pos + len, lnum, lnum);
      pos += len;
    }
  }
  if (!last_line.empty() && last_line.back() != '\n' && last_line.back() != '\r') {
    size_t s = last_line.find_first_not_of(" \t\f\v\r\n");
    bool comment = s != std::string_view::npos && last_line[s] == '#';
    if (!comment) {
      emit(TokenType::kNewline, last_line.substr(last_line.size()), lnum - 1, last_line.size(), lnum - 1,
           last_line.size() + 1, 0, 0);
    }
  }
  for (size_t i = 1; i < indents.size(); ++i) emit(TokenType::kDedent, std::string_view(), lnum, 0, lnum, 0, 0, 0);
  emit(TokenType::kEndMarker, std::string_view(), lnum, 0, lnum, 0, 0, 0);
  return out;
}

}  // namespace trajc::python
