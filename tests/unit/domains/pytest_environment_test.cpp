// The test domain's parts on a small module: what the pinned examples say, the tests
// rendered from them, and the environment's tools — above all that run_tests refuses,
// with its reason, what no example pins instead of guessing. (That its verdicts are
// pytest's is proven against pytest in tests/integration/test_domain_truth_test.cpp.)
#include <catch2/catch.hpp>

#include "domains/pytest/pinned.h"
#include "domains/pytest/pytest_environment.h"
#include "domains/pytest/pytest_run.h"
#include "domains/pytest/render.h"

using trajc::Json;
namespace t = trajc::domains::pytest;

namespace {

const char* kSource =
    "\"\"\"Counters.\"\"\"\n"
    "\n"
    "\n"
    "class CountError(ValueError):\n"
    "    \"\"\"Bad count.\"\"\"\n"
    "\n"
    "\n"
    "def double(n, times=2):\n"
    "    \"\"\"Multiply.\n"
    "\n"
    "    >>> double(2)\n"
    "    4\n"
    "    >>> double(3, times=3)\n"
    "    9\n"
    "    >>> double(-1)\n"
    "    Traceback (most recent call last):\n"
    "        ...\n"
    "    counters.CountError: negative: -1\n"
    "    \"\"\"\n"
    "    if n < 0:\n"
    "        raise CountError(f'negative: {n}')\n"
    "    return n * times\n"
    "\n"
    "\n"
    "class Counter:\n"
    "    \"\"\"Counts.\"\"\"\n"
    "\n"
    "    def __init__(self):\n"
    "        self.n = 0\n"
    "\n"
    "    def bump(self):\n"
    "        \"\"\"Count one more.\n"
    "\n"
    "        >>> c = Counter()\n"
    "        >>> c.bump()\n"
    "        1\n"
    "        >>> c.bump()\n"
    "        2\n"
    "        \"\"\"\n"
    "        self.n += 1\n"
    "        return self.n\n";

std::shared_ptr<const t::Behaviour> Behaviour() {
  static auto b = std::make_shared<const t::Behaviour>(t::BehaviourOf(
      "counters.py", "counters", trajc::python::FactsOf(trajc::python::SourceTree::Parse(kSource))));
  return b;
}

t::RunResult Run(const std::string& content) { return t::RunTestFile(*Behaviour(), "tests/test_counters.py", content); }

}  // namespace

TEST_CASE("pinned examples: independent calls and sequences") {
  const t::Behaviour& b = *Behaviour();
  REQUIRE(b.problems.empty());
  REQUIRE(b.pinned.size() == 2);
  CHECK(b.pinned[0].independent);
  CHECK(b.pinned[0].params == std::vector<std::string>{"n", "times"});
  CHECK(b.pinned[0].steps[2].outcome.exception == "CountError");
  CHECK_FALSE(b.pinned[1].independent);
  CHECK(b.pinned[1].steps[0].assignment);
  CHECK(b.calls.count("double(3, times=3)") == 1);
  CHECK(t::IsSubclass(b, "CountError", "ValueError"));
  CHECK(t::IsSubclass(b, "CountError", "Exception"));
  CHECK_FALSE(t::IsSubclass(b, "CountError", "KeyError"));
  CHECK(t::ClassRepr(b, "CountError") == "<class 'counters.CountError'>");
}

TEST_CASE("an example pinned twice in one docstring is read, and told apart when its outcomes differ") {
  // The second spelling of a call was looked up among the functions read before this one,
  // where it is not: a crash on valid, passing doctests.
  const std::string same =
      "def f(x):\n    \"\"\"Return x.\n\n    >>> f(1)\n    1\n    >>> f(1)\n    1\n    \"\"\"\n    return x\n";
  t::Behaviour b = t::BehaviourOf("m.py", "m", trajc::python::FactsOf(trajc::python::SourceTree::Parse(same)));
  CHECK(b.problems.empty());
  REQUIRE(b.pinned.size() == 1);
  CHECK(b.pinned[0].steps.size() == 2);
  std::string differ = same;
  differ.replace(differ.rfind("    1\n"), 7, "    2\n");
  b = t::BehaviourOf("m.py", "m", trajc::python::FactsOf(trajc::python::SourceTree::Parse(differ)));
  REQUIRE(b.problems.size() == 1);
  CHECK(b.problems[0].message() == "f: `f(1)` is pinned twice with different outcomes");
}

TEST_CASE("IsSubclass ends on classes whose bases form a cycle") {
  // `class A(B)` and `class B(A)` parse; they fail only when run.
  t::Behaviour b = t::BehaviourOf(
      "m.py", "m", trajc::python::FactsOf(trajc::python::SourceTree::Parse("class A(B):\n    pass\n\n\nclass B(A):\n    pass\n")));
  CHECK_FALSE(t::IsSubclass(b, "A", "ValueError"));
  CHECK(t::IsSubclass(b, "A", "B"));
}

