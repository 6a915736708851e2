// cli/fix_command — `trajc fix PATH…`: applies the analyzer's fixes until nothing changes.
//
// Each file is linted with the selected codes and every fixable finding is fixed with
// lint::FixLine (later lines first, so earlier findings keep their lines), round after
// round until a round changes nothing (at most kMaxRounds). Only safe fixes (whitespace
// and layout) are applied unless --unsafe-fixes also allows the ones RuleInfo::unsafe
// marks (F401, E711, E712: they may change what the program does). A safe fix is also
// held to its promise: one that would change a token other than a comment (W291 inside a
// docstring changes the string's value) is refused without --unsafe-fixes, so a safe run
// leaves Python's AST as it was. A file is written in
// place all at once (AtomicFile: a temporary renamed over it, the file's mode kept) and
// keeps its newline style and BOM; with --diff nothing is written and a unified diff
// (`--- path` / `+++ path`, for `patch -p0`) is printed instead. A fix result that no
// longer parses where the input did is never written (an internal error, reported).
//
// stderr gets the findings that remain and a summary: how many findings were fixed in
// how many files, and why the rest remain (no fix, needs --unsafe-fixes). Exit 0 when
// no selected finding remains, 1 when some do or an input was bad (located error, the
// other files still fixed), 2 for usage errors.
#pragma once

#include <string>
#include <vector>

#include "cli/lint_inputs.h"

namespace CLI {
class App;
}

namespace trajc::cli {

struct FixOptions {
  std::vector<std::string> paths;
  CodeSelection codes;
  int max_line_length = 79;
  bool diff = false;
  bool unsafe_fixes = false;
  bool quiet = false;  // no remaining findings or summary on stderr (errors still)
  unsigned jobs = 1;   // files fixed at once
};

inline constexpr int kMaxFixRounds = 100;

int RunFix(const FixOptions& options);

// Registers `trajc fix` on `app`: options, help and the callback that runs it (cli/command.h).
void AddFixCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
