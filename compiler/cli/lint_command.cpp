#include "cli/lint_command.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <tuple>

#include "core/json.h"
#include "lint/lint.h"

namespace trajc::cli {

namespace {

struct Located {
  const std::string* path;
  lint::Issue issue;
};

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
    for (lint::Issue& issue : lint::Analyze(text, options)) found.push_back({&path, std::move(issue)});
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
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return found.empty() && bad_inputs == 0 ? kExitOk : kExitInvalid;
}

}  // namespace trajc::cli
