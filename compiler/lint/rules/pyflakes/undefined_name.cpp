#include "lint/rules/pyflakes/undefined_name.h"

namespace trajc::lint {

void CheckUndefinedNames(const ScopeReport& scopes, Findings& out) {
  for (const NameMessage& m : scopes.names) {
    if (m.code == "F821" || m.code == "F822" || m.code == "F823") out.push_back({m.code, m.row, m.col, true, m.message, {}});  // pyflakes: UTF-8 byte columns
  }
}

}  // namespace trajc::lint
