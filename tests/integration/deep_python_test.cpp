// Deep but valid Python: every construct CPython 3.11's parser accepts at its deepest is
// analysed (no crash, no false E999), a syntax tree deeper than trajc's limit (an `and`/`or`
// chain of tens of thousands of terms; CPython keeps it flat) is one located error with
// exit 1 and nothing written, and blocks nested past 63 levels (indentation columns of 256
// and more) parse, with CPython's "too many levels of indentation" at 100 levels.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "cli_support.h"
#include "python/parse.h"

using namespace cli_test;

namespace {

// Defines every name the deep lines use, so that a deep line's only finding is E501, as
// flake8 reports for the same constructs at depths its own (recursive) pyflakes handles.
const std::string kPrelude = "a = c = 1\n\n\ndef f():\n    return f\n\n\n";

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// One line per construct at the depth CPython 3.11 still accepts: about 2,990 nested
// expressions (2,900 here), 200 nested brackets.
std::vector<std::pair<std::string, std::string>> DeepLines() {
  const int n = 2900;
  std::string chain = "a";
  for (int i = 1; i < 19000; ++i) chain += " or a";
  return {
      {"plus", "x = " + Repeat("1 + ", n) + "1"},
      {"neg", "x = " + Repeat("-", n) + "1"},
      {"attr", "x = a" + Repeat(".b", n)},
      {"call", "x = f" + Repeat("()", n)},
      {"sub", "x = a" + Repeat("[0]", n)},
      {"pow", "x = " + Repeat("2 ** ", n) + "2"},
      {"cond", "x = " + Repeat("1 if c else ", n) + "1"},
      {"not", "x = " + Repeat("not ", n) + "a"},
      {"paren", "x = " + Repeat("(", 200) + "1" + Repeat(")", 200)},
      {"or", "x = " + chain},  // 19,000 terms: 19,003 levels, within the limit
  };
}

std::string P(const fs::path& path) { return Quote(path.string()); }

// `depth` nested `if` blocks, four spaces each, around a `pass`.
std::string Blocks(int depth) {
  std::string text = "x = 1\n";
  for (int i = 0; i < depth; ++i) text += std::string(4 * static_cast<size_t>(i), ' ') + "if x:\n";
  return text + std::string(4 * static_cast<size_t>(depth), ' ') + "pass\n";
}

}  // namespace

TEST_CASE("valid Python as deep as CPython accepts is linted, fixed and shown without a crash") {
  fs::path scratch = Scratch("deep-valid");
  for (const auto& [name, line] : DeepLines()) {
    fs::path file = scratch / (name + ".py");
    WriteFile(file, kPrelude + line + "\n");
    INFO(name);
    Result lint = Trajc("lint " + P(file), scratch);
    CHECK(lint.exit_code == 1);
    CHECK(lint.out == file.string() + ":8:80: E501 line too long (" + std::to_string(line.size()) + " > 79 characters)\n");
    CHECK(lint.err.empty());
    Result show = Trajc("fixtures show " + P(file), scratch);
    CHECK(show.exit_code == 0);
    CHECK(show.err.empty());
    if (name != "or" && name != "call") continue;  // the rest walk the same code: kept short under ASan
    Result fix = Trajc("fix --diff " + P(file), scratch);
    CHECK(fix.exit_code == 1);  // E501 remains, no automatic fix
    CHECK(fix.out.empty());
    CHECK(fix.err.find("error") == std::string::npos);
    Result test_domain = Trajc("fixtures show --domain test " + P(file), scratch);
    CHECK(test_domain.exit_code == 0);
  }
}

TEST_CASE("a syntax tree deeper than the limit is one located error, exit 1, in every command") {
  fs::path scratch = Scratch("deep-refused");
  // 20,001 levels: module, statement, assignment, 19,997 `or`s, the first `a` (line 8, column 5).
  std::string chain = "a";
  for (int i = 0; i < 19997; ++i) chain += " or a";
  fs::path fixtures = scratch / "fixtures";
  fs::create_directories(fixtures);
  fs::path file = fixtures / "deep.py";
  WriteFile(file, kPrelude + "x = " + chain + "\n");
  const std::string located = file.string() + ":8:5: error: too deep for trajc: the syntax tree nests 20001 levels here, the limit is " +
                              std::to_string(trajc::python::kMaxTreeDepth) +
                              "; split the expression or statement, e.g. with intermediate variables\n";
  REQUIRE(trajc::python::kMaxTreeDepth == 20000);

  for (std::string command : {"lint", "fixtures show", "fixtures show --domain test", "fixtures show --json"}) {
    INFO(command);
    Result r = Trajc(command + " " + P(file), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.err == located);
    CHECK(r.out.empty());
  }
  SECTION("fix: the file is left as it was, the error located") {
    Result r = Trajc("fix " + P(file), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith(located));
    CHECK(Slurp(file) == kPrelude + "x = " + chain + "\n");
  }
  SECTION("generate and fixtures check: the error, and no dataset") {
    for (std::string domain : {"lint", "test", "docstring", "sample_data"}) {
      INFO(domain);
      fs::path out = scratch / ("out-" + domain);
      Result r = Trajc("--domain " + domain + " --count 4 --seed 1 --fixtures " + P(fixtures) + " --out " + P(out) + Root(), scratch);
      CHECK(r.exit_code == 1);
      CHECK(r.err.find(located) != std::string::npos);
      CHECK((!fs::exists(out) || fs::is_empty(out)));
    }
    Result check = Trajc("fixtures check --domain lint --fixtures " + P(fixtures) + Root(), scratch);
    CHECK(check.exit_code == 1);
    CHECK(check.err.find(located) != std::string::npos);
  }
  SECTION("one term fewer is within the limit") {
    WriteFile(file, kPrelude + "x = a" + chain.substr(5) + "\n");
    Result r = Trajc("fixtures show " + P(file), scratch);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
  }
}

TEST_CASE("deep blocks: indentation columns past 255 parse; 100 levels is CPython's IndentationError") {
  fs::path scratch = Scratch("deep-blocks");
  // 99 levels: indentation columns up to 396, valid for CPython and flake8 (E501 only, from line 21).
  fs::path ok = scratch / "ok.py";
  WriteFile(ok, Blocks(99));
  Result lint = Trajc("lint --select E9,F " + P(ok), scratch);
  CHECK(lint.exit_code == 0);
  CHECK(lint.out.empty());
  Result show = Trajc("fixtures show " + P(ok), scratch);
  CHECK(show.exit_code == 0);
  CHECK(show.err.empty());

  // 100 levels: flake8 5.0.4 on CPython 3.11 prints exactly this one line.
  fs::path deep = scratch / "deep.py";
  WriteFile(deep, Blocks(100));
  Result r = Trajc("lint " + P(deep), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.out == deep.string() + ":102:2: E999 IndentationError: too many levels of indentation\n");
}
