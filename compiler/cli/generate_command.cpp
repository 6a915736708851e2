#include "cli/generate_command.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cli/command.h"
#include "compile/compile.h"
#include "core/diagnostic.h"
#include "domains/domain.h"

namespace trajc::cli {

namespace {

struct GenerateFlags {
  compile::GenerateOptions options;
  std::string count, split, shard, eval_fraction;  // as given; parsed once CLI11 is done
};

void AddGenerateOptions(CLI::App& app, GenerateFlags& f) {
  compile::GenerateOptions& g = f.options;
  std::string domains;
  for (const std::string& d : domains::DomainNames()) domains += (domains.empty() ? "" : ", ") + d;
  app.add_option("--domain", g.domain, "Subagent domain to compile: " + domains)->capture_default_str();
  app.add_option("--style", g.style,
                 "docstring: only this docstring style (google, numpy, sphinx) [default: all three, evenly mixed]");
  app.add_option("--count", f.count, "Number of examples in all (train + eval), " + compile::CountRangeText())
      ->type_name("INT");
  app.add_option("--split", f.split,
                 "Train share of --count: n_train = round(count * split), the rest eval [default: 0.9]; or train,val,test "
                 "shares summing to 1 (e.g. 0.8,0.1,0.1): train.jsonl, val.jsonl, test.jsonl, val and test from the eval fixtures");
  // CLI11 reads "-1" into an unsigned as 2^64-1 and clamps 2^64 to it: a negative or
  // larger seed is a mistake, not a seed.
  app.add_option("--seed", g.seed, "Seed (0 to 2^64-1): same inputs + same flags give the same bytes")
      ->capture_default_str()
      ->check([](const std::string& v) { return v.starts_with("-") ? "must not be negative, got " + v : std::string(); })
      ->check(IntegerIn(0, UINT64_MAX, "0 to 2^64-1 (18446744073709551615)"));
  app.add_option("--out", g.out, "Output directory for train.jsonl, eval.jsonl, manifest.json [default: out/<domain>]");
  g.jobs = DefaultJobs();
  app.add_option("-j,--jobs", g.jobs, "Worker threads [default: the number of cores]; the output does not depend on it");
  app.add_option("--root", g.root, "Project root with tool_schemas/, trajectories/, fixtures/ [default: $TRAJC_ROOT, ., installed data]");
  app.add_option("--schemas", g.schemas, "Subagent definition YAML [default: <root>/tool_schemas/<domain>.yaml]");
  app.add_option("--templates", g.templates, "Template folder [default: <root>/trajectories/<domain>]");
  app.add_option("--fixtures", g.fixtures, "Fixture folder, any Python tree: its eval/ folder is eval, or without one --eval-fraction of its files "
                 "[default: <root>/fixtures/<domain>]");
  app.add_flag("-q,--quiet", g.quiet, "No progress bar, warnings or summary on stderr");
  app.add_flag("--json", g.json, "Print a JSON summary on stdout");
  app.add_option("--format", g.format,
                 "Record format: chat ({\"messages\"}, arguments as JSON strings), openai (OpenAI fine-tuning with "
                 "record-level tools and parallel_tool_calls false), hf (messages + tools, arguments as objects, for "
                 "apply_chat_template/TRL), functiongemma (hf + \"text\" in FunctionGemma's prompt format)")
      ->capture_default_str();
  app.add_flag("--completion-only", g.completion_only,
               "functiongemma: one {\"prompt\", \"completion\"} line per model turn, for completion-only loss");
  app.add_flag("--with-meta", g.with_meta, "Add a meta object (template, fixture, node, variant, index, split, labels) to each record");
  app.add_option("--eval-fraction", f.eval_fraction,
                 "Fixtures without an eval/ folder: the share of files held out as eval, whole files, duplicates and "
                 "near-identical files together, chosen by --seed [default: 0.1]")
      ->type_name("FLOAT");
  app.add_option("--holdout-by", g.holdout_by,
                 "Fixtures without an eval/ folder: file, or package (every file below one top-level folder goes to the "
                 "same side) [default: file]");
  app.add_option("--shard", f.shard,
                 "K/N: write only shard K (0-based) of N; the N shards' files concatenated in order equal the single run's");
}

Error Usage(const std::string& message) { return Error({"trajc", 0, 0}, message, kExitUsage); }

int RunGenerateCommand(const CLI::App& app, GenerateFlags& f) {
  compile::GenerateOptions& g = f.options;
  if (app.count("--count") == 0)
    throw Usage("--count is required to generate; e.g. trajc --domain lint --count 200 --split 0.9 --seed 42");
  // Read here, not by CLI11, which would read 1e30 as INT64_MIN and clamp 99999999999999999999.
  std::optional<int64_t> count = compile::ParseCount(f.count);
  if (!count) throw Usage("--count must be an integer from " + compile::CountRangeText() + ", got " + f.count);
  g.count = *count;
  if (!f.split.empty()) {
    auto split = compile::ParseSplit(f.split);
    if (!split)
      throw Usage("--split takes a share (0.9) or train,val,test shares (0.8,0.1,0.1), got '" + f.split + "'");
    g.split = *split;
  }
  if (!f.eval_fraction.empty()) {
    auto fraction = compile::ParseSplit(f.eval_fraction);
    if (!fraction || fraction->size() != 1)
      throw Usage("--eval-fraction takes a share between 0 and 1 exclusive (e.g. 0.1), got '" + f.eval_fraction + "'");
    g.eval_fraction = fraction->front();
  }
  if (!f.shard.empty()) {
    auto shard = compile::ParseShard(f.shard);
    if (!shard) throw Usage("--shard takes K/N, whole numbers below 2^64 (e.g. 0/8), got '" + f.shard + "'");
    g.shard = *shard;
  }
  return compile::RunGenerate(g);
}

}  // namespace

void AddGenerateCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<GenerateFlags>();
  AddGenerateOptions(app, *flags);
  CLI::App* generate = app.add_subcommand("generate", "Compile train/eval JSONL and manifest.json (the default)");
  generate->fallthrough();
  // The root's callback runs after a subcommand's: it generates only when no other
  // command was given.
  app.callback([&app, generate, flags, &exit_code] {
    if (!app.get_subcommands().empty() && !*generate) return;
    exit_code = RunGenerateCommand(app, *flags);
  });
}

}  // namespace trajc::cli
