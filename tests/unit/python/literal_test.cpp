// Python literals: reading them, Python's == between them, and repr()/str()/the
// unicode_escape codec as Python prints them — checked against /usr/bin/python3 itself
// for floats and strings, where hand-picked cases would miss the corners.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/prng.h"
#include "python/doctest.h"
#include "python/literal.h"

using namespace trajc::python;

namespace {

Value Lit(const std::string& text) {
  auto v = ParseLiteral(text);
  INFO(text);
  REQUIRE(v.has_value());
  return *v;
}

// Lines printed by python3 running `program` over `input` (one item per line).
std::vector<std::string> Python(const std::string& program, const std::string& input) {
  char dir[] = "/tmp/trajc-literal-XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  std::string in = std::string(dir) + "/in.txt", script = std::string(dir) + "/p.py", out = std::string(dir) + "/out.txt";
  std::ofstream(in) << input;
  std::ofstream(script) << program;
  std::string cmd = "/usr/bin/python3 " + script + " < " + in + " > " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream f(out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(f, line);) lines.push_back(line);
  std::string cleanup = std::string("rm -rf ") + dir;
  REQUIRE(std::system(cleanup.c_str()) == 0);
  return lines;
}

}  // namespace

TEST_CASE("literals are read the way Python reads them") {
  CHECK(Repr(Lit("0x1F")) == "31");
  CHECK(Repr(Lit("1_000")) == "1000");
  CHECK(Repr(Lit("-7")) == "-7");
  CHECK(Repr(Lit("1.")) == "1.0");
  CHECK(Repr(Lit(".5e-3")) == "0.0005");
  CHECK(Repr(Lit("'a' \"b\"")) == "'ab'");
  CHECK(Repr(Lit("r'\\d'")) == "'\\\\d'");
  CHECK(Repr(Lit("'\\x41\\u00e9\\n'")) == "'A\xc3\xa9\\n'");
  CHECK(Repr(Lit("(1,)")) == "(1,)");
  CHECK(Repr(Lit("()")) == "()");
  CHECK(Repr(Lit("{1: 'a', 1.0: 'b'}")) == "{1: 'b'}");
  CHECK(Repr(Lit("{2, 2, 3}")) == "{2, 3}");
  CHECK(Repr(Lit("[None, True, -0.0]")) == "[None, True, -0.0]");
  for (const char* not_literal : {"x", "f(1)", "f'{x}'", "b'a'", "1j", "99999999999999999999", "[1, x]", "{[]: 1}", "1 +"})
    CHECK_FALSE(ParseLiteral(not_literal).has_value());
}

TEST_CASE("== between literals follows Python") {
  CHECK(PyEqual(Lit("1"), Lit("1.0")));
  CHECK(PyEqual(Lit("True"), Lit("1")));
  CHECK_FALSE(PyEqual(Lit("'1'"), Lit("1")));
  CHECK_FALSE(PyEqual(Lit("[1, 2]"), Lit("(1, 2)")));
  CHECK(PyEqual(Lit("{'a': 1, 'b': [2]}"), Lit("{'b': [2.0], 'a': True}")));
  CHECK(PyEqual(Lit("{1, 2}"), Lit("{2, 1}")));
  CHECK_FALSE(PyEqual(Lit("{'a': 1}"), Lit("{'a': 2}")));
  CHECK(PyEqual(Lit("None"), Lit("None")));
  CHECK_FALSE(PyEqual(Lit("None"), Lit("0")));
  CHECK_FALSE(PyEqual(Lit("0.1"), Lit("0.10000000000000002")));
  CHECK_FALSE(PyEqual(Lit("9007199254740993"), Lit("9007199254740992.0")));
}

TEST_CASE("float repr matches Python's for many doubles") {
  trajc::SplitMix64 prng(20261125);
  std::vector<double> values = {0.0, -0.0, 1e16, 1e15, 123456789012345680.0, 1e-4, 9.999e-5, 0.1, 1.0 / 3, 5e-324, 1.7976931348623157e308,
                                2.5, 100.0, 1e22, 0.30000000000000004};
  for (int i = 0; i < 3000; ++i) {
    uint64_t bits = prng.Next();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (std::isfinite(d)) values.push_back(d);
    values.push_back(static_cast<double>(prng.Next() % 100000) / std::pow(10.0, static_cast<double>(prng.Next() % 12)));
  }
  std::ostringstream input;
  std::vector<std::string> ours;
  for (double d : values) {
    char hex[64];
    std::snprintf(hex, sizeof hex, "%a", d);
    input << hex << "\n";
    ours.push_back(FloatRepr(d));
  }
  std::vector<std::string> python = Python("import sys\nfor line in sys.stdin:\n    print(repr(float.fromhex(line.strip())))\n", input.str());
  REQUIRE(python.size() == ours.size());
  for (size_t i = 0; i < ours.size(); ++i) {
    INFO(python[i]);
    CHECK(ours[i] == python[i]);
  }
}

