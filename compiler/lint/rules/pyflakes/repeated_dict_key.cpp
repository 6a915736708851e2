#include "lint/rules/pyflakes/repeated_dict_key.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lint/rules/pyflakes/dict_key_value.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

struct Entry {
  size_t key;    // flat-tree index of the key as written
  size_t value;  // and of its value
};

void CheckDictionary(const Source& src, const python::FlatTree& tree, size_t dict, DictKeyValues& values,
                     Findings& out) {
  const auto& nodes = tree.nodes();
  std::vector<Entry> entries;
  tree.ForEachChildIndex(dict, [&](size_t c) {
    if (!kind::kPair.Matches(nodes[c].symbol)) return;  // `**mapping`: an unhandled key, equal to none
    size_t key = tree.Find(python::Field(nodes[c].node, field::kKey), c + 1);
    size_t value = tree.Find(python::Field(nodes[c].node, field::kValue), key);
    if (key != python::FlatTree::npos && value != python::FlatTree::npos) entries.push_back({key, value});
  });
  if (entries.size() < 2) return;
  // Equal keys grouped, groups in the order of their first key (pyflakes' counter).
  std::map<int64_t, std::vector<size_t>> groups;
  std::vector<int64_t> first_seen;
  for (size_t e = 0; e < entries.size(); ++e) {
    int64_t id = values.Id(entries[e].key);
    auto [it, added] = groups.try_emplace(id);
    if (added) first_seen.push_back(id);
    it->second.push_back(e);
  }
  for (int64_t id : first_seen) {
    const std::vector<size_t>& group = groups[id];
    if (group.size() < 2) continue;
    std::map<int64_t, int> value_counts;
    for (size_t e : group) ++value_counts[values.Id(entries[e].value)];
    bool differ = false;
    for (const auto& [v, count] : value_counts) differ = differ || count == 1;
    if (!differ) continue;
    const size_t first = values.Unparenthesized(entries[group[0]].key);
    const bool variable = kind::kIdentifier.Matches(nodes[first].symbol);
    const std::string shown = variable ? std::string(src.tree->TextOf(nodes[first].node)) : values.Repr(first);
    for (size_t e : group) {
      TSPoint at = ts_node_start_point(nodes[values.Unparenthesized(entries[e].key)].node);
      Finding& f = Report(out, variable ? kMultiValueRepeatedKeyVariable : kMultiValueRepeatedKeyLiteral,
                          static_cast<int>(at.row) + 1, static_cast<int>(at.column), {shown});
      f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
    }
  }
}

}  // namespace

void CheckRepeatedDictKey(const Source& src, const python::FlatTree& tree,
                          const CheckerContext& context, Findings& out) {
  DictKeyValues values(src, tree);
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (kind::kDictionary.Matches(nodes[i].symbol) && context.Visited(i)) CheckDictionary(src, tree, i, values, out);
  }
}

}  // namespace trajc::lint
