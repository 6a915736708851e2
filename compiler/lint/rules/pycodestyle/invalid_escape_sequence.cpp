#include "lint/rules/pycodestyle/invalid_escape_sequence.h"

#include <algorithm>

namespace trajc::lint {

using python::Token;
using python::TokenType;

namespace {

bool ValidEscape(char c) { return std::string_view("\n\\'\"abfnrtv01234567xNuU").find(c) != std::string_view::npos; }

// Bytes of the UTF-8 character starting at s[i].
size_t CharLength(std::string_view s, size_t i) {
  size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}

}  // namespace

void CheckInvalidEscapeSequence(const Source& src, const LogicalLine& ll, Findings& out) {
  for (const Token* t = TokensBegin(src, ll); t != TokensEnd(src, ll); ++t) {
    if (t->type != TokenType::kString) continue;
    std::string_view text = t->text;
    std::string_view quote = text.size() >= 3 && (text.substr(text.size() - 3) == "\"\"\"" || text.substr(text.size() - 3) == "'''")
                                 ? text.substr(text.size() - 3)
                                 : text.substr(text.size() - 1);
    size_t quote_pos = text.find(quote);
    std::string_view prefix = text.substr(0, quote_pos);
    if (prefix.find_first_of("rR") != std::string_view::npos) continue;
    size_t body = quote_pos + quote.size();
    if (body + quote.size() > text.size()) continue;
    std::string_view string = text.substr(body, text.size() - quote.size() - body);
    size_t token_offset = OffsetOf(src, text);
    for (size_t pos = string.find('\\'); pos != std::string_view::npos; pos = string.find('\\', pos + 1)) {
      ++pos;
      if (pos >= string.size() || ValidEscape(string[pos])) continue;
      int row = t->start_row + static_cast<int>(std::count(string.begin(), string.begin() + static_cast<long>(pos), '\n'));
      size_t nl = string.rfind('\n', pos - 1);
      int col = row == t->start_row ? t->start_col + static_cast<int>(body + pos)
                                    : static_cast<int>(pos - nl - 1);
      size_t backslash = token_offset + body + pos - 1;
      Report(out, kInvalidEscapeSequence, row, col - 1, {string.substr(pos, CharLength(string, pos))},
             {Edit{backslash, backslash, "\\"}});
    }
  }
}

}  // namespace trajc::lint
