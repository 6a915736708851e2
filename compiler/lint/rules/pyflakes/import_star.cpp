#include "lint/rules/pyflakes/import_star.h"

#include <algorithm>

namespace trajc::lint {

namespace {

// pyflakes lists the modules as ', '.join(sorted(...)).
std::string JoinSorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void CheckImportStar(const semantic::Facts& facts, Findings& out) {
  // pyflakes: UTF-8 byte columns, printed as they are.
  for (const semantic::StarImport& s : facts.star_imports) {
    Report(out, kImportStar, s.at.row, s.at.col, {s.module}).col_is_chars = true;
  }
  for (const semantic::StarImportUse& u : facts.star_import_uses) {
    Report(out, kImportStarUsage, u.at.row, u.at.col, {u.name, JoinSorted(u.modules)}).col_is_chars = true;
  }
}

}  // namespace trajc::lint
