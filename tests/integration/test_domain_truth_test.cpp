// Truth for the test domain, proven with the real tools (tests/integration/pytest_oracle.py):
// every fixture passes `python3 -m doctest`, every example trajc calls independent passes
// alone, and every run_tests result — in compiled datasets and for test files written to
// break things (wrong expectations, wrong exception classes, missing names, duplicate
// parametrize ids, fixtures pytest cannot find) — is what Debian's pytest reports: the
// same test ids in order, the same outcome for each, the same counts and messages.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_support.h"
#include "core/json.h"
#include "domains/domain.h"
#include "domains/fixture.h"

using namespace cli_test;
using trajc::Json;

namespace {

const char* kPython = "/usr/bin/python3";

std::string FixturesDir() { return std::string(TRAJC_SOURCE_DIR) + "/fixtures/test"; }

std::string Oracle(const fs::path& scratch, const std::string& datasets) {
  std::string show = (scratch / "show.json").string();
  Result s = Trajc("fixtures show --domain test --json " + Quote(FixturesDir()) + "/*.py " + Quote(FixturesDir()) +
                       "/eval/*.py > " + Quote(show),
                   scratch);
  REQUIRE(s.exit_code == 0);
  Result r = Shell(std::string(kPython) + " " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tests/integration/pytest_oracle.py") +
                       " " + Quote(FixturesDir()) + " " + Quote(show) + " " + datasets,
                   scratch);
  INFO(r.out + r.err);
  CHECK(r.exit_code == 0);
  return r.out;
}

struct Crafted {
  std::string fixture;  // display path
  bool eval;
  std::string content;
};

// Files a careless or curious agent might write; each must get pytest's own verdict.
const Crafted kCrafted[] = {
    {"roman_numerals.py", false, R"(import pytest

from roman_numerals import from_roman, to_roman


@pytest.mark.parametrize("text, expected", [("XLII", 42), ("mmxxiv", 2024), ('CDXLIV', 445)])
def test_from_roman(text, expected):
    assert from_roman(text) == expected


@pytest.mark.parametrize("n", [4, 1994])
def test_to_roman_not_empty(n):
    assert to_roman(n) != ""


def test_wrong_exception_class():
    with pytest.raises(KeyError):
        to_roman(0)


def test_did_not_raise():
    with pytest.raises(ValueError):
        to_roman(4)


def test_base_class_catches():
    with pytest.raises(Exception):
        from_roman("IIII")


def test_unexpected_exception():
    assert to_roman(0) == "N"


def test_name_not_imported():
    assert is_roman("XIV") == True


def test_string_is_not_int():
    assert from_roman("XLII") == "42"


def test_is_not_none():
    assert to_roman(4) is not None


def test_missing_fixture(numeral):
    assert from_roman(numeral) == 1
)"},
    {"word_puzzles.py", false, R"(import pytest

from word_puzzles import group_anagrams, is_anagram, word_score


@pytest.mark.parametrize(("words", "expected"), [(["eat", "tea", "tan", "ate", "nat", "bat"], [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]), ([], [])])
def test_group_anagrams(words, expected):
    assert group_anagrams(words) == expected


@pytest.mark.parametrize("a, b, expected", [("listen", "silent", True), ("apple", "paper", False), ("listen", "silent", 1)])
def test_is_anagram(a, b, expected):
    assert is_anagram(a, b) == expected


@pytest.mark.parametrize("word, letters, expected", [("Jazz", [1, 3], 40), ("Jazz", [1, 3], 41)], ids=["list", None])
def test_word_score(word, letters, expected):
    assert word_score(word, letters) == expected


def test_keyword_spelling():
    assert word_score("cab", double_letters=(0,)) == 10.0
)"},
    {"shopping_cart.py", false, R"(import pytest

from shopping_cart import Cart


def test_add_in_any_order():
    cart = Cart()
    cart.add("apple", 3)
    cart.add("milk")
    cart.add("apple")
    assert cart.items() == {"milk": 1, "apple": 4}
    with pytest.raises(KeyError):
        cart.add("caviar")


def test_add_wrong_count():
    cart = Cart()
    cart.add("apple", 3)
    cart.add("milk")
    cart.add("apple")
    assert cart.items() == {"apple": 3, "milk": 1}


def test_add_unknown_item():
    cart = Cart()
    cart.add("apple", 3)
    cart.add("milk")
    cart.add("apple")
    cart.items()
    cart.add("caviar")
)"},
    {"roman_numerals.py", false, R"(from roman_numerals import to_roman, from_numeral


def test_to_roman():
    assert to_roman(4) == "IV"
)"},
    {"library_loans.py", false, R"(import pytest

from library_loans import Library, LoanError, late_fee


def test_late_fee_floats():
    assert late_fee(3) == 0.75
    assert late_fee(10, per_day=0.1) == 1


def test_late_fee_wrong():
    assert late_fee(100, 0.5, 7.5) == 8.5


def test_borrow_twice():
    library = Library({"Emma": 1, "Kim": 2})
    assert library.borrow(7, "Emma", 3) == 17
    assert library.borrow(7, "Kim", 5) == 19
    with pytest.raises(LoanError):
        library.borrow(8, "Emma", 4)


def test_borrow_wrong_class():
    library = Library({"Emma": 1, "Kim": 2})
    assert library.borrow(7, "Emma", 3) == 17
    assert library.borrow(7, "Kim", 5) == 19
    with pytest.raises(ValueError):
        library.borrow(8, "Emma", 4)
)"},
    {"sensor_readings.py", true, R"(import pytest

from sensor_readings import gaps, min_max, summarize, total


@pytest.mark.parametrize("readings, expected", [([0.1, 0.2], 0.30000000000000004), ([], 0), ([1.5, None, -2.5], -1.0)])
def test_total(readings, expected):
    assert total(readings) == expected


def test_tuples():
    assert gaps([1.0, None, 2.0]) == (1,)
    assert gaps([1.0, 2.0]) == ()
    assert min_max([1e-05]) == (1e-05, 2e-05)


def test_gaps_list_is_not_tuple():
    assert gaps([None, None]) == [0, 1]


def test_summary():
    assert summarize([1, None], precision=0, include_gaps=True) == {"gaps": 1, "mean": 1.0, "count": 1}
    assert summarize([None]) is None
)"},
};

}  // namespace

