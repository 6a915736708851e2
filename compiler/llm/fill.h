// llm/fill — `trajc fill`: every empty assistant turn of a dataset (content "" or null,
// no tool_calls) written by a model behind an OpenAI-compatible endpoint, from the
// conversation up to that turn and the record's tools. Records stream through in input
// order with every other field untouched; completions are cached, so a run killed at any
// moment and started again makes no call twice and writes the same output.
#pragma once

#include <optional>
#include <string>

#include "llm/record_stream.h"
#include "llm/run_options.h"

namespace trajc::llm {

struct FillOptions {
  std::string input;
  std::optional<RecordFormat> input_format;
  bool skip_existing = false;
  bool keep_failed = false;
  RunOptions run;  // output, endpoint, selection, retries, cache …
};

// Exit code: 0 when every selected record was filled or needed nothing, 1 when some
// failed (they are reported by index), or a trajc::Error for bad input and flags.
int RunFill(const FillOptions& options);

}  // namespace trajc::llm
