// `trajc lint` and `trajc fix` as users run them, with Debian's flake8 5.0.4 as the oracle:
// trajc lint prints flake8's lines for the supported codes, and trajc fix leaves files
// that flake8 finds clean of what was fixed, that still compile, and (safe fixes) whose
// Python AST is unchanged.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "cli_support.h"
#include "core/json.h"
#include "lint/lint.h"

using namespace cli_test;
using trajc::Json;

namespace {

const fs::path kSource = TRAJC_SOURCE_DIR;

struct Line {
  std::string path;
  int row = 0, col = 0;
  std::string code, text;
  bool operator<(const Line& o) const { return std::tie(path, row, col, code, text) < std::tie(o.path, o.row, o.col, o.code, o.text); }
};

// `path:row:col: CODE message` lines sorted by (path, row, col, code); lines of other
// codes than trajc supports dropped (flake8 also reports E999, E402, …).
std::vector<std::string> SortedFindings(const std::string& output) {
  std::set<std::string> supported;
  for (const auto& rule : trajc::lint::SupportedRules()) supported.insert(rule.code);
  std::vector<Line> lines;
  for (const std::string& l : Lines(output)) {
    Line x;
    size_t a = l.find(':'), b = l.find(':', a + 1), c = l.find(':', b + 1);
    REQUIRE(c != std::string::npos);
    x.path = l.substr(0, a);
    x.row = std::stoi(l.substr(a + 1, b - a - 1));
    x.col = std::stoi(l.substr(b + 1, c - b - 1));
    x.code = l.substr(c + 2, l.find(' ', c + 2) - c - 2);
    x.text = l;
    if (supported.count(x.code)) lines.push_back(x);
  }
  std::sort(lines.begin(), lines.end());
  std::vector<std::string> out;
  for (const Line& x : lines) out.push_back(x.text);
  return out;
}

// Where Shell keeps the captured output of commands run in another folder (the source tree).
const fs::path& Captures() {
  static const fs::path dir = Scratch("lint-captures");
  return dir;
}

Result Flake8(const std::string& args, const fs::path& cwd) {
  return Shell("cd " + Quote(cwd.string()) + " && /usr/bin/flake8 --isolated " + args, Captures());
}

Result TrajcIn(const std::string& args, const fs::path& cwd) {
  return Shell("cd " + Quote(cwd.string()) + " && " + Quote(TRAJC_BINARY) + " " + args, Captures());
}

std::map<std::string, int> CountByCode(const std::vector<std::string>& lines) {
  std::map<std::string, int> n;
  for (const std::string& l : lines) {
    size_t c = l.find(": ");
    ++n[l.substr(c + 2, l.find(' ', c + 2) - c - 2)];
  }
  return n;
}

// Every fixture `trajc fix` is tried on: the lint fixtures and the rule fixtures.
std::vector<fs::path> FixFixtures() {
  std::vector<fs::path> files;
  for (const fs::path& dir : {kSource / "fixtures/lint", kSource / "tests/unit/lint/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".py") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

bool Compiles(const fs::path& file, const fs::path& scratch) {
  return Shell("/usr/bin/python3 -m py_compile " + Quote(file.string()), scratch).exit_code == 0;
}

}  // namespace

TEST_CASE("trajc lint prints flake8's lines on the lint fixtures") {
  fs::path scratch = Scratch("lint-flake8");
  const std::string codes = trajc::lint::JoinCodes(trajc::lint::SupportedCodes());
  // Same relative paths on both sides: flake8 and trajc both print the folder as given.
  SECTION("--select every supported code") {
    Result ours = TrajcIn("lint --select=" + codes + " fixtures/lint", kSource);
    Result theirs = Flake8("--select=" + codes + " fixtures/lint", kSource);
    INFO(ours.err);
    REQUIRE(!theirs.out.empty());
    CHECK(ours.exit_code == 1);
    CHECK(ours.err.empty());
    std::vector<std::string> ours_lines = Lines(ours.out);
    CHECK(ours_lines == SortedFindings(ours.out));  // already sorted by path, then position
    CHECK(ours_lines == SortedFindings(theirs.out));
  }
  SECTION("default selection: flake8's defaults, restricted to the supported codes") {
    Result ours = TrajcIn("lint fixtures/lint", kSource);
    Result theirs = Flake8("fixtures/lint", kSource);
    CHECK(Lines(ours.out) == SortedFindings(theirs.out));
  }
  SECTION("file by file, as named on the command line") {
    std::string all;
    for (const fs::path& f : FixFixtures()) all += " " + Quote(fs::relative(f, kSource).string());
    std::vector<std::string> theirs = SortedFindings(Flake8("--select=" + codes + all, kSource).out);
    for (const fs::path& f : FixFixtures()) {
      std::string rel = fs::relative(f, kSource).string();
      Result ours = TrajcIn("lint --select=" + codes + " " + Quote(rel), kSource);
      std::vector<std::string> mine;
      for (const std::string& l : theirs)
        if (l.rfind(rel + ":", 0) == 0) mine.push_back(l);
      INFO(rel);
      CHECK(Lines(ours.out) == mine);
      CHECK(ours.exit_code == (ours.out.empty() ? 0 : 1));
    }
  }
}

TEST_CASE("trajc lint --select and --ignore decide as flake8 does") {
  for (const char* flags : {"--select=W", "--select=E2,W291", "--ignore=W291", "--ignore=E", "--select=E --ignore=E2",
                            "--select=E225 --ignore=E2", "--select=E2 --ignore=E225", "--select=F401,F841",
                            "--max-line-length=60", "--max-line-length=120 --select=E501"}) {
    Result ours = TrajcIn(std::string("lint ") + flags + " fixtures/lint", kSource);
    Result theirs = Flake8(std::string(flags) + " fixtures/lint", kSource);
    INFO(flags);
    INFO(ours.err);
    CHECK(Lines(ours.out) == SortedFindings(theirs.out));
    CHECK(ours.exit_code == (ours.out.empty() ? 0 : 1));
  }
}

TEST_CASE("trajc lint exits 0 on a clean file and 1 with findings") {
  fs::path scratch = Scratch("lint-exit");
  WriteFile(scratch / "clean.py", "x = 1\n");
  WriteFile(scratch / "dirty.py", "import os\nx=1 \n");
  Result clean = TrajcIn("lint clean.py", scratch);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.empty());
  CHECK(clean.err.empty());
  Result dirty = TrajcIn("lint dirty.py clean.py", scratch);
  CHECK(dirty.exit_code == 1);
  CHECK(dirty.out ==
        "dirty.py:1:1: F401 'os' imported but unused\n"
        "dirty.py:2:2: E225 missing whitespace around operator\n"
        "dirty.py:2:4: W291 trailing whitespace\n");
  CHECK(TrajcIn("lint --select=W dirty.py", scratch).out == "dirty.py:2:4: W291 trailing whitespace\n");
  CHECK(TrajcIn("lint --ignore=W,F dirty.py", scratch).out == "dirty.py:2:2: E225 missing whitespace around operator\n");
  CHECK(TrajcIn("lint --select=W293 dirty.py", scratch).exit_code == 0);
  // An empty --select selects nothing, as flake8's --select= does.
  Result none = TrajcIn("lint --select '' dirty.py", scratch);
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(Flake8("--select= dirty.py", scratch).out.empty());
}

TEST_CASE("trajc lint and fix read an __init__.py as pyflakes does: no F822 there") {
  fs::path scratch = Scratch("lint-init");
  WriteFile(scratch / "pkg/__init__.py", "__all__ = ['missing']\n");
  WriteFile(scratch / "mod.py", "__all__ = ['missing']\n");
  Result r = TrajcIn("lint pkg/__init__.py mod.py", scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "mod.py:1:1: F822 undefined name 'missing' in __all__\n");
  CHECK(SortedFindings(Flake8("pkg/__init__.py mod.py", scratch).out) == Lines(r.out));
  Result fix = TrajcIn("fix pkg/__init__.py", scratch);
  CHECK(fix.exit_code == 0);
  CHECK(fix.out.find("F822") == std::string::npos);
}

TEST_CASE("trajc lint searches folders recursively, sorted, skipping flake8's excludes") {
  fs::path scratch = Scratch("lint-recurse");
  WriteFile(scratch / "pkg/b.py", "x=1\n");
  WriteFile(scratch / "pkg/a.py", "y=2\n");
  WriteFile(scratch / "pkg/sub/deeper/c.py", "z=3\n");
  WriteFile(scratch / "pkg/sub/notes.txt", "w=4\n");
  WriteFile(scratch / "pkg/__pycache__/d.py", "v=5\n");
  WriteFile(scratch / "pkg/.git/e.py", "u=6\n");
  fs::create_symlink("../a.py", scratch / "pkg/sub/linked.py");  // a symlinked file is linted, as by flake8
  Result r = TrajcIn("lint pkg", scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "pkg/a.py:1:2: E225 missing whitespace around operator\n"
        "pkg/b.py:1:2: E225 missing whitespace around operator\n"
        "pkg/sub/deeper/c.py:1:2: E225 missing whitespace around operator\n"
        "pkg/sub/linked.py:1:2: E225 missing whitespace around operator\n");
  CHECK(SortedFindings(Flake8("pkg", scratch).out) == Lines(r.out));
  // A file named explicitly is linted whatever its name, as flake8 does.
  CHECK(TrajcIn("lint pkg/sub/notes.txt", scratch).out == "pkg/sub/notes.txt:1:2: E225 missing whitespace around operator\n");
}

TEST_CASE("trajc lint --json is an array of findings") {
  fs::path scratch = Scratch("lint-json");
  Result lines = TrajcIn("lint fixtures/lint", kSource);
  Result r = TrajcIn("lint --json fixtures/lint", kSource);
  CHECK(r.exit_code == 1);
  Json all = Json::parse(r.out);
  REQUIRE(all.is_array());
  REQUIRE(all.size() == Lines(lines.out).size());
  std::vector<std::string> rebuilt;
  for (const Json& f : all) {
    REQUIRE(f.size() == 6);
    CHECK(f["fixable"].is_boolean());
    const trajc::lint::RuleInfo* rule = trajc::lint::FindRule(f["code"].get<std::string>());
    REQUIRE(rule != nullptr);
    if (f["fixable"].get<bool>()) CHECK(rule->fixable);
    rebuilt.push_back(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
                      std::to_string(f["column"].get<int>()) + ": " + f["code"].get<std::string>() + " " +
                      f["message"].get<std::string>());
  }
  CHECK(rebuilt == Lines(lines.out));
  WriteFile(scratch / "clean.py", "x = 1\n");
  Result clean = TrajcIn("lint --json clean.py", scratch);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "[]\n");
}

TEST_CASE("trajc lint reports bad inputs as one located error each and lints the rest") {
  fs::path scratch = Scratch("lint-bad");
  WriteFile(scratch / "ok.py", "x=1\n");
  WriteFile(scratch / "latin.py", "x = 1\ny = \"caf\xe9\"\n");
  WriteFile(scratch / "latin_declared.py", "# -*- coding: latin-1 -*-\ny = \"caf\xe9\" \n");
  fs::create_directories(scratch / "empty/sub");
  WriteFile(scratch / "empty/sub/readme.txt", "no python here\n");

  Result missing = TrajcIn("lint missing.py ok.py", scratch);
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "missing.py: error: no such file or directory\n");
  CHECK(missing.out == "ok.py:1:2: E225 missing whitespace around operator\n");

