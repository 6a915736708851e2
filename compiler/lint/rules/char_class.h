// lint/rules/char_class — the character classes pycodestyle's regular expressions and str
// methods use, defined once for every rule (as ruff's pycodestyle helpers). They test the
// bytes of UTF-8 text, so a character outside ASCII is seen one byte at a time.
#pragma once

namespace trajc::lint {

// Python's str.isspace() on an ASCII character (re's \s in a str pattern): the space,
// \t \n \v \f \r, and the separators 0x1c-0x1f that str.split() and strip() also remove.
constexpr bool IsPySpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f'); }

// re's \w in a str pattern: ASCII letters, digits and '_', and every byte of a non-ASCII
// character (Python counts letters of any script as word characters; trajc does not
// decode here, and no rule needs to tell non-ASCII letters from other symbols).
constexpr bool IsWordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace trajc::lint
