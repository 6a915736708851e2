#include "lint/rules/pyflakes/undefined_export.h"

namespace trajc::lint {

void CheckUndefinedExports(const semantic::Facts& facts, Findings& out) {
  for (const semantic::NameAt& u : facts.undefined_exports) {
    Report(out, kUndefinedExport, u.at.row, u.at.col, {u.name}).col_is_chars = true;  // pyflakes: UTF-8 byte columns
  }
}

}  // namespace trajc::lint
