#include "stats/stats.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/diagnostic.h"
#include "core/json_depth.h"
#include "core/json_locate.h"
#include "core/utf8.h"
#include "stats/coverage.h"
#include "stats/record.h"
#include "stats/split_stats.h"

namespace trajc::stats {

namespace {

namespace fs = std::filesystem;

struct FileInfo {
  std::string path;
  std::string split;
  uint64_t records = 0;
};

double Round(double x, double scale) { return std::round(x * scale) / scale; }

int FirstColumn(const std::string& line) {
  size_t c = line.find_first_not_of(" \t");
  return static_cast<int>(c == std::string::npos ? 1 : c + 1);
}

// Streams one JSONL file into its split. Blank lines carry no record.
void ReadFile(const FileInfo& file, uint32_t file_index, SplitStats& split, uint64_t& records) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) throw Error({file.path, 0, 0}, "cannot read file");
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    int line_no = static_cast<int>(std::min<uint64_t>(number, 0x7fffffff));
    if (size_t bad = FindInvalidUtf8(line); bad != std::string::npos)
      throw Error({file.path, line_no, static_cast<int>(bad) + 1}, "invalid UTF-8 byte; a JSONL file is UTF-8 text");
    if (size_t deep = FindTooDeepJson(line); deep != std::string::npos)
      throw Error({file.path, line_no, static_cast<int>(deep) + 1}, JsonTooDeepMessage());
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      std::string what = e.what();
      size_t colon = what.rfind(": ");
      throw Error({file.path, line_no, static_cast<int>(e.byte == 0 ? 1 : e.byte)},
                  "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)) +
                      "; each line must be one JSON object");
    } catch (const nlohmann::json::out_of_range&) {  // a number beyond a double (json_locate.h)
      OutOfRangeNumber bad_number = FindOutOfRangeNumber(line);
      size_t at = bad_number.offset == std::string::npos ? 0 : bad_number.offset;
      throw Error({file.path, line_no, static_cast<int>(at) + 1}, bad_number.message);
    }
    RecordFacts facts;
    try {
      facts = ReadRecord(record);
    } catch (const RecordError& e) {
      throw Error({file.path, line_no, FirstColumn(line)},
                  std::string(e.what()) + " (at " + (e.pointer().empty() ? "/" : e.pointer()) + ")");
    }
    split.Add(facts, {file_index, number});
    ++records;
  }
  if (in.bad()) throw Error({file.path, 0, 0}, "cannot read file: I/O error");
}

Json Counts(const std::map<std::string, uint64_t>& counts) {
  Json out = Json::object();
  for (const auto& [key, n] : counts) out[key] = n;
  return out;
}

Json SummaryJson(const Distribution& d) {
  Summary s = d.Summarise();
  return {{"min", s.min}, {"median", s.median}, {"mean", Round(s.mean, 100)}, {"p90", s.p90}, {"max", s.max}};
}

class Report {
 public:
  Report(const std::vector<FileInfo>& files, double near_threshold) : files_(files), near_threshold_(near_threshold) {}

  std::string At(const Where& w) const { return files_[w.file].path + ":" + std::to_string(w.line); }

  Json Pairs(const std::vector<PairExample>& pairs, const char* other_name, bool similarity) const {
    Json out = Json::array();
    for (const PairExample& p : pairs) {
      Json e = {{"first", At(p.first)}, {other_name, At(p.other)}};
      if (similarity) e["similarity"] = Round(p.similarity, 10000);
      out.push_back(e);
    }
    return out;
  }

  Json Split(const SplitStats& s, std::vector<std::string>& warnings) const {
    Json j = Json::object();
    Json files = Json::array();
    for (uint32_t f : s.files) files.push_back(files_[f].path);
    j["files"] = files;
    j["examples"] = s.examples;
    j["messages_per_example"] = SummaryJson(s.messages);
    j["tool_calls_per_example"] = SummaryJson(s.tool_calls);
    j["tool_calls"] = s.tool_calls.sum();
    j["tools"] = Counts(s.tools);
    j["roles"] = Counts(s.roles);
    j["records_with_tools"] = s.records_with_tools;
    uint64_t tokens = (s.characters + 2) / 4;
    j["tokens_estimate"] = {
        {"total", tokens},
        {"per_example", s.examples == 0 ? 0.0 : Round(static_cast<double>(tokens) / static_cast<double>(s.examples), 10)},
        {"method", "characters of all contents and arguments / 4"}};
    j["exact_duplicates"] = {{"count", s.exact_duplicates}, {"examples", Pairs(s.exact_examples, "duplicate", false)}};
    j["near_duplicates"] = {{"count", s.near_duplicates}, {"examples", Pairs(s.near_examples, "duplicate", true)}};
    j["uniqueness"] = s.examples == 0 ? Json(nullptr)
                                      : Json(Round(static_cast<double>(s.examples - s.exact_duplicates - s.near_duplicates) /
                                                       static_cast<double>(s.examples),
                                                   10000));

    Coverage c;
    if (s.with_meta > 0) {
      c.source = "meta";
      c.templates = s.templates;
      c.fixtures = s.fixtures;
      c.labels = s.labels;
      if (s.with_meta < s.examples)
        warnings.push_back(s.name + ": " + std::to_string(s.examples - s.with_meta) + " of " + std::to_string(s.examples) +
                           " records have no `meta`; coverage counts only the others");
    } else if (!s.files.empty()) {
      Coverage m;
      bool all = true;
      for (uint32_t f : s.files) all = ManifestCoverage(files_[f].path, s.name, m, warnings) && all;
      if (all && s.examples > 0) {
        c = m;
        c.source = "manifest";
      }
    }
    Json cov = Json::object();
    cov["source"] = c.source;
    cov["records_with_meta"] = s.with_meta;
    cov["templates"] = Counts(c.templates);
    cov["fixtures"] = Counts(c.fixtures);
    cov["labels"] = GroupLabels(c.labels);
    j["coverage"] = cov;

    if (c.templates.empty()) {
      j["balance"] = nullptr;
    } else {
      auto by_count = [](const auto& a, const auto& b) { return a.second < b.second; };
      auto max = std::max_element(c.templates.begin(), c.templates.end(), by_count);
      auto min = std::min_element(c.templates.begin(), c.templates.end(), by_count);
      uint64_t total = 0;
      for (const auto& [id, n] : c.templates) total += n;
      double ratio = min->second == 0 ? 0.0 : static_cast<double>(max->second) / static_cast<double>(min->second);
      auto share = [&](uint64_t n) { return Round(static_cast<double>(n) / static_cast<double>(total), 10000); };
      j["balance"] = {{"templates", c.templates.size()},
                      {"max", {{"template", max->first}, {"examples", max->second}, {"share", share(max->second)}}},
                      {"min", {{"template", min->first}, {"examples", min->second}, {"share", share(min->second)}}},
                      {"ratio", Round(ratio, 100)}};
      if (ratio > 2.0)
        warnings.push_back(s.name + ": templates are unbalanced: '" + max->first + "' has " + std::to_string(max->second) +
                           " examples, '" + min->first + "' " + std::to_string(min->second) + " (" +
                           Json(Round(ratio, 100)).dump() + "x the share; over 2x)");
    }
    return j;
  }

