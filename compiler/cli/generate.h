// cli/generate — the main job: compile a train/eval dataset from schemas, templates and
// fixtures. Loads and checks every input before opening any output; writes JSONL through
// temporaries renamed into place at the end, then manifest.json.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace trajc::cli {

struct GenerateOptions {
  std::string domain = "lint";
  int64_t count = 0;  // signed so that a negative --count is rejected, not wrapped
  // Shares of --count: {train} (the rest is eval) or {train, val, test} (val and test
  // are drawn from the eval fixtures, disjoint while they have distinct examples to give).
  std::vector<double> split = {0.9};
  uint64_t seed = 42;
  std::string style;  // only nodes of this style (domains with styles); empty: all
  std::string out;  // default out/<domain>
  unsigned jobs = 1;  // main() defaults it to the number of cores
  std::string root, schemas, templates, fixtures;
  bool quiet = false;
  bool json = false;  // print the summary as JSON on stdout
  std::string format = "chat";  // chat | openai | hf | functiongemma (formats/record_format.h)
  bool with_meta = false;       // add each record's template, fixture, node, variant, index, split
  bool completion_only = false;  // functiongemma: one prompt/completion pair per model turn
  // This run writes shard `shard_index` (0-based) of `shard_count`: a contiguous slice of
  // each split, so that the shards' files concatenated in order are the single run's.
  uint64_t shard_index = 0;
  uint64_t shard_count = 1;
  std::string shard_text;  // as given on the command line, parsed by main()
  std::string split_text;  // likewise
  std::string command_line;  // normalised, for the manifest
};

// Returns the exit code. Throws trajc::Error for invalid input or flags.
int RunGenerate(const GenerateOptions& options);

}  // namespace trajc::cli
