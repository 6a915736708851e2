#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <tuple>

#include "compile/plan.h"

using trajc::compile::SplitPlan;
using trajc::compile::TemplateCapacity;

TEST_CASE("templates are covered evenly, within one of each other") {
  SplitPlan plan(42, "train", 180, {{10, 12}, {6, 5}, {20, 3}, {7, 8}, {9, 9}, {8, 4}, {5, 7}});
  std::map<size_t, int> per_template;
  for (uint64_t i = 0; i < plan.count(); ++i) ++per_template[plan.At(i).template_index];
  int lo = 1000, hi = 0;
  for (auto& [t, n] : per_template) {
    lo = std::min(lo, n);
    hi = std::max(hi, n);
  }
  CHECK(per_template.size() == 7);
  CHECK(hi - lo <= 1);
  CHECK(plan.repeats() == 0);
}

TEST_CASE("where capacity is short, the short templates are full and the rest within one") {
  std::vector<TemplateCapacity> caps = {{10, 12}, {4, 5}, {20, 3}, {7, 8}, {9, 9}, {3, 4}, {5, 5}};
  SplitPlan plan(42, "train", 180, caps);
  uint64_t hi = 0;
  for (uint64_t a : plan.allocation()) hi = std::max(hi, a);
  for (size_t t = 0; t < caps.size(); ++t) {
    INFO("template " << t);
    CHECK((plan.allocation()[t] == caps[t].distinct() || plan.allocation()[t] + 1 >= hi));
  }
  CHECK(plan.allocation()[5] == 12);
  CHECK(plan.allocation()[1] == 20);
}

TEST_CASE("a template short of distinct examples gives its share to the others") {
  SplitPlan plan(1, "train", 30, {{1, 2}, {10, 10}, {10, 10}});
  CHECK(plan.allocation()[0] == 2);
  CHECK(plan.allocation()[1] + plan.allocation()[2] == 28);
  CHECK(plan.repeats() == 0);
}

TEST_CASE("every example is distinct while capacity lasts, then repeats are counted") {
  SplitPlan plan(5, "eval", 24, {{3, 4}, {2, 6}});
  std::set<std::tuple<size_t, uint64_t, uint64_t>> seen;
  for (uint64_t i = 0; i < plan.count(); ++i) {
    auto s = plan.At(i);
    CHECK_FALSE(s.repeat);
    CHECK(seen.insert({s.template_index, s.node, s.variant}).second);
  }
  SplitPlan over(5, "eval", 30, {{3, 4}, {2, 6}});
  CHECK(over.distinct_capacity() == 24);
  CHECK(over.repeats() == 6);
  int repeats = 0;
  for (uint64_t i = 0; i < over.count(); ++i) repeats += over.At(i).repeat;
  CHECK(repeats == 6);
}

TEST_CASE("fixture nodes are used evenly within a template") {
  SplitPlan plan(9, "train", 100, {{7, 50}});
  std::map<uint64_t, int> per_node;
  for (uint64_t i = 0; i < plan.count(); ++i) ++per_node[plan.At(i).node];
  CHECK(per_node.size() == 7);
  for (auto& [n, c] : per_node) CHECK((c == 14 || c == 15));
}

TEST_CASE("templates without viable nodes get nothing") {
  SplitPlan plan(3, "train", 10, {{0, 5}, {2, 5}, {0, 1}});
  for (uint64_t i = 0; i < plan.count(); ++i) CHECK(plan.At(i).template_index == 1);
}

TEST_CASE("the plan is a pure function of seed, split and capacity") {
  SplitPlan a(42, "train", 50, {{4, 3}, {5, 2}}), b(42, "train", 50, {{4, 3}, {5, 2}}), c(43, "train", 50, {{4, 3}, {5, 2}});
  int differ = 0;
  for (uint64_t i = 0; i < 50; ++i) {
    auto x = a.At(i), y = b.At(i), z = c.At(i);
    REQUIRE(std::tie(x.template_index, x.node, x.variant) == std::tie(y.template_index, y.node, y.variant));
    differ += std::tie(x.template_index, x.node, x.variant) != std::tie(z.template_index, z.node, z.variant);
  }
  CHECK(differ > 10);
}

TEST_CASE("strata of unequal sizes: every node once per round, every example distinct") {
  TemplateCapacity cap{140, 6, {40, 40, 40, 20}};
  SplitPlan round(7, "train", 140, {cap});
  std::set<uint64_t> nodes;
  for (uint64_t i = 0; i < round.count(); ++i) nodes.insert(round.At(i).node);
  CHECK(nodes.size() == 140);  // each node once before any twice
  SplitPlan all(7, "train", 140 * 6, {cap});
  std::set<std::pair<uint64_t, uint64_t>> seen;
  for (uint64_t i = 0; i < all.count(); ++i) {
    auto s = all.At(i);
    CHECK_FALSE(s.repeat);
    CHECK(seen.insert({s.node, s.variant}).second);
  }
}

TEST_CASE("a small count of a stratified template mixes its strata evenly") {
  for (uint64_t seed = 0; seed < 20; ++seed) {
    SplitPlan plan(seed, "train", 17, {{60, 5, {20, 20, 20}}});
    std::map<uint64_t, int> per_stratum;
    for (uint64_t i = 0; i < plan.count(); ++i) ++per_stratum[plan.At(i).node / 20];
    INFO("seed " << seed);
    REQUIRE(per_stratum.size() == 3);
    for (const auto& [stratum, n] : per_stratum) CHECK((n == 5 || n == 6));
  }
}
