// Fact extraction, case by case: tests/unit/python/facts_cases.txt holds cases in
// tree-sitter's corpus format (`=== title`, Python source, `---`, the expected facts as
// JSON). TRAJC_UPDATE_GOLDEN=1 rewrites the expected parts; review the diff before
// committing it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "python/facts.h"

using trajc::Json;

namespace {

const std::string kCases = std::string(TRAJC_SOURCE_DIR) + "/tests/unit/python/facts_cases.txt";

struct Case {
  std::string title, source, expected;
};

std::vector<Case> ReadCases(const std::string& text) {
  std::vector<Case> cases;
  std::istringstream in(text);
  Case* current = nullptr;
  bool in_expected = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("=== ")) {
      cases.push_back({line.substr(4), "", ""});
      current = &cases.back();
      in_expected = false;
    } else if (current != nullptr && line == "---" && !in_expected) {
      in_expected = true;
    } else if (current != nullptr) {
      (in_expected ? current->expected : current->source) += line + "\n";
    }
  }
  return cases;
}

// The facts a case shows: ToJson's, plus where bodies start (the docstring edits rely on
// them), with docstrings cut to style and summary (their parsing has its own cases).
Json Facts(const std::string& source) {
  trajc::python::ModuleFacts m = trajc::python::FactsOf(trajc::python::SourceTree::Parse(source));
  auto brief = [](const std::optional<trajc::python::Docstring>& d) -> Json {
    if (!d) return nullptr;
    return {{"line", d->line}, {"end_line", d->end_line}, {"column", d->column}, {"prefix", d->prefix},
            {"quote", d->quote}, {"style", trajc::python::StyleName(d->parsed.style)}, {"summary", d->parsed.summary}};
  };
  Json defs = Json::array();
  for (const auto& d : m.definitions) {
    Json j = trajc::python::ToJson(d);
    j["docstring"] = brief(d.docstring);
    j["parent"] = d.parent;
    j["nested_in_function"] = d.nested_in_function;
    j["header_end_line"] = d.header_end_line;
    j["body"] = {d.body_line, d.body_column};
    if (d.body_on_header_line) j["body_on_header_line"] = true;
    if (d.is_overload()) j["overload"] = true;
    defs.push_back(std::move(j));
  }
  return {{"module_docstring", brief(m.docstring)}, {"definitions", defs}, {"imports", trajc::python::ToJson(m)["imports"]}};
}

}  // namespace

TEST_CASE("facts: every case of facts_cases.txt") {
  std::ifstream file(kCases, std::ios::binary);
  REQUIRE(file);
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::vector<Case> cases = ReadCases(buffer.str());
  REQUIRE(cases.size() >= 15);
  const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::string out;
    for (const Case& c : cases) out += "=== " + c.title + "\n" + c.source + "---\n" + Facts(c.source).dump(2) + "\n\n";
    while (out.ends_with("\n\n")) out.pop_back();
    std::ofstream(kCases, std::ios::binary) << out;
    WARN("rewrote " << kCases);
    return;
  }
  for (const Case& c : cases) {
    INFO("case: " << c.title);
    Json expected = Json::parse(c.expected);
    CHECK(Facts(c.source).dump(2) == expected.dump(2));
  }
}

TEST_CASE("facts: a tree with syntax errors yields what it can, without crashing") {
  for (const char* source : {"def f(:\n", "class A(\n  def m(self): pass", "def f(x):\n    raise\n", "", "@decorator\n"}) {
    trajc::python::ModuleFacts m = trajc::python::FactsOf(trajc::python::SourceTree::Parse(source));
    CHECK(m.definitions.size() <= 2);
  }
}
