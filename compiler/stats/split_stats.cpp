#include "stats/split_stats.h"

#include <algorithm>

namespace trajc::stats {

void SplitStats::Add(const RecordFacts& r, Where where) {
  ++examples;
  if (r.declares_tools) ++records_with_tools;
  messages.Add(r.messages);
  tool_calls.Add(r.tool_calls);
  for (const auto& [role, n] : r.roles) roles[role] += n;
  for (const std::string& tool : r.tools_called) ++tools[tool];
  characters += r.characters;
  if (r.has_user_turn) user_turns.try_emplace(r.user_turn_hash, where);

  if (r.meta.present) {
    ++with_meta;
    ++templates[r.meta.template_id.empty() ? "(none)" : r.meta.template_id];
    ++fixtures[r.meta.fixture.empty() ? "(none)" : r.meta.fixture];
    for (const std::string& label : r.meta.labels) ++labels[label];
    if (!r.meta.fixture.empty()) fixture_nodes.try_emplace(r.meta.fixture + "#" + r.meta.node, where);
  }

  auto [it, first] = records.try_emplace(r.record_hash, where);
  if (!first) {
    ++exact_duplicates;
    if (exact_examples.size() < kExamplesShown) exact_examples.push_back({it->second, where, 1.0});
    return;  // the same text: its signature is already indexed
  }
  if (auto match = near.Find(r.signature)) {
    ++near_duplicates;
    if (near_examples.size() < kExamplesShown)
      near_examples.push_back({near_where[match->earlier], where, match->similarity});
  }
  near.Add(r.signature);
  near_where.push_back(where);
}

Shared SharedFirstSeen(const FirstSeen& a, const FirstSeen& b) {
  Shared s;
  std::vector<PairExample> all;
  for (const auto& [key, where] : b) {
    auto it = a.find(key);
    if (it != a.end()) all.push_back({it->second, where, 1.0});
  }
  // Hash-map order must not reach output: sort by location.
  std::sort(all.begin(), all.end(), [](const PairExample& x, const PairExample& y) { return x.other < y.other; });
  s.count = all.size();
  all.resize(std::min(all.size(), kExamplesShown));
  s.examples = std::move(all);
  return s;
}

Shared SharedFixtureNodes(const SplitStats& a, const SplitStats& b) {
  Shared s;
  for (const auto& [key, where] : b.fixture_nodes) {
    auto it = a.fixture_nodes.find(key);
    if (it == a.fixture_nodes.end()) continue;
    ++s.count;
    if (s.keys.size() < kExamplesShown) {
      s.keys.push_back(key);
      s.examples.push_back({it->second, where, 1.0});
    }
  }
  return s;
}

Shared SharedNear(const SplitStats& a, const SplitStats& b) {
  Shared s;
  for (uint32_t id = 0; id < b.near.size(); ++id) {
    auto match = a.near.Find(b.near.signature(id));
    if (!match) continue;
    ++s.count;
    if (s.examples.size() < kExamplesShown) s.examples.push_back({a.near_where[match->earlier], b.near_where[id], match->similarity});
  }
  return s;
}

}  // namespace trajc::stats
