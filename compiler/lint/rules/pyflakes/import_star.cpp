#include "lint/rules/pyflakes/import_star.h"

namespace trajc::lint {

void CheckImportStar(const ScopeReport& scopes, Findings& out) {
  for (const NameMessage& m : scopes.names) {
    if (m.code == "F403" || m.code == "F405") out.push_back({m.code, m.row, m.col, true, m.message, {}});  // pyflakes: UTF-8 byte columns
  }
}

}  // namespace trajc::lint
