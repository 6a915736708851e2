#include "lint/rules/pyflakes/unused_variable.h"

namespace trajc::lint {

void CheckUnusedVariables(const Source&, const ScopeReport& scopes, Findings& out) {
  for (const auto& v : scopes.unused_variables) {
    Report(out, kUnusedVariable, v.row, v.col, {v.name});
  }
}

}  // namespace trajc::lint
