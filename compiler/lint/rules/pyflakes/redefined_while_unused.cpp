#include "lint/rules/pyflakes/redefined_while_unused.h"

#include <string>

namespace trajc::lint {

void CheckRedefinedWhileUnused(const semantic::Facts& facts, Findings& out) {
  for (const semantic::Redefinition& r : facts.redefinitions) {
    Finding& f = Report(out, kRedefinedWhileUnused, r.at.row, r.at.col, {r.name, std::to_string(r.original_row)});
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
