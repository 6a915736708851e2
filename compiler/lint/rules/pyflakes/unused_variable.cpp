#include "lint/rules/pyflakes/unused_variable.h"

namespace trajc::lint {

void CheckUnusedVariables(const Source&, const ScopeReport& scopes, Findings& out) {
  for (const auto& v : scopes.unused_variables) {
    out.push_back({"F841", v.row, v.col, false, "local variable '" + v.name + "' is assigned to but never used", {}});
  }
}

}  // namespace trajc::lint
