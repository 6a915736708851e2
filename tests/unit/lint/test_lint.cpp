// Tests of compiler/lint: the code table and the rules' messages, per-code snapshots,
// differential runs against Debian's flake8, fix safety and convergence, and pycodestyle's
// own test suite. The semantic model's facts are tested in test_semantic.cpp.
#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lint/lint.h"
#include "lint/rules/violation.h"
#include "python/parse.h"

namespace fs = std::filesystem;
using trajc::lint::Analyze;
using trajc::lint::FixLine;
using trajc::lint::Issue;

namespace {

const fs::path kFixtures = fs::path(TRAJC_SOURCE_DIR) / "tests/unit/lint/fixtures";
// Every supported code, as flake8's --select list: a code joins the differential tests
// and the pycodestyle suite run by being added to the code table.
std::string SelectList() { return trajc::lint::JoinCodes(trajc::lint::SupportedCodes()); }

// Analyze as flake8 --select=<every supported code>: flake8's default extend-ignore
// (E226, E24, ...) must not hide codes that the differential tests compare.
std::vector<Issue> AnalyzeAll(const std::string& text) { return Analyze(text, trajc::lint::AllCodesOptions()); }

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

std::string Format(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) {
    out += std::to_string(i.line) + ":" + std::to_string(i.column) + ": " + i.code + " " + i.message + "\n";
  }
  return out;
}

// Fixes every fixable finding (of `only`, or of any code) until nothing changes.
std::string FixAll(std::string text, const std::string& only = "") {
  for (int round = 0; round < 200; ++round) {
    bool changed = false;
    for (const auto& issue : AnalyzeAll(text)) {
      if (!issue.fixable || (!only.empty() && issue.code != only)) continue;
      auto next = FixLine(text, issue.code, issue.line);
      if (next && *next != text) {
        text = *next;
        changed = true;
        break;
      }
    }
    if (!changed) return text;
  }
  FAIL("fixes did not converge");
  return text;
}

bool Parses(const std::string& text) {
  auto tree = trajc::python::SourceTree::Parse(text);
  return !ts_node_has_error(tree.root());
}

bool HaveFlake8() { return fs::exists("/usr/bin/flake8"); }

// The lines of a Format()ted report in one fixed order: findings at the same position
// (two F401 of one `import a, b`) come in no defined order from either side.
std::string Canonical(const std::string& report) {
  std::vector<std::string> lines;
  std::istringstream in(report);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// flake8's findings for one file as "line:col: CODE message" lines, in our sort order.
std::string Flake8(const fs::path& file) {
  std::string cmd = "/usr/bin/flake8 --isolated --select=" + SelectList() + " '" + file.string() + "' 2>/dev/null";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), p)) out += buf.data();
    pclose(p);
  }
  std::vector<std::tuple<int, int, std::string, std::string>> rows;
  std::istringstream lines(out);
  std::string line;
  std::string prefix = file.string() + ":";
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::string rest = line.substr(prefix.size());
    int row = std::atoi(rest.c_str());
    rest = rest.substr(rest.find(':') + 1);
    int col = std::atoi(rest.c_str());
    rest = rest.substr(rest.find(':') + 2);
    rows.emplace_back(row, col, rest.substr(0, 4), rest.size() > 5 ? rest.substr(5) : "");
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::string formatted;
  for (const auto& [r, c, code, msg] : rows) formatted += std::to_string(r) + ":" + std::to_string(c) + ": " + code + " " + msg + "\n";
  return formatted;
}