  Result empty = TrajcIn("lint empty", scratch);
  CHECK(empty.exit_code == 1);
  CHECK(empty.err == "empty: error: no Python files (*.py) in this folder or below it\n");
  CHECK(empty.out.empty());

  Result bad = TrajcIn("lint latin.py", scratch);
  CHECK(bad.exit_code == 1);
  CHECK(Lines(bad.err).size() == 1);
  CHECK_THAT(bad.err, Catch::StartsWith("latin.py:2:9: error: invalid UTF-8 (byte 0xe9)"));
  CHECK(bad.out.empty());

  // A PEP 263 latin-1 cookie makes the same bytes valid, as for flake8.
  Result declared = TrajcIn("lint latin_declared.py", scratch);
  CHECK(declared.err.empty());
  CHECK(declared.out == "latin_declared.py:2:11: W291 trailing whitespace\n");
  CHECK(Lines(declared.out) == SortedFindings(Flake8("latin_declared.py", scratch).out));

  Result usage = TrajcIn("lint --select=e2 ok.py", scratch);
  CHECK(usage.exit_code == 2);
  CHECK_THAT(usage.err, Catch::Contains("--select takes comma-separated codes"));
  CHECK(TrajcIn("lint --max-line-length=0 ok.py", scratch).exit_code == 2);
  CHECK(TrajcIn("lint", scratch).exit_code == 2);
  CHECK(TrajcIn("lint --bogus ok.py", scratch).exit_code == 2);
  Result unknown = TrajcIn("lint --select=C90 ok.py", scratch);
  CHECK(unknown.exit_code == 0);
  CHECK_THAT(unknown.err, Catch::Contains("warning: --select C90 matches no code trajc supports"));
}

