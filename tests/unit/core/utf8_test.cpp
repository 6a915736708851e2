// FindInvalidUtf8 skips ASCII eight bytes at a time: whatever the alignment of a bad byte
// or of a multi-byte sequence relative to those words, it finds what decoding every code
// point in turn finds.
#include <catch2/catch.hpp>

#include <string>

#include "core/utf8.h"

using trajc::DecodeUtf8;
using trajc::FindInvalidUtf8;

namespace {

// The reference: decode every code point from the start.
size_t FirstInvalidByDecoding(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    trajc::CodePoint cp = DecodeUtf8(text, i);
    if (!cp.valid) return i;
    i += cp.length;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("FindInvalidUtf8 finds the first invalid byte at every offset around the ASCII words") {
  const std::string pieces[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x82", "\x80",
                                "\xED\xA0\x80", "\xC0\xAF"};
  size_t invalid = 0;
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    for (const std::string& piece : pieces) {
      for (size_t suffix : {0, 1, 7, 8, 9, 17}) {
        std::string text = std::string(prefix, 'a') + piece + std::string(suffix, 'b');
        INFO("prefix " << prefix << ", piece of " << piece.size() << " bytes, suffix " << suffix);
        REQUIRE(FindInvalidUtf8(text) == FirstInvalidByDecoding(text));
        invalid += FindInvalidUtf8(text) != std::string_view::npos;
      }
    }
  }
  CHECK(invalid > 0);  // both outcomes were exercised
  CHECK(FindInvalidUtf8("") == std::string_view::npos);
  CHECK(FindInvalidUtf8(std::string(64, 'x')) == std::string_view::npos);
  CHECK(FindInvalidUtf8(std::string(64, 'x') + "\xFF") == 64);
  CHECK(FindInvalidUtf8("caf\xC3\xA9 ok") == std::string_view::npos);
}
