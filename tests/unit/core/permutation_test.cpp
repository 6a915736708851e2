#include <catch2/catch.hpp>

#include <vector>

#include "core/permutation.h"

TEST_CASE("KeyedPermutation is a bijection of [0, n) for many sizes") {
  for (uint64_t n : {1ull, 2ull, 3ull, 7ull, 16ull, 17ull, 180ull, 1000ull, 4097ull}) {
    trajc::KeyedPermutation p(n, 99);
    std::vector<bool> hit(n, false);
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t v = p(i);
      REQUIRE(v < n);
      REQUIRE_FALSE(hit[v]);
      hit[v] = true;
    }
  }
}

TEST_CASE("KeyedPermutation depends on its key and nothing else") {
  trajc::KeyedPermutation a(1000, 1), b(1000, 1), c(1000, 2);
  int same = 0;
  for (uint64_t i = 0; i < 1000; ++i) {
    REQUIRE(a(i) == b(i));
    same += a(i) == c(i);
  }
  CHECK(same < 20);
}
