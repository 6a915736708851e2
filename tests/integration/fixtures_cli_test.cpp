#include <catch2/catch.hpp>

#include "cli_support.h"
#include "core/json.h"

using namespace cli_test;
using trajc::Json;

TEST_CASE("fixtures check passes on the project's fixtures") {
  fs::path scratch = Scratch("fixtures-check");
  Result r = Trajc("fixtures check --domain lint" + Root(), scratch);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("all parse and meet their expectations"));
}

TEST_CASE("fixtures check reports a broken expectation and a broken fixture, located") {
  fs::path scratch = Scratch("fixtures-check-bad");
  fs::path root = CopyProject(scratch);
  std::string expect = Slurp(root / "fixtures/lint/expect.yaml");
  size_t at = expect.find("csv_totals.py: [W391@");
  REQUIRE(at != std::string::npos);
  expect.replace(at, 21, "csv_totals.py: [W291@");
  WriteFile(root / "fixtures/lint/expect.yaml", expect);
  WriteFile(root / "fixtures/lint/zz_bad.py", "if x\n  pass\n");
  Result r = Trajc("fixtures check --root " + Quote(root.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(root.string() + "/fixtures/lint/zz_bad.py:1:"));
  CHECK_THAT(r.err, Catch::Contains("declared W291@"));
  CHECK_THAT(r.err, Catch::Contains("trajc finds W391@"));
}

TEST_CASE("fixtures show prints nodes, imports and lint issues") {
  fs::path scratch = Scratch("fixtures-show");
  Result r = Trajc("fixtures show --json " + Quote(std::string(TRAJC_SOURCE_DIR) + "/fixtures/lint/event_bus.py"), scratch);
  REQUIRE(r.exit_code == 0);
  Json facts = Json::parse(r.out);
  CHECK(facts["split"] == "train");
  CHECK(facts["nodes"][0]["kind"] == "module");
  CHECK(facts["nodes"].size() > 1);
  CHECK(facts["imports"].size() >= 1);
  REQUIRE(facts["issues"].size() >= 1);
  const Json& issue = facts["issues"][0];
  for (const char* key : {"code", "line", "column", "message", "fixable"}) CHECK(issue.contains(key));
}
