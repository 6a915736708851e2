#include "domains/lint/fix_claims.h"

#include <vector>

#include "lint/lint.h"

namespace trajc::domains::lint_domain {

namespace {

// The reported codes that `keep` accepts, a run of three or more neighbours in the code
// table (the same letter and hundred, nothing between them left out) written as "F501-F525": the
// model only ever sees reported codes, so a range names exactly the codes in it.
template <typename Keep>
std::string ReportedCodes(Keep keep) {
  const std::vector<std::string> codes = lint::DefaultCodes();
  std::string list;
  for (size_t i = 0; i < codes.size();) {
    const lint::RuleInfo* rule = lint::FindRule(codes[i]);
    if (rule == nullptr || !keep(*rule)) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < codes.size() && codes[end].compare(0, 2, codes[i], 0, 2) == 0 && lint::FindRule(codes[end]) != nullptr &&
           keep(*lint::FindRule(codes[end])))
      ++end;
    std::string item = end - i >= 3 ? codes[i] + "-" + codes[end - 1] : codes[i];
    if (end - i == 2) item += ", " + codes[i + 1];
    list += (list.empty() ? "" : ", ") + item;
    i = end;
  }
  return list;
}

}  // namespace

std::string NoFixClaim() {
  return "These codes have no automatic fix, apply_fix refuses them: " +
         ReportedCodes([](const lint::RuleInfo& r) { return !r.fixable; }) + ".";
}

std::string UnsafeFixClaim() {
  return "The fixes of " + ReportedCodes([](const lint::RuleInfo& r) { return r.fixable && r.unsafe; }) +
         " change the code itself, not only its layout.";
}

}  // namespace trajc::domains::lint_domain
