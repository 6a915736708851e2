// stats/distribution — a count per example (messages, tool calls) summarised as
// min / median / mean / p90 / max. Values are kept as a histogram (value -> how many
// examples), so memory grows with the number of distinct values, not of examples.
// Percentiles use the nearest-rank definition: p-th percentile of n sorted values is
// the value at 1-based rank ceil(p/100 * n); so the median of {1, 2} is 1.
#pragma once

#include <cstdint>
#include <map>

namespace trajc::stats {

struct Summary {
  uint64_t count = 0;  // values summarised; all fields are 0 when it is 0
  uint64_t min = 0;
  uint64_t median = 0;
  double mean = 0;
  uint64_t p90 = 0;
  uint64_t max = 0;
};

class Distribution {
 public:
  void Add(uint64_t value) {
    ++histogram_[value];
    ++count_;
    sum_ += value;
  }
  uint64_t count() const { return count_; }
  uint64_t sum() const { return sum_; }
  // Nearest-rank percentile, 0 < p <= 100; 0 when empty.
  uint64_t Percentile(double p) const;
  Summary Summarise() const;

 private:
  std::map<uint64_t, uint64_t> histogram_;
  uint64_t count_ = 0;
  uint64_t sum_ = 0;
};

}  // namespace trajc::stats
