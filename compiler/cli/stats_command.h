// cli/stats_command — `trajc stats FILE…`: describes any conforming dataset per split
// (see stats/stats.h). Prints aligned tables, or one JSON object with --json; exit 0,
// or 1 with one located error `FILE:LINE:COL: error: …` and no other output when a
// file is not JSONL of conversation records.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace trajc::cli {

struct StatsOptions {
  std::vector<std::string> files;
  double near_threshold = 0.9;
  bool json = false;
};

int RunStats(const StatsOptions& options);

// Registers `trajc stats` on `app`: options, help and the callback that runs it (cli/command.h).
void AddStatsCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
