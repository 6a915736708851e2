// core/utf8 — every text input (fixtures, YAML, JSONL) must be valid UTF-8; lengths that
// users see (E501's line length, JSON Schema's minLength, regex subjects) count code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace trajc {

struct CodePoint {
  uint32_t value = 0xFFFD;  // U+FFFD for an invalid sequence
  size_t length = 1;        // bytes consumed; 1 for an invalid byte
  bool valid = false;
};

// Decodes the sequence starting at text[at] (at < text.size()). Overlong forms,
// surrogates and values above U+10FFFF are invalid.
CodePoint DecodeUtf8(std::string_view text, size_t at);

// Appends the UTF-8 encoding of `cp` (at most U+10FFFF; a lone surrogate is encoded as
// any other value, as Python's surrogatepass does).
void AppendUtf8(std::string& out, uint32_t cp);

// Byte offset of the first byte that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view text);

// Code points in valid UTF-8 (each byte that does not continue a sequence counts one).
size_t CountCodePoints(std::string_view text);

// `text` when it has at most `limit` bytes; otherwise its start, cut before a UTF-8
// sequence, plus "...", in at most `limit` bytes (for values quoted in messages).
std::string ShortenUtf8(std::string text, size_t limit);

}  // namespace trajc
