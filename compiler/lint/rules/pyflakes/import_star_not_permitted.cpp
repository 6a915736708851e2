#include "lint/rules/pyflakes/import_star_not_permitted.h"

namespace trajc::lint {

void CheckImportStarNotPermitted(const semantic::Facts& facts, Findings& out) {
  for (const semantic::NestedStarImport& s : facts.nested_star_imports) {
    // pyflakes: UTF-8 byte columns, printed as they are.
    Report(out, kImportStarNotPermitted, s.at.row, s.at.col, {s.module}).col_is_chars = true;
  }
}

}  // namespace trajc::lint
