// stats/minhash — near-duplicate fingerprints. A text becomes the set of its word
// 5-gram shingles (words split on ASCII whitespace; a text of fewer than 5 words is one
// shingle of all its words); a MinHash signature keeps, for each of kPermutations
// hash functions, the least hash over the set. The share of equal positions in two
// signatures estimates the Jaccard similarity of the two sets (standard error about
// sqrt(J(1-J)/64), i.e. ±0.04 at J = 0.9).
//
// Every hash is specified (FNV-1a words, SplitMix64 mixing, seeds from SplitMix64), so
// signatures are the same on every machine; std::hash is never used.
#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace trajc::stats {

inline constexpr int kPermutations = 64;
inline constexpr int kShingleWords = 5;

// 32-bit minima: half the memory of 64-bit ones, and a spurious equal position
// (probability 2^-32) does not move an estimate.
using Signature = std::array<uint32_t, kPermutations>;

// Feeds text pieces (each piece ends a word) and turns them into shingle hashes.
class Shingler {
 public:
  void Add(std::string_view text);
  // Ends the text: a text of 1–4 words yields its one shingle here.
  void Finish();
  const std::vector<uint64_t>& shingles() const { return shingles_; }

 private:
  void Word(uint64_t word_hash);
  std::array<uint64_t, kShingleWords> window_{};
  uint64_t words_ = 0;
  std::vector<uint64_t> shingles_;
};

// The shingle hashes of one text (as a set, for exact Jaccard in tests).
std::set<uint64_t> ShingleSet(std::string_view text);
double ExactJaccard(const std::set<uint64_t>& a, const std::set<uint64_t>& b);

// The signature of a set of shingle hashes; an empty set gives all-ones.
Signature MinHash(const std::vector<uint64_t>& shingles);
Signature MinHashOfText(std::string_view text);

// Estimated Jaccard similarity: equal positions / kPermutations.
double EstimatedJaccard(const Signature& a, const Signature& b);

}  // namespace trajc::stats
