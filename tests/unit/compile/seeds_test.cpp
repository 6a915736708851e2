// The seed tree of compile/seeds.h: each derived seed is the formula every dataset so far
// was compiled with (the golden hashes depend on it).
#include <catch2/catch.hpp>

#include "compile/seeds.h"
#include "core/prng.h"

using namespace trajc::compile;
using trajc::DeriveSeed;

TEST_CASE("an example's seed is derived from --seed, the split's name and its index") {
  for (uint64_t index : {0ull, 1ull, 179ull, 1ull << 40}) {
    CHECK(ExampleSeed(42, "train", index) == DeriveSeed(DeriveSeed(42, "train"), index));
    CHECK(ExampleSeed(42, "eval", index) == DeriveSeed(SplitSeed(42, "eval"), index));
  }
  CHECK(ExampleSeed(42, "train", 0) != ExampleSeed(42, "eval", 0));
  CHECK(ExampleSeed(42, "train", 0) != ExampleSeed(43, "train", 0));
}

TEST_CASE("the salts keep their values") {
  CHECK(kOrderSalt == "order");
  CHECK(kRankSalt == "rank");
  CHECK(kStrataSalt == "strata");
  CHECK(kVariantSalt == 0x5bd1e995u);
  CHECK(kProofSalt == 0x5eed5eed5eed5eedull);
  uint64_t example = ExampleSeed(7, "train", 3);
  CHECK(ProofSeed(example) == trajc::Mix64(example ^ 0x5eed5eed5eed5eedull));
  CHECK(ProofSeed(example) != example);
  uint64_t split = SplitSeed(7, "train");
  CHECK(TemplateSeed(split, 2) == DeriveSeed(split, uint64_t{2}));
  CHECK(VariantSeed(TemplateSeed(split, 2), 5) == DeriveSeed(DeriveSeed(split, uint64_t{2}), uint64_t{5} + 0x5bd1e995u));
  // The variant salt keeps a node's variant key off the stratum keys under the same seed.
  CHECK(VariantSeed(TemplateSeed(split, 2), 1) != DeriveSeed(TemplateSeed(split, 2), uint64_t{1}));
}
