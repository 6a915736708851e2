// trajc — the trajectory compiler. The only place that includes CLI11.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <sstream>

#include "cli/check_command.h"
#include "cli/fixtures_command.h"
#include "cli/fix_command.h"
#include "cli/lint_command.h"
#include "cli/schemas_check_command.h"
#include "cli/schemas_validate_command.h"
#include "cli/stats_command.h"
#include "cli/validate.h"
#include "compile/compile.h"
#include "core/diagnostic.h"
#include "domains/domain.h"
#include "lint/lint.h"
#ifdef TRAJC_WITH_LLM
#include "llm/fill.h"
#include "llm/generate_llm.h"
#endif

namespace {

constexpr const char* kExitCodes =
    "\nExit codes: 0 success; 1 invalid input (a located error is printed) or violations found;\n"
    "2 usage error (unknown or impossible flags); 70 internal error (a bug in trajc: please report it).\n";

// --split and --shard as given; parsed by compile::ParseSplit/ParseShard after CLI11 is done.
struct GenerateText {
  std::string split, shard;
};

void AddGenerateOptions(CLI::App& app, trajc::compile::GenerateOptions& g, GenerateText& text) {
  std::string domains;
  for (const std::string& d : trajc::domains::DomainNames()) domains += (domains.empty() ? "" : ", ") + d;
  app.add_option("--domain", g.domain, "Subagent domain to compile: " + domains)->capture_default_str();
  app.add_option("--style", g.style,
                 "docstring: only this docstring style (google, numpy, sphinx) [default: all three, evenly mixed]");
  app.add_option("--count", g.count, "Number of examples in all (train + eval)");
  app.add_option("--split", text.split,
                 "Train share of --count: n_train = round(count * split), the rest eval [default: 0.9]; or train,val,test "
                 "shares summing to 1 (e.g. 0.8,0.1,0.1): train.jsonl, val.jsonl, test.jsonl, val and test from the eval fixtures");
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
  app.add_option("--format", g.format,
                 "Record format: chat ({\"messages\"}, arguments as JSON strings), openai (OpenAI fine-tuning with "
                 "record-level tools and parallel_tool_calls false), hf (messages + tools, arguments as objects, for "
                 "apply_chat_template/TRL), functiongemma (hf + \"text\" in FunctionGemma's prompt format)")
      ->capture_default_str();
  app.add_flag("--completion-only", g.completion_only,
               "functiongemma: one {\"prompt\", \"completion\"} line per model turn, for completion-only loss");
  app.add_flag("--with-meta", g.with_meta, "Add a meta object (template, fixture, node, variant, index, split, labels) to each record");
  app.add_option("--shard", text.shard,
                 "K/N: write only shard K (0-based) of N; the N shards' files concatenated in order equal the single run's");
}

#ifdef TRAJC_WITH_LLM
// The options `fill` and `generate-llm` share.
void AddRunOptions(CLI::App* cmd, trajc::llm::RunOptions& r, std::string& out_format, const char* records) {
  cmd->add_option("-o,--output", r.output, "Output file, written all at once at the end [default: stdout]");
  cmd->add_option("-f,--output-format", out_format, "jsonl or json")->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--env", r.env_file, "File with BASE_URL=, API_KEY=, MODEL= lines (the environment wins) [default: .env]")
      ->each([&r](const std::string&) { r.env_file_given = true; });
  cmd->add_flag("--dry-run", r.dry_run, "Print the requests that would be sent (JSONL) and how many; send nothing");
  cmd->add_option("--start", r.start, std::string("First ") + records + " to process (0-based)");
  cmd->add_option("--end", r.end, std::string("Stop before this ") + records + " (0-based, exclusive)");
  cmd->add_option("-i,--index", r.index, std::string("Process only this ") + records + " (0-based)");
  cmd->add_option("-c,--concurrency", r.concurrency, "Requests in flight at once")->capture_default_str();
  cmd->add_option("--rpm", r.rpm, "At most this many requests per minute (0: no limit)")->capture_default_str();
  cmd->add_option("--max-retries", r.retry.max_retries, "Retries per request on 429, 5xx, timeouts and broken answers")
      ->capture_default_str();
  cmd->add_option("--timeout", r.retry.timeout_ms, "Milliseconds one attempt may take")->capture_default_str();
  cmd->add_option("--backoff", r.retry.backoff_ms,
                  "First retry's backoff ceiling in ms; doubles per retry, full jitter, at least Retry-After")
      ->capture_default_str();
  cmd->add_option("--temperature", r.sampling.temperature, "Sampling temperature sent to the endpoint");
  cmd->add_option("--max-tokens", r.sampling.max_tokens, "max_tokens sent to the endpoint");
  cmd->add_option("--seed", r.sampling.seed, "seed sent to the endpoint");
  cmd->add_option("--cache", r.cache_path, "SQLite response cache [default: .trajc-fill-cache.sqlite beside the output]");
  cmd->add_flag("--no-cache", r.no_cache, "Neither read nor write the cache (a killed run then starts over)");
  cmd->add_flag("-v,--verbose", r.verbose, "Progress and statistics on stderr");
  cmd->add_flag("-q,--quiet", r.quiet, "No warnings or summary on stderr");
  cmd->add_flag("--json", r.json, "The summary as one JSON object on stderr");
}

CLI::App* AddFillCommand(CLI::App& app, trajc::llm::FillOptions& f, std::string& in_format, std::string& out_format) {
  CLI::App* fill = app.add_subcommand(
      "fill",
      "Fill every empty assistant turn (content \"\" or null, no tool_calls) of a dataset with a model's answer from an "
      "OpenAI-compatible /chat/completions endpoint, given the conversation up to that turn and the record's tools.\n"
      "BASE_URL, API_KEY and MODEL come from the environment, else from --env (default .env). Completions are cached in "
      "SQLite: a re-run, or a run started again after being killed, makes no call twice and writes the same output.");
  fill->add_option("input", f.input, "Records: JSONL, or one JSON array (detected from the first byte)")
      ->required()
      ->check(CLI::ExistingFile);
  fill->add_option("--input-format", in_format, "jsonl or json [default: detected]")->check(CLI::IsMember({"jsonl", "json"}));
  AddRunOptions(fill, f.run, out_format, "record");
  fill->add_flag("--skip-existing", f.skip_existing,
                 "Leave out records that have no empty assistant turn [default: they are written unchanged]");
  fill->add_flag("--keep-failed", f.keep_failed, "Write records whose calls failed, unfilled [default: left out]");
  fill->footer("\nExit codes: 0 every selected record filled or needing nothing; 1 some records failed after retries "
               "(each named on stderr) or invalid input; 2 usage error (missing BASE_URL/API_KEY/MODEL, bad flags).\n");
  return fill;
}

CLI::App* AddGenerateLlmCommand(CLI::App& app, trajc::llm::GenerateLlmOptions& g, std::string& in_format,
                                std::string& out_format, std::string& system, std::string& user) {
  CLI::App* cmd = app.add_subcommand(
      "generate-llm",
      "Prompt-template generation: each input record (a JSON object, e.g. a spec) fills the {{placeholders}} of the "
      "system and user templates ({{field}}, {{a.b}}, {{input}}, {{index}}, {{sample}}), and --samples requests are "
      "made of it; each answer is written as {\"index\", \"sample\", \"input\", \"messages\"} (+ \"output\", the "
      "parsed JSON, with --enforce-json). Same endpoint configuration, cache, resume and retries as fill.");
  cmd->add_option("inputs", g.inputs, "Input records: JSONL, or one JSON array")->required()->check(CLI::ExistingFile);
  cmd->add_option("--input-format", in_format, "jsonl or json [default: detected]")->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--system-template", g.system_file, "File with the system prompt template")->check(CLI::ExistingFile);
  cmd->add_option("--user-template", g.user_file, "File with the user prompt template")->check(CLI::ExistingFile);
  cmd->add_option("--system", system, "System prompt template text (instead of --system-template)");
  cmd->add_option("--user", user, "User prompt template text (instead of --user-template)");
  cmd->add_option("-n,--samples", g.samples, "Requests per input")->capture_default_str();
  cmd->add_flag("--enforce-json", g.enforce_json,
                "Ask for JSON (response_format json_object); an answer that is not JSON is asked for again, then fails");
  cmd->add_option("--output-schema", g.output_schema, "JSON Schema (a JSON file) every answer must meet; implies --enforce-json")
      ->check(CLI::ExistingFile);
  AddRunOptions(cmd, g.run, out_format, "input");
  cmd->footer("\nExit codes: 0 every sample written; 1 some samples failed after retries (each named on stderr) or invalid "
              "input; 2 usage error (missing BASE_URL/API_KEY/MODEL, no user template, bad flags).\n");
  return cmd;
}
#endif

CLI::App* AddSchemasValidateCommand(CLI::App& schemas, trajc::cli::SchemasValidateOptions& o) {
  CLI::App* cmd = schemas.add_subcommand(
      "validate",
      "Validate JSON instances against a JSON Schema (draft 2020-12 by default; the schema's $schema decides), "
      "compiled once. A schema or instance file ending in .yaml/.yml is read as YAML. Each violation is one line on "
      "stdout, located at the failing value:\n"
      "  PATH:LINE:COL: error: INSTANCE_POINTER: MESSAGE [schema: KEYWORD_POINTER]\n"
      "e.g. calls.jsonl:3:15: error: /line_number: -3 is less than the minimum of 1 [schema: "
      "/properties/line_number/minimum]\n"
      "(the root is written (root)). A summary goes to stderr. An unreadable, non-UTF-8 or malformed file, or a schema "
      "that does not compile, is one located error on stderr (PATH:LINE:COL: error: ...).\n"
      "e.g.: trajc schemas validate schema.json calls.jsonl --jsonl");
  cmd->add_option("schema", o.schema, "JSON Schema file (- for standard input)")->required();
  cmd->add_option("instances", o.instances, "Instance files (- for standard input)")->required();
  cmd->add_flag("--jsonl", o.jsonl,
                "Each file holds one instance per line (blank lines skipped), streamed: memory does not grow with the "
                "number of lines; errors name the line");
  cmd->add_flag("--json", o.json,
                "One JSON object per instance per line: {\"file\", \"line\" (with --jsonl), \"valid\", \"errors\": "
                "[{\"instance_location\", \"keyword_location\", \"message\"}]} (+ \"error\" for an unreadable instance)");
  cmd->add_flag("--format-assertion", o.format_assertion, "`format` fails invalid values (default: an annotation only)");
  cmd->add_option("--draft", o.draft, "Dialect of a schema without $schema: 2020-12, 2019-09, 7, 6 or 4")
      ->capture_default_str()
      ->check(CLI::IsMember({"2020-12", "2019-09", "7", "6", "4", "draft-07", "draft-06", "draft-04"}));
  cmd->add_option("--remote", o.remotes,
                  "URI=FILE: a JSON document a $ref may reach by that absolute URI (repeatable); nothing is fetched");
  cmd->add_flag("-q,--quiet", o.quiet, "Print nothing; the exit code says it");
  cmd->footer("\nExit codes: 0 every instance valid; 1 some instance invalid or unreadable, or the schema unusable (a "
              "located error); 2 usage error.\n");
  return cmd;
}

CLI::App* AddSchemasCheckCommand(CLI::App& schemas, trajc::cli::SchemasCheckOptions& o) {
  CLI::App* cmd = schemas.add_subcommand(
      "check",
      "Check subagent definitions (tool_schemas/*.yaml) and their tools' schemas, reporting every problem of each "
      "file as PATH:LINE:COL: error|warning: MESSAGE.\n"
      "Errors: what trajc refuses to load (missing or mistyped fields, invalid or duplicate tool names, no "
      "submit_result tool), a parameters/returns schema that is not valid against its metaschema or does not compile, "
      "a `required` name missing from `properties` (nested objects too), a tool without a description.\n"
      "Warnings (errors with --strict): a parameter without a description; what function-calling runtimes refuse or "
      "drop in a tool's parameters: OpenAI strict mode (every object needs additionalProperties: false and every "
      "property in required; only the keywords of OpenAI's structured-outputs subset; the root an object, not anyOf) "
      "and FunctionGemma's prompt format (properties need a single type; enum is shown only on strings; a property "
      "named type, description, properties, required or nullable is not shown).\n"
      "e.g.: trajc schemas check tool_schemas/lint.yaml --strict");
  cmd->add_option("paths", o.paths, "Definition files, or folders whose *.yaml files to check [default: <root>/tool_schemas]");
  cmd->add_option("--root", o.root, "Project root [default: $TRAJC_ROOT, ., installed data]");
  cmd->add_flag("--strict", o.strict, "Warnings count as errors");
  cmd->add_flag("--json", o.json,
                "One JSON report: {\"ok\", \"files\", \"errors\", \"warnings\", \"findings\": [{\"path\", \"line\", "
                "\"column\", \"severity\", \"pointer\", \"message\"}]}");
  cmd->add_flag("-q,--quiet", o.quiet, "Print only errors");
  cmd->footer("\nExit codes: 0 no errors (warnings allowed unless --strict); 1 errors found; 2 usage error.\n");
  return cmd;
}

// The --select/--ignore options `lint` and `fix` share; parsed after CLI11 is done.
struct CodeOptions {
  std::string select, ignore;
};

void AddCodeOptions(CLI::App* cmd, CodeOptions& c, bool with_ignore) {
  cmd->add_option("--select", c.select,
                  "Comma-separated codes or prefixes to report (E2,W291,F401), as flake8's --select [default: every "
                  "supported code except flake8's default extend-ignore E121,E123,E126,E226,E24,E704,W503,W504]");
  if (with_ignore)
    cmd->add_option("--ignore", c.ignore,
                    "Comma-separated codes or prefixes not to report; when a code is both selected and ignored the "
                    "longer prefix wins, as in flake8");
}

trajc::cli::CodeSelection ParseCodes(const CLI::App* cmd, const CodeOptions& c) {
  trajc::cli::CodeSelection s;
  s.select_given = cmd->count("--select") > 0;
  if (s.select_given) s.select = trajc::cli::ParseCodeList("--select", c.select);
  s.ignore_given = cmd->get_option_no_throw("--ignore") != nullptr && cmd->count("--ignore") > 0;
  if (s.ignore_given) s.ignore = trajc::cli::ParseCodeList("--ignore", c.ignore);
  return s;
}

std::string SupportedCodesText() {
  std::string codes;
  for (const auto& rule : trajc::lint::SupportedRules()) {
    codes += "\n  " + rule.code + "  " + rule.summary;
    if (rule.fixable) codes += rule.unsafe ? "  [fix: unsafe]" : "  [fix]";
  }
  return codes;
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

  trajc::compile::GenerateOptions gen;
  GenerateText gen_text;
  AddGenerateOptions(app, gen, gen_text);
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

  trajc::cli::StatsOptions stats_options;
  CLI::App* stats = app.add_subcommand(
      "stats",
      "Describe datasets per split: examples; messages and tool calls per example (min/median/mean/p90/max); tools "
      "called; roles; a token estimate (characters / 4); exact duplicates and near duplicates (MinHash of word "
      "5-grams); a uniqueness score; templates, fixtures and labels (lint codes, docstring styles, node kinds) from the "
      "records' `meta` or the manifest.json beside the files; template balance (warns over 2x); and what the splits "
      "share (same and alike records, user turns, fixture nodes). Works on any JSONL of {\"messages\": [...]} records.\n"
      "A file's split is train, eval, val or test when its name starts with one of those, else its name; files of "
      "the same split are counted together.\ne.g.: trajc stats out/lint/train.jsonl out/lint/eval.jsonl --json");
  stats->add_option("files", stats_options.files, "JSONL files (one record per line)")->required()->check(CLI::ExistingFile);
  stats->add_option("--near-threshold", stats_options.near_threshold,
                    "Estimated Jaccard similarity at or above which two records are near duplicates (0.6 to 1)")
      ->capture_default_str()
      ->check(CLI::Range(0.6, 1.0));
  stats->add_flag("--json", stats_options.json, "Print one JSON object (fixed key order) instead of the tables");
  stats->footer("\nExit codes: 0 success (warnings are part of the report); 1 a file is not JSONL of conversation "
                "records (one located error FILE:LINE:COL, nothing else printed); 2 usage error.\n");

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

  trajc::cli::CheckOptions chk;
  CLI::App* check_manifest = app.add_subcommand(
      "check", "Recompile a dataset from its manifest.json and prove the bytes are the same; on a difference name the "
               "first differing example and the inputs whose hashes changed");
  check_manifest->add_option("manifest", chk.manifest, "manifest.json written beside train.jsonl and eval.jsonl")
      ->required()
      ->check(CLI::ExistingFile);
  check_manifest->add_option("--root", chk.root, "Project root the manifest's input paths are relative to [default: as generate]");
  chk.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  check_manifest->add_option("-j,--jobs", chk.jobs, "Worker threads for the recompile");
  check_manifest->add_flag("-q,--quiet", chk.quiet, "Print nothing; the exit code says it");
  check_manifest->add_flag("--json", chk.json, "One JSON object: reproduced, differences, changed_inputs");
  check_manifest->footer("\nExit codes: 0 the dataset reproduces byte for byte; 1 it does not (the first differing example "
                         "and the changed inputs are named) or the manifest is unusable; 2 usage error.\n");

  trajc::cli::LintOptions lint_options;
  CodeOptions lint_codes;
  CLI::App* lint = app.add_subcommand(
      "lint",
      "Lint Python files with trajc's built-in analyzer, a stand-in for flake8 on the codes it supports: prints "
      "`path:row:col: CODE message` lines, sorted by path then position, the same lines `flake8 --isolated "
      "--select=<codes>` prints. Folders are searched recursively for *.py (flake8's default excludes such as .git "
      "and __pycache__ skipped). `# noqa` comments work as in flake8. A missing path, a folder without *.py files and "
      "a file that cannot be read or is not UTF-8 are each one located error on stderr (PATH[:LINE:COL]: error: "
      "...; flake8 prints E902 there); the other files are still linted.\ne.g.: trajc lint src/ --select E2,W --json\n"
      "Supported codes:" + SupportedCodesText());
  lint->add_option("paths", lint_options.paths, "Python files, and folders to search for *.py")->required();
  AddCodeOptions(lint, lint_codes, true);
  lint->add_option("--max-line-length", lint_options.max_line_length, "E501's limit")->capture_default_str();
  lint->add_flag("--json", lint_options.json,
                 "Print one JSON array of {path, line, column, code, message, fixable} instead of the lines");
  lint->footer("\nExit codes: 0 nothing found; 1 findings printed, or an input could not be linted (a located "
               "error on stderr); 2 usage error (unknown flag, malformed code list).\n");

  trajc::cli::FixOptions fix_options;
  CodeOptions fix_codes;
  CLI::App* fix_cmd = app.add_subcommand(
      "fix",
      "Fix Python files in place: lints them (as trajc lint) and applies every fixable finding's fix, again and "
      "again until nothing changes. Only safe fixes (whitespace and layout; the program's AST is unchanged) unless "
      "--unsafe-fixes, which also applies fixes that change the AST or may change behaviour (F401 removes an import, "
      "E711/E712 use `is`, F632 uses `==`, E401 splits an import, E713/E714 rewrite `not x in y`). Each file is "
      "replaced all at once and keeps its newline style. The findings that remain and a summary "
      "(N fixed in M files, what remains and why) go to stderr.\ne.g.: trajc fix src/ --diff | patch -p0");
  fix_cmd->add_option("paths", fix_options.paths, "Python files, and folders to search for *.py")->required();
  AddCodeOptions(fix_cmd, fix_codes, true);
  fix_cmd->add_option("--max-line-length", fix_options.max_line_length, "E501's limit (E501 has no fix; it is reported)")
      ->capture_default_str();
  fix_cmd->add_flag("--diff", fix_options.diff,
                    "Write nothing; print a unified diff of the fixes (--- PATH / +++ PATH, applies with patch -p0)");
  fix_cmd->add_flag("--unsafe-fixes", fix_options.unsafe_fixes,
                    "Also apply the fixes `trajc lint --help` marks unsafe (F401, E711, E712, ...)");
  fix_cmd->add_flag("-q,--quiet", fix_options.quiet, "No remaining findings or summary on stderr (errors still)");
  fix_cmd->footer("\nExit codes: 0 no selected finding remains (with --diff: would remain); 1 findings remain (listed "
                  "on stderr) or an input could not be fixed (a located error; the other files are still fixed); 2 "
                  "usage error; 70 a fix would have broken a file's syntax (the file is left as it was).\n");

  trajc::cli::SchemasValidateOptions schemas_validate_options;
  trajc::cli::SchemasCheckOptions schemas_check_options;
  CLI::App* schemas = app.add_subcommand("schemas", "Validate instances against a JSON Schema; check subagent definitions");
  schemas->require_subcommand(1);
  CLI::App* schemas_validate = AddSchemasValidateCommand(*schemas, schemas_validate_options);
  CLI::App* schemas_check = AddSchemasCheckCommand(*schemas, schemas_check_options);

#ifdef TRAJC_WITH_LLM
  trajc::llm::FillOptions fill_options;
  std::string fill_in_format, fill_out_format;
  CLI::App* fill = AddFillCommand(app, fill_options, fill_in_format, fill_out_format);
  trajc::llm::GenerateLlmOptions gen_llm;
  std::string gen_llm_in_format, gen_llm_out_format, gen_llm_system, gen_llm_user;
  CLI::App* generate_llm =
      AddGenerateLlmCommand(app, gen_llm, gen_llm_in_format, gen_llm_out_format, gen_llm_system, gen_llm_user);
#endif

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
    if (*stats) return trajc::cli::RunStats(stats_options);
    if (*show) return trajc::cli::RunFixturesShow(fix);
    if (*check) return trajc::cli::RunFixturesCheck(fix);
    if (*check_manifest) return trajc::cli::RunCheck(chk);
    if (*schemas_validate) return trajc::cli::RunSchemasValidate(schemas_validate_options);
    if (*schemas_check) return trajc::cli::RunSchemasCheck(schemas_check_options);
    if (*lint) {
      lint_options.codes = ParseCodes(lint, lint_codes);
      return trajc::cli::RunLint(lint_options);
    }
    if (*fix_cmd) {
      fix_options.codes = ParseCodes(fix_cmd, fix_codes);
      return trajc::cli::RunFix(fix_options);
    }
#ifdef TRAJC_WITH_LLM
    if (*fill) {
      fill_options.input_format = trajc::llm::RecordFormatFromName(fill_in_format);
      fill_options.run.output_format = trajc::llm::RecordFormatFromName(fill_out_format);
      return trajc::llm::RunFill(fill_options);
    }
    if (*generate_llm) {
      gen_llm.input_format = trajc::llm::RecordFormatFromName(gen_llm_in_format);
      gen_llm.run.output_format = trajc::llm::RecordFormatFromName(gen_llm_out_format);
      if (generate_llm->count("--system") > 0) gen_llm.system_text = gen_llm_system;
      if (generate_llm->count("--user") > 0) gen_llm.user_text = gen_llm_user;
      return trajc::llm::RunGenerateLlm(gen_llm);
    }
#endif
    if (gen.count == 0 && app.count("--count") == 0) {
      std::cerr << "trajc: error: --count is required to generate; e.g. trajc --domain lint --count 200 --split 0.9 --seed 42\n";
      return trajc::kExitUsage;
    }
    if (!gen_text.split.empty()) {
      auto split = trajc::compile::ParseSplit(gen_text.split);
      if (!split) {
        std::cerr << "trajc: error: --split takes a share (0.9) or train,val,test shares (0.8,0.1,0.1), got '"
                  << gen_text.split << "'\n";
        return trajc::kExitUsage;
      }
      gen.split = *split;
    }
    if (!gen_text.shard.empty()) {
      auto shard = trajc::compile::ParseShard(gen_text.shard);
      if (!shard) {
        std::cerr << "trajc: error: --shard takes K/N (e.g. 0/8), got '" << gen_text.shard << "'\n";
        return trajc::kExitUsage;
      }
      gen.shard = *shard;
    }
    return trajc::compile::RunGenerate(gen);
  } catch (const trajc::Error& e) {
    std::cerr << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << "trajc: internal error: " << e.what() << "; please report it\n";
    return 70;
  }
}