// One run per mode over a copy of every fixture (one process each for trajc, flake8 and
// Python), then each file's outcome is checked on its own.
TEST_CASE("trajc fix on every fixture: flake8 agrees, the file compiles, safe fixes keep the AST, a second run changes nothing") {
  fs::path scratch = Scratch("fix-fixtures");
  const std::string codes = trajc::lint::JoinCodes(trajc::lint::SupportedCodes());
  const std::string ast_same = Quote((kSource / "tests/integration/ast_same.py").string());
  for (bool unsafe : {false, true}) {
    INFO((unsafe ? "--unsafe-fixes" : "safe fixes only"));
    fs::path work = scratch / (unsafe ? "unsafe" : "safe");
    for (const fs::path& fixture : FixFixtures()) {
      std::string name = fs::relative(fixture, kSource).string();
      for (const char* side : {"before", "after"}) {
        fs::create_directories((work / side / name).parent_path());
        fs::copy_file(fixture, work / side / name, fs::copy_options::overwrite_existing);
      }
    }
    const std::string flags = std::string("--select=") + codes + (unsafe ? " --unsafe-fixes" : "");

    // Findings a run may leave, per file: those without a fix, or with an unsafe one on a safe run.
    Result json = TrajcIn("lint --json --select=" + codes + " .", work / "before");
    std::map<std::string, std::map<std::string, int>> may_remain;
    for (const Json& f : Json::parse(json.out)) {
      std::string code = f["code"].get<std::string>();
      const trajc::lint::RuleInfo* rule = trajc::lint::FindRule(code);
      if (!f["fixable"].get<bool>() || (rule->unsafe && !unsafe)) ++may_remain[f["path"].get<std::string>()][code];
    }

    Result fix = TrajcIn("fix " + flags + " .", work / "after");
    INFO(fix.err);
    Result flake = Flake8("--select=" + codes + " .", work / "after");
    std::vector<std::string> flake_lines = SortedFindings(flake.out);
    // What trajc fix says remains is what flake8 finds, line for line.
    std::vector<std::string> told = Lines(fix.err);
    REQUIRE(!told.empty());
    told.pop_back();  // the summary
    CHECK(told == flake_lines);
    CHECK(fix.exit_code == (flake_lines.empty() ? 0 : 1));
    // Fixed codes are gone and no new code appeared; on a safe run a safe code's fix may be
    // held back where it would change a string (W291 in a docstring), and the summary says
    // so. Counts may grow: pycodestyle reports E731 once per logical line, so splitting
    // `f = lambda: 0; g = lambda: 1` (E702) uncovers the second.
    std::map<std::string, std::map<std::string, int>> remaining;
    for (const std::string& l : flake_lines) {
      size_t c = l.find(": ");
      ++remaining[l.substr(0, l.find(':'))][l.substr(c + 2, l.find(' ', c + 2) - c - 2)];
    }
    size_t held = fix.err.find("rerun with --unsafe-fixes (");
    for (const auto& [path, codes_left] : remaining)
      for (const auto& [code, n] : codes_left) {
        INFO(path << ": " << code << " remains " << n << " times, " << may_remain[path][code] << " had no fix to apply");
        bool held_back = !unsafe && held != std::string::npos && fix.err.find(code + " x", held) != std::string::npos;
        CHECK((may_remain[path].count(code) == 1 || held_back));
      }
    // Every file that compiled still compiles; safe fixes leave its AST as it was.
    Result oracle = Shell("/usr/bin/python3 " + ast_same + " " + Quote((work / "before").string()) + " " +
                              Quote((work / "after").string()),
                          scratch);
    REQUIRE(oracle.exit_code == 0);
    REQUIRE(Lines(oracle.out).size() == FixFixtures().size());
    for (const std::string& l : Lines(oracle.out)) {
      INFO(l);
      if (l.find(" before=ok") == std::string::npos) continue;
      CHECK(l.find(" after=ok") != std::string::npos);
      if (!unsafe) CHECK(l.find(" ast=same") != std::string::npos);
    }
    // A second run changes nothing.
    std::map<std::string, std::string> once;
    for (const fs::path& f : FixFixtures()) once[f.string()] = Slurp(work / "after" / fs::relative(f, kSource));
    Result again = TrajcIn("fix " + flags + " .", work / "after");
    for (const fs::path& f : FixFixtures()) CHECK(Slurp(work / "after" / fs::relative(f, kSource)) == once[f.string()]);
    CHECK_THAT(again.err, Catch::Contains("fixed 0 findings in 0 files"));
    CHECK(again.exit_code == fix.exit_code);
  }
}

