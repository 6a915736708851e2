// trajc — the trajectory compiler. The only place that includes CLI11.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <thread>
#include <sstream>

#include "cli/fixtures_command.h"
#include "cli/generate.h"
#include "cli/validate.h"
#include "core/diagnostic.h"

namespace {

constexpr const char* kExitCodes =
    "\nExit codes: 0 success; 1 invalid input (a located error is printed) or violations found;\n"
    "2 usage error (unknown or impossible flags); 70 internal error (a bug in trajc: please report it).\n";

void AddGenerateOptions(CLI::App& app, trajc::cli::GenerateOptions& g) {
  app.add_option("--domain", g.domain, "Subagent domain to compile: docstring, lint or sample_data")->capture_default_str();
  app.add_option("--style", g.style,
                 "docstring: only this docstring style (google, numpy, sphinx) [default: all three, evenly mixed]");
  app.add_option("--count", g.count, "Number of examples in all (train + eval)");
  app.add_option("--split", g.split, "Train share of --count: n_train = round(count * split)")->capture_default_str();
  // CLI11 reads "-1" into an unsigned as 2^64-1; a negative seed is a mistake, not a seed.
  app.add_option("--seed", g.seed, "Seed (0 to 2^64-1): same inputs + same flags give the same bytes")
      ->capture_default_str()
      ->check([](const std::string& v) { return v.starts_with("-") ? "must not be negative, got " + v : std::string(); });
  app.add_option("--out", g.out, "Output directory for train.jsonl, eval.jsonl, manifest.json [default: out/<domain>]");
  g.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  app.add_option("-j,--jobs", g.jobs, "Worker threads [default: the number of cores]; the output does not depend on it");
  app.add_option("--root", g.root, "Project root with tool_schemas/, trajectories/, fixtures/ [default: $TRAJC_ROOT, ., installed data]");
  app.add_option("--schemas", g.schemas, "Subagent definition YAML [default: <root>/tool_schemas/<domain>.yaml]");
  app.add_option("--templates", g.templates, "Template folder [default: <root>/trajectories/<domain>]");
  app.add_option("--fixtures", g.fixtures, "Fixture folder, eval/ inside it [default: <root>/fixtures/<domain>]");
  app.add_flag("-q,--quiet", g.quiet, "No progress bar, warnings or summary on stderr");
  app.add_flag("--json", g.json, "Print a JSON summary on stdout");
}

std::string CommandLine(const trajc::cli::GenerateOptions& g) {
  std::ostringstream s;
  s << "trajc --domain " << g.domain << " --count " << g.count << " --split " << g.split << " --seed " << g.seed;
  if (!g.style.empty()) s << " --style " << g.style;
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"trajc " TRAJC_VERSION
               " — compiles tool-calling fine-tuning datasets from tool schemas, trajectory templates and Python "
               "fixtures.\nWithout a subcommand it generates, e.g.: trajc --domain lint --count 200 --split 0.9 --seed 42",
               "trajc"};
  app.footer(kExitCodes);
  app.set_version_flag("-V,--version", "trajc " TRAJC_VERSION);
  app.require_subcommand(0, 1);

  trajc::cli::GenerateOptions gen;
  AddGenerateOptions(app, gen);
  CLI::App* generate = app.add_subcommand("generate", "Compile train/eval JSONL and manifest.json (the default)");
  generate->fallthrough();

  trajc::cli::ValidateOptions val;
  CLI::App* validate = app.add_subcommand("validate", "Check JSONL datasets against a subagent's tool schemas");
  validate->add_option("files", val.files, "JSONL files (one record per line)")->required()->check(CLI::ExistingFile);
  validate->add_option("--domain", val.domain, "Use tool_schemas/<domain>.yaml")->capture_default_str();
  validate->add_option("--schemas", val.schemas, "Use this subagent definition instead of the domain's");
  validate->add_option("--root", val.root, "Project root for --domain");
  validate->add_flag("-q,--quiet", val.quiet, "Print nothing; the exit code says it");
  validate->add_flag("--json", val.json, "Print one JSON object with every error");
  validate->footer(kExitCodes);

  trajc::cli::FixturesOptions fix;
  CLI::App* fixtures = app.add_subcommand("fixtures", "Inspect and check Python fixtures");
  fixtures->require_subcommand(1);
  CLI::App* show = fixtures->add_subcommand("show", "Print the facts trajc extracts from fixture files");
  show->add_option("files", fix.files, "Python files")->required()->check(CLI::ExistingFile);
  show->add_option("--domain", fix.domain, "Domain whose facts to show [default: from the path, else lint]");
  show->add_flag("--json", fix.json, "Compact JSON on one line");
  CLI::App* check = fixtures->add_subcommand("check", "Prove every fixture parses and meets its declared expectations");
  check->add_option("--domain", fix.domain, "Domain to check [default: every domain with a fixtures folder]");
  check->add_option("--fixtures", fix.fixtures, "Fixture folder [default: <root>/fixtures/<domain>]");
  check->add_option("--root", fix.root, "Project root");
  check->add_flag("-q,--quiet", fix.quiet, "Print only errors");
  check->add_flag("--json", fix.json, "Print a JSON summary, one line per domain checked");
  fixtures->footer(kExitCodes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "trajc: error: " << e.what() << "; see trajc --help\n";
    return trajc::kExitUsage;
  }

  try {
    if (*validate) return trajc::cli::RunValidate(val);
    if (*show) return trajc::cli::RunFixturesShow(fix);
    if (*check) return trajc::cli::RunFixturesCheck(fix);
    if (gen.count == 0 && app.count("--count") == 0) {
      std::cerr << "trajc: error: --count is required to generate; e.g. trajc --domain lint --count 200 --split 0.9 --seed 42\n";
      return trajc::kExitUsage;
    }
    gen.command_line = CommandLine(gen);
    return trajc::cli::RunGenerate(gen);
  } catch (const trajc::Error& e) {
    std::cerr << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "trajc: internal error: " << e.what() << "; please report it\n";
    return 70;
  }
}
