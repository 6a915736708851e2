#include "python/docstring.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace trajc::python {
namespace {

// docstring_cases.txt, in the tree-sitter corpus format:
//
//   === title
//   <raw docstring, as between the quotes; may span lines>
//   ---
//   <expected ToJson(ParseDocstring(raw)), pretty JSON>
//
// The separator is the last line of the case that is exactly "---", so that a raw
// docstring may itself contain such a line. Run with TRAJC_UPDATE_GOLDEN=1 to rewrite the
// expected parts from the parser's output, then review the diff by hand.
const std::string kCasesPath = std::string(TRAJC_SOURCE_DIR) + "/tests/unit/python/docstring_cases.txt";

struct Case {
  std::string title;
  std::string raw;
  std::string expected;
};

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (i > begin ? "\n" : "") + lines[i];
  return out;
}

std::vector<Case> ReadCases() {
  std::ifstream in(kCasesPath, std::ios::binary);
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::vector<std::string> lines = SplitLines(buffer.str());
  std::vector<Case> cases;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].rfind("=== ", 0) != 0) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < lines.size() && lines[end].rfind("=== ", 0) != 0) ++end;
    size_t separator = end;
    while (separator > i + 1 && lines[separator - 1] != "---") --separator;
    INFO("case at line " << i + 1);
    REQUIRE(separator > i + 1);  // every case has its "---"
    --separator;
    cases.push_back({lines[i].substr(4), Join(lines, i + 1, separator), Join(lines, separator + 1, end)});
    i = end;
  }
  return cases;
}

std::string Pretty(const Json& value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

void WriteCases(const std::vector<Case>& cases) {
  std::ofstream out(kCasesPath, std::ios::binary | std::ios::trunc);
  for (size_t i = 0; i < cases.size(); ++i) {
    out << (i > 0 ? "\n" : "") << "=== " << cases[i].title << "\n";
    if (!cases[i].raw.empty()) out << cases[i].raw << "\n";
    out << "---\n" << Pretty(ToJson(ParseDocstring(cases[i].raw))) << "\n";
  }
  REQUIRE(out);
}

TEST_CASE("docstring cases", "[docstring]") {
  std::vector<Case> cases = ReadCases();
  CHECK(cases.size() >= 30);
  const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteCases(cases);
    WARN("rewrote " << kCasesPath << ": review the diff");
    return;
  }
  for (const Case& c : cases) {
    INFO("case: " << c.title);
    Json actual = ToJson(ParseDocstring(c.raw));
    INFO("actual:\n" << Pretty(actual));
    Json expected;
    REQUIRE_NOTHROW(expected = Json::parse(c.expected));
    CHECK(actual == expected);  // ordered_json: key order matters too
  }
}

// Expected values computed with /usr/bin/python3 -c 'import inspect; print(repr(inspect.cleandoc(...)))'.
TEST_CASE("CleanDocstring matches inspect.cleandoc", "[docstring]") {
  CHECK(CleanDocstring("") == "");
  CHECK(CleanDocstring("One line.") == "One line.");
  CHECK(CleanDocstring("  One line.") == "One line.");
  CHECK(CleanDocstring("\n    Summary.\n\n    Body\n      more\n    ") == "Summary.\n\nBody\n  more");
  CHECK(CleanDocstring("Summary.\n\n        Deep\n    Shallow\n") == "Summary.\n\n    Deep\nShallow");
  CHECK(CleanDocstring("Summary.\n\tTabbed\n\t    more") == "Summary.\nTabbed\n    more");
  CHECK(CleanDocstring("Sum.\n  ab\tc\n  é\tx") == "Sum.\nab    c\né     x");
  CHECK(CleanDocstring("   Summary.\n   Second line.\n") == "Summary.\nSecond line.");
  CHECK(CleanDocstring("Summary.\n\n    Body.\n\n\n    ") == "Summary.\n\nBody.");
}

// inspect.cleandoc keeps trailing whitespace; trajc drops it (lines are compared and
// rendered without it), which also turns CRLF sources into plain lines.
TEST_CASE("CleanDocstring strips trailing whitespace", "[docstring]") {
  CHECK(CleanDocstring("Summary.   \r\n\r\n    Body.  \r\n    ") == "Summary.\n\nBody.");
  CHECK(CleanDocstring("Summary.\n    \n    Body.") == "Summary.\n\nBody.");
  CHECK(CleanDocstring("\n\n  \n") == "");  // inspect.cleandoc gives "  "
}

TEST_CASE("style names round-trip", "[docstring]") {
  for (DocstringStyle style :
       {DocstringStyle::kPlain, DocstringStyle::kGoogle, DocstringStyle::kNumpy, DocstringStyle::kSphinx}) {
    std::optional<DocstringStyle> back = StyleFromName(StyleName(style));
    REQUIRE(back.has_value());
    CHECK(*back == style);
  }
  CHECK(StyleName(DocstringStyle::kNumpy) == "numpy");
  CHECK_FALSE(StyleFromName("rest").has_value());
  CHECK_FALSE(StyleFromName("").has_value());
}

TEST_CASE("ParsedDocstring fields beyond the JSON", "[docstring]") {
  ParsedDocstring doc = ParseDocstring("Sum.\n\n    Args:\n        *args (int): Values.\n    ");
  REQUIRE(doc.params.size() == 1);
  CHECK(doc.params[0].name == "*args");
  CHECK(doc.params[0].type == "int");
  CHECK(doc.params[0].text == "Values.");
  CHECK(doc.style == DocstringStyle::kGoogle);
}

// Every prefix of every case, and random mixes of their lines, must parse without a crash
// (the tests run under ASan/UBSan): truncated docstrings end sections anywhere.
TEST_CASE("ParseDocstring survives truncated and shuffled input", "[docstring]") {
  std::vector<Case> cases = ReadCases();
  std::vector<std::string> all_lines;
  for (const Case& c : cases) {
    for (size_t n = 0; n <= c.raw.size(); ++n) {
      ParsedDocstring doc = ParseDocstring(std::string_view(c.raw).substr(0, n));
      (void)ToJson(doc);
    }
    for (const std::string& line : SplitLines(c.raw)) all_lines.push_back(line);
  }
  REQUIRE_FALSE(all_lines.empty());
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> pick(0, all_lines.size() - 1);
  std::uniform_int_distribution<int> length(1, 25);
  std::uniform_int_distribution<int> indent(0, 9);
  for (int round = 0; round < 2000; ++round) {
    std::string raw;
    int n = length(rng);
    for (int k = 0; k < n; ++k) {
      raw += std::string(static_cast<size_t>(indent(rng)) % 3 == 0 ? static_cast<size_t>(indent(rng)) : 0, ' ');
      raw += all_lines[pick(rng)] + (k % 7 == 3 ? "\t\n" : "\n");
    }
    INFO(raw);
    ParsedDocstring doc = ParseDocstring(raw);
    (void)ToJson(doc);
  }
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 500; ++round) {
    std::string raw;
    for (int k = 0; k < 60; ++k) raw += static_cast<char>(byte(rng));
    (void)ParseDocstring(raw);
  }
  SUCCEED();
}

}  // namespace
}  // namespace trajc::python
