#include <catch2/catch.hpp>

#include "core/prng.h"

using trajc::SplitMix64;

TEST_CASE("SplitMix64 gives the reference stream for seed 0") {
  // Reference values of Vigna's splitmix64.c for seed 0.
  SplitMix64 rng(0);
  CHECK(rng.Next() == 0xe220a8397b1dcdafull);
  CHECK(rng.Next() == 0x6e789e6aa1b965f4ull);
  CHECK(rng.Next() == 0x06c45d188009454full);
}

TEST_CASE("Below stays in range and reaches every value") {
  SplitMix64 rng(7);
  int seen[5] = {0, 0, 0, 0, 0};
  for (int i = 0; i < 5000; ++i) {
    uint64_t v = rng.Below(5);
    REQUIRE(v < 5);
    ++seen[v];
  }
  for (int count : seen) CHECK(count > 800);
  CHECK(rng.Below(1) == 0);
}

TEST_CASE("DeriveSeed separates indexes and labels") {
  CHECK(trajc::DeriveSeed(42, uint64_t{0}) != trajc::DeriveSeed(42, uint64_t{1}));
  CHECK(trajc::DeriveSeed(42, uint64_t{1}) != trajc::DeriveSeed(43, uint64_t{1}));
  CHECK(trajc::DeriveSeed(42, "train") != trajc::DeriveSeed(42, "eval"));
  CHECK(trajc::StableHash("") == 0xcbf29ce484222325ull);
  CHECK(trajc::StableHash("a") == 0xaf63dc4c8601ec8cull);
}
