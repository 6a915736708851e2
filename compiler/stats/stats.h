// stats/ — `trajc stats`: describes any conforming dataset (JSONL of {"messages": […]}
// records, ours or another tool's) per split: sizes and their distributions, tools,
// roles, an estimate of tokens, exact and near duplicates, coverage of templates,
// fixtures and labels, balance, and what the splits share.
//
// Files are streamed: memory grows only by a few small fingerprints per record (see
// split_stats.h and near_duplicates.h). The report is a pure function of the files'
// bytes (and the manifest.json beside them): no std::hash, unordered iteration, time
// or addresses reach it.
//
// Failure: a line that is not JSON, or a record that is not an object with a
// `messages` array, throws trajc::Error located at FILE:LINE:COL (exit 1), before
// anything is printed. An unreadable file is an Error at FILE. An empty file is a
// warning in the report, with zero counts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::stats {

struct StatsOptions {
  std::vector<std::string> files;
  double near_threshold = 0.9;  // estimated Jaccard at or above which two records are near duplicates
};

// The split a file belongs to: `train`, `eval`, `val` or `test` when its file name
// starts with one of those, else the file name without its `.jsonl` extension.
std::string SplitOfFile(std::string_view path);

// The whole report as one JSON object with a fixed key order (see README: `trajc stats`).
Json ComputeStats(const StatsOptions& options);

// The report as aligned human-readable tables.
std::string RenderTable(const Json& report);

}  // namespace trajc::stats
