#include "core/prng.h"

namespace trajc {

uint64_t SplitMix64::Below(uint64_t bound) {
  // 128-bit multiply maps a 64-bit draw onto [0, bound); the rejection zone removes bias.
  uint64_t x = Next();
  __uint128_t m = static_cast<__uint128_t>(x) * bound;
  uint64_t low = static_cast<uint64_t>(m);
  if (low < bound) {
    uint64_t threshold = (0 - bound) % bound;
    while (low < threshold) {
      x = Next();
      m = static_cast<__uint128_t>(x) * bound;
      low = static_cast<uint64_t>(m);
    }
  }
  return static_cast<uint64_t>(m >> 64);
}

uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t DeriveSeed(uint64_t parent, uint64_t index) {
  return Mix64(Mix64(parent ^ 0x6A09E667F3BCC909ull) + Mix64(index + 0x9E3779B97F4A7C15ull));
}

uint64_t DeriveSeed(uint64_t parent, std::string_view label) {
  return DeriveSeed(parent, StableHash(label));
}

uint64_t StableHash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

}  // namespace trajc
