// lint/rules/word_set — a fixed set of short words (Python's keywords, operators) that the
// logical-line rules test every word or token of a line against.
//
// Each word of the set is held as python::WordKey (its bytes as one integer), so a test is
// one key computation and integer compares instead of a string compare per word of the set
// (a memcmp call whenever the lengths agree). A text that has no key (empty, longer than
// 8 bytes, or holding a NUL byte) is never in a set, as no word of a set may be such a text.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "python/cpython_tokens.h"

namespace trajc::lint {

template <size_t N>
class WordSet {
 public:
  // consteval: a word without a key stops the build (a throw in a constant evaluation).
  consteval explicit WordSet(const std::array<std::string_view, N>& words) {
    for (size_t i = 0; i < N; ++i) {
      keys_[i] = python::WordKey(words[i]);
      if (keys_[i] == 0) throw "WordSet: every word must be 1 to 8 bytes, without NUL";
    }
  }

  bool Contains(std::string_view text) const {
    const uint64_t key = python::WordKey(text);
    if (key == 0) return false;
    for (uint64_t k : keys_) {
      if (k == key) return true;
    }
    return false;
  }

 private:
  std::array<uint64_t, N> keys_{};
};

}  // namespace trajc::lint
