#include "domains/lint/fix_claims.h"

#include "lint/lint.h"

namespace trajc::domains::lint_domain {

namespace {

template <typename Keep>
std::string ReportedCodes(Keep keep) {
  std::string list;
  for (const std::string& code : lint::DefaultCodes()) {
    const lint::RuleInfo* rule = lint::FindRule(code);
    if (rule != nullptr && keep(*rule)) list += (list.empty() ? "" : ", ") + code;
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
