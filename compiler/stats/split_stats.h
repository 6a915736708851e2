// stats/split_stats — everything counted for one split while its records stream by,
// and the overlap between two splits. Memory per record: a 64-bit record hash, a user
// turn hash and a location in two hash maps, plus the near-duplicate index's entry;
// every other table is bounded by the number of distinct tools, roles, templates,
// fixtures, labels and count values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "stats/distribution.h"
#include "stats/near_duplicates.h"
#include "stats/record.h"

namespace trajc::stats {

// Where a record is: index into the list of files, 1-based line.
struct Where {
  uint32_t file = 0;
  uint64_t line = 0;
  bool operator<(const Where& o) const { return file != o.file ? file < o.file : line < o.line; }
};

// Two records that are the same (or alike): the earlier one and the other.
struct PairExample {
  Where first;
  Where other;
  double similarity = 1.0;
};

inline constexpr size_t kExamplesShown = 3;

// 64-bit keys that are already hashes: the identity keeps std::hash out (the maps are
// only looked up, or their contents are sorted before they reach output).
struct HashKey {
  size_t operator()(uint64_t key) const { return static_cast<size_t>(key); }
};
using FirstSeen = std::unordered_map<uint64_t, Where, HashKey>;

struct SplitStats {
  SplitStats(std::string split_name, double near_threshold) : name(std::move(split_name)), near(near_threshold) {}
  void Add(const RecordFacts& r, Where where);

  std::string name;
  std::vector<uint32_t> files;
  uint64_t examples = 0;
  uint64_t records_with_tools = 0;
  Distribution messages;
  Distribution tool_calls;
  std::map<std::string, uint64_t> roles;
  std::map<std::string, uint64_t> tools;
  uint64_t characters = 0;

  FirstSeen records;  // canonical record hash -> first occurrence
  uint64_t exact_duplicates = 0;
  std::vector<PairExample> exact_examples;

  NearDuplicateIndex near;
  std::vector<Where> near_where;  // by near-index id
  uint64_t near_duplicates = 0;
  std::vector<PairExample> near_examples;

  FirstSeen user_turns;  // user turn hash -> first occurrence

  uint64_t with_meta = 0;
  std::map<std::string, uint64_t> templates;
  std::map<std::string, uint64_t> fixtures;
  std::map<std::string, uint64_t> labels;
  std::map<std::string, Where> fixture_nodes;  // "fixture#node" -> first occurrence
};

struct Shared {
  uint64_t count = 0;
  std::vector<PairExample> examples;  // the first kExamplesShown, by location in `b`
  std::vector<std::string> keys;      // for fixture nodes: the first kExamplesShown keys
};

// Items of `b` that `a` also has.
Shared SharedFirstSeen(const FirstSeen& a, const FirstSeen& b);
Shared SharedFixtureNodes(const SplitStats& a, const SplitStats& b);
// Distinct records of `b` (its exact duplicates left out) with a near (or exact)
// duplicate in `a`: the leak that renamed ids or a changed word would hide.
Shared SharedNear(const SplitStats& a, const SplitStats& b);

}  // namespace trajc::stats