TEST_CASE("trajc fix --diff writes nothing and prints a diff that patch -p0 applies") {
  fs::path scratch = Scratch("fix-diff");
  const bool have_patch = fs::exists("/usr/bin/patch");
  for (const fs::path& fixture : FixFixtures()) {
    std::string name = fs::relative(fixture, kSource).string();
    INFO(name);
    fs::path diffed = scratch / "diffed" / name, fixed = scratch / "fixed" / name;
    fs::create_directories(diffed.parent_path());
    fs::create_directories(fixed.parent_path());
    fs::copy_file(fixture, diffed, fs::copy_options::overwrite_existing);
    fs::copy_file(fixture, fixed, fs::copy_options::overwrite_existing);
    std::string rel = fs::relative(diffed, scratch).string();
    Result diff = TrajcIn("fix --unsafe-fixes --diff " + Quote(rel), scratch);
    Result fix = TrajcIn("fix --unsafe-fixes " + Quote(fs::relative(fixed, scratch).string()), scratch);
    CHECK(diff.exit_code == fix.exit_code);
    CHECK(Slurp(diffed) == Slurp(fixture));  // --diff writes nothing
    if (Slurp(fixed) == Slurp(fixture)) {
      CHECK(diff.out.empty());
      continue;
    }
    CHECK_THAT(diff.out, Catch::StartsWith("--- " + rel + "\n+++ " + rel + "\n@@ -"));
    if (!have_patch) continue;
    WriteFile(scratch / "change.diff", diff.out);
    Result patch = Shell("cd " + Quote(scratch.string()) + " && /usr/bin/patch -p0 --quiet < change.diff", Captures());
    INFO(patch.out << patch.err);
    CHECK(patch.exit_code == 0);
    CHECK(Slurp(diffed) == Slurp(fixed));
  }
}