std::vector<fs::path> DifferentialFiles() {
  std::vector<fs::path> files;
  for (const fs::path& dir : {kFixtures, fs::path(TRAJC_SOURCE_DIR) / "fixtures/lint"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ".py" && e.path().string().find(".fixed.py") == std::string::npos) {
        files.push_back(e.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("lint: code table is sorted and every code has a fixture") {
  const auto& rules = trajc::lint::SupportedRules();
  REQUIRE_FALSE(rules.empty());
  for (size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].code < rules[i].code);
  for (const auto& r : rules) {
    CHECK(fs::exists(kFixtures / (r.code + ".py")));
    CHECK(trajc::lint::FindRule(r.code) == &r);
    CHECK(r.fixable == !r.fix_title.empty());
  }
  const auto* e999 = trajc::lint::FindRule("E999");
  REQUIRE(e999 != nullptr);
  CHECK_FALSE(e999->fixable);
}

TEST_CASE("lint: a Violation's message is filled in order") {
  using trajc::lint::FormatMessage;
  CHECK(FormatMessage("line too long ({} > {} characters)", {"80", "79"}) == "line too long (80 > 79 characters)");
  CHECK(FormatMessage("trailing whitespace", {}) == "trailing whitespace");
  CHECK(FormatMessage("'{}' imported but unused", {"a{}b"}) == "'a{}b' imported but unused");  // not read again
  CHECK(FormatMessage("{}: {}", {"SyntaxError"}) == "SyntaxError: {}");  // a missing argument leaves its "{}"
}

TEST_CASE("lint: per-code snapshots") {
  bool update = std::getenv("TRAJC_UPDATE_GOLDEN") != nullptr;
  for (const auto& rule : trajc::lint::SupportedRules()) {
    DYNAMIC_SECTION(rule.code) {
      std::string source = Read(kFixtures / (rule.code + ".py"));
      trajc::lint::Options options;
      options.select = {rule.code};
      std::string got = Format(Analyze(source, options));
      fs::path expected = kFixtures / (rule.code + ".expected");
      fs::path fixed = kFixtures / (rule.code + ".fixed.py");
      if (update) {
        Write(expected, got);
        if (rule.fixable) Write(fixed, FixAll(source, rule.code));
      }
      CHECK(got == Read(expected));
      CHECK(!got.empty());
      if (rule.fixable) {
        std::string after = FixAll(source, rule.code);
        CHECK(after == Read(fixed));
        CHECK(Format(Analyze(after, options)).find(rule.code) == std::string::npos);
      } else {
        CHECK_FALSE(FixLine(source, rule.code, Analyze(source, options).at(0).line).has_value());
      }
    }
  }
}

TEST_CASE("lint: agrees with flake8 on every fixture") {
  if (!HaveFlake8()) {
    WARN("/usr/bin/flake8 missing: differential test skipped");
    return;
  }
  for (const fs::path& file : DifferentialFiles()) {
    INFO(file.string());
    CHECK(Canonical(Format(AnalyzeAll(Read(file)))) == Canonical(Flake8(file)));
  }
}

TEST_CASE("lint: W391 after a trailing backslash is reported without a fix (found by the python fuzzer)") {
  // Dropping the blank line would end the file inside the joined line: CPython refuses it.
  for (const std::string source : {"x = 1\\\n\n", "x = 1\\\r\n\r\n\r\n"}) {
    std::vector<trajc::lint::Issue> issues = trajc::lint::Analyze(source);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].code == "W391");
    CHECK_FALSE(issues[0].fixable);
    CHECK_FALSE(trajc::lint::FixLine(source, "W391", issues[0].line));
  }
  std::vector<trajc::lint::Issue> plain = trajc::lint::Analyze("x = 1\n\n");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].fixable);
}

TEST_CASE("lint: fixes keep the syntax and converge") {
  bool flake8 = HaveFlake8();
  fs::path tmp = fs::temp_directory_path() / ("trajc_lint_fix_" + std::to_string(::getpid()) + ".py");
  for (const fs::path& file : DifferentialFiles()) {
    INFO(file.string());
    std::string source = Read(file);
    bool parsed = Parses(source);
    std::vector<Issue> before = AnalyzeAll(source);
    for (const auto& issue : before) {
      if (!issue.fixable) continue;
      auto fixed = FixLine(source, issue.code, issue.line);
      REQUIRE(fixed.has_value());
      if (parsed) CHECK(Parses(*fixed));
      // A fix that leaves its finding in place would teach an agent a useless call. (It
      // may uncover another: without `import os.path`, `import os` becomes unused.)
      auto messages = [&](const std::vector<Issue>& issues) {
        std::multiset<std::string> out;
        for (const Issue& i : issues)
          if (i.code == issue.code) out.insert(i.message);
        return out;
      };
      std::multiset<std::string> was = messages(before), is = messages(AnalyzeAll(*fixed));
      bool one_gone = std::any_of(was.begin(), was.end(), [&](const std::string& m) { return is.count(m) < was.count(m); });
      INFO("fix of " << issue.code << " at line " << issue.line);
      CHECK(one_gone);
    }
    std::string after = FixAll(source);
    if (parsed) CHECK(Parses(after));
    std::multiset<std::string> allowed;
    for (const auto& i : before) {
      if (!i.fixable) allowed.insert(i.code);
    }
    for (const auto& i : AnalyzeAll(after)) {
      INFO(i.line << ":" << i.column << " " << i.code << " " << i.message);
      CHECK_FALSE(i.fixable);
      CHECK(allowed.count(i.code) > 0);
    }
    if (flake8) {
      Write(tmp, after);
      std::string theirs = Flake8(tmp);
      CHECK(Canonical(theirs) == Canonical(Format(AnalyzeAll(after))));
    }
  }
  std::error_code ec;
  fs::remove(tmp, ec);
}

