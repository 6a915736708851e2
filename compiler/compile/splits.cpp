#include "compile/splits.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>

#include "compile/holdout.h"
#include "compile/seeds.h"
#include "compile/skipped.h"
#include "compile/viable.h"

namespace trajc::compile {

namespace {

constexpr size_t kRepeatCacheBytes = size_t{64} << 20;  // per split

}  // namespace

std::array<Split, 2> MakeSplits(const GenerateOptions& o, Loaded& in, domains::FixtureSet fixtures) {
  std::array<Split, 2> splits;
  splits[0].name = "train";
  splits[1].name = "eval";
  uint64_t total = static_cast<uint64_t>(o.count);
  auto share = [&](double x) { return static_cast<uint64_t>(std::llround(static_cast<double>(o.count) * x)); };
  uint64_t n_train = std::min(total, share(o.split[0]));
  splits[0].count = n_train;
  splits[1].count = total - n_train;
  // Parts: train; eval, or val then test over the eval plan (disjoint positions).
  std::vector<std::tuple<Split*, std::string, uint64_t>> parts = {{&splits[0], "train", n_train}};
  if (o.split.size() == 3) {
    uint64_t n_val = std::min(total - n_train, share(o.split[1]));
    parts.emplace_back(&splits[1], "val", n_val);
    parts.emplace_back(&splits[1], "test", total - n_train - n_val);
  } else {
    parts.emplace_back(&splits[1], "eval", total - n_train);
  }
  for (auto& [split, name, count] : parts) {
    Part p;
    p.name = name;
    p.count = count;
    p.base = split->parts.empty() ? 0 : split->parts.back().base + split->parts.back().count;
    // This shard's slice; the products reach 2^53 * 2^64, so they are taken in 128 bits.
    __extension__ typedef unsigned __int128 Wide;
    p.first = p.base + static_cast<uint64_t>(Wide{count} * o.shard.index / o.shard.count);
    p.end = p.base + static_cast<uint64_t>(Wide{count} * (o.shard.index + 1) / o.shard.count);
    split->parts.push_back(std::move(p));
  }
  // A tree without eval/: hold out whole files, unless eval is empty (--split 1.0), when
  // every file stays train as before.
  if (!fixtures.eval_folder && splits[1].count > 0) {
    HoldoutUnit unit = HoldoutUnit::kFile;
    if (!o.holdout_by.empty()) HoldoutUnitFromName(o.holdout_by, unit);  // checked by LoadInputs
    in.holdout = HoldOut(fixtures.train, fixtures.eval, o.eval_fraction.value_or(kDefaultEvalFraction),
                         HoldoutSeed(o.seed), unit, in.paths.fixtures);
  }
  splits[0].fixtures = std::move(fixtures.train);
  splits[1].fixtures = std::move(fixtures.eval);
  for (const domains::Skipped& s : fixtures.train_skipped) ++splits[0].skipped_files[s.reason];
  for (const domains::Skipped& s : fixtures.eval_skipped) ++splits[1].skipped_files[s.reason];
  return splits;
}

void PlanSplit(const Loaded& in, const GenerateOptions& o, Split& s, std::vector<std::string>& warnings) {
  s.skipped_by_template.assign(in.templates.size(), {});
  for (const auto& f : s.fixtures) {
    domains::NodeList list = in.domain->Nodes(f);
    if (!o.style.empty())
      std::erase_if(list.nodes, [&](const domains::Node& n) { return n.facts.value("style", "") != o.style; });
    for (const domains::Skipped& skip : list.skipped) {
      ++s.skipped_nodes[skip.reason];
      for (size_t t = 0; t < in.templates.size(); ++t)
        if (in.templates[t].node_kind == skip.kind) ++s.skipped_by_template[t][skip.reason];
    }
    s.nodes.push_back(std::move(list.nodes));
    s.manifest_paths.push_back(RelativeToRoot(f.path, in.paths.root));
  }
  FindViable(in, s);
  std::vector<TemplateCapacity> capacity;
  for (size_t t = 0; t < in.templates.size(); ++t) {
    capacity.push_back({s.viable[t].size(), in.templates[t].variant_count, {}});
    if (!in.domain->styles().empty()) capacity.back().strata = Stratify(s.viable[t]);
  }
  uint64_t usable = 0;
  for (const auto& c : capacity) usable += c.nodes;
  if (s.count > 0 && usable == 0)
    throw Error({in.paths.fixtures, 0, 0}, "no " + s.name + " fixture fits any template; " + s.name + " needs " +
                                               std::to_string(s.count) + " examples" +
                                               (s.name == "eval" ? in.holdout ? " (eval is the files held out by --eval-fraction)"
                                                                                  : " (eval fixtures live in " + in.paths.fixtures + "/eval/)"
                                                                 : "") +
                                               (SkippedLine({&s}).empty() ? "" : "; " + SkippedLine({&s})));
  s.plan = std::make_unique<SplitPlan>(o.seed, s.name, s.count, std::move(capacity));
  // --with-meta lines carry the example's index, so no two are the same bytes.
  if (s.plan->repeats() > 0 && !o.with_meta) s.repeat_cache = std::make_unique<RepeatCache>(kRepeatCacheBytes);
  if (s.plan->repeats() > 0)
    warnings.push_back(s.name + ": the fixtures and templates give " + std::to_string(s.plan->distinct_capacity()) +
                       " distinct examples, " + std::to_string(s.count) + " were asked for; " +
                       std::to_string(s.plan->repeats()) + " examples repeat earlier ones (add fixtures or phrasing variants)");
  for (size_t t = 0; t < in.templates.size(); ++t)
    if (s.count > 0 && s.viable[t].empty())
      warnings.push_back(s.name + ": template '" + in.templates[t].id + "' fits no fixture and is not used");
}

}  // namespace trajc::compile
