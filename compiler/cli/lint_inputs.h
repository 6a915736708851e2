// cli/lint_inputs — what `trajc lint` and `trajc fix` share: which files a list of paths
// names, reading them as Python source, and which codes --select/--ignore choose.
//
// Paths and codes follow flake8 5 so that `trajc lint` can stand in for it: a folder is
// searched recursively for *.py (flake8's default excludes skipped, sorted by path), a
// file is taken whatever its name, and --select/--ignore take comma-separated codes or
// prefixes decided as flake8's DecisionEngine decides them. Every problem with an input
// is a trajc::Error located at the path (and line:col for a bad byte), never a crash.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "lint/lint.h"

namespace trajc::cli {

// The files `paths` name, in order: each folder's *.py files sorted by path, each path
// shown as given (folder + relative path, as flake8 prints it); duplicates dropped. A
// path that does not exist, or a folder without any *.py file, appends one Error to
// `errors` ("PATH: error: …") and the others are still listed.
std::vector<std::string> CollectPythonFiles(const std::vector<std::string>& paths, std::vector<Error>& errors);

// The file's bytes. Throws trajc::Error when it cannot be read ("PATH: error: cannot
// read: …") or is neither UTF-8 nor declared latin-1 by a PEP 263 cookie
// ("PATH:LINE:COL: error: invalid UTF-8 …", located at the first bad byte).
std::string ReadPythonSource(const std::string& path);

// The comma-separated codes or prefixes of a --select/--ignore value ("E2, W291" ->
// {"E2", "W291"}). Throws trajc::Error (kExitUsage) for anything that is not a code
// or prefix (letters then digits: "E", "E2", "F401").
std::vector<std::string> ParseCodeList(const std::string& option, const std::string& value);

struct CodeSelection {
  bool select_given = false;
  std::vector<std::string> select;
  bool ignore_given = false;
  std::vector<std::string> ignore;
};

// The supported codes (lint::SupportedRules) that flake8 5 reports with these options:
// without --select, E/F/W minus the default extend-ignore list (E121, E123, E126, E226,
// E24, E704, W503, W504); a code both selected and ignored goes to the longer prefix.
std::vector<std::string> SelectedCodes(const CodeSelection& selection);

// --select prefixes that match no supported code, for a warning (a typo selects nothing;
// flake8 codes trajc does not implement are not reported).
std::vector<std::string> UnmatchedPrefixes(const CodeSelection& selection);

// The analyzer's options for a command's --select/--ignore/--max-line-length. Throws a
// usage Error for a length below 1; warns on stderr, unless `quiet`, of each --select
// prefix that matches nothing ("it <consequence>": "reports nothing", "fixes nothing").
lint::Options AnalyzerOptions(const CodeSelection& selection, int max_line_length, bool quiet,
                              const std::string& consequence);

}  // namespace trajc::cli
