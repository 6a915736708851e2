// The one table of supported codes: one line per code, sorted. A rule lives in
// rules/<origin>/<rule>.cpp and is run from analyzer.cpp.
#include <algorithm>

#include "lint/lint.h"

namespace trajc::lint {

const std::vector<RuleInfo>& SupportedRules() {
  static const std::vector<RuleInfo> kRules = {
      {"E225", "missing whitespace around operator", true, "Add missing whitespace", false},
      {"E231", "missing whitespace after ',', ';', or ':'", true, "Add missing whitespace", false},
      {"E261", "at least two spaces before inline comment", true, "Insert two spaces before the comment", false},
      {"E302", "expected 2 blank lines", true, "Add missing blank line(s)", false},
      {"E303", "too many blank lines", true, "Remove extraneous blank line(s)", false},
      {"E501", "line too long", false, "", false},
      {"E711", "comparison to None should be 'if cond is None:'", true, "Replace with `is` / `is not`", true},
      {"E712", "comparison to True/False should be 'if cond is True:' or 'if cond:'", true, "Replace with `is` / `is not`", true},
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
      {"W291", "trailing whitespace", true, "Remove trailing whitespace", false},
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
