#include "stats/distribution.h"

#include <cmath>

namespace trajc::stats {

uint64_t Distribution::Percentile(double p) const {
  if (count_ == 0) return 0;
  double exact = std::ceil(p / 100.0 * static_cast<double>(count_));
  uint64_t rank = exact < 1 ? 1 : static_cast<uint64_t>(exact);
  if (rank > count_) rank = count_;
  uint64_t seen = 0;
  for (const auto& [value, n] : histogram_) {
    seen += n;
    if (seen >= rank) return value;
  }
  return histogram_.rbegin()->first;
}

Summary Distribution::Summarise() const {
  Summary s;
  if (count_ == 0) return s;
  s.count = count_;
  s.min = histogram_.begin()->first;
  s.max = histogram_.rbegin()->first;
  s.median = Percentile(50);
  s.p90 = Percentile(90);
  s.mean = static_cast<double>(sum_) / static_cast<double>(count_);
  return s;
}

}  // namespace trajc::stats
