// The docstring domain as users run it: the main job, --style, the same bytes at any
// --jobs, fixtures check and show.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"

using namespace cli_test;
using trajc::Json;

TEST_CASE("docstring: the main job gives 135 + 15 distinct, valid examples in every template and style") {
  fs::path scratch = Scratch("docstring-main");
  Result r = Trajc("--domain docstring --count 150 --split 0.9 --seed 42 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<Json> train = Records(scratch / "o/train.jsonl"), eval = Records(scratch / "o/eval.jsonl");
  CHECK(train.size() == 135);
  CHECK(eval.size() == 15);
  Json m = Json::parse(Slurp(scratch / "o/manifest.json"));
  CHECK(m["splits"]["train"]["repeated_examples"] == 0);
  CHECK(m["splits"]["eval"]["repeated_examples"] == 0);
  CHECK(m["splits"]["train"]["distinct_capacity"].get<uint64_t>() >= 150);
  CHECK(m["splits"]["train"]["coverage"]["templates"].size() >= 6);
  CHECK(m["warnings"].empty());
  const Json& labels = m["splits"]["train"]["coverage"]["labels"];
  // Styles evenly mixed: they take turns within each template (±1 each), so over the
  // templates no two styles differ by more than the number of templates.
  std::vector<uint64_t> styles;
  for (const char* s : {"style:google", "style:numpy", "style:sphinx"}) {
    REQUIRE(labels.contains(s));
    styles.push_back(labels[s].get<uint64_t>());
  }
  uint64_t templates = m["splits"]["train"]["coverage"]["templates"].size();
  CHECK(*std::max_element(styles.begin(), styles.end()) - *std::min_element(styles.begin(), styles.end()) <= templates);
  for (const char* kind : {"kind:function", "kind:method", "kind:property", "kind:class"}) CHECK(labels.contains(kind));

  auto agent = trajc::schema::LoadSubagent(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/docstring.yaml");
  std::set<std::string> distinct;
  for (const auto* split : {&train, &eval}) {
    for (const Json& record : *split) {
      CHECK(trajc::schema::ValidateRecord(record, agent).empty());
      distinct.insert(record.dump());
    }
  }
  CHECK(distinct.size() == 150);
}

TEST_CASE("docstring: --style keeps one style and is recorded in the manifest") {
  fs::path scratch = Scratch("docstring-style");
  Result r = Trajc("--domain docstring --count 60 --style numpy --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"o/train.jsonl", "o/eval.jsonl"}) {
    for (const Json& record : Records(scratch / f)) {
      Json submit = Json::parse(record["messages"].back()["tool_calls"][0]["function"]["arguments"].get<std::string>());
      CHECK(submit["style"] == "numpy");
    }
  }
  Json m = Json::parse(Slurp(scratch / "o/manifest.json"));
  CHECK(m["flags"]["style"] == "numpy");
  CHECK(m["command"] == "trajc --domain docstring --count 60 --split 0.9 --seed 42 --style numpy");
  CHECK_FALSE(m["splits"]["train"]["coverage"]["labels"].contains("style:google"));
}

// (A second run with the same flags is pinned by the golden test.)
TEST_CASE("docstring: the same bytes at --jobs 1 and --jobs 2") {
  fs::path scratch = Scratch("docstring-jobs");
  std::string base = "--domain docstring --count 300 --split 0.8 --seed 9 --quiet" + Root();
  REQUIRE(Trajc(base + " --jobs 1 --out " + Quote((scratch / "a").string()), scratch).exit_code == 0);
  REQUIRE(Trajc(base + " --jobs 2 --out " + Quote((scratch / "b").string()), scratch).exit_code == 0);
  for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"}) CHECK(Slurp(scratch / "a" / f) == Slurp(scratch / "b" / f));
}

TEST_CASE("docstring: fixtures check passes on the project's fixtures and locates an incomplete docstring") {
  fs::path scratch = Scratch("docstring-check");
  Result ok = Trajc("fixtures check" + Root(), scratch);  // every domain
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("trajc: docstring: 33 fixtures (26 train, 7 eval): all parse and meet their expectations"));
  CHECK_THAT(ok.out, Catch::Contains("trajc: lint: "));

  fs::path root = CopyProject(scratch);
  WriteFile(root / "fixtures/docstring/zz_wrong.py",
            "\"\"\"Parsing.\"\"\"\n\n\ndef parse(text: str, strict: bool = False) -> int:\n"
            "    \"\"\"Parse a number.\n\n    Args:\n        text: The text.\n        base: Not a parameter.\n\n"
            "    Raises:\n        KeyError: Never.\n    \"\"\"\n    return int(text)\n");
  Result bad = Trajc("fixtures check --domain docstring --root " + Quote(root.string()), scratch);
  CHECK(bad.exit_code == 1);
  std::string at = root.string() + "/fixtures/docstring/zz_wrong.py:5:5: error: parse: ";
  CHECK_THAT(bad.err, Catch::Contains(at + "parameter 'strict' is not documented [missing_parameter]"));
  CHECK_THAT(bad.err, Catch::Contains(at + "'base' is documented but is not a parameter of parse [unknown_parameter]"));
  CHECK_THAT(bad.err, Catch::Contains(at + "parse returns a value that is not documented [missing_returns]"));
  CHECK_THAT(bad.err, Catch::Contains(at + "KeyError is documented as raised but parse does not raise it [unknown_raises]"));
}

TEST_CASE("docstring: fixtures show prints every definition's facts and the task nodes") {
  fs::path scratch = Scratch("docstring-show");
  Result r = Trajc("fixtures show --json " + Quote(std::string(TRAJC_SOURCE_DIR) + "/fixtures/docstring/bank_account.py"), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json facts = Json::parse(r.out);
  CHECK(facts["split"] == "train");
  CHECK_FALSE(facts.contains("errors"));
  std::map<std::string, Json> by_name;
  for (const Json& d : facts["definitions"]) by_name[d["qualified_name"].get<std::string>()] = d;
  REQUIRE(by_name.count("BankAccount"));
  CHECK(by_name["BankAccount"]["kind"] == "class");
  CHECK(by_name["BankAccount"]["docstring"]["style"] == "numpy");
  bool has_property = false;
  for (const auto& [name, d] : by_name) has_property |= d["kind"] == "property";
  CHECK(has_property);
  std::set<std::string> ids;
  for (const Json& n : facts["nodes"]) ids.insert(n["id"].get<std::string>());
  CHECK(ids.count("BankAccount@google"));
  CHECK(ids.count("BankAccount@documented"));
}
