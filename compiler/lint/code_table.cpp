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
      {"E201", "whitespace after '('", true, "Remove extraneous whitespace", false},
      {"E202", "whitespace before ')'", true, "Remove extraneous whitespace", false},
      {"E203", "whitespace before ':'", true, "Remove extraneous whitespace", false},
      {"E211", "whitespace before '('", true, "Remove extraneous whitespace", false},
      {"E221", "multiple spaces before operator", true, "Replace with a single space", false},
      {"E222", "multiple spaces after operator", true, "Replace with a single space", false},
      {"E223", "tab before operator", true, "Replace with a single space", false},
      {"E224", "tab after operator", true, "Replace with a single space", false},
      {"E225", "missing whitespace around operator", true, "Add missing whitespace", false},
      {"E226", "missing whitespace around arithmetic operator", true, "Add missing whitespace", false},
      {"E227", "missing whitespace around bitwise or shift operator", true, "Add missing whitespace", false},
      {"E228", "missing whitespace around modulo operator", true, "Add missing whitespace", false},
      {"E231", "missing whitespace after ',', ';', or ':'", true, "Add missing whitespace", false},
      {"E241", "multiple spaces after ','", true, "Replace with a single space", false},
      {"E242", "tab after ','", true, "Replace with a single space", false},
      {"E251", "unexpected spaces around keyword / parameter equals", true, "Remove whitespace around the equals sign", false},
      {"E252", "missing whitespace around parameter equals", true, "Add missing whitespace", false},
      {"E261", "at least two spaces before inline comment", true, "Insert two spaces before the comment", false},
      {"E262", "inline comment should start with '# '", true, "Format the inline comment as `# text`", false},
      {"E265", "block comment should start with '# '", true, "Format the block comment as `# text`", false},
      {"E266", "too many leading '#' for block comment", true, "Remove leading `#`s", false},
      {"E271", "multiple spaces after keyword", true, "Replace with a single space", false},
      {"E272", "multiple spaces before keyword", true, "Replace with a single space", false},
      {"E273", "tab after keyword", true, "Replace with a single space", false},
      {"E274", "tab before keyword", true, "Replace with a single space", false},
      {"E275", "missing whitespace after keyword", true, "Add missing whitespace", false},
      {"E301", "expected 1 blank line, found 0", true, "Add missing blank line", false},
      {"E302", "expected 2 blank lines", true, "Add missing blank line(s)", false},
      {"E303", "too many blank lines", true, "Remove extraneous blank line(s)", false},
      {"E304", "blank lines found after function decorator", true, "Remove blank line(s) after the decorator", false},
      {"E305", "expected 2 blank lines after class or function definition", true, "Add missing blank line(s)", false},
      {"E306", "expected 1 blank line before a nested definition, found 0", true, "Add missing blank line", false},
      {"E401", "multiple imports on one line", true, "Split imports onto separate lines", true},
      {"E402", "module level import not at top of file", false, "", false},
      {"E501", "line too long", false, "", false},
      {"E502", "the backslash is redundant between brackets", true, "Remove redundant backslash", false},
      {"E701", "multiple statements on one line (colon)", false, "", false},
      {"E702", "multiple statements on one line (semicolon)", true, "Put each statement on its own line", false},
      {"E703", "statement ends with a semicolon", true, "Remove unnecessary semicolon", false},
      {"E704", "multiple statements on one line (def)", false, "", false},
      {"E711", "comparison to None should be 'if cond is None:'", true, "Replace with `is` / `is not`", true},
      {"E712", "comparison to True/False should be 'if cond is True:' or 'if cond:'", true, "Replace with `is` / `is not`", true},
      {"E713", "test for membership should be 'not in'", true, "Convert to `not in`", true},
      {"E714", "test for object identity should be 'is not'", true, "Convert to `is not`", true},
      {"E721", "do not compare types, use 'isinstance()'", false, "", false},
      {"E722", "do not use bare 'except'", false, "", false},
      {"E731", "do not assign a lambda expression, use a def", false, "", false},
      {"E741", "ambiguous variable name", false, "", false},
      {"E742", "ambiguous class definition", false, "", false},
      {"E743", "ambiguous function definition", false, "", false},
      {"E999", "syntax error: CPython's ast.parse rejects the file", false, "", false},
      {"F401", "module imported but unused", true, "Remove unused import", true},
      {"F403", "'from module import *' used; unable to detect undefined names", false, "", false},
      {"F405", "name may be undefined, or defined from star imports", false, "", false},
      {"F541", "f-string is missing placeholders", true, "Remove extraneous `f` prefix", false},
      {"F632", "use ==/!= to compare constant literals (str, bytes, int, float, tuple)", true, "Replace `is` with `==`", true},
      {"F811", "redefinition of unused name", false, "", false},
      {"F821", "undefined name", false, "", false},
      {"F822", "undefined name in __all__", false, "", false},
      {"F823", "local variable referenced before assignment", false, "", false},
      {"F841", "local variable is assigned to but never used", false, "", false},
      {"W191", "indentation contains tabs", false, "", false},
      {"W291", "trailing whitespace", true, "Remove trailing whitespace", false},
      {"W292", "no newline at end of file", true, "Add trailing newline", false},
      {"W293", "blank line contains whitespace", true, "Remove whitespace from blank line", false},
      {"W391", "blank line at end of file", true, "Remove trailing blank lines", false},
      {"W605", "invalid escape sequence", true, "Add backslash to escape sequence", false},
  };
  return kRules;
}

const RuleInfo* FindRule(std::string_view code) {
  const auto& rules = SupportedRules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.code == code; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace trajc::lint
