#include "compile/skipped.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace trajc::compile {

namespace {

// "N what (reason n, …)", or "" when `counts` is empty.
std::string Summary(const std::map<std::string, uint64_t>& counts, const std::string& what) {
  std::vector<std::pair<std::string, uint64_t>> by_count(counts.begin(), counts.end());
  std::stable_sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  uint64_t total = 0;
  std::string reasons;
  for (const auto& [reason, n] : by_count) {
    total += n;
    reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  }
  return total == 0 ? "" : std::to_string(total) + " " + what + " (" + reasons + ")";
}

}  // namespace

Json SkippedJson(const Loaded& in, const std::array<Split, 2>& splits) {
  Json out = Json::object();
  std::map<std::string, const Split*> by_name;
  for (const Split& s : splits) by_name[s.name] = &s;
  for (const auto& [name, s] : by_name) {
    std::map<std::string, std::map<std::string, uint64_t>> templates;
    for (size_t t = 0; t < in.templates.size(); ++t)
      templates[in.templates[t].id] = t < s->skipped_by_template.size() ? s->skipped_by_template[t] : std::map<std::string, uint64_t>{};
    Json by_template = Json::object();
    for (const auto& [id, counts] : templates) by_template[id] = CountsJson(counts);
    out[name] = {{"files", CountsJson(s->skipped_files)}, {"nodes", CountsJson(s->skipped_nodes)}, {"templates", by_template}};
  }
  return out;
}

std::string SkippedLine(const std::array<Split, 2>& splits) { return SkippedLine({&splits[0], &splits[1]}); }

std::string SkippedLine(const std::vector<const Split*>& splits) {
  std::map<std::string, uint64_t> files, nodes;
  for (const Split* s : splits) {
    for (const auto& [reason, n] : s->skipped_files) files[reason] += n;
    for (const auto& [reason, n] : s->skipped_nodes) nodes[reason] += n;
  }
  std::string f = Summary(files, "files"), n = Summary(nodes, "nodes");
  if (f.empty() && n.empty()) return "";
  return "skipped: " + f + (f.empty() || n.empty() ? "" : ", ") + n;
}

}  // namespace trajc::compile
