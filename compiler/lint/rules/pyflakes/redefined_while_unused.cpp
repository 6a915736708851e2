#include "lint/rules/pyflakes/redefined_while_unused.h"

namespace trajc::lint {

void CheckRedefinedWhileUnused(const ScopeReport& scopes, Findings& out) {
  for (const NameMessage& m : scopes.names) {
    if (m.code == "F811") out.push_back({m.code, m.row, m.col, true, m.message, {}});  // pyflakes: UTF-8 byte columns
  }
}

}  // namespace trajc::lint
