// python/cpython_tokens — the token stream CPython 3.11's C tokenizer gives its parser,
// with the C tokenizer's own errors.
//
// This is not python/tokenize (the port of the pure-Python `tokenize` module that
// pycodestyle sees): `ast.parse` runs on the C tokenizer, which tracks brackets, checks
// tabs against spaces (TabError), rejects malformed numbers and unknown characters, and
// stops at the first error. compile_check uses these tokens to decide what `ast.parse`
// would raise. Comments and NL are dropped, as the parser never sees them.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trajc::python {

enum class CKind { kName, kNumber, kString, kOp, kNewline, kIndent, kDedent, kEndMarker };

// A text of 1 to 8 bytes, none of them NUL, as one integer (its bytes little-endian); 0
// for any other text. Keywords and operators all fit, so testing a token against a set of
// them is integer compares (compile_check asks that of every token many times).
constexpr uint64_t WordKey(std::string_view text) {
  if (text.empty() || text.size() > 8) return 0;
  uint64_t key = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') return 0;
    key |= static_cast<uint64_t>(static_cast<unsigned char>(text[i])) << (8 * i);
  }
  return key;
}

// CPython 3.11's hard keywords (keyword.kwlist), and the same as WordKeys.
inline constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
    "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
    "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};

inline constexpr std::array<uint64_t, kKeywords.size()> kKeywordWords = [] {
  std::array<uint64_t, kKeywords.size()> words{};
  for (size_t i = 0; i < kKeywords.size(); ++i) words[i] = WordKey(kKeywords[i]);
  return words;
}();

struct CToken {
  CKind kind = CKind::kEndMarker;
  std::string_view text;  // empty for NEWLINE/INDENT/DEDENT/ENDMARKER
  int row = 0;            // 1-based
  int col = 0;            // 0-based byte column of the start
  int level = 0;          // bracket depth around the token; a bracket has its pair's outer depth
  uint64_t word = 0;      // WordKey(text)
  // A NAME that is one of kKeywords: decided once here, as compile_check asks it of every
  // token several times.
  bool keyword = false;
};

// One error as CPython raises it: `offset` is SyntaxError.offset (1-based characters);
// flake8 prints it at column offset + 1.
struct CError {
  int row = 0;
  int offset = 0;
  std::string type;     // "SyntaxError", "IndentationError", "TabError"
  std::string message;  // "unterminated string literal (detected at line 3)"
};

struct CTokens {
  std::vector<CToken> tokens;        // up to the first error (ENDMARKER when none)
  std::optional<CError> error;       // the first tokenizer error
  // CPython's tokenizer only sets its state for this error, raising no exception
  // (E_DEDENT, E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF): the parser raises it when it
  // reads that far, so a parser error on an earlier line wins.
  bool error_is_state = false;
  // Brackets still open at the end of the file: CPython reports the innermost one when
  // the parser runs into the end, or when a later syntax error lies below its line.
  std::optional<CError> unclosed;
  int unclosed_row = 0;
};

// `lines` as from SplitLines ("\n" endings). Never throws.
CTokens TokenizeLikeCPython(const std::vector<std::string_view>& lines);

// CPython's 1-based character offset of byte column `byte_col` in `line` (+1).
int CharOffset(std::string_view line, int byte_col);

}  // namespace trajc::python
