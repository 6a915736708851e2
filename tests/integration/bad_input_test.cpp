// Every kind of malformed input gets one located message, a non-zero exit, and leaves no
// output behind.
#include <catch2/catch.hpp>

#include <functional>

#include "cli_support.h"
#include "domains/domain.h"

using namespace cli_test;

namespace {

struct Case {
  const char* name;
  std::function<void(const fs::path& root)> breakage;
  std::string flags;
  int exit_code;
  std::string message;  // expected stderr, with {root} standing for the project copy
};

std::string Expand(std::string text, const fs::path& root) {
  for (size_t at; (at = text.find("{root}")) != std::string::npos;) text.replace(at, 6, root.string());
  return text;
}

void Replace(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = Slurp(path);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  WriteFile(path, text.replace(at, from.size(), to));
}

// A template with one part to break: the fix call's tool, its line placeholder, or
// run_linter's check_only value.
std::string BadTemplate(const std::string& fix_call, const std::string& line, const std::string& check_only) {
  return "id: lint.zz_bad\n"
         "node: module\n"
         "instruction: [\"Fix {{path}}.\"]\n"
         "steps:\n"
         "  - call: run_linter\n"
         "    args: {check_only: " + check_only + "}\n"
         "  - for_each: seen.fix_targets\n"
         "    as: target\n"
         "    do:\n"
         "      - " + fix_call + "\n"
         "        args: {issue_code: \"{{target.code}}\", line_number: \"" + line + "\"}\n"
         "  - call: submit_result\n"
         "    args: {summary: done, issues_fixed: \"{{env.issues_fixed}}\", issues_remaining: \"{{env.issues_remaining}}\",\n"
         "           changed_files: \"{{env.changed_files}}\"}\n";
}

// The registered domains, as the CLI lists them: all of them, or those with --style values.
std::string DomainList(bool with_styles_only) {
  std::string out;
  for (const std::string& name : trajc::domains::DomainNames())
    if (!with_styles_only || !trajc::domains::FindDomain(name)->styles().empty()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"schema_yaml_malformed",
       [](const fs::path& r) { WriteFile(r / "tool_schemas/lint.yaml", "name: lint\ntools: [\n  - name: x\n"); },
       "", 1, "{root}/tool_schemas/lint.yaml:3:3: error: invalid YAML: illegal block entry\n"},
      {"schema_keyword_wrong_type",
       [](const fs::path& r) { Replace(r / "tool_schemas/lint.yaml", "minimum: 1\n          description: The line", "minimum: one\n          description: The line"); },
       "", 1, "{root}/tool_schemas/lint.yaml:66:20: error: invalid JSON Schema: 'minimum' must be a number\n"},
      {"schema_missing_submit",
       [](const fs::path& r) { Replace(r / "tool_schemas/lint.yaml", "  - name: submit_result", "  - name: submit_report"); },
       "", 1, "{root}/tool_schemas/lint.yaml:"},
      {"schema_unknown_field",
       [](const fs::path& r) { Replace(r / "tool_schemas/lint.yaml", "system_prompt:", "sytem_prompt:"); },
       "", 1, "{root}/tool_schemas/lint.yaml:4:1: error: unknown field 'sytem_prompt'; expected one of: name, system_prompt, context_template, tools\n"},
      {"template_yaml_malformed",
       [](const fs::path& r) { WriteFile(r / "trajectories/lint/zz_broken.yaml", "id: broken\nsteps: [\n"); },
       "", 1, "{root}/trajectories/lint/zz_broken.yaml:3:1: error: invalid YAML: end of sequence flow not found\n"},
      {"template_unknown_tool",
       [](const fs::path& r) { WriteFile(r / "trajectories/lint/zz_bad.yaml", BadTemplate("call: apply_patch", "{{target.line}}", "true")); },
       "", 1, "{root}/trajectories/lint/zz_bad.yaml:10:15: error: unknown tool 'apply_patch' (not in {root}/tool_schemas/lint.yaml)\n"},
      {"template_unknown_placeholder",
       [](const fs::path& r) { WriteFile(r / "trajectories/lint/zz_bad.yaml", BadTemplate("call: apply_fix", "{{targte.line}}", "true")); },
       "", 1, "{root}/trajectories/lint/zz_bad.yaml:11:60: error: unknown name 'targte' in 'targte.line'; known: codes, definitions, "
              "fix_target_count, fix_targets, fix_targets_asc, fixable, fixable_count, imports, issue_count, issues, line_count, "
              "path, unfixable, unfixable_count, env, seen, target\n"},
      {"template_arguments_fail_schema",
       [](const fs::path& r) { WriteFile(r / "trajectories/lint/zz_bad.yaml", BadTemplate("call: apply_fix", "{{target.line}}", "\"yes\"")); },
       "", 1, "{root}/trajectories/lint/zz_bad.yaml:5:5: error: template 'lint.zz_bad': arguments of run_linter fail its schema: "
              "'yes' is not of type 'boolean' (at /check_only)\n"},
      // Without eval/, eval is held out of the tree's files (holdout_cli_test); one file cannot be divided.
      {"no_eval_fixtures_one_file",
       [](const fs::path& r) {
         fs::remove_all(r / "fixtures/lint/eval");
         for (const auto& e : fs::directory_iterator(r / "fixtures/lint"))
           if (e.path().extension() == ".py" && e.path().filename() != "semver.py") fs::remove(e.path());
       },
       "", 1, "{root}/fixtures/lint: error: cannot hold out eval files: the 1 file(s) form 1 group (same or near-identical "
              "contents) and a group stays on one side; add an eval/ folder, more files, or use --split 1.0\n"},
      {"split_out_of_range", nullptr, "--count 10 --split 1.5", 2,
       "trajc: error: --split is the train share between 0 and 1 (e.g. 0.9), or train,val,test shares summing to 1 "
       "(e.g. 0.8,0.1,0.1); got 1.500000\n"},
      {"split_shares_not_one", nullptr, "--count 10 --split 0.5,0.6,0.1", 2,
       "trajc: error: --split is the train share between 0 and 1 (e.g. 0.9), or train,val,test shares summing to 1 "
       "(e.g. 0.8,0.1,0.1); got 0.500000,0.600000,0.100000\n"},
      {"split_not_numbers", nullptr, "--count 10 --split 0.8,x,0.1", 2,
       "trajc: error: --split takes a share (0.9) or train,val,test shares (0.8,0.1,0.1), got '0.8,x,0.1'\n"},
      {"count_zero", nullptr, "--count 0", 2, "trajc: error: --count must be at least 1, got 0\n"},
      {"count_negative", nullptr, "--count -5", 2, "trajc: error: --count must be at least 1, got -5\n"},
      {"count_not_a_number", nullptr, "--count many", 2, "trajc: error: "},
      {"count_missing", nullptr, "--seed 4", 2, "trajc: error: --count is required to generate"},
      {"seed_negative", nullptr, "--count 5 --seed -1", 2, "trajc: error: --seed: must not be negative, got -1; see trajc --help\n"},
      {"jobs_zero", nullptr, "--count 5 --jobs 0", 2, "trajc: error: --jobs must be between 1 and 256\n"},
      {"unknown_domain", nullptr, "--count 5 --domain cooking", 2,
       "trajc: error: unknown domain 'cooking'; available: " + DomainList(false) + "\n"},
      {"style_unknown", nullptr, "--domain docstring --count 5 --style javadoc", 2,
       "trajc: error: unknown --style 'javadoc'; docstring has: google, numpy, sphinx\n"},
      {"style_without_styles", nullptr, "--domain lint --count 5 --style google", 2,
       "trajc: error: --style applies to domains with styles (" + DomainList(true) + "); lint has none\n"},
      {"unknown_flag", nullptr, "--count 5 --sead 4", 2, "trajc: error: The following arguments were not expected: 4 --sead; see trajc --help\n"},
  };
  return cases;
}

}  // namespace

