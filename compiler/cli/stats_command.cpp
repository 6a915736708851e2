#include "cli/stats_command.h"

#include <iostream>
#include <memory>

#include "cli/command.h"
#include "core/diagnostic.h"
#include "stats/stats.h"

namespace trajc::cli {

int RunStats(const StatsOptions& o) {
  stats::StatsOptions options;
  options.files = o.files;
  options.near_threshold = o.near_threshold;
  // Everything is computed before anything is printed: an error leaves no partial report.
  Json report = stats::ComputeStats(options);
  if (o.json) std::cout << report.dump() << "\n";
  else std::cout << stats::RenderTable(report);
  return kExitOk;
}

void AddStatsCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "Describe datasets per split: examples; messages and tool calls per example (min/median/mean/p90/max); tools "
      "called; roles; a token estimate (characters / 4); exact duplicates and near duplicates (MinHash of word "
      "5-grams); a uniqueness score; templates, fixtures and labels (lint codes, docstring styles, node kinds) from the "
      "records' `meta` or the manifest.json beside the files; template balance (warns over 2x); and what the splits "
      "share (same and alike records, user turns, fixture nodes). Works on any JSONL of {\"messages\": [...]} records.\n"
      "A file's split is train, eval, val or test when its name starts with one of those, else its name; files of "
      "the same split are counted together.\ne.g.: trajc stats out/lint/train.jsonl out/lint/eval.jsonl --json");
  cmd->add_option("files", o->files, "JSONL files (one record per line)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--near-threshold", o->near_threshold,
                  "Estimated Jaccard similarity at or above which two records are near duplicates (0.6 to 1)")
      ->capture_default_str()
      ->check(FiniteNumber())
      ->check(CLI::Range(0.6, 1.0));
  cmd->add_flag("--json", o->json, "Print one JSON object (fixed key order) instead of the tables");
  cmd->footer("\nExit codes: 0 success (warnings are part of the report); 1 a file is not JSONL of conversation "
              "records (one located error FILE:LINE:COL, nothing else printed); 2 usage error.\n");
  cmd->callback([o, &exit_code] { exit_code = RunStats(*o); });
}

}  // namespace trajc::cli
