#include "stats/coverage.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sha256.h"

namespace trajc::stats {

namespace {

namespace fs = std::filesystem;

bool IsCode(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
  if (i == 0 || i > 3 || i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

void AddCounts(const Json& object, std::map<std::string, uint64_t>& into) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items())
    if (value.is_number_unsigned() || value.is_number_integer()) into[key] += value.get<uint64_t>();
}


}  // namespace

bool ManifestCoverage(const std::string& file, const std::string& split, Coverage& into,
                      std::vector<std::string>& warnings) {
  fs::path manifest_path = fs::path(file).parent_path() / "manifest.json";
  std::error_code ec;
  if (!fs::is_regular_file(manifest_path, ec)) return false;
  std::ifstream in(manifest_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  Json manifest = Json::parse(text.str(), nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    warnings.push_back(manifest_path.generic_string() + ": not a JSON object; its coverage is not used");
    return false;
  }
  auto splits = manifest.find("splits");
  if (splits == manifest.end() || !splits->is_object()) return false;
  const Json* entry = nullptr;
  std::string name = fs::path(file).filename().string();
  for (const auto& [key, value] : splits->items())
    if (value.is_object() && value.value("file", std::string()) == name) entry = &value;
  if (entry == nullptr && splits->contains(split)) entry = &(*splits)[split];
  if (entry == nullptr || !entry->is_object() || !entry->contains("coverage")) return false;
  // The manifest describes the file only if it pins these bytes: a file edited since, or
  // replaced by a run interrupted before its manifest, is not what the coverage counts.
  if (auto pinned = entry->find("sha256"); pinned != entry->end() && pinned->is_string()) {
    if (Sha256OfFile(file) != pinned->get<std::string>()) {
      warnings.push_back(file + ": its sha256 is not the one " + manifest_path.generic_string() +
                         " pins (edited since, or left half-replaced by an interrupted run); its coverage is not used");
      return false;
    }
  }
  const Json& coverage = (*entry)["coverage"];
  if (!coverage.is_object()) return false;
  for (const auto& [key, value] : coverage.items()) {
    if (key == "templates") AddCounts(value, into.templates);
    else if (key == "fixtures") AddCounts(value, into.fixtures);
    else AddCounts(value, into.labels);  // "codes" (lint), "labels" (docstring, test)
  }
  return true;
}

Json GroupLabels(const std::map<std::string, uint64_t>& labels) {
  std::map<std::string, std::map<std::string, uint64_t>> groups;
  for (const auto& [label, n] : labels) {
    size_t colon = label.find(':');
    if (colon == std::string::npos) {
      groups[IsCode(label) ? "codes" : "tags"][label] += n;
      continue;
    }
    std::string prefix = label.substr(0, colon);
    std::string group = prefix == "style" ? "styles" : prefix == "kind" ? "node_kinds" : prefix;
    groups[group][label.substr(colon + 1)] += n;
  }
  Json out = Json::object();
  for (const auto& [group, counts] : groups) {
    Json g = Json::object();
    for (const auto& [value, n] : counts) g[value] = n;
    out[group] = g;
  }
  return out;
}

}  // namespace trajc::stats
