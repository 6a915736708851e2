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

// Found by yaml_fuzz (tests/fuzz/regressions/yaml/escape_at_end_of_input): yaml-cpp quotes
// the character after a bad escape as a raw byte (0x04 at the end of the input, one byte of
// a multi-byte character) and marks the end of the input past its last line.
TEST_CASE("a bad escape is located inside the file and named in printable words") {
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "\"\ts\n\\"),
                    "t.yaml:2:2: error: invalid YAML: unknown escape character: end of input");
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "a: \"\\\xc3\xa9\"\n"),
                    Catch::StartsWith("t.yaml:1:") && Catch::EndsWith("unknown escape character: \\xC3"));
}

TEST_CASE("aliases copy their anchor's value and locations; a scalar alias may be a key") {
  auto doc = ParseYaml("t.yaml", "base: &b {type: string, minLength: 1}\nk: &k name\nuse: [*b, *b]\nmap: {*k : 3}\n");
  CHECK(doc.value["use"] == trajc::Json::array({doc.value["base"], doc.value["base"]}));
  CHECK(doc.value["map"] == trajc::Json{{"name", 3}});
  CHECK(doc.Locate("/use/1/minLength").line == 1);  // where the anchored value is written
  CHECK(doc.Locate("/use/1/minLength").column == 36);
  CHECK_FALSE(doc.empty);
}

TEST_CASE("aliases past the budget, nesting past the limit, forbidden characters and empty files") {
  // 10 values, then 9 aliases of the previous level per level: the sixth level passes 100,000.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'g'; ++level) {
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", " : "") + "*" + static_cast<char>(level - 1);
    bomb += "]\n";
  }
  CHECK_THROWS_WITH(ParseYaml("t.yaml", bomb), Catch::StartsWith("t.yaml:6:8: error: YAML aliases expand past 100000 nodes; "));
  // Few nodes, much text: a 1 MiB scalar aliased 17 times passes 16 MiB.
  std::string text = "s: &s " + std::string(1 << 20, 'x') + "\nl: [" ;
  for (int i = 0; i < 17; ++i) text += std::string(i ? ", " : "") + "*s";
  CHECK_THROWS_WITH(ParseYaml("t.yaml", text + "]\n"), Catch::StartsWith("t.yaml:2:") && Catch::Contains("YAML aliases expand past 16 MiB of text"));
  CHECK_NOTHROW(ParseYaml("t.yaml", "s: &s " + std::string(1 << 20, 'x') + "\nl: [*s, *s, *s]\n"));
  CHECK_THROWS_WITH(ParseYaml("t.yaml", std::string(300, '[') + std::string(300, ']')),
                    "t.yaml:1:257: error: YAML nests deeper than 256 levels; flatten the structure");
  CHECK_NOTHROW(ParseYaml("t.yaml", std::string(256, '[') + std::string(256, ']')));
  CHECK_THROWS_WITH(ParseYaml("t.yaml", std::string("a: b\nc: d\0e\n", 12)),
                    Catch::StartsWith("t.yaml:2:5: error: NUL byte is not allowed in YAML; "));
  CHECK_THROWS_WITH(ParseYaml("t.yaml", "a: \xc2\x80\n"), Catch::StartsWith("t.yaml:1:4: error: control character U+0080 "));
  CHECK_NOTHROW(ParseYaml("t.yaml", "a: \"tab\there\"\r\nb: \xc2\x85\n"));  // tab, CR and NEL are allowed
  for (const char* empty : {"", "# only a comment\n", "\n\n"}) {
    auto doc = ParseYaml("t.yaml", empty);
    CHECK(doc.empty);
    CHECK(doc.value.is_null());
    CHECK(doc.Locate("").line == 1);
    CHECK(doc.Locate("").column == 1);
  }
}
