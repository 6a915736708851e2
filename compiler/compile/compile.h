// compile — the pipeline from loaded inputs to written splits: `trajc generate` and
// `trajc check`'s recompile call RunGenerate. The options' one conversion to and from the
// command line and the manifest lives here as well, so that the normalised command line,
// manifest.json's "flags" and what `trajc check` reads back can never disagree.
//
// The stages, one file each:
//   project.h       where the inputs are (root, schemas, templates, fixtures); also used by
//                   the commands that read a domain's inputs without compiling
//   load.h          flags checked, then schemas, templates and fixtures loaded
//   viable.h        which fixture nodes each template can use; styles as strata
//   splits.h        the parts each split is written to, and each split's plan (plan.h)
//   example.h       one example: its slot rendered, validated against the schemas, formatted
//   repeat_cache.h  repeated examples re-keyed from a proven line instead of recompiled
//   emit.h          parts written in order, each batch compiled across --jobs threads
//   manifest.h      manifest.json: flags, input hashes, per-part hashes and coverage
//   seeds.h         every seed derived from --seed, with its salt
//
// How it fails: an invalid input or flag throws trajc::Error (located; kExitUsage for
// flags) before any output is opened; an error while writing leaves nothing behind (the
// JSONL files and manifest.json are published together at the end, and an output folder
// the run created is removed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::compile {

// `--shard K/N`: this run writes shard `index` (0-based) of `count`, a contiguous slice of
// each split, so that the shards' files concatenated in order are the single run's.
struct Shard {
  uint64_t index = 0;
  uint64_t count = 1;
};

struct GenerateOptions {
  std::string domain = "lint";
  int64_t count = 0;  // signed so that a negative --count is rejected, not wrapped
  // Shares of --count: {train} (the rest is eval) or {train, val, test} (val and test
  // are drawn from the eval fixtures, disjoint while they have distinct examples to give).
  std::vector<double> split = {0.9};
  uint64_t seed = 42;
  std::string style;  // only nodes of this style (domains with styles); empty: all
  std::string out;  // default out/<domain>
  unsigned jobs = 1;  // the command line defaults it to the number of cores
  std::string root, schemas, templates, fixtures;
  bool quiet = false;
  bool json = false;  // print the summary as JSON on stdout
  std::string format = "chat";  // chat | openai | hf | functiongemma (formats/record_format.h)
  bool with_meta = false;       // add each record's template, fixture, node, variant, index, split
  bool completion_only = false;  // functiongemma: one prompt/completion pair per model turn
  Shard shard;
  // Fixtures without an eval/ folder: the share of files held out as eval and whether
  // whole packages go together (compile/holdout.h). Unset: the defaults (0.1, "file");
  // set with an eval/ folder: a usage error, as the curated eval is used as it is.
  std::optional<double> eval_fraction;
  std::string holdout_by;  // "file" | "package"; empty: file
};

// Compiles the dataset the options describe into <out>/: one JSONL file per part (train,
// eval or val and test) and manifest.json. Returns the exit code (kExitOk). Throws
// trajc::Error for invalid input or flags.
int RunGenerate(const GenerateOptions& options);

// ---- The options as text and JSON (options.cpp) ----
// Only the flags that decide the output's bytes are written: paths, --out, --jobs and
// what is printed are not (the manifest records input paths and hashes on its own).

// The normalised command line, e.g. "trajc --domain lint --count 200 --split 0.9 --seed 42".
std::string CommandLine(const GenerateOptions& options);

// manifest.json's "flags" object.
Json ManifestFlags(const GenerateOptions& options);

// The options a manifest's "flags" record (paths, --out and --jobs left at their
// defaults). Throws trajc::Error "path:line:col: error: not a trajc manifest: ..." when
// they are missing or malformed (a field of the wrong JSON type included), located at
// the field in `text` (the manifest's text; without it, at the file).
GenerateOptions OptionsFromManifest(const Json& manifest, const std::string& path, std::string_view text = {});

// The rest of a manifest that `trajc check` reads: "command" a string; "inputs" paths and
// sha256 strings; "splits" a non-empty object whose entries pin a file beside the
// manifest ("file", a plain name) by its "sha256". Throws like OptionsFromManifest.
void CheckManifestShape(const Json& manifest, const std::string& path, std::string_view text);

// --split text: "0.9" or "0.8,0.1,0.1" (each share a number; whether the shares make sense
// is checked by RunGenerate). nullopt when it is not a comma-separated list of numbers.
std::optional<std::vector<double>> ParseSplit(std::string_view text);

// The largest --count: 2^53, below which every count is exact as a double (the split
// sizes are round(count * share)) and as a JSON number in manifest.json for any reader.
// Memory does not grow with --count; time does, linearly.
inline constexpr int64_t kMaxCount = int64_t{1} << 53;
// "1 to 9007199254740992 (2^53)", for the messages that give the range.
std::string CountRangeText();

// --count text: a decimal integer, maybe negative (whether it is from 1 to kMaxCount is
// checked by RunGenerate). nullopt when it is not one, or beyond 64 bits (1e30,
// 99999999999999999999), which no conversion may clamp or wrap.
std::optional<int64_t> ParseCount(std::string_view text);

// --shard text, "K/N". nullopt when it is not two unsigned numbers (whether K < N is
// checked by RunGenerate).
std::optional<Shard> ParseShard(std::string_view text);
std::string ShardText(const Shard& shard);

}  // namespace trajc::compile
