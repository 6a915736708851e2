// compile/plan — which (template, node, variant) each example of a split gets.
//
// Templates are covered evenly: each gets ⌊n/T⌋ or ⌈n/T⌉ examples unless it cannot fill
// that many distinct ones, in which case its share goes to the others. Within a template,
// its viable nodes are used round-robin in a seeded order (strata, when given, take turns
// in that order), and each use of a node takes the next unused phrasing variant, so
// examples stay distinct while capacity lasts; past capacity, examples repeat and the
// plan says so (never silently). The order of all examples is a seeded permutation.
// Nothing is stored per example (only per node): At(i) computes slot i. Every seeded
// order is keyed as compile/seeds.h lists. Nothing here fails: a template without viable
// nodes gets no examples, and a split with none at all is refused before it is planned.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/permutation.h"

namespace trajc::compile {

struct TemplateCapacity {
  uint64_t nodes = 0;     // viable fixture nodes in this split
  uint64_t variants = 1;  // phrasing variants of the template
  // Sizes of the consecutive runs of nodes that form strata (e.g. one per docstring
  // style), summing to `nodes`; empty: one stratum. Uses of a template's nodes are
  // spread over its strata in proportion to their sizes, so that any prefix of the uses
  // is mixed evenly (equal strata take turns) instead of by chance.
  std::vector<uint64_t> strata = {};
  uint64_t distinct() const { return nodes * variants; }
};

struct PlanSlot {
  size_t template_index = 0;
  uint64_t node = 0;     // index into the template's viable nodes
  uint64_t variant = 0;
  bool repeat = false;   // the same (template, node, variant) was already used
};

class SplitPlan {
 public:
  SplitPlan(uint64_t seed, std::string_view split, uint64_t count, std::vector<TemplateCapacity> capacity);

  PlanSlot At(uint64_t index) const;

  uint64_t count() const { return count_; }
  // Distinct (template, node, variant) examples the split can give, whatever the count.
  uint64_t distinct_capacity() const { return distinct_; }
  uint64_t repeats() const { return count_ > distinct_ ? count_ - distinct_ : 0; }
  const std::vector<uint64_t>& allocation() const { return allocation_; }

 private:
  uint64_t seed_;
  uint64_t count_;
  uint64_t distinct_ = 0;
  std::vector<TemplateCapacity> capacity_;
  std::vector<uint64_t> allocation_;
  std::vector<uint64_t> start_;  // first plan position of each template
  KeyedPermutation order_;
  std::vector<KeyedPermutation> node_order_;
  std::vector<std::vector<uint64_t>> stratified_order_;  // per template with strata: node of each use
};

}  // namespace trajc::compile