TEST_CASE("malformed inputs and impossible flags: one located error, no output") {
  for (const Case& c : Cases()) {
    DYNAMIC_SECTION(c.name) {
      fs::path scratch = Scratch(std::string("bad-") + c.name);
      fs::path root = CopyProject(scratch);
      if (c.breakage) c.breakage(root);
      std::string flags = c.flags.empty() ? "--count 200 --split 0.9 --seed 42" : c.flags;
      fs::path out = scratch / "out";
      Result r = Trajc(flags + " --root " + Quote(root.string()) + " --out " + Quote(out.string()), scratch);
      INFO(r.err);
      CHECK(r.exit_code == c.exit_code);
      std::string expected = Expand(c.message, root);
      if (expected.back() == '\n') CHECK(r.err == expected);
      else CHECK_THAT(r.err, Catch::StartsWith(expected));
      CHECK(Lines(r.err).size() == 1);
      CHECK_FALSE(fs::exists(out));
    }
  }
}

namespace {

// Fixtures a run skips, counted on stderr, where they used to stop it: any tree of Python
// may be --fixtures (issue 20). `message` is the skipped line the run prints.
const std::vector<Case>& SkippedCases() {
  static const std::vector<Case> cases = {
      {"fixture_syntax_error",
       [](const fs::path& r) { WriteFile(r / "fixtures/lint/zz_broken.py", "def f(:\n    return 1\n"); },
       "", 0, "trajc: skipped: 1 files (syntax error 1)\n"},
      {"fixture_not_utf8",
       [](const fs::path& r) { WriteFile(r / "fixtures/lint/zz_latin1.py", "x = 1\nname = '\xe9t\xe9'\n"); },
       "", 0, "trajc: skipped: 1 files (not UTF-8 1)\n"},
      {"docstring_fixture_incomplete",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/docstring/zz_incomplete.py",
                   "\"\"\"Math.\"\"\"\n\n\ndef add(a: int, b: int) -> int:\n    \"\"\"Add two numbers.\n\n    Args:\n"
                   "        a: The first.\n\n    Returns:\n        The sum.\n    \"\"\"\n    return a + b\n");
       },
       "--domain docstring --count 50", 0, "trajc: skipped: 3 nodes (docstring: parameter without description 3)\n"},
      {"sample_data_unsupported_annotation",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/sample_data/zz_callback.py",
                   "\"\"\"Hooks.\"\"\"\n\nfrom dataclasses import dataclass\nfrom typing import Callable\n\n\n@dataclass\n"
                   "class Hook:\n    name: str\n    run: Callable[[], None]\n");
       },
       "--domain sample_data --count 50", 0, "trajc: skipped: 1 nodes (sample_data: unsupported annotation 1)\n"},
      {"sample_data_dict_key_not_str",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/sample_data/eval/zz_grid.py",
                   "\"\"\"Grid.\"\"\"\n\n\ndef place(cells: dict[int, str], label: str = \"x\") -> None:\n    \"\"\"Place.\"\"\"\n");
       },
       "--domain sample_data --count 50", 0, "trajc: skipped: 1 nodes (sample_data: unsupported annotation 1)\n"},
      {"test_fixture_doctest_directive",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/test/zz_directive.py",
                   "\"\"\"Math.\"\"\"\n\n\ndef double(n):\n    \"\"\"Return twice n.\n\n    >>> double(2)  # doctest: +ELLIPSIS\n"
                   "    4\n    \"\"\"\n    return 2 * n\n");
       },
       "--domain test --count 50", 0, "trajc: skipped: 1 nodes (test: example uses a doctest directive 1)\n"},
      {"test_fixture_unreadable_example",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/test/zz_unreadable.py",
                   "\"\"\"Math.\"\"\"\n\n\ndef double(n):\n    \"\"\"Return twice n.\n\n    >>> double(2\n    4\n    \"\"\"\n"
                   "    return 2 * n\n");
       },
       "--domain test --count 50", 0, "trajc: skipped: 1 nodes (test: example is not a statement trajc reads 1)\n"},
      {"test_fixture_output_not_literal",
       [](const fs::path& r) {
         WriteFile(r / "fixtures/test/zz_object.py",
                   "\"\"\"Math.\"\"\"\n\n\ndef box(n):\n    \"\"\"Return n in a box.\n\n    >>> box(2)\n    <Box 2>\n    \"\"\"\n"
                   "    return object()\n");
       },
       "--domain test --count 50", 0, "trajc: skipped: 1 nodes (test: output is not a literal 1)\n"},
  };
  return cases;
}

}  // namespace