TEST_CASE("string repr and unicode_escape match Python's") {
  std::vector<std::string> strings = {"", "plain", "it's", "say \"hi\"", "both ' and \"", "tab\there", "new\nline", "back\\slash",
                                      "bell\a", "del\x7f", "caf\xc3\xa9", "\xc2\xa0nbsp", "\xc2\xad", "\xe2\x80\xa8", "\xe2\x82\xac",
                                      "\xf0\x9f\x98\x80", "\x01\x1f"};
  std::ostringstream input;
  for (const std::string& s : strings) {
    for (unsigned char c : s) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02x", c);
      input << hex;
    }
    input << "\n";
  }
  std::vector<std::string> python = Python(
      "import sys\nfor line in sys.stdin:\n    s = bytes.fromhex(line.strip()).decode()\n"
      "    print(repr(s).encode().hex(), s.encode('unicode_escape').decode('ascii').encode().hex())\n",
      input.str());
  REQUIRE(python.size() == strings.size());
  auto hex = [](const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      char h[3];
      std::snprintf(h, sizeof h, "%02x", c);
      out += h;
    }
    return out;
  };
  for (size_t i = 0; i < strings.size(); ++i) {
    Value v;
    v.kind = Value::Kind::kStr;
    v.str = strings[i];
    INFO(strings[i]);
    CHECK(hex(Repr(v)) + " " + hex(UnicodeEscape(strings[i])) == python[i]);
  }
}

TEST_CASE("doctest examples are read as doctest reads them") {
  std::string raw =
      "Summary.\n"
      "\n"
      "    >>> total([1,\n"
      "    ...        2])\n"
      "    3\n"
      "    >>> cart = Cart()\n"
      "    >>> cart.pop()\n"
      "    Traceback (most recent call last):\n"
      "      File \"x\", line 1\n"
      "    shop.EmptyError: cart is empty\n"
      "    >>> show()  # doctest: +ELLIPSIS\n"
      "    a\n"
      "    b\n"
      "\n"
      "    >>> ready()\n";
  std::vector<DoctestExample> ex = ParseDoctests(raw);
  REQUIRE(ex.size() == 5);
  CHECK(ex[0].source == "total([1,\n       2])");
  CHECK(ex[0].want == "3");
  CHECK(ex[0].line == 3);
  CHECK(ex[1].want.empty());
  REQUIRE(ex[2].exception.has_value());
  CHECK(ex[2].exception->type == "shop.EmptyError");
  CHECK(ex[2].exception->message == "cart is empty");
  CHECK(ex[3].has_directive);
  CHECK(ex[3].want == "a\nb");
  CHECK(ex[4].want.empty());
  CHECK(ex[4].line == 15);
}

TEST_CASE("string and bytes literals decode and print as Python's") {
  const std::vector<std::string> literals = {
      "'plain'", "\"it's\"", "'\\x41\\101\\n\\t'", "r'\\x41\\n'", "u'caf\\u00e9'", "'''tri\nple'''", "'\\U0001F600'",
      "'\\q'", "'back\\\\slash'", "b'\\x89PNG'", "b'\\x00\\xff\\777'", "B'\\u00e9'", "rb'\\x41'", "bR\"it's\"",
      "b'say \"hi\" it\\'s'", "b'\\t\\r\\n\\x7f'", "'line\\\ncontinued'"};
  std::ostringstream input;
  for (const std::string& s : literals) {
    for (unsigned char c : s) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02x", c);
      input << hex;
    }
    input << "\n";
  }
  std::vector<std::string> python = Python(
      "import ast, sys, warnings\nwarnings.simplefilter('ignore')\nfor line in sys.stdin:\n"
      "    print(repr(ast.literal_eval(bytes.fromhex(line.strip()).decode())))\n",
      input.str());
  REQUIRE(python.size() == literals.size());
  for (size_t i = 0; i < literals.size(); ++i) {
    INFO(literals[i]);
    std::optional<StringLiteral> lit = DecodeStringLiteral(literals[i]);
    REQUIRE(lit.has_value());
    CHECK((lit->bytes ? BytesRepr(lit->value) : StrRepr(lit->value)) == python[i]);
  }
  CHECK_FALSE(DecodeStringLiteral("f'x'").has_value());
  CHECK_FALSE(DecodeStringLiteral("'\\N{BULLET}'").has_value());
  CHECK(DecodeStringLiteral("b'\\N{x}'")->value == "\\N{x}");  // no \N escape in bytes
}
