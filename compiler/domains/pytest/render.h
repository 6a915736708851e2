// domains/pytest/render — the pytest files an agent writes for a pinned function or
// method, made from its doctest examples: what the templates put in write_test_file.
// Whether they pass is not decided here: the environment runs them (pytest_run.h).
#pragma once

#include <optional>
#include <string>

#include "domains/pytest/pinned.h"

namespace trajc::domains::pytest {

struct WrongExpectation {
  std::string file;      // the happy-path test with one expectation wrong
  std::string call;      // the example whose expectation is wrong
  std::string expected;  // the wrong expectation, as written
  std::string actual;    // what the call returns (the pinned output)
};

// One test asserting the function's value examples (at most `limit`), `is None` for
// examples without output.
std::optional<std::string> HappyTest(const Behaviour& b, const Pinned& p, size_t limit = 4);
// One parametrized test over the largest group of value examples that share an argument
// shape (at least 2, at most `limit`); `cases` is set to the number of cases.
std::optional<std::string> ParametrizedTest(const Behaviour& b, const Pinned& p, size_t& cases, size_t limit = 5);
// A value test (when there are value examples) plus one `pytest.raises` test per raising example (at most 2).
std::optional<std::string> ExceptionTest(const Behaviour& b, const Pinned& p);
// HappyTest with the first value example whose output can be mistaken made wrong.
std::optional<WrongExpectation> WrongTest(const Behaviour& b, const Pinned& p);
// The docstring's sequence replayed as one test: setup lines as written, outputs asserted.
std::optional<std::string> SequenceTest(const Behaviour& b, const Pinned& p);

// tests/test_<module>.py
std::string TestPath(const Behaviour& b);
// test_<name> for a function, test_<class>_<method> for a method (snake case).
std::string TestName(const Pinned& p);

}  // namespace trajc::domains::pytest
