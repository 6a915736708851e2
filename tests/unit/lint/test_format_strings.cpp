// Tests of the format-string checks (F501-F509, F521-F525): pyflakes' own cases (from its
// TestStringFormatting, written out here), and differential runs against CPython's
// string.Formatter().parse / int() and against flake8 on generated format strings.
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/prng.h"
#include "lint/lint.h"
#include "lint/rules/pyflakes/format_fields.h"
#include "lint/rules/pyflakes/python_chars.h"

namespace fs = std::filesystem;

namespace {

// The F5xx codes trajc reports for `source`, in order, joined by spaces.
std::string Codes(const std::string& source) {
  trajc::lint::Options options;
  options.select = {"F50", "F52"};
  std::string out;
  for (const auto& issue : trajc::lint::Analyze(source, options)) out += (out.empty() ? "" : " ") + issue.code;
  return out;
}

std::string Run(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), p)) out += buf.data();
    pclose(p);
  }
  return out;
}

fs::path TempFile(const std::string& name) {
  return fs::temp_directory_path() / ("trajc_fmt_" + std::to_string(::getpid()) + "_" + name);
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// `count` strings of up to `max_len` characters drawn from `alphabet` (UTF-8 pieces).
std::vector<std::string> RandomStrings(uint64_t seed, const std::vector<std::string>& alphabet, int count, int max_len) {
  trajc::SplitMix64 rng(seed);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string s;
    int len = static_cast<int>(rng.Below(static_cast<uint64_t>(max_len) + 1));
    for (int k = 0; k < len; ++k) s += alphabet[rng.Below(alphabet.size())];
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("lint: format strings, pyflakes' own cases") {
  // str.format
  CHECK(Codes("'{'.format(1)\n") == "F521");
  CHECK(Codes("'{} {1}'.format(1, 2)\n") == "F525");
  CHECK(Codes("'{0} {}'.format(1, 2)\n") == "F525");
  CHECK(Codes("'{}'.format(1, 2)\n") == "F523");
  CHECK(Codes("'{}'.format(1, bar=2)\n") == "F522");
  CHECK(Codes("'{} {}'.format(1)\n") == "F524");
  CHECK(Codes("'{2}'.format()\n") == "F524");
  CHECK(Codes("'{bar}'.format()\n") == "F524");
  CHECK(Codes("'{:{:{}}}'.format(1, 2, 3)\n") == "F521");
  CHECK(Codes("'{.__class__}'.format('')\n").empty());
  CHECK(Codes("'{foo[bar]}'.format(foo={'bar': 'barv'})\n").empty());
  CHECK(Codes("print('{:{}} {}'.format(1, 15, 2))\n").empty());
  CHECK(Codes("print('{:2}'.format(1))\n").empty());
  CHECK(Codes("'{foo}-{}'.format(1, foo=2)\n").empty());
  CHECK(Codes("a = ()\n\"{}\".format(*a)\n").empty());
  CHECK(Codes("k = {}\n\"{foo}\".format(**k)\n").empty());
  // percent
  CHECK(Codes("'%(foo)' % {'foo': 'bar'}\n") == "F501");
  CHECK(Codes("'%s %(foo)s' % {'foo': 'bar'}\n") == "F506");
  CHECK(Codes("'%(foo)s %s' % {'foo': 'bar'}\n") == "F506");
  CHECK(Codes("'%j' % (1,)\n") == "F509");
  CHECK(Codes("'%s %s' % (1,)\n") == "F507");
  CHECK(Codes("'%s %s' % (1, 2, 3)\n") == "F507");
  CHECK(Codes("'%(bar)s' % {}\n") == "F505");
  CHECK(Codes("'%(bar)s' % {'bar': 1, 'baz': 2}\n") == "F504");
  CHECK(Codes("'%(bar)s' % (1, 2, 3)\n") == "F502");
  CHECK(Codes("'%s %s' % {'k': 'v'}\n") == "F503");
  CHECK(Codes("'%(bar)*s' % {'bar': 'baz'}\n") == "F508");
  CHECK(Codes("'%s' % {'foo': 'bar', 'baz': 'womp'}\n").empty());
  CHECK(Codes("\"%1000000000000f\" % 1\n").empty());
  CHECK(Codes("'%% %s %% %s' % (1, 2)\n").empty());
  CHECK(Codes("'%.*f' % (2, 1.1234)\n'%*.*f' % (5, 2, 3.1234)\n").empty());
  CHECK(Codes("a = []\n'%s %s' % [*a]\n'%s %s' % (*a,)\n").empty());
  CHECK(Codes("k = {}\n'%(k)s' % {**k}\n").empty());
}

TEST_CASE("lint: format strings, \\N{...} escapes") {
  // Printable ASCII by name is decoded; any other name is a character that is neither a
  // digit nor a space, reported only where the message need not print it.
  CHECK(Codes("'\\N{PERCENT SIGN}s %s' % (1,)\n") == "F507");
  CHECK(Codes("'{\\N{left curly bracket}'.format(1)\n") == "F523");  // `{{`: a literal brace
  CHECK(Codes("'\\N{BULLET} %s %s' % (1,)\n") == "F507");
  CHECK(Codes("'%(\\N{BULLET})s' % {'\\N{BULLET}': 1}\n").empty());
  CHECK(Codes("'%(\\N{BULLET})s' % {'\\N{EM DASH}': 1, 'x': 2}\n").empty());  // flake8: F504 F505, both print it
  CHECK(Codes("'%(a)s' % {'a': 1, 'x': 2, '\\N{EM DASH}': 3}\n").empty());  // flake8: F504, which prints it
  CHECK(Codes("'%\\N{BULLET}' % (1,)\n").empty());  // flake8: F509, which prints it
  CHECK(Codes("'%\\N{BULLET}' % (1, 2)\n") == "F507");
  // A name that may be of a digit or a space: not decoded, not checked.
  CHECK(Codes("'{\\N{ARABIC-INDIC DIGIT THREE}}'.format(1)\n").empty());
  CHECK(Codes("'{\\N{NO-BREAK SPACE}0}'.format(1, 2)\n").empty());
  CHECK(Codes("'{\\N{DIGIT ZERO}}'.format(1, 2)\n") == "F523");  // ASCII: decoded
  CHECK(Codes("r'\\N{BULLET} {'.format(1)\n") == "F521");       // raw: no escape
  CHECK(Codes("'\\\\N{BULLET} {}'.format(1, 2)\n") == "F523 F524");  // `\\` then a field `{BULLET}`
}

TEST_CASE("lint: format strings, Python's int() on field names") {
  using trajc::lint::PythonInt;
  using trajc::lint::ToCodePoints;
  auto Int = [](const char* s) { return PythonInt(ToCodePoints(s)).value_or("error"); };
  CHECK(Int("0") == "0");
  CHECK(Int("007") == "7");
  CHECK(Int(" -1_000 ") == "-1000");
  CHECK(Int("-0") == "0");
  CHECK(Int("+3") == "3");
  CHECK(Int("\u0663") == "3");              // ARABIC-INDIC DIGIT THREE
  CHECK(Int("\u3000" "1" "\u3000") == "1");       // ideographic spaces
  CHECK(Int("\xc2\x85" "1") == "1");           // NEL is a space to int()
  CHECK(Int("12345678901234567890123") == "12345678901234567890123");
  for (const char* bad : {"", " ", "+", "_1", "1_", "1__0", "0x1", "\x1c" "1", "\x7f" "1", "1 2", "a", "\xc2\xb2"}) {
    INFO(bad);
    CHECK(Int(bad) == "error");
  }
}

TEST_CASE("lint: format strings, the parser agrees with string.Formatter().parse") {
  if (!fs::exists("/usr/bin/python3")) {
    WARN("/usr/bin/python3 missing: parser differential skipped");
    return;
  }
  std::vector<std::string> inputs = RandomStrings(
      20261207, {"{", "}", "{", "}", "[", "]", "!", ":", ".", "0", "1", "a", "r", " ", "_", "\xc3\xa9"}, 4000, 9);
  fs::path in = TempFile("parse.txt");
  std::ofstream(in, std::ios::binary) << Lines(inputs);
  // One line per input: the error, or each field as name|spec joined by tabs.
  std::string script =
      "import string, sys\n"
      "for line in open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]:\n"
      "    try:\n"
      "        out = '\\t'.join(n + '|' + s for _, n, s, _ in string.Formatter().parse(line) if n is not None)\n"
      "        print('ok\\t' + out)\n"
      "    except ValueError as e:\n"
      "        print('error\\t' + str(e))\n"
      "    sys.stdout.flush()\n";
  fs::path py = TempFile("parse.py");
  std::ofstream(py, std::ios::binary) << script;
  std::string theirs = Run("/usr/bin/python3 '" + py.string() + "' '" + in.string() + "'");
  std::string ours;
  for (const std::string& s : inputs) {
    trajc::lint::ParsedFormat parsed = trajc::lint::ParseFormatString(trajc::lint::ToCodePoints(s));
    if (!parsed.error.empty()) {
      ours += "error\t" + parsed.error + "\n";
      continue;
    }
    std::string line;
    for (const auto& f : parsed.fields) {
      line += (line.empty() ? "" : "\t") + trajc::lint::ToUtf8(f.name) + "|" + trajc::lint::ToUtf8(f.spec);
    }
    ours += "ok\t" + line + "\n";
  }
  fs::remove(in);
  fs::remove(py);
  CHECK(ours == theirs);
}

TEST_CASE("lint: format strings agree with flake8 on generated calls") {
  if (!fs::exists("/usr/bin/flake8")) {
    WARN("/usr/bin/flake8 missing: generated format strings skipped");
    return;
  }
  std::vector<std::string> percent = RandomStrings(
      7, {"%", "%", "s", "d", "(a)", "(b)", "(", ")", "*", ".", "1", "#", "-", "l", "y", " ", "%%"}, 700, 7);
  std::vector<std::string> dot =
      RandomStrings(11, {"{", "}", "{}", "{0}", "{1}", "{a}", "[0]", ".x", "!r", ":", "{:{}}", "2", " ", "b"}, 700, 6);
  std::vector<std::string> lines = {"a = b = 1", "t = (1,)"};
  for (const std::string& s : percent) {
    lines.push_back("print('" + s + "' % (a, b))");
    lines.push_back("print('" + s + "' % {'a': 1, 'c': 2})");
    lines.push_back("print('" + s + "' % [a])");
  }
  for (const std::string& s : dot) {
    lines.push_back("print('" + s + "'.format(a, b, a=1))");
    lines.push_back("print('" + s + "'.format(a, c=2))");
  }
  fs::path file = TempFile("generated.py");
  std::ofstream(file, std::ios::binary) << Lines(lines);
  std::string theirs = Run("/usr/bin/flake8 --isolated --select=F50,F52 '" + file.string() + "' 2>/dev/null");
  std::string prefix = file.string() + ":";
  std::vector<std::string> want;
  size_t start = 0;
  while (start < theirs.size()) {
    size_t end = theirs.find('\n', start);
    std::string l = theirs.substr(start, end - start);
    if (l.rfind(prefix, 0) == 0) want.push_back(l.substr(prefix.size()));
    start = end == std::string::npos ? theirs.size() : end + 1;
  }
  trajc::lint::Options options;
  options.select = {"F50", "F52"};
  std::vector<std::string> got;
  for (const auto& i : trajc::lint::Analyze(Lines(lines), options)) {
    got.push_back(std::to_string(i.line) + ":" + std::to_string(i.column) + ": " + i.code + " " + i.message);
  }
  fs::remove(file);
  std::sort(want.begin(), want.end());
  std::sort(got.begin(), got.end());
  REQUIRE(want.size() > 500);  // the generator does reach the checks
  CHECK(got == want);
}