  Json Overlap(const SplitStats& a, const SplitStats& b, std::vector<std::string>& warnings) const {
    auto shared = [&](const Shared& s) {
      Json examples = Json::array();
      for (size_t i = 0; i < s.examples.size(); ++i) {
        Json e = Json::object();
        if (i < s.keys.size()) e["node"] = s.keys[i];
        e[a.name] = At(s.examples[i].first);
        e[b.name] = At(s.examples[i].other);
        if (s.examples[i].similarity < 1.0) e["similarity"] = Round(s.examples[i].similarity, 10000);
        examples.push_back(e);
      }
      return Json{{"count", s.count}, {"examples", examples}};
    };
    Json o = Json::object();
    o["splits"] = {a.name, b.name};
    Shared records = SharedFirstSeen(a.records, b.records);
    Shared turns = SharedFirstSeen(a.user_turns, b.user_turns);
    o["records"] = shared(records);
    Shared near = SharedNear(a, b);
    o["near_records"] = shared(near);
    o["user_turns"] = shared(turns);
    bool meta = a.with_meta > 0 && b.with_meta > 0;
    Shared nodes = meta ? SharedFixtureNodes(a, b) : Shared{};
    o["fixture_nodes"] = meta ? shared(nodes) : Json(nullptr);
    if (near.count > 0)
      warnings.push_back(b.name + " has " + std::to_string(near.count) + " record(s) alike (estimated Jaccard >= " +
                         Json(near_threshold_).dump() + ") to " + a.name + " records");
    if (turns.count > 0)
      warnings.push_back(a.name + " and " + b.name + " share " + std::to_string(turns.count) + " user turn(s)");
    if (nodes.count > 0)
      warnings.push_back(a.name + " and " + b.name + " share " + std::to_string(nodes.count) + " fixture node(s)");
    return o;
  }

 private:
  const std::vector<FileInfo>& files_;
  double near_threshold_;
};

}  // namespace

std::string SplitOfFile(std::string_view path) {
  std::string name = fs::path(path).filename().string();
  for (const char* split : {"train", "eval", "val", "test"})
    if (name.starts_with(split)) return split;
  if (name.size() > 6 && name.ends_with(".jsonl")) name.resize(name.size() - 6);
  return name;
}

Json ComputeStats(const StatsOptions& o) {
  std::vector<FileInfo> files;
  std::vector<std::unique_ptr<SplitStats>> splits;  // in order of first appearance
  std::vector<std::string> warnings;
  for (const std::string& path : o.files) files.push_back({path, SplitOfFile(path), 0});
  for (size_t i = 0; i < files.size(); ++i) {
    auto it = std::find_if(splits.begin(), splits.end(), [&](const auto& s) { return s->name == files[i].split; });
    if (it == splits.end()) {
      splits.push_back(std::make_unique<SplitStats>(files[i].split, o.near_threshold));
      it = splits.end() - 1;
    }
    (*it)->files.push_back(static_cast<uint32_t>(i));
    ReadFile(files[i], static_cast<uint32_t>(i), **it, files[i].records);
    if (files[i].records == 0) warnings.push_back(files[i].path + ": no records");
  }

  Report report(files, o.near_threshold);
  Json out = Json::object();
  Json file_list = Json::array();
  uint64_t total = 0;
  for (const FileInfo& f : files) {
    file_list.push_back({{"path", f.path}, {"split", f.split}, {"examples", f.records}});
    total += f.records;
  }
  out["files"] = file_list;
  out["examples"] = total;
  out["near_threshold"] = o.near_threshold;
  Json split_json = Json::object();
  for (const auto& s : splits) split_json[s->name] = report.Split(*s, warnings);
  out["splits"] = split_json;
  Json overlap = Json::array();
  for (size_t a = 0; a < splits.size(); ++a)
    for (size_t b = a + 1; b < splits.size(); ++b) overlap.push_back(report.Overlap(*splits[a], *splits[b], warnings));
  out["overlap"] = overlap;
  out["warnings"] = warnings;
  return out;
}

}  // namespace trajc::stats
