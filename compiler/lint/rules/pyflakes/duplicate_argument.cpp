#include "lint/rules/pyflakes/duplicate_argument.h"

namespace trajc::lint {

void CheckDuplicateArguments(const semantic::Facts& facts, Findings& out) {
  for (const semantic::NameAt& d : facts.duplicate_arguments) {
    // pyflakes: UTF-8 byte columns, printed as they are.
    Report(out, kDuplicateArgument, d.at.row, d.at.col, {d.name}).col_is_chars = true;
  }
}

}  // namespace trajc::lint
