// stats/near_duplicates — finds, for each new signature, an earlier one whose estimated
// Jaccard similarity reaches a threshold. Locality-sensitive hashing: the 64 positions
// are cut into 16 bands of 4; two signatures become candidates when any band is equal
// (probability 1 - (1 - J^4)^16: 0.99999996 at J = 0.9, 0.64 at J = 0.5, so thresholds
// below about 0.6 miss pairs), and a candidate is reported only when its estimate
// reaches the threshold.
//
// Memory per signature: the signature (256 bytes), 16 chain links (64 bytes) and up to
// 16 bucket heads; nothing else grows with the input. Work per query is capped at
// kMaxComparisons candidates (latest first), so a pile of similar-but-not-near records
// cannot make a query quadratic; the cap can only miss a pair, never invent one.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "stats/minhash.h"

namespace trajc::stats {

inline constexpr int kBands = 16;
inline constexpr int kRows = kPermutations / kBands;
inline constexpr int kMaxComparisons = 4096;

struct NearMatch {
  uint32_t earlier = 0;  // id of the earlier signature
  double similarity = 0;
};

class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(double threshold) : threshold_(threshold) {}
  // The first earlier signature (most recent candidate first) at or above the threshold.
  std::optional<NearMatch> Find(const Signature& sig) const;
  // Adds a signature; its id is the number added before it.
  uint32_t Add(const Signature& sig);
  size_t size() const { return signatures_.size(); }
  const Signature& signature(uint32_t id) const { return signatures_[id]; }
  // Every earlier signature that shares a band with `sig`, band by band, latest first
  // within a band (an id that shares several bands is visited once per band). Uncapped,
  // unlike Find: a caller that must not miss a pair (compile/holdout's leak-free grouping)
  // bounds its own work, e.g. by skipping ids it already knows to be in the same group.
  template <class Visit>
  void ForEachCandidate(const Signature& sig, Visit&& visit) const {
    for (int band = 0; band < kBands; ++band) {
      auto it = heads_.find(BandKey(sig, band));
      if (it == heads_.end()) continue;
      for (uint32_t id = it->second; id != kNone; id = next_[static_cast<size_t>(id) * kBands + band]) visit(id);
    }
  }

 private:
  // Band keys are SplitMix64-mixed already; the identity keeps std::hash out.
  struct KeyHash {
    size_t operator()(uint64_t key) const { return static_cast<size_t>(key); }
  };
  static uint64_t BandKey(const Signature& sig, int band);
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  double threshold_;
  std::vector<Signature> signatures_;
  std::vector<uint32_t> next_;  // next_[id * kBands + band]: earlier id with the same band key
  std::unordered_map<uint64_t, uint32_t, KeyHash> heads_;  // lookups only; never iterated
};

}  // namespace trajc::stats
