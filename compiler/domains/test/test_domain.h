// domains/test/test_domain — the `test` domain: write pytest tests for functions and
// methods whose behaviour doctest examples pin down.
#pragma once

#include "domains/domain.h"

namespace trajc::domains {

const Domain& TestDomain();

}  // namespace trajc::domains
