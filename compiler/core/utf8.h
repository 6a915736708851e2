// core/utf8 — every text input (fixtures, YAML, JSONL) must be valid UTF-8.
#pragma once

#include <string_view>

namespace trajc {

// Byte offset of the first byte that is not part of valid UTF-8 (overlong forms and
// surrogates included), or std::string_view::npos.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace trajc