TEST_CASE("test domain: every run_tests result in compiled datasets is what pytest reports") {
  fs::path scratch = Scratch("test-truth-datasets");
  std::string root = Quote(TRAJC_SOURCE_DIR);
  REQUIRE(Trajc("--root " + root + " --domain test --count 150 --split 0.9 --seed 42 --out " + Quote((scratch / "main").string()) + " -q", scratch).exit_code == 0);
  REQUIRE(Trajc("--root " + root + " --domain test --count 400 --split 0.8 --seed 7 --out " + Quote((scratch / "other").string()) + " -q", scratch).exit_code == 0);
  std::string datasets;
  for (const char* run : {"main", "other"})
    for (const char* split : {"train", "eval"}) datasets += " " + Quote((scratch / run / (std::string(split) + ".jsonl")).string());
  std::string out = Oracle(scratch, datasets);
  CHECK(out.find(" 0 problems") != std::string::npos);
}

TEST_CASE("test domain: test files written to break things get pytest's verdict") {
  fs::path scratch = Scratch("test-truth-crafted");
  const trajc::domains::Domain& domain = *trajc::domains::FindDomain("test");
  auto set = trajc::domains::LoadFixtureSet(FixturesDir());
  fs::create_directories(scratch / "crafted");
  std::ofstream train(scratch / "crafted" / "train.jsonl");
  std::ofstream eval(scratch / "crafted" / "eval.jsonl");
  int failed = 0, errors = 0;
  for (const Crafted& c : kCrafted) {
    const trajc::domains::Fixture* fixture = nullptr;
    for (const auto& f : c.eval ? set.eval : set.train)
      if (f.display_path == c.fixture) fixture = &f;
    REQUIRE(fixture != nullptr);
    std::vector<trajc::domains::Node> nodes = domain.Nodes(*fixture).nodes;
    auto env = domain.MakeEnvironment(*fixture, nodes.front());
    std::string path = "tests/test_crafted.py";
    Json write_args = {{"path", path}, {"content", c.content}};
    Json written = env->Call("write_test_file", write_args).result;
    Json run = env->Call("run_tests", {{"path", path}}).result;
    INFO(trajc::Dump(run));
    REQUIRE_FALSE(run.contains("error"));
    failed += run["failed"].get<int>();
    errors += run["errors"].get<int>();
    Json call_write = {{"id", "call_1"}, {"type", "function"}, {"function", {{"name", "write_test_file"}, {"arguments", trajc::Dump(write_args)}}}};
    Json call_run = {{"id", "call_2"}, {"type", "function"}, {"function", {{"name", "run_tests"}, {"arguments", trajc::Dump(Json{{"path", path}})}}}};
    Json record = {{"messages", Json::array({Json{{"role", "user"}, {"content", "File: " + c.fixture + " (1 lines)\n"}},
                                             Json{{"role", "assistant"}, {"content", nullptr}, {"tool_calls", Json::array({call_write})}},
                                             Json{{"role", "tool"}, {"tool_call_id", "call_1"}, {"content", trajc::Dump(written)}},
                                             Json{{"role", "assistant"}, {"content", nullptr}, {"tool_calls", Json::array({call_run})}},
                                             Json{{"role", "tool"}, {"tool_call_id", "call_2"}, {"content", trajc::Dump(run)}}})}};
    (c.eval ? eval : train) << trajc::Dump(record) << "\n";
  }
  train.close();
  eval.close();
  // The crafted files do fail and error, in every way listed above.
  CHECK(failed >= 12);
  CHECK(errors >= 2);
  std::string out = Oracle(scratch, Quote((scratch / "crafted" / "train.jsonl").string()) + " " +
                                        Quote((scratch / "crafted" / "eval.jsonl").string()));
  CHECK(out.find(" 0 problems") != std::string::npos);
}
