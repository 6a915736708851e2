// core/permutation — a seeded bijection of [0, n) computed per element in O(1) memory.
//
// The planner must order and assign up to millions of examples without holding a plan
// in memory (memory may not grow with --count). A 4-round Feistel network over the
// smallest even power of two ≥ n, with cycle-walking to stay inside [0, n), gives a
// permutation that is evaluated one index at a time.
#pragma once

#include <cstdint>

namespace trajc {

class KeyedPermutation {
 public:
  KeyedPermutation(uint64_t n, uint64_t key);
  uint64_t size() const { return n_; }
  // The image of i, for i < size().
  uint64_t operator()(uint64_t i) const;

 private:
  uint64_t Round(uint64_t half, int round) const;
  uint64_t n_;
  uint64_t key_;
  int half_bits_;
  uint64_t half_mask_;
};

}  // namespace trajc