TEST_CASE("lint: never throws on odd text") {
  const std::vector<std::string> inputs = {
      "", "\n", "x", "x = 1", "\r\n\r\n", "x = 1\r\ny=2 \r\n", "def f(:\n", "'''unterminated", "(\n", "\tx = 1\n",
      "if True:\n  print(1+\n1)\n", "try:\n", "\xEF\xBB\xBFimport os\n", "x = '\xff\xfe'\n", "s = f'{x!r:>{w}}'\n",
      "é = 1 # c\n", "\\\n", "x = (\n\n\n", "class A:\n\tdef f(self): return 1\n", "x = 1\n\n\n\n",
      "import a, b  # noqa:\n", "\f\nx=1\n", std::string("x = 1\0y\n", 8), "print >>f, x\n", "lambda: (yield)\n"};
  for (const auto& in : inputs) {
    INFO(in);
    std::vector<Issue> issues;
    REQUIRE_NOTHROW(issues = Analyze(in));
    for (const auto& i : issues) {
      if (i.fixable) REQUIRE_NOTHROW(FixLine(in, i.code, i.line));
    }
  }
}

TEST_CASE("lint: CRLF and noqa details") {
  CHECK(Format(Analyze("import os\r\nx = 1 \r\n")) == "1:1: F401 'os' imported but unused\n2:6: W291 trailing whitespace\n");
  CHECK(FixLine("import os\r\nx = 1 \r\n", "W291", 2).value() == "import os\r\nx = 1\r\n");
  CHECK(FixLine("import os, sys\nprint(os)\n", "F401", 1).value() == "import os\nprint(os)\n");
  CHECK(FixLine("x = 1 \n", "E501", 1) == std::nullopt);
  CHECK(FixLine("x = 1\n", "W291", 1) == std::nullopt);
  CHECK(Analyze("import os  # NOQA:F4\n").empty());
  CHECK(Analyze("import os  # noqa:E501\n").size() == 1);
  CHECK(Analyze("x = '''\n  \n'''  # noqa\n").empty());
  CHECK(Analyze("# flake8: noqa\nimport os\n").empty());
}

// pycodestyle 2.10's own testsuite: cases separated by `#: CODE ...` lines.
TEST_CASE("lint: pycodestyle testsuite") {
  fs::path dir = fs::path(TRAJC_PEER_SUITES) / "pycodestyle-2.10.0/testsuite";
  if (!fs::is_directory(dir)) {
    WARN("pycodestyle testsuite not found at " << dir.string());
    return;
  }
  // pycodestyle's codes only: its cases are not pyflakes-clean, and some do not compile
  // (E112, E113, W191 cases) where pycodestyle, which never parses, still reports.
  std::set<std::string> ours;
  for (const auto& rule : trajc::lint::SupportedRules())
    if (rule.code[0] != 'F' && rule.code != "E999") ours.insert(rule.code);
  std::map<std::string, std::pair<int, int>> table;  // code -> (passed, run)
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".py" && e.path().filename().string().rfind("test_", 0) != 0) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  int failed = 0;
  for (const fs::path& file : files) {
    std::istringstream in(Read(file) + "#:\n");
    std::string line;
    std::vector<std::string> codes = {"Okay"};
    std::string testcase;
    int index = 0, offset = 0;
    bool any_line = false;
    while (std::getline(in, line)) {
      bool header = line.rfind("#:", 0) == 0;
      if (!header) {
        if (!codes.empty()) testcase += line + "\n";
        ++index;
        any_line = true;
        continue;
      }
      if (!codes.empty() && any_line) {
        bool noeol = std::find(codes.begin(), codes.end(), "noeol") != codes.end();
        if (noeol && !testcase.empty()) testcase.pop_back();
        std::multiset<std::string> expected;
        bool runnable = true;
        for (const auto& c : codes) {
          if (c == "Okay" || c == "noeol") continue;
          std::string code = c.substr(0, c.find(':'));
          if (!ours.count(code)) runnable = false;
          expected.insert(code);
        }
        if (runnable) {
          trajc::lint::Options options;
          options.select.assign(ours.begin(), ours.end());
          options.syntax_check = false;
          std::multiset<std::string> got;
          for (const auto& i : Analyze(testcase, options)) got.insert(i.code);
          // pycodestyle honours `# nopep8`; flake8 (our contract) does not.
          bool nopep8 = testcase.find("# nopep8") != std::string::npos;
          // pycodestyle resets its indent character at every E101; flake8 (our contract)
          // keeps the first one, so a tab-indented block after space-indented lines is
          // also E117 over-indented there (W19.py's E101 cases; checked with flake8 5.0.4).
          std::multiset<std::string> got_pycodestyle = got;
          if (expected.count("E101") && !expected.count("E117")) got_pycodestyle.erase("E117");
          bool pass = got == expected || got_pycodestyle == expected || nopep8;
          // pycodestyle also hands `# noqa` to some checks (E402 then skips the line
          // without marking code seen); flake8 passes noqa=False. There flake8 decides,
          // and so it does where an E101 case's lines after the first E101 count on the
          // indent character (E10.py's E122 case: more E101 under flake8).
          bool flake8_decides = testcase.find("# noqa") != std::string::npos || expected.count("E101");
          if (!pass && flake8_decides && HaveFlake8()) {
            fs::path tmp = fs::temp_directory_path() / ("trajc_lint_noqa_" + std::to_string(::getpid()) + ".py");
            Write(tmp, testcase);
            std::multiset<std::string> theirs;
            std::istringstream rows(Flake8(tmp));
            for (std::string row; std::getline(rows, row);) {
              std::string rest = row.substr(row.find(':') + 1);
              rest = rest.substr(rest.find(':') + 2);
              if (ours.count(rest.substr(0, 4))) theirs.insert(rest.substr(0, 4));
            }
            std::error_code ec;
            fs::remove(tmp, ec);
            pass = got == theirs;
          }
          std::set<std::string> keys(expected.begin(), expected.end());
          if (keys.empty()) keys.insert("Okay");
          for (const auto& k : keys) {
            table[k].second++;
            table[k].first += pass;
          }
          if (!pass) {
            ++failed;
            std::string got_s;
            for (const auto& g : got) got_s += g + " ";
            WARN(file.filename().string() << " case at line " << offset + 1 << " expected " << Catch::Detail::stringify(codes)
                                          << " got " << got_s);
          }
        }
      }
      offset = index + 1;
      ++index;
      any_line = true;
      std::istringstream words(line.substr(2));
      codes.clear();
      for (std::string w; words >> w;) codes.push_back(w);
      testcase.clear();
    }
  }
  std::ostringstream report;
  report << "pycodestyle testsuite, per code (passed/run):\n";
  for (const auto& [code, pr] : table) report << "  " << code << "  " << pr.first << "/" << pr.second << "\n";
  std::printf("%s", report.str().c_str());
  CHECK(failed == 0);
}

