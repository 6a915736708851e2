#include "lint/rules/pyflakes/future_import.h"

namespace trajc::lint {

void CheckFutureImports(const semantic::Facts& facts, Findings& out) {
  // pyflakes: UTF-8 byte columns, printed as they are.
  for (const semantic::Place& at : facts.late_future_imports) {
    Report(out, kLateFutureImport, at.row, at.col).col_is_chars = true;
  }
  for (const semantic::NameAt& f : facts.undefined_future_features) {
    Report(out, kFutureFeatureNotDefined, f.at.row, f.at.col, {f.name}).col_is_chars = true;
  }
}

}  // namespace trajc::lint
