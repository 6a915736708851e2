// Fuzz target: the JSONL dataset readers of `trajc validate` (cli/validate_command: each
// line parsed and checked against the lint subagent's conversation rules and tool
// schemas) and `trajc stats` (stats/: records read, counted, compared across splits for
// duplicates and leakage, rendered as a table). Both read files, so the input goes through
// scratch files: the bytes before the first form feed (\f) are train.jsonl, the rest (if
// any) eval.jsonl.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <sstream>

#include "cli/validate_command.h"
#include "fuzz_support.h"
#include "stats/stats.h"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // RunValidate prints its report on std::cout; the target only wants it not to crash.
  static std::ostringstream sink;
  std::cout.rdbuf(sink.rdbuf());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace trajc;
  std::string_view text = fuzz::AsText(data, size);
  size_t split = text.find('\f');
  std::vector<std::string> files = {fuzz::ScratchFile("train.jsonl", text.substr(0, split))};
  if (split != std::string_view::npos) files.push_back(fuzz::ScratchFile("eval.jsonl", text.substr(split + 1)));

  cli::ValidateOptions validate;
  validate.files = files;
  validate.schemas = fuzz::SourceDir() + "/tool_schemas/lint.yaml";
  validate.quiet = true;
  try {
    (void)cli::RunValidate(validate);
  } catch (const Error& e) {
    fuzz::Finding(std::string("trajc validate reports problems per line, yet threw: ") + e.what());
  }

  stats::StatsOptions options;
  options.files = files;
  try {
    Json report = stats::ComputeStats(options);
    (void)stats::RenderTable(report);
  } catch (const Error& e) {
    fuzz::CheckLocated(e, e.where().path, e.where().path == files[0] ? text.substr(0, split)
                                                                        : text.substr(split + 1));
  }
  return 0;
}
