#include "cli/stats_command.h"

#include <iostream>

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

}  // namespace trajc::cli
