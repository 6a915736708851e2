// domains/pytest/pytest_domain — the `test` domain (users type `--domain test`; its inputs
// are tool_schemas/test.yaml, trajectories/test/, fixtures/test/): write pytest tests for
// functions and methods whose behaviour doctest examples pin down. The sources are named
// after pytest so that they do not read as trajc's own tests.
#pragma once

#include "domains/domain.h"

namespace trajc::domains {

const Domain& PytestDomain();

}  // namespace trajc::domains
