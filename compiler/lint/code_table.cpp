// The one table of supported codes: one line per code, sorted. A rule lives in
// rules/<origin>/<rule>.cpp and is run from analyzer.cpp.
#include <algorithm>

#include "lint/lint.h"

namespace trajc::lint {

const std::vector<RuleInfo>& SupportedRules() {
  static const std::vector<RuleInfo> kRules = {
      {"E101", "indentation contains mixed spaces and tabs", false, "", false},
      {"E111", "indentation is not a multiple of 4", false, "", false},
      {"E112", "expected an indented block", false, "", false},
      {"E113", "unexpected indentation", false, "", false},
      {"E114", "indentation is not a multiple of 4 (comment)", false, "", false},
      {"E115", "expected an indented block (comment)", true, "Indent the comment one level below the block header", false},
      {"E116", "unexpected indentation (comment)", true, "Align the comment with the previous statement", false},
      {"E117", "over-indented", false, "", false},
      {"E225", "missing whitespace around operator", true, "Add missing whitespace", false},
      {"E231", "missing whitespace after ',', ';', or ':'", true, "Add missing whitespace", false},
      {"E261", "at least two spaces before inline comment", true, "Insert two spaces before the comment", false},
      {"E301", "expected 1 blank line, found 0", true, "Add missing blank line", false},
      {"E302", "expected 2 blank lines", true, "Add missing blank line(s)", false},
      {"E303", "too many blank lines", true, "Remove extraneous blank line(s)", false},
      {"E304", "blank lines found after function decorator", true, "Remove blank line(s) after the decorator", false},
      {"E305", "expected 2 blank lines after class or function definition", true, "Add missing blank line(s)", false},
      {"E306", "expected 1 blank line before a nested definition, found 0", true, "Add missing blank line", false},
      {"E501", "line too long", false, "", false},
      {"E502", "the backslash is redundant between brackets", true, "Remove redundant backslash", false},
      {"E711", "comparison to None should be 'if cond is None:'", true, "Replace with `is` / `is not`", true},
      {"E712", "comparison to True/False should be 'if cond is True:' or 'if cond:'", true, "Replace with `is` / `is not`", true},
      {"F401", "module imported but unused", true, "Remove unused import", true},
      {"F841", "local variable is assigned to but never used", false, "", false},
      {"W191", "indentation contains tabs", false, "", false},
      {"W291", "trailing whitespace", true, "Remove trailing whitespace", false},
      {"W292", "no newline at end of file", true, "Add trailing newline", false},
      {"W293", "blank line contains whitespace", true, "Remove whitespace from blank line", false},
      {"W391", "blank line at end of file", true, "Remove trailing blank lines", false},
  };
  return kRules;
}

const RuleInfo* FindRule(std::string_view code) {
  const auto& rules = SupportedRules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.code == code; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace trajc::lint