TEST_CASE("trajc fix needs --unsafe-fixes for F401, E711, E712 and the fixes that change the AST") {
  fs::path scratch = Scratch("fix-unsafe");
  for (const char* code : {"F401", "E711", "E712", "E401", "E713", "E714"}) {
    INFO(code);
    const trajc::lint::RuleInfo* rule = trajc::lint::FindRule(code);
    REQUIRE(rule != nullptr);
    CHECK(rule->unsafe);
    fs::path file = scratch / (std::string(code) + ".py");
    fs::copy_file(kSource / "tests/unit/lint/fixtures" / (std::string(code) + ".py"), file, fs::copy_options::overwrite_existing);
    const std::string original = Slurp(file);
    Result safe = TrajcIn(std::string("fix --select=") + code + " " + file.filename().string(), scratch);
    CHECK(safe.exit_code == 1);
    CHECK(Slurp(file) == original);
    CHECK_THAT(safe.err, Catch::Contains("rerun with --unsafe-fixes (" + std::string(code) + " x"));
    Result forced = TrajcIn(std::string("fix --unsafe-fixes --select=") + code + " " + file.filename().string(), scratch);
    CHECK(Slurp(file) != original);
    CHECK(CountByCode(SortedFindings(Flake8(std::string("--select=") + code + " " + file.filename().string(), scratch).out))
              .count(code) == 0);
    WriteFile(scratch / "original.py", original);
    if (Compiles(scratch / "original.py", scratch)) CHECK(Compiles(file, scratch));
  }
}