// Broken snippets, one file each, against flake8 in one run: under syntax_errors/exact/
// trajc's E999 line must equal flake8's; under presence/ (f-string internals, and files
// that parse although tree-sitter or pyflakes might think otherwise) E999 must appear on
// both sides or on neither. A file with E999 gets nothing else, on either side.
TEST_CASE("lint: E999 agrees with flake8 on broken snippets") {
  if (!HaveFlake8()) {
    WARN("/usr/bin/flake8 missing: E999 snippets skipped");
    return;
  }
  const fs::path root = fs::path(TRAJC_SOURCE_DIR) / "tests/unit/lint/syntax_errors";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".py") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 100);
  std::string cmd = "cd '" + root.string() + "' && /usr/bin/flake8 --isolated --select=" + SelectList();
  for (const auto& f : files) cmd += " '" + fs::relative(f, root).string() + "'";
  std::map<std::string, std::vector<std::string>> theirs;  // relative path -> "row:col: CODE message"
  if (FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), p)) {
      std::string line = buf.data();
      if (!line.empty() && line.back() == '\n') line.pop_back();
      size_t colon = line.find(':');
      if (colon != std::string::npos) theirs[line.substr(0, colon)].push_back(line.substr(colon + 1));
    }
    pclose(p);
  }
  auto e999_of = [](const std::vector<std::string>& lines) {
    for (const auto& l : lines)
      if (l.find(": E999 ") != std::string::npos) return l;
    return std::string();
  };
  std::ostringstream table;
  table << "E999 snippets: kind | flake8 | trajc | same\n";
  int exact_same = 0, exact_total = 0;
  for (const auto& f : files) {
    std::string rel = fs::relative(f, root).string();
    bool exact = rel.rfind("exact/", 0) == 0;
    std::vector<std::string> ours;
    std::istringstream report(Format(AnalyzeAll(Read(f))));
    for (std::string l; std::getline(report, l);) ours.push_back(l);
    std::string a = e999_of(theirs[rel]), b = e999_of(ours);
    bool same = a == b;
    table << "  " << rel << " | " << (a.empty() ? "-" : a) << " | " << (b.empty() ? "-" : b) << " | " << (same ? "yes" : "NO") << "\n";
    INFO(rel << "\n  flake8: " << a << "\n  trajc:  " << b);
    CHECK(a.empty() == b.empty());
    if (exact) {
      ++exact_total;
      exact_same += same;
      CHECK(same);
      CHECK_FALSE(a.empty());
    }
    if (!a.empty()) CHECK(theirs[rel].size() == 1);
    if (!b.empty()) CHECK(ours.size() == 1);
  }
  table << "exact: " << exact_same << "/" << exact_total << " identical\n";
  std::printf("%s", table.str().c_str());
}
