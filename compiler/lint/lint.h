// lint/ — trajc's built-in Python analyzer: flake8-compatible findings and their fixes.
//
// Findings agree with Debian's flake8 5.0.4 (pycodestyle 2.10, pyflakes 2.5) run as
// `flake8 --isolated --select=<codes>` on the same text; every rule lives in its own file
// under rules/pycodestyle/, rules/pyflakes/ or rules/flake8/, declares the words of each code
// it reports (rules/violation.h), and is listed in one code table (rule_registry.cpp).
// Nothing here throws on any input text: a file that CPython would not parse gets E999
// alone (python/compile_check decides), as with flake8.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trajc::lint {

struct Issue {
  std::string code;     // "E225"
  int line = 0;         // 1-based, as flake8 prints it
  int column = 0;       // 1-based, as flake8 prints it
  std::string message;  // flake8's text without the code: "missing whitespace around operator"
  bool fixable = false; // a fix exists for this finding (see FixLine)
};

struct Options {
  int max_line_length = 79;
  // Codes or prefixes to report ("E2", "F401"); empty = every supported code except
  // flake8's default extend-ignore list (E121, E123, E126, E226, E24, E704, W503, W504).
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  // The file's path as flake8 was given it, or empty: pyflakes treats `__init__.py` apart
  // (no F822, `__path__` defined).
  std::string filename;
  // flake8's semantics: a file that CPython's `ast.parse` rejects gets one E999 and
  // nothing else. false gives pycodestyle's own (it never parses): the token and line
  // rules run on any file that tokenizes, as pycodestyle's test suite expects.
  bool syntax_check = true;
};

// All findings of the supported codes in `source`, sorted by (line, column, code, message).
// `# noqa` and `# noqa: CODE[,CODE]` on a physical line suppress findings on that line
// (flake8's rules, including its handling of multi-line strings).
std::vector<Issue> Analyze(std::string_view source, const Options& options = {});

// Applies the fix for every finding of `code` on `line` in `source` and returns the new
// text; nullopt when there is no such finding or `code` has no fix. Fixes never break
// the syntax of a file that parsed.
std::optional<std::string> FixLine(std::string_view source, std::string_view code, int line);

// FixLine for many (code, line) targets from one analysis of `source`, to apply in any
// subset without analysing again: `trajc fix` applies a round's fixes at once and, when
// that would change more than layout, bisects the targets for the ones to hold back.
struct FixTarget {
  std::string code;
  int line = 0;
};
// Where an applied edit landed: original bytes [old_begin, old_end) became new bytes
// [new_begin, new_end) of the text the fixes give.
struct AppliedSpan {
  size_t old_begin = 0;
  size_t old_end = 0;
  size_t new_begin = 0;
  size_t new_end = 0;
};

struct BatchFix {
  std::string text;
  std::vector<bool> applied;  // per target of the plan
  // Where the edits landed, in order: original [old_begin, old_end) is new [new_begin, new_end).
  std::vector<AppliedSpan> spans;
};
class FixPlan {
 public:
  FixPlan(std::string_view source, const std::vector<FixTarget>& targets);
  ~FixPlan();
  FixPlan(const FixPlan&) = delete;
  FixPlan& operator=(const FixPlan&) = delete;

  // `source` with the fixes of targets[i] for each i in `which`, in that order; a target
  // is skipped (applied[i] false) when its edits change nothing, or overlap or touch those
  // of a target applied before it (two insertions at one point would both land): the
  // caller's next round, after a fresh analysis, takes it up.
  BatchFix Apply(const std::vector<size_t>& which) const;
  // The original bytes [old_begin, old_end) each of targets[i]'s edits replaces (new_* unset).
  std::vector<AppliedSpan> EditRanges(size_t i) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct RuleInfo {
  std::string code;
  std::string summary;    // "missing whitespace around operator"
  bool fixable = false;
  std::string fix_title;  // "Add missing whitespace", empty when not fixable
  // The fix may change what the program does (E711's `is None` where `==` was
  // overloaded, a removed import's side effects): `trajc fix` applies it only with
  // --unsafe-fixes. Safe fixes change whitespace or layout only.
  bool unsafe = false;
};

// The code table, sorted by code.
const std::vector<RuleInfo>& SupportedRules();
// The codes reported when Options::select is empty: the table minus flake8's default
// extend-ignore list (what `flake8 --isolated` would report of the supported codes).
std::vector<std::string> DefaultCodes();
// Every code of the table, and Options that report them all (`flake8 --select=<all>`):
// what the differential tests compare, with no default-ignored code hidden.
std::vector<std::string> SupportedCodes();
Options AllCodesOptions();
// "E101,E111,..." as flake8's --select takes a list.
std::string JoinCodes(const std::vector<std::string>& codes);
const RuleInfo* FindRule(std::string_view code);

}  // namespace trajc::lint
