// The sample_data domain as users run it: the main job, the same bytes at any --jobs,
// --seed changing the samples, fixtures check (a located error for an unsupported
// annotation) and fixtures show.
#include <catch2/catch.hpp>

#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"

using namespace cli_test;
using trajc::Json;

namespace {

// The samples of every write_samples call of a dataset, in order.
std::vector<std::string> Writes(const fs::path& file) {
  std::vector<std::string> out;
  for (const Json& record : Records(file))
    for (const Json& m : record["messages"])
      if (m["role"] == "assistant" && m["tool_calls"][0]["function"]["name"] == "write_samples")
        out.push_back(m["tool_calls"][0]["function"]["arguments"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("sample_data: the main job gives 90 + 10 distinct, valid examples from every template") {
  fs::path scratch = Scratch("sample-data-main");
  Result r = Trajc("--domain sample_data --count 100 --split 0.9 --seed 42" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "trajc: wrote 90 train + 10 eval examples to " + (scratch / "o").string() + "/ (manifest.json)\n");
  std::vector<Json> train = Records(scratch / "o/train.jsonl"), eval = Records(scratch / "o/eval.jsonl");
  CHECK(train.size() == 90);
  CHECK(eval.size() == 10);
  Json m = Json::parse(Slurp(scratch / "o/manifest.json"));
  CHECK(m["splits"]["train"]["repeated_examples"] == 0);
  CHECK(m["splits"]["eval"]["repeated_examples"] == 0);
  CHECK(m["warnings"].empty());
  CHECK(m["splits"]["train"]["coverage"]["templates"].size() == 8);
  const Json& features = m["splits"]["train"]["coverage"]["features"];
  for (const char* label : {"kind:dataclass", "kind:typeddict", "kind:namedtuple", "kind:enum", "kind:function", "type:optional",
                            "type:literal", "type:nested", "type:date", "type:datetime", "type:list", "defaults"})
    CHECK(features.contains(label));

  auto agent = trajc::schema::LoadSubagent(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/sample_data.yaml");
  std::set<std::string> distinct;
  size_t caught = 0;
  for (const auto* split : {&train, &eval}) {
    for (const Json& record : *split) {
      CHECK(trajc::schema::ValidateRecord(record, agent).empty());
      distinct.insert(record.dump());
      for (const Json& msg : record["messages"]) {
        if (msg["role"] != "tool") continue;
        Json result = Json::parse(msg["content"].get<std::string>());
        if (result.contains("valid") && result["valid"] == false) {
          ++caught;
          CHECK(result["errors"][0]["code"] != "");
        }
      }
    }
  }
  CHECK(distinct.size() == 100);
  CHECK(caught >= 15);  // the two recovery templates' first writes
}

TEST_CASE("sample_data: the same bytes at --jobs 1 and --jobs 2; another seed gives other samples") {
  fs::path scratch = Scratch("sample-data-jobs");
  std::string base = "--domain sample_data --count 300 --split 0.8 --quiet" + Root();
  REQUIRE(Trajc(base + " --seed 9 --jobs 1 --out " + Quote((scratch / "a").string()), scratch).exit_code == 0);
  REQUIRE(Trajc(base + " --seed 9 --jobs 2 --out " + Quote((scratch / "b").string()), scratch).exit_code == 0);
  for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"}) CHECK(Slurp(scratch / "a" / f) == Slurp(scratch / "b" / f));
  REQUIRE(Trajc(base + " --seed 10 --jobs 2 --out " + Quote((scratch / "c").string()), scratch).exit_code == 0);
  std::vector<std::string> a = Writes(scratch / "a/train.jsonl"), c = Writes(scratch / "c/train.jsonl");
  std::set<std::string> in_a(a.begin(), a.end());
  size_t shared = 0;
  for (const std::string& w : c) shared += in_a.count(w);
  // Only enum tasks (every member's value, whatever the seed) may write the same samples.
  CHECK(shared * 4 < c.size());
}

TEST_CASE("sample_data: fixtures check passes, and locates an unsupported annotation") {
  fs::path scratch = Scratch("sample-data-check");
  Result ok = Trajc("fixtures check --domain sample_data" + Root(), scratch);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("all parse and meet their expectations"));

  fs::path root = CopyProject(scratch);
  WriteFile(root / "fixtures/sample_data/zz_any.py",
            "\"\"\"Bad.\"\"\"\n\nfrom dataclasses import dataclass\nfrom typing import Any\n\n\n@dataclass\nclass Box:\n"
            "    label: str\n    payload: dict[str, Any]\n    weight: int | str\n");
  WriteFile(root / "fixtures/sample_data/zz_empty.py", "\"\"\"Nothing.\"\"\"\n\n\ndef helper(x):\n    return x\n");
  Result bad = Trajc("fixtures check --domain sample_data --root " + Quote(root.string()), scratch);
  CHECK(bad.exit_code == 1);
  std::string file = root.string() + "/fixtures/sample_data/zz_any.py";
  CHECK_THAT(bad.err, Catch::Contains(file + ":10:24: error: Box.payload: unsupported annotation 'Any'; sample_data supports "));
  CHECK_THAT(bad.err, Catch::Contains(file + ":11:13: error: Box.weight: unions other than X | None are not supported"));
  CHECK_THAT(bad.err, Catch::Contains(root.string() + "/fixtures/sample_data/zz_empty.py: error: no data model"));
}

TEST_CASE("sample_data: fixtures show prints the models, the task nodes and example samples") {
  fs::path scratch = Scratch("sample-data-show");
  Result r = Trajc("fixtures show --json " + Quote(std::string(TRAJC_SOURCE_DIR) + "/fixtures/sample_data/flight_booking.py"), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Json shown = Json::parse(r.out);
  CHECK(shown["split"] == "train");
  CHECK_FALSE(shown.contains("errors"));
  REQUIRE(shown["models"].size() >= 2);
  CHECK(shown["models"][0]["name"] == "Passenger");
  CHECK(shown["models"][0]["kind"] == "typeddict");
  CHECK(shown["models"][1]["name"] == "Booking");
  CHECK(shown["models"][1]["fields"][6] == Json::parse(R"({"name":"cabin","type":"Literal[\"economy\", \"premium\", \"business\", \"first\"]","required":false,"default":"\"economy\""})"));
  REQUIRE(shown["nodes"].size() >= 2);
  CHECK(shown["nodes"][1]["id"] == "Booking");
  CHECK(shown["nodes"][1]["kind"] == "model");
  CHECK(shown["nodes"][1]["example_samples"].size() >= 3);
  CHECK(shown["nodes"][1]["example_samples"][0]["passengers"].is_array());
}
