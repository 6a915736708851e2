#include "cli/lint_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <tuple>

#include "cli/command.h"
#include "core/big_stack.h"
#include "core/json.h"
#include "lint/lint.h"

namespace trajc::cli {

namespace {

struct Located {
  const std::string* path;
  lint::Issue issue;
};

// `trajc lint --help`'s list of codes, one per line, with whether and how each is fixed.
std::string SupportedCodesText() {
  std::string codes;
  for (const auto& rule : lint::SupportedRules()) {
    codes += "\n  " + rule.code + "  " + rule.summary;
    if (rule.fixable) codes += rule.unsafe ? "  [fix: unsafe]" : "  [fix]";
  }
  return codes;
}

}  // namespace

int RunLint(const LintOptions& o) {
  lint::Options options = AnalyzerOptions(o.codes, o.max_line_length, false, "reports nothing");

  std::vector<Error> errors;
  const std::vector<std::string> files = CollectPythonFiles(o.paths, errors);
  for (const Error& e : errors) std::cerr << e.what() << "\n";
  size_t bad_inputs = errors.size();

  // Each file's findings (or its error) in its own slot, printed in file order: the
  // output does not depend on --jobs.
  struct FileLint {
    std::vector<lint::Issue> issues;
    std::string error;
  };
  std::vector<FileLint> results(files.size());
  ParallelFor(files.size(), o.jobs, [&](size_t i) {
    FileLint& r = results[i];
    try {
      const std::string text = ReadPythonSource(files[i]);
      if (options.select.empty()) return;  // lint::Options reads an empty list as "the defaults"
      lint::Options file_options = options;
      file_options.filename = files[i];  // pyflakes reads an `__init__.py` apart (no F822)
      r.issues = lint::Analyze(text, file_options);
    } catch (const Error& e) {  // unreadable, or a syntax tree too deep for trajc: not linted
      r.error = e.what();
    }
  });
  std::vector<Located> found;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!results[i].error.empty()) {
      std::cerr << results[i].error << "\n";
      ++bad_inputs;
    }
    for (lint::Issue& issue : results[i].issues) found.push_back({&files[i], std::move(issue)});
  }
  // Per file the analyzer's order is (line, column, code); across files, by path.
  std::stable_sort(found.begin(), found.end(), [](const Located& a, const Located& b) { return *a.path < *b.path; });

  std::string out;
  if (o.json) {
    Json all = Json::array();
    for (const Located& f : found) {
      all.push_back({{"path", *f.path},
                     {"line", f.issue.line},
                     {"column", f.issue.column},
                     {"code", f.issue.code},
                     {"message", f.issue.message},
                     {"fixable", f.issue.fixable}});
    }
    out = Dump(all) + "\n";
  } else {
    for (const Located& f : found) {
      out += *f.path + ":" + std::to_string(f.issue.line) + ":" + std::to_string(f.issue.column) + ": " + f.issue.code +
             " " + f.issue.message + "\n";
    }
  }
  std::cout.write(out.data(), static_cast<std::streamsize>(out.size())).flush();
  return found.empty() && bad_inputs == 0 ? kExitOk : kExitInvalid;
}

void AddLintCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<LintOptions>();
  auto codes = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lint",
      "Lint Python files with trajc's built-in analyzer, a stand-in for flake8 on the codes it supports: prints "
      "`path:row:col: CODE message` lines, sorted by path then position, the same lines `flake8 --isolated "
      "--select=<codes>` prints. Folders are searched recursively for *.py (flake8's default excludes such as .git "
      "and __pycache__ skipped). `# noqa` comments work as in flake8. A missing path, a folder without *.py files and "
      "a file that cannot be read or is not UTF-8 are each one located error on stderr (PATH[:LINE:COL]: error: "
      "...; flake8 prints E902 there); the other files are still linted.\ne.g.: trajc lint src/ --select E2,W --json\n"
      "Supported codes:" + SupportedCodesText());
  cmd->add_option("paths", o->paths, "Python files, and folders to search for *.py")->required();
  AddCodeOptions(cmd, *codes, true);
  cmd->add_option("--max-line-length", o->max_line_length, "E501's limit")->capture_default_str();
  o->jobs = DefaultJobs();
  cmd->add_option("-j,--jobs", o->jobs,
                  "Files linted at once (1 to 256) [default: the number of cores]; the output does not depend on it")
      ->check(IntegerIn(1, 256, "1 to 256"));
  cmd->add_flag("--json", o->json,
                "Print one JSON array of {path, line, column, code, message, fixable} instead of the lines");
  cmd->footer("\nExit codes: 0 nothing found; 1 findings printed, or an input could not be linted (a located "
              "error on stderr); 2 usage error (unknown flag, malformed code list).\n");
  cmd->callback([cmd, o, codes, &exit_code] {
    o->codes = ParseCodes(cmd, *codes);
    exit_code = RunLint(*o);
  });
}

}  // namespace trajc::cli
