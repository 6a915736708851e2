// python/tokenize — a port of CPython 3.11's pure-Python `tokenize` module.
//
// The lint rules that mirror pycodestyle see tokens exactly as flake8 does under CPython
// 3.11: an f-string is ONE STRING token, `\` continuations produce no token, a missing
// final newline yields an empty NEWLINE token. Positions are (1-based row, 0-based byte
// column) into `text`, which must use "\n" line endings (flake8 reads with universal
// newlines). Tokenize never throws; a TokenError or IndentationError of CPython is
// reported through `ok == false` with the tokens produced up to that point.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text_lines.h"

namespace trajc::python {

enum class TokenType { kName, kNumber, kString, kOp, kComment, kNl, kNewline, kIndent, kDedent, kErrorToken, kEndMarker };

struct Token {
  TokenType type = TokenType::kEndMarker;
  std::string_view text;  // a view into the tokenized text
  int start_row = 0, start_col = 0, end_row = 0, end_col = 0;
  // CPython's `token.line`: the physical lines [line_first, line_last] (1-based rows);
  // line_first == 0 when CPython gives an empty line (EOF tokens).
  int line_first = 0, line_last = 0;
};

struct Tokens {
  std::vector<Token> tokens;
  bool ok = true;
  std::string error;  // "EOF in multi-line string", ...
};

// Splits `text` into physical lines, each keeping its "\n" (the last may lack one).
using trajc::SplitLines;

// Python source has about one token per 5 bytes: room for the tokens of `lines` (from
// SplitLines), so the token array of a large file is not regrown and copied a dozen times.
inline size_t ExpectedTokens(const std::vector<std::string_view>& lines) {
  if (lines.empty()) return 1;
  const size_t bytes = static_cast<size_t>(lines.back().data() + lines.back().size() - lines.front().data());
  return bytes / 5 + 16;
}

// Tokenizes `lines` (from SplitLines); the views in the result point into them.
Tokens Tokenize(const std::vector<std::string_view>& lines);

// Decodes the UTF-8 code point at s[i] (invalid bytes decode as themselves, length 1).
char32_t DecodeUtf8(std::string_view s, size_t i, size_t* length);

}  // namespace trajc::python
