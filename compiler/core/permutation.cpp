#include "core/permutation.h"

#include "core/prng.h"

namespace trajc {

KeyedPermutation::KeyedPermutation(uint64_t n, uint64_t key) : n_(n), key_(key), half_bits_(1) {
  while ((uint64_t{1} << (2 * half_bits_)) < n_) ++half_bits_;
  half_mask_ = (uint64_t{1} << half_bits_) - 1;
}

uint64_t KeyedPermutation::Round(uint64_t half, int round) const {
  return Mix64(half ^ DeriveSeed(key_, static_cast<uint64_t>(round))) & half_mask_;
}

uint64_t KeyedPermutation::operator()(uint64_t i) const {
  if (n_ <= 1) return 0;
  uint64_t x = i;
  // Cycle-walking: the domain is at most 4n, so the expected number of walks is < 4.
  do {
    uint64_t left = x >> half_bits_;
    uint64_t right = x & half_mask_;
    for (int r = 0; r < 4; ++r) {
      uint64_t next = left ^ Round(right, r);
      left = right;
      right = next;
    }
    x = (left << half_bits_) | right;
  } while (x >= n_);
  return x;
}

}  // namespace trajc
