// JSON nested deeper than kMaxJsonDepth (10,000 levels) is one located error (exit 1) in
// every command that reads JSON, never a crash: comparing or printing such a value would
// recurse once per level.
#include <catch2/catch.hpp>

#include <string>

#include "cli_support.h"

using namespace cli_test;

namespace {

std::string P(const fs::path& path) { return Quote(path.string()); }

// A record whose `content` nests `depth` arrays, the first at offset 38 of its line.
std::string DeepRecord(size_t depth) {
  return R"({"messages":[{"role":"user","content":)" + std::string(depth, '[') + std::string(depth, ']') + "}]}";
}

}  // namespace

TEST_CASE("JSON deeper than 10,000 levels is a located error in validate, stats, schemas validate and check") {
  fs::path scratch = Scratch("deep-json");
  // Levels: the record, messages, the message, then the arrays: the 9,998th array is level 10,001.
  const std::string record = DeepRecord(1000000);
  REQUIRE(record.find('[', 20) == 38);
  WriteFile(scratch / "deep.jsonl", record + "\n");
  WriteFile(scratch / "uniq.json", "{\"uniqueItems\": true}\n");
  const std::string at = (scratch / "deep.jsonl").string() + ":1:" + std::to_string(38 + 9997 + 1) + ": error: ";
  const std::string message = "too deep for trajc: the JSON value nests past the limit of 10000 levels here; flatten it";

  Result r = Trajc("validate " + P(scratch / "deep.jsonl") + " --domain lint" + Root(), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::StartsWith(at + message + "\n"));

  r = Trajc("stats " + P(scratch / "deep.jsonl"), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.err == at + message + "\n");

  r = Trajc("schemas validate " + P(scratch / "uniq.json") + " " + P(scratch / "deep.jsonl") + " --jsonl", scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith(at + message + "\n"));

  // A schema document and a manifest.
  WriteFile(scratch / "schema.json", "{\"const\": " + std::string(20000, '[') + std::string(20000, ']') + "}\n");
  WriteFile(scratch / "one.json", "1\n");
  r = Trajc("schemas validate " + P(scratch / "schema.json") + " " + P(scratch / "one.json"), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith((scratch / "schema.json").string() + ":1:" + std::to_string(11 + 9999) + ": error: " + message));
  WriteFile(scratch / "manifest.json", std::string(20000, '[') + std::string(20000, ']') + "\n");
  r = Trajc("check " + P(scratch / "manifest.json"), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.err == (scratch / "manifest.json").string() + ":1:10001: error: " + message + "\n");

  // 9,997 arrays (10,000 levels) are still read.
  WriteFile(scratch / "ok.jsonl", DeepRecord(9997) + "\n");
  r = Trajc("schemas validate " + P(scratch / "uniq.json") + " " + P(scratch / "ok.jsonl") + " --jsonl", scratch);
  CHECK(r.exit_code == 0);
}
