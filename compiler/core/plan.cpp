#include "core/plan.h"

#include <algorithm>

#include "core/prng.h"

namespace trajc {

namespace {

// Gives each template an equal share of `count`, capped by `limit`, handing what a
// capped template cannot take to the others, in the seeded order `rank`.
void Share(uint64_t count, const std::vector<uint64_t>& limit, const std::vector<size_t>& rank,
           std::vector<uint64_t>& allocation) {
  uint64_t remaining = count;
  while (remaining > 0) {
    std::vector<size_t> open;
    for (size_t t : rank)
      if (allocation[t] < limit[t]) open.push_back(t);
    if (open.empty()) return;
    uint64_t share = remaining / open.size(), extra = remaining % open.size();
    uint64_t given = 0;
    for (size_t k = 0; k < open.size(); ++k) {
      size_t t = open[k];
      uint64_t want = share + (k < extra ? 1 : 0);
      uint64_t take = std::min(want, limit[t] - allocation[t]);
      allocation[t] += take;
      given += take;
    }
    remaining -= given;
    if (given == 0) return;
  }
}

}  // namespace

SplitPlan::SplitPlan(uint64_t seed, std::string_view split, uint64_t count, std::vector<TemplateCapacity> capacity)
    : seed_(DeriveSeed(seed, split)), count_(count), capacity_(std::move(capacity)), order_(count, DeriveSeed(seed_, "order")) {
  size_t n = capacity_.size();
  allocation_.assign(n, 0);
  // A seeded rank decides who gets the odd extra example, so no template is favoured.
  std::vector<size_t> rank(n);
  KeyedPermutation rank_perm(n, DeriveSeed(seed_, "rank"));
  for (size_t i = 0; i < n; ++i) rank[i] = rank_perm(i);
  std::vector<uint64_t> distinct(n), unlimited(n, 0);
  for (size_t t = 0; t < n; ++t) {
    distinct[t] = capacity_[t].distinct();
    distinct_ = distinct_ + distinct[t] < distinct_ ? UINT64_MAX : distinct_ + distinct[t];
    if (capacity_[t].nodes > 0) unlimited[t] = UINT64_MAX;
  }
  Share(count_, distinct, rank, allocation_);
  uint64_t given = 0;
  for (uint64_t a : allocation_) given += a;
  if (given < count_) Share(count_ - given, unlimited, rank, allocation_);  // repeats, reported
  uint64_t start = 0;
  for (size_t t = 0; t < n; ++t) {
    start_.push_back(start);
    start += allocation_[t];
    node_order_.emplace_back(capacity_[t].nodes, DeriveSeed(seed_, t));
  }
}

PlanSlot SplitPlan::At(uint64_t index) const {
  uint64_t position = order_(index);
  size_t t = static_cast<size_t>(std::upper_bound(start_.begin(), start_.end(), position) - start_.begin()) - 1;
  // Skip templates with no examples that share the same start.
  while (allocation_[t] == 0 || position >= start_[t] + allocation_[t]) ++t;
  uint64_t k = position - start_[t];
  const TemplateCapacity& cap = capacity_[t];
  PlanSlot slot;
  slot.template_index = t;
  uint64_t use = k % cap.nodes;
  uint64_t round = k / cap.nodes;
  slot.node = node_order_[t](use);
  KeyedPermutation variants(cap.variants, DeriveSeed(DeriveSeed(seed_, t), slot.node + 0x5bd1e995u));
  slot.variant = variants(round % cap.variants);
  slot.repeat = round >= cap.variants;
  return slot;
}

}  // namespace trajc