TEST_CASE("rendered tests pass against the pinned examples") {
  const t::Behaviour& b = *Behaviour();
  auto happy = t::HappyTest(b, b.pinned[0]);
  REQUIRE(happy);
  CHECK(*happy == "from counters import double\n\n\ndef test_double():\n    assert double(2) == 4\n    assert double(3, times=3) == 9\n");
  auto raises = t::ExceptionTest(b, b.pinned[0]);
  REQUIRE(raises);
  CHECK(raises->find("from counters import CountError, double\n") != std::string::npos);
  auto sequence = t::SequenceTest(b, b.pinned[1]);
  REQUIRE(sequence);
  CHECK(*sequence == "from counters import Counter\n\n\ndef test_counter_bump():\n    c = Counter()\n    assert c.bump() == 1\n"
                     "    assert c.bump() == 2\n");
  for (const std::string& file : {*happy, *raises, *sequence}) {
    t::RunResult r = Run(file);
    INFO(file << r.refusal);
    CHECK(r.refusal.empty());
    CHECK(r.count("passed") == static_cast<int>(r.tests.size()));
  }
  auto wrong = t::WrongTest(b, b.pinned[0]);
  REQUIRE(wrong);
  CHECK(wrong->expected == "5");
  t::RunResult r = Run(wrong->file);
  REQUIRE(r.tests.size() == 1);
  CHECK(r.tests[0].message == "assert 4 == 5");
}

TEST_CASE("run_tests refuses what no example pins, and says why") {
  struct Case {
    const char* content;
    const char* reason;
  };
  for (const Case& c : {Case{"from counters import double\n\n\ndef test_x():\n    assert double(5) == 10\n", "no doctest example of counters pins"},
                        Case{"from counters import Counter\n\n\ndef test_x():\n    c = Counter()\n    c.bump()\n    c.bump()\n    assert c.bump() == 3\n",
                             "after the statements before it"},
                        Case{"from counters import double\n\n\ndef test_x():\n    for i in range(3):\n        assert double(2) == 4\n",
                             "cannot run a `for_statement`"},
                        Case{"import os\n", "cannot run tests that import `os`"},
                        Case{"from counters import double\n\n\ndef helper():\n    return 1\n", "cannot run helper function"},
                        Case{"from counters import double\n\n\ndef test_x():\n    assert double(2) > 3\n", "assert with =="}}) {
    t::RunResult r = Run(c.content);
    INFO(c.content);
    CHECK_THAT(r.refusal, Catch::Contains(c.reason));
  }
}

TEST_CASE("the environment's tools") {
  t::PytestEnvironment env("counters.py", Behaviour());
  CHECK_FALSE(env.Call("run_tests", {{"path", "tests/test_counters.py"}}).ok);
  CHECK_FALSE(env.Call("submit_result", {{"summary", "x"}, {"test_file", "tests/test_counters.py"}, {"passed", 1}, {"failed", 0}}).ok);
  auto inspect = env.Call("inspect_target", {{"target", "Counter.bump"}});
  CHECK(inspect.ok);
  CHECK(inspect.result["independent_examples"] == false);
  CHECK_FALSE(env.Call("inspect_target", {{"target", "Counter.reset"}}).ok);
  std::string file = "from counters import double\n\n\ndef test_double():\n    assert double(2) == 4\n";
  CHECK(env.Call("write_test_file", {{"path", "tests/test_counters.py"}, {"content", file}}).result["line_count"] == 5);
  auto run = env.Call("run_tests", {{"path", "tests/test_counters.py"}});
  CHECK(run.ok);
  CHECK(run.result["passed"] == 1);
  CHECK(run.result["tests"][0]["id"] == "tests/test_counters.py::test_double");
  CHECK_FALSE(env.Call("submit_result", {{"summary", "x"}, {"test_file", "tests/test_counters.py"}, {"passed", 2}, {"failed", 0}}).ok);
  CHECK(env.Call("submit_result", {{"summary", "x"}, {"test_file", "tests/test_counters.py"}, {"passed", 1}, {"failed", 0}}).ok);
  CHECK(env.View("env")["files"] == Json::array({"tests/test_counters.py"}));
}

TEST_CASE("pytest's ids for parameter values") {
  trajc::python::Value s;
  s.kind = trajc::python::Value::Kind::kStr;
  s.str = "caf\xc3\xa9\n";
  CHECK(t::PytestIdPart(s, "word", 0) == "caf\\xe9\\n");
  auto list = trajc::python::ParseLiteral("[1]");
  CHECK(t::PytestIdPart(*list, "words", 3) == "words3");
  CHECK(t::PytestIdPart(*trajc::python::ParseLiteral("2.50"), "x", 0) == "2.5");
  CHECK(t::PytestIdPart(*trajc::python::ParseLiteral("None"), "x", 0) == "None");
  t::RunResult r = Run("import pytest\n\nfrom counters import double\n\n\n@pytest.mark.parametrize('n, expected', [(2, 4), (2, 4.0)])\n"
                       "def test_double(n, expected):\n    assert double(n) == expected\n");
  REQUIRE(r.tests.size() == 2);
  CHECK(r.tests[0].id == "tests/test_counters.py::test_double[2-4]");
  CHECK(r.tests[1].id == "tests/test_counters.py::test_double[2-4.0]");
}
