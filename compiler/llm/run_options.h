// llm/run_options — the options every command of the LLM module takes: where the
// endpoint is configured, which records, how many requests at once and how they are
// retried, sampling, the cache, the output, and what is said on stderr.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "llm/chat_client.h"
#include "llm/record_stream.h"
#include "llm/response_cache.h"

namespace trajc::llm {

struct RunOptions {
  std::string output;  // empty: stdout
  std::optional<RecordFormat> output_format;
  std::string env_file = ".env";
  bool env_file_given = false;
  bool dry_run = false;
  std::optional<size_t> start, end, index;
  bool verbose = false;
  bool quiet = false;
  bool json = false;
  int concurrency = 4;
  int rpm = 0;
  RetryPolicy retry;
  Sampling sampling;
  std::string cache_path;  // empty: beside the output (or in the current directory)
  bool no_cache = false;
};

// [first, last) of the records to process; trajc::Error (usage) for impossible flags.
std::pair<size_t, size_t> SelectedRange(const RunOptions& o);
// The cache the options ask for; null with --no-cache.
std::unique_ptr<ResponseCache> OpenCache(const RunOptions& o);

}  // namespace trajc::llm
