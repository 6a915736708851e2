#include "lint/rules/pyflakes/unused_variable.h"

namespace trajc::lint {

void CheckUnusedVariables(const semantic::Facts& facts, Findings& out) {
  for (const semantic::UnusedVariable& v : facts.unused_variables) {
    Report(out, kUnusedVariable, v.at.row, v.at.col, {v.name});
  }
}

}  // namespace trajc::lint
