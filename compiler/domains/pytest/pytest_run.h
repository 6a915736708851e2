// domains/pytest/pytest_run — what pytest reports for a test file, worked out from the
// fixture's pinned examples instead of by running Python: collection (imports, the
// parametrize decorator, the test ids pytest gives its cases), then each test's
// statements against the pinned outcomes, with pytest's pass/fail/error rules.
//
// The subset it runs is the one test authors use for pinned behaviour: `import pytest`,
// `from <module> import …`, test functions, `@pytest.mark.parametrize`, assignments and
// calls, `assert x == literal` / `!=` / `is None` / `is not None`, and
// `with pytest.raises(Error):`. A statement outside it, or one whose outcome no example
// pins, makes the run `refused` with the reason: the environment never guesses.
#pragma once

#include <string>
#include <vector>

#include "domains/pytest/pinned.h"

namespace trajc::domains::pytest {

struct TestResult {
  std::string id;       // pytest's node id: tests/test_cart.py::test_total[3-4.5]
  std::string outcome;  // passed | failed | error
  int line = 0;         // of the failing statement (failed, error)
  std::string message;  // pytest's one-line reason, e.g. "assert 5 == 6"
  std::string expected;
  std::string actual;
};

struct RunResult {
  std::string refusal;                       // non-empty: the environment cannot tell
  std::vector<std::string> collection_errors;  // pytest's "ERROR collecting …" reasons
  std::vector<TestResult> tests;             // in pytest's order
  int count(std::string_view outcome) const;
  // pytest counts a collection error as one error.
  int errors() const { return static_cast<int>(collection_errors.size()) + count("error"); }
};

RunResult RunTestFile(const Behaviour& behaviour, const std::string& test_path, const std::string& content);

// The id pytest gives one parameter value (IdMaker._idval for values without ids=).
std::string PytestIdPart(const python::Value& value, const std::string& argname, size_t index);

}  // namespace trajc::domains::pytest
