#include "stats/near_duplicates.h"

#include "core/prng.h"

namespace trajc::stats {

uint64_t NearDuplicateIndex::BandKey(const Signature& sig, int band) {
  uint64_t h = Mix64(static_cast<uint64_t>(band) + 0x42414E44ull /* "BAND" */);
  for (int r = 0; r < kRows; ++r) h = Mix64(h + sig[static_cast<size_t>(band * kRows + r)]);
  return h;
}

std::optional<NearMatch> NearDuplicateIndex::Find(const Signature& sig) const {
  int compared = 0;
  for (int band = 0; band < kBands; ++band) {
    auto it = heads_.find(BandKey(sig, band));
    if (it == heads_.end()) continue;
    for (uint32_t id = it->second; id != kNone; id = next_[static_cast<size_t>(id) * kBands + band]) {
      if (++compared > kMaxComparisons) return std::nullopt;
      double s = EstimatedJaccard(sig, signatures_[id]);
      if (s >= threshold_) return NearMatch{id, s};
    }
  }
  return std::nullopt;
}

uint32_t NearDuplicateIndex::Add(const Signature& sig) {
  auto id = static_cast<uint32_t>(signatures_.size());
  signatures_.push_back(sig);
  for (int band = 0; band < kBands; ++band) {
    auto [it, inserted] = heads_.try_emplace(BandKey(sig, band), id);
    next_.push_back(inserted ? kNone : it->second);
    it->second = id;
  }
  return id;
}

}  // namespace trajc::stats
