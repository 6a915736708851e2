#include "lint/rules/pyflakes/undefined_name.h"

namespace trajc::lint {

void CheckUndefinedNames(const semantic::Facts& facts, Findings& out) {
  for (const semantic::NameAt& u : facts.undefined_names) {
    Report(out, kUndefinedName, u.at.row, u.at.col, {u.name}).col_is_chars = true;  // pyflakes: UTF-8 byte columns
  }
}

}  // namespace trajc::lint
