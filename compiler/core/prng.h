// core/prng — the only source of randomness in trajc.
//
// SplitMix64 (Steele, Lea, Flood 2014) is fully specified, so the same seed gives the
// same stream on every compiler and machine; std::uniform_int_distribution, std::shuffle
// and std::hash are implementation-defined and must never reach output.
#pragma once

#include <cstdint>
#include <string_view>

namespace trajc {

class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, bound) without modulo bias (Lemire's multiply-and-reject). bound > 0.
  uint64_t Below(uint64_t bound);

 private:
  uint64_t state_;
};

// The SplitMix64 finaliser: a bijective 64-bit mix.
uint64_t Mix64(uint64_t x);

// Derives an independent seed from a parent seed and a label or index: each example i
// gets DeriveSeed(seed, i), so examples do not depend on each other or on --jobs.
uint64_t DeriveSeed(uint64_t parent, uint64_t index);
uint64_t DeriveSeed(uint64_t parent, std::string_view label);

// FNV-1a 64 of a string: a stable, specified string hash (unlike std::hash).
uint64_t StableHash(std::string_view text);

}  // namespace trajc
