#include "lint/rules/pyflakes/import_shadowed_by_loop_var.h"

#include <string>

namespace trajc::lint {

void CheckImportShadowedByLoopVar(const semantic::Facts& facts, Findings& out) {
  for (const semantic::ShadowedImport& s : facts.shadowed_imports) {
    // pyflakes: UTF-8 byte columns, printed as they are.
    Report(out, kImportShadowedByLoopVar, s.at.row, s.at.col, {s.name, std::to_string(s.import_row)}).col_is_chars =
        true;
  }
}

}  // namespace trajc::lint
