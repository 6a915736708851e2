#include "llm/run_options.h"

#include <cstdint>

#include "core/diagnostic.h"
#include "llm/batch.h"

namespace trajc::llm {

std::pair<size_t, size_t> SelectedRange(const RunOptions& o) {
  auto usage = [](const std::string& m) { return Error({"trajc", 0, 0}, m, kExitUsage); };
  if (o.concurrency < 1 || o.concurrency > 256) throw usage("--concurrency must be between 1 and 256");
  if (o.rpm < 0) throw usage("--rpm must not be negative");
  if (o.retry.max_retries < 0 || o.retry.timeout_ms < 1 || o.retry.backoff_ms < 0)
    throw usage("--max-retries and --backoff must not be negative, --timeout must be positive");
  if (o.index && (o.start || o.end)) throw usage("--index selects one record; do not combine it with --start/--end");
  if (o.start && o.end && *o.end <= *o.start) throw usage("--end must be greater than --start (the range is [start, end))");
  if (o.index) return {*o.index, *o.index + 1};
  return {o.start.value_or(0), o.end.value_or(SIZE_MAX)};
}

std::unique_ptr<ResponseCache> OpenCache(const RunOptions& o) {
  if (o.no_cache) return nullptr;
  return std::make_unique<ResponseCache>(o.cache_path.empty() ? DefaultCachePath(o.output) : o.cache_path);
}

}  // namespace trajc::llm