TEST_CASE("a fixture file or node that cannot serve is skipped and counted, and the run succeeds") {
  for (const Case& c : SkippedCases()) {
    DYNAMIC_SECTION(c.name) {
      fs::path scratch = Scratch(std::string("skipped-") + c.name);
      fs::path root = CopyProject(scratch);
      c.breakage(root);
      std::string flags = c.flags.empty() ? "--count 200 --split 0.9 --seed 42" : c.flags;
      fs::path out = scratch / "out";
      Result r = Trajc(flags + " --root " + Quote(root.string()) + " --out " + Quote(out.string()), scratch);
      INFO(r.err);
      CHECK(r.exit_code == c.exit_code);
      CHECK_THAT(r.err, Catch::Contains(c.message));
      CHECK(fs::exists(out / "manifest.json"));
    }
  }
}

TEST_CASE("an unwritable output location is an error and leaves nothing behind") {
  fs::path scratch = Scratch("bad-out");
  WriteFile(scratch / "a_file", "x");
  Result r = Trajc("--count 5" + Root() + " --out " + Quote((scratch / "a_file" / "out").string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith((scratch / "a_file" / "out").string() + ": error: cannot create output directory: "));
  Result r2 = Trajc("--count 5" + Root() + " --out " + Quote((scratch / "a_file").string()), scratch);
  CHECK(r2.exit_code == 1);
  CHECK(r2.err == (scratch / "a_file").string() + ": error: exists and is not a directory; choose another with --out\n");
  CHECK(Slurp(scratch / "a_file") == "x");
}

TEST_CASE("a failed run keeps an existing dataset intact") {
  fs::path scratch = Scratch("bad-keep");
  fs::path out = scratch / "out";
  REQUIRE(Trajc("--count 20 --seed 1 --quiet" + Root() + " --out " + Quote(out.string()), scratch).exit_code == 0);
  std::string before = Slurp(out / "train.jsonl");
  fs::path root = CopyProject(scratch);
  WriteFile(root / "trajectories/lint/zz_broken.yaml", "id: broken\nsteps: [\n");
  Result r = Trajc("--count 30 --seed 2 --root " + Quote(root.string()) + " --out " + Quote(out.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK(Slurp(out / "train.jsonl") == before);
  size_t entries = static_cast<size_t>(std::distance(fs::directory_iterator(out), fs::directory_iterator()));
  CHECK(entries == 3);
}

TEST_CASE("an interrupted run (SIGINT) leaves no partial dataset or temporary behind") {
  fs::path scratch = Scratch("interrupt");
  fs::path out = scratch / "out";
  fs::create_directories(out);
  // Long enough to be interrupted mid-write; timeout sends SIGINT after 0.5 s.
  Result r = Shell("timeout -s INT 0.5 " + Quote(TRAJC_BINARY) + " --count 50000000 --jobs 1" + Root() + " --out " + Quote(out.string()), scratch);
  CHECK(r.exit_code == 124);  // timeout's own status when it had to stop the command
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 0);
}
