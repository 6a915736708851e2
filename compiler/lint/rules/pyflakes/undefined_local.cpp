#include "lint/rules/pyflakes/undefined_local.h"

#include <string>

namespace trajc::lint {

void CheckUndefinedLocals(const semantic::Facts& facts, Findings& out) {
  for (const semantic::UseBeforeAssignment& u : facts.uses_before_assignment) {
    std::string where = u.defined_row == 0 ? "defined as a builtin"
                                           : "defined in enclosing scope on line " + std::to_string(u.defined_row);
    Finding& f = Report(out, kUndefinedLocal, u.at.row, u.at.col, {u.name, where});
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