TEST_CASE("trajc fix applies a round's fixes together and holds back only the one that would change a string") {
  fs::path scratch = Scratch("fix-batch");
  // 300 E241 in one logical line, E231, E225, a W291 that may go and one inside a
  // docstring that may not (it is part of the string's value), E703 and E702 (a `;` is
  // layout: the AST stays).
  std::string text = "def f(a,b):\n    \"\"\"Doc.  \n    \"\"\"\n    return a\n\n\nx=1  \ny = 2;\nz = 3; w = 4\nT = [\n";
  for (int i = 0; i < 300; ++i) text += "    (" + std::to_string(i) + ",  " + std::to_string(i) + "),\n";
  text += "]\n";
  WriteFile(scratch / "t.py", text);
  const std::string select = "--select=E231,E225,W291,E241,E702,E703 ";
  Result r = TrajcIn("fix " + select + "t.py", scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("fixed 305 findings in 1 file"));
  CHECK_THAT(r.err, Catch::Contains("rerun with --unsafe-fixes (W291 x1)"));
  std::map<std::string, int> left = CountByCode(SortedFindings(Flake8(select + "t.py", scratch).out));
  CHECK(left == std::map<std::string, int>{{"W291", 1}});
  WriteFile(scratch / "before.py", text);
  Result same = Shell("cd " + Quote(scratch.string()) + " && /usr/bin/python3 -c \"import ast,sys; a,b=(ast.dump(ast.parse(open(p).read())) for p in sys.argv[1:]); "
                      "sys.exit(a != b)\" before.py t.py",
                      scratch);
  CHECK(same.exit_code == 0);
  const std::string fixed = Slurp(scratch / "t.py");
  CHECK_THAT(fixed, Catch::Contains("    (299, 299),\n"));
  CHECK_THAT(fixed, Catch::Contains("\ny = 2\nz = 3\nw = 4\n"));
  CHECK(TrajcIn("fix " + select + "t.py", scratch).exit_code == 1);
  CHECK(Slurp(scratch / "t.py") == fixed);  // converged: a second run changes nothing
}

