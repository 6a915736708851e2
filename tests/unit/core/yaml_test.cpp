#include <catch2/catch.hpp>

#include "core/yaml.h"

using trajc::ParseYaml;

TEST_CASE("YAML scalars take JSON types; quoted ones stay strings") {
  auto doc = ParseYaml("t.yaml", "a: 3\nb: 2.5\nc: true\nd: '3'\ne: null\nf: [x, 1]\ng: hello\n");
  CHECK(doc.value["a"] == 3);
  CHECK(doc.value["b"] == 2.5);
  CHECK(doc.value["c"] == true);
  CHECK(doc.value["d"] == "3");
  CHECK(doc.value["e"].is_null());
  CHECK(doc.value["f"] == trajc::Json::array({"x", 1}));
  CHECK(doc.value["g"] == "hello");
}

TEST_CASE("every value keeps its location") {
  auto doc = ParseYaml("t.yaml", "tools:\n  - name: x\n    parameters:\n      minimum: 'a'\n");
  auto loc = doc.Locate("/tools/0/parameters/minimum");
  CHECK(loc.line == 4);
  CHECK(loc.column == 16);
  CHECK(doc.Locate("/tools/0/parameters/minimum/deeper").line == 4);
}

TEST_CASE("malformed YAML is a located error") {
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "a: [1, 2\nb: 3\n"), Catch::StartsWith("t.yaml:") && Catch::Contains("error: invalid YAML"));
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "a: 1\na: 2\n"), "t.yaml:2:1: error: duplicate key 'a'");
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "a: \xff\n"), "t.yaml:1:4: error: invalid UTF-8 byte; save the file as UTF-8");
}
