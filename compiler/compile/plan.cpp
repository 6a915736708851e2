#include "compile/plan.h"

#include <algorithm>

#include "compile/seeds.h"

namespace trajc::compile {

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

// The order in which a template's nodes are used when they form strata: each stratum's
// nodes in a seeded order, the strata interleaved in proportion to their sizes (the j-th
// node of a stratum of size s sits at (j + ½) / s of the way), ties broken by a seeded
// rank of the strata so that no stratum always comes first.
std::vector<uint64_t> StratifiedOrder(const std::vector<uint64_t>& strata, uint64_t template_seed) {
  struct Use {
    uint64_t j, size;  // position (2j + 1) / (2 size)
    uint64_t rank;
    uint64_t node;
  };
  std::vector<Use> uses;
  KeyedPermutation rank(strata.size(), DeriveSeed(template_seed, kStrataSalt));
  uint64_t first = 0;
  for (size_t i = 0; i < strata.size(); ++i) {
    KeyedPermutation order(strata[i], DeriveSeed(template_seed, i));
    for (uint64_t j = 0; j < strata[i]; ++j) uses.push_back({j, strata[i], rank(i), first + order(j)});
    first += strata[i];
  }
  // Exact in 64 bits: node counts are bounded by the fixtures, far below 2^31.
  std::sort(uses.begin(), uses.end(), [](const Use& a, const Use& b) {
    uint64_t left = (2 * a.j + 1) * b.size, right = (2 * b.j + 1) * a.size;
    return left != right ? left < right : a.rank < b.rank;
  });
  std::vector<uint64_t> out;
  out.reserve(uses.size());
  for (const Use& u : uses) out.push_back(u.node);
  return out;
}

}  // namespace

SplitPlan::SplitPlan(uint64_t seed, std::string_view split, uint64_t count, std::vector<TemplateCapacity> capacity)
    : seed_(SplitSeed(seed, split)),
      count_(count),
      capacity_(std::move(capacity)),
      order_(count, DeriveSeed(seed_, kOrderSalt)) {
  size_t n = capacity_.size();
  allocation_.assign(n, 0);
  // A seeded rank decides who gets the odd extra example, so no template is favoured.
  std::vector<size_t> rank(n);
  KeyedPermutation rank_perm(n, DeriveSeed(seed_, kRankSalt));
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
    uint64_t template_seed = TemplateSeed(seed_, t);
    node_order_.emplace_back(capacity_[t].nodes, template_seed);
    const std::vector<uint64_t>& strata = capacity_[t].strata;
    stratified_order_.push_back(strata.size() > 1 ? StratifiedOrder(strata, template_seed) : std::vector<uint64_t>{});
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
  slot.node = stratified_order_[t].empty() ? node_order_[t](use) : stratified_order_[t][use];
  KeyedPermutation variants(cap.variants, VariantSeed(TemplateSeed(seed_, t), slot.node));
  slot.variant = variants(round % cap.variants);
  slot.repeat = round >= cap.variants;
  return slot;
}

}  // namespace trajc::compile
