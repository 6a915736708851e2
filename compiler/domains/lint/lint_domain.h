// domains/lint/lint_domain — the `lint` domain: a node is a whole module; its facts are
// the module's definitions and imports (python/facts) and its lint findings; its environment is LintEnvironment.
// Fixture expectations live in fixtures/lint/expect.yaml (path: [CODE@line:col, …]), kept
// out of the fixtures themselves so that no answer leaks into the user turn.
#pragma once

#include "domains/domain.h"

namespace trajc::domains {

const Domain& LintDomain();

}  // namespace trajc::domains
