#include "domains/domain.h"
#include "domains/docstring/docstring_domain.h"
#include "domains/lint/lint_domain.h"
#include "domains/pytest/pytest_domain.h"
#include "domains/sample_data/sample_data_domain.h"

namespace trajc::domains {

// One line per domain, alphabetical by the name users type (--domain): DomainNames and
// the messages that list the domains keep this order.
static const Domain* const kDomains[] = {
    &DocstringDomain(),
    &LintDomain(),
    &SampleDataDomain(),
    &PytestDomain(),
};

const Domain* FindDomain(std::string_view name) {
  for (const Domain* d : kDomains)
    if (d->name() == name) return d;
  return nullptr;
}

std::vector<std::string> DomainNames() {
  std::vector<std::string> out;
  for (const Domain* d : kDomains) out.emplace_back(d->name());
  return out;
}

}  // namespace trajc::domains
