#include "cli/lint_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <tuple>

#include "cli/command.h"
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

  std::vector<Located> found;
  for (const std::string& path : files) {
    std::string text;
    try {
      text = ReadPythonSource(path);
    } catch (const Error& e) {
      std::cerr << e.what() << "\n";
      ++bad_inputs;
      continue;
    }
    if (options.select.empty()) continue;  // lint::Options reads an empty list as "the defaults"
    options.filename = path;  // pyflakes reads an `__init__.py` apart (no F822)
    try {
      for (lint::Issue& issue : lint::Analyze(text, options)) found.push_back({&path, std::move(issue)});
    } catch (const Error& e) {  // a syntax tree too deep for trajc: this file is not linted
      std::cerr << e.what() << "\n";
      ++bad_inputs;
    }
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
