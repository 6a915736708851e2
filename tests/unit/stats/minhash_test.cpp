#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/prng.h"
#include "stats/minhash.h"
#include "stats/near_duplicates.h"

using namespace trajc::stats;

namespace {

// A made-up text of `words` words drawn from a small vocabulary.
std::vector<std::string> Words(uint64_t seed, int words) {
  static const char* vocab[] = {"lint", "the", "file", "and", "fix", "what", "flake8", "reports", "line", "issue",
                                "code", "call", "tool", "run", "apply", "submit", "result", "path", "text", "value"};
  trajc::SplitMix64 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < words; ++i) out.push_back(vocab[rng.Below(20)] + std::to_string(rng.Below(50)));
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

}  // namespace

TEST_CASE("shingles are word 5-grams; whitespace does not matter") {
  CHECK(ShingleSet("a b c d e").size() == 1);
  CHECK(ShingleSet("a b c d e f").size() == 2);
  CHECK(ShingleSet("a  b\tc\nd e") == ShingleSet("a b c d e"));
  CHECK(ShingleSet("a b").size() == 1);  // a short text is one shingle
  CHECK(ShingleSet("").empty());
  CHECK(ShingleSet("a b c d e f") != ShingleSet("a b c d e g"));
}

TEST_CASE("the MinHash estimate follows the exact Jaccard similarity") {
  // Pairs of texts with a growing share of changed words; the estimate must stay within
  // 4 standard errors of the exact Jaccard of the shingle sets.
  for (int changes : {0, 1, 3, 10, 30, 80, 200}) {
    CAPTURE(changes);
    std::vector<std::string> a = Words(42, 400);
    std::vector<std::string> b = a;
    trajc::SplitMix64 rng(7 + static_cast<uint64_t>(changes));
    for (int i = 0; i < changes; ++i) b[rng.Below(b.size())] = "changed" + std::to_string(i);
    double exact = ExactJaccard(ShingleSet(Join(a)), ShingleSet(Join(b)));
    double estimate = EstimatedJaccard(MinHashOfText(Join(a)), MinHashOfText(Join(b)));
    double sigma = std::sqrt(std::max(exact * (1 - exact), 0.01) / kPermutations);
    CAPTURE(exact, estimate);
    CHECK(std::fabs(estimate - exact) <= 4 * sigma);
  }
  CHECK(EstimatedJaccard(MinHashOfText("same text here and there"), MinHashOfText("same text here and there")) == 1.0);
  // Unrelated texts share (almost) no position.
  CHECK(EstimatedJaccard(MinHashOfText(Join(Words(1, 300))), MinHashOfText(Join(Words(2, 300)))) < 0.1);
}

TEST_CASE("signatures are stable across runs and machines") {
  // Pinned: a change to the shingling, hashing or seeds changes reports, so it must be deliberate.
  Signature s = MinHashOfText("Lint rate_limiter.py and fix whatever flake8 reports.");
  CHECK(s == MinHashOfText("Lint  rate_limiter.py and fix whatever\nflake8 reports."));
  CHECK(s[0] == 125983941u);
  CHECK(s[1] == 3816862721u);
  CHECK(s[63] == 50568342u);
  Signature empty = MinHashOfText("");
  for (uint32_t v : empty) CHECK(v == 0xFFFFFFFFu);
}

TEST_CASE("the LSH index finds a near duplicate and not an unrelated text") {
  NearDuplicateIndex index(0.9);
  std::vector<std::string> base = Words(3, 600);
  index.Add(MinHashOfText(Join(Words(4, 600))));
  index.Add(MinHashOfText(Join(base)));
  std::vector<std::string> one_word = base;
  one_word[300] = "different";
  auto match = index.Find(MinHashOfText(Join(one_word)));
  REQUIRE(match.has_value());
  CHECK(match->earlier == 1);
  CHECK(match->similarity >= 0.9);
  CHECK_FALSE(index.Find(MinHashOfText(Join(Words(5, 600)))).has_value());
  // Half the words changed: similar, but far below the threshold.
  std::vector<std::string> half = base;
  for (size_t i = 0; i < half.size(); i += 2) half[i] = "x" + std::to_string(i);
  CHECK_FALSE(index.Find(MinHashOfText(Join(half))).has_value());
}
