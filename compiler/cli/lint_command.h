// cli/lint_command — `trajc lint PATH…`: the built-in analyzer as a flake8 stand-in.
//
// Prints `path:row:col: CODE message` for every finding of the selected codes, sorted by
// path then position (the same lines `flake8 --isolated --select=<codes>` prints, for the
// codes trajc supports), or with --json one array of {path, line, column, code, message,
// fixable}. A path that does not exist, a folder without *.py files, and a file that
// cannot be read or is not UTF-8 are each reported as one located error on stderr
// (`path[:line:col]: error: …`, where flake8 would print E902) and the other files are
// still linted. Exit 0 when clean, 1 when anything was found or an input was bad, 2 for
// usage errors (a malformed code list, --max-line-length below 1).
#pragma once

#include <string>
#include <vector>

#include "cli/lint_inputs.h"

namespace CLI {
class App;
}

namespace trajc::cli {

struct LintOptions {
  std::vector<std::string> paths;
  CodeSelection codes;
  int max_line_length = 79;
  bool json = false;
  unsigned jobs = 1;  // files linted at once
};

int RunLint(const LintOptions& options);

// Registers `trajc lint` on `app`: options, help and the callback that runs it (cli/command.h).
void AddLintCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
