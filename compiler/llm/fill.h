// llm/fill — `trajc fill`: every empty assistant turn of a dataset (content "" or null,
// no tool_calls) written by a model behind an OpenAI-compatible endpoint, from the
// conversation up to that turn and the record's tools. Records stream through in input
// order with every other field untouched; completions are cached, so a run killed at any
// moment and started again makes no call twice and writes the same output.
#pragma once

#include <optional>
#include <string>

#include "llm/chat_client.h"
#include "llm/record_stream.h"

namespace trajc::llm {

struct FillOptions {
  std::string input;
  std::string output;  // empty: stdout
  std::optional<RecordFormat> input_format;
  std::optional<RecordFormat> output_format;  // default: the input's
  std::string env_file = ".env";
  bool env_file_given = false;
  bool dry_run = false;
  std::optional<size_t> start, end, index;
  bool skip_existing = false;
  bool keep_failed = false;
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

// Exit code: 0 when every selected record was filled or needed nothing, 1 when some
// failed (they are reported by index), or a trajc::Error for bad input and flags.
int RunFill(const FillOptions& options);

}  // namespace trajc::llm