TEST_CASE("trajc fix keeps CRLF newlines, the file mode, and reports bad inputs") {
  fs::path scratch = Scratch("fix-crlf");
  WriteFile(scratch / "crlf.py", "import os\r\nx=1  \r\n\r\n\r\n\r\ndef f():\r\n    return x\r\n\r\n");
  fs::permissions(scratch / "crlf.py", fs::perms::owner_all | fs::perms::group_read);
  Result r = TrajcIn("fix crlf.py", scratch);
  CHECK(r.exit_code == 1);  // F401 remains: unsafe
  CHECK(Slurp(scratch / "crlf.py") == "import os\r\nx = 1\r\n\r\n\r\ndef f():\r\n    return x\r\n");
  CHECK(fs::status(scratch / "crlf.py").permissions() == (fs::perms::owner_all | fs::perms::group_read));
  CHECK_THAT(r.err, Catch::Contains("crlf.py:1:1: F401 'os' imported but unused"));
  CHECK_THAT(r.err, Catch::Contains("fixed 4 findings in 1 file"));  // E225, W291, E303, W391

  WriteFile(scratch / "latin.py", "x = \"caf\xe9\"  \n");
  Result bad = TrajcIn("fix latin.py missing.py crlf.py", scratch);
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("latin.py:1:9: error: invalid UTF-8"));
  CHECK_THAT(bad.err, Catch::Contains("missing.py: error: no such file or directory"));
  CHECK(Slurp(scratch / "latin.py") == "x = \"caf\xe9\"  \n");
  WriteFile(scratch / "clean.py", "x = 1\n");
  Result clean = TrajcIn("fix clean.py", scratch);
  CHECK(clean.exit_code == 0);
  CHECK_THAT(clean.err, Catch::Contains("fixed 0 findings in 0 files (1 file checked); nothing selected remains"));
}

TEST_CASE("trajc lint reports E999 alone for a file CPython cannot parse; trajc fix leaves it untouched") {
  fs::path scratch = Scratch("e999");
  const std::string broken = "import os  \nx=1\ndef f()\n    return x\n";
  WriteFile(scratch / "broken.py", broken);
  Result lint = TrajcIn("lint broken.py", scratch);
  CHECK(lint.exit_code == 1);
  CHECK(lint.out == "broken.py:3:9: E999 SyntaxError: expected ':'\n");
  CHECK(SortedFindings(lint.out) == SortedFindings(Flake8("broken.py", scratch).out));
  CHECK(TrajcIn("lint --ignore=E999 broken.py", scratch).out.empty());

  for (const char* args : {"fix broken.py", "fix --select=W291,E225 broken.py", "fix --unsafe-fixes broken.py"}) {
    INFO(args);
    Result fix = TrajcIn(args, scratch);
    CHECK(fix.exit_code == 1);
    CHECK(Slurp(scratch / "broken.py") == broken);
    CHECK_THAT(fix.err, Catch::Contains("broken.py:3:9: E999 SyntaxError: expected ':'"));
    CHECK_THAT(fix.err, Catch::Contains("fixed 0 findings in 0 files"));
  }
}

// --jobs spreads the files over threads; each file's result has its own slot, printed in
// file order, so every byte of output is the same at any --jobs.
TEST_CASE("trajc lint and fix --jobs: the same output at 1, 2 and 7 workers") {
  fs::path scratch = Scratch("lint-jobs");
  for (const fs::path& fixture : FixFixtures()) {
    fs::path to = scratch / "tree" / fs::relative(fixture, kSource);
    fs::create_directories(to.parent_path());
    fs::copy_file(fixture, to, fs::copy_options::overwrite_existing);
  }
  WriteFile(scratch / "tree" / "bad.py", "x = '\xff'\n");  // a located error among the results
  std::string lint_1, fix_1;
  for (const char* jobs : {"1", "2", "7"}) {
    INFO("--jobs " << jobs);
    Result lint = TrajcIn(std::string("lint --select=E,W,F --jobs ") + jobs + " tree", scratch);
    Result fix = TrajcIn(std::string("fix --unsafe-fixes --diff --jobs ") + jobs + " tree", scratch);
    CHECK(lint.exit_code == 1);
    CHECK(fix.exit_code == 1);
    std::string lint_all = lint.out + "\n--\n" + lint.err, fix_all = fix.out + "\n--\n" + fix.err;
    if (lint_1.empty()) {
      lint_1 = lint_all, fix_1 = fix_all;
      CHECK_THAT(lint.err, Catch::Contains("bad.py:1:6: error: invalid UTF-8"));
      CHECK(Lines(lint.out).size() > 100);
    } else {
      CHECK(lint_all == lint_1);
      CHECK(fix_all == fix_1);
    }
  }
  for (const char* bad : {"0", "257", "-1", "x"}) {
    Result r = TrajcIn(std::string("lint --jobs ") + bad + " tree", scratch);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("must be an integer from 1 to 256"));
  }
}
