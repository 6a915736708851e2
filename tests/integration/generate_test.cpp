#include <catch2/catch.hpp>

#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "core/sha256.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"

using namespace cli_test;
using trajc::Json;

namespace {

struct Dataset {
  fs::path dir;
  std::vector<Json> train, eval;
  Json manifest;
};

Dataset Generate(const std::string& name, const std::string& flags) {
  Dataset d;
  fs::path scratch = Scratch(name);
  d.dir = scratch / "out";
  Result r = Trajc(flags + Root() + " --quiet --out " + Quote(d.dir.string()), scratch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const std::string& line : Lines(Slurp(d.dir / "train.jsonl"))) d.train.push_back(Json::parse(line));
  for (const std::string& line : Lines(Slurp(d.dir / "eval.jsonl"))) d.eval.push_back(Json::parse(line));
  d.manifest = Json::parse(Slurp(d.dir / "manifest.json"));
  return d;
}

}  // namespace

TEST_CASE("the main job writes 180 train and 20 eval examples and a manifest") {
  Dataset d = Generate("main", "--domain lint --count 200 --split 0.9 --seed 42");
  CHECK(d.train.size() == 180);
  CHECK(d.eval.size() == 20);
  const Json& m = d.manifest;
  CHECK(m["trajc_version"] == TRAJC_VERSION);
  CHECK(m["flags"] == Json({{"domain", "lint"}, {"count", 200}, {"split", 0.9}, {"seed", 42}}));
  CHECK(m["splits"]["train"]["examples"] == 180);
  CHECK(m["splits"]["eval"]["examples"] == 20);
  CHECK(m["splits"]["train"]["sha256"] == trajc::Sha256Hex(Slurp(d.dir / "train.jsonl")));
  CHECK(m["splits"]["eval"]["sha256"] == trajc::Sha256Hex(Slurp(d.dir / "eval.jsonl")));
  CHECK(m["inputs"]["schemas"]["path"] == "tool_schemas/lint.yaml");
  CHECK(m["inputs"]["templates"].size() >= 6);
  CHECK(m["inputs"]["fixtures"].size() >= 38);
  CHECK(m["splits"]["train"]["repeated_examples"] == 0);
  CHECK(m["splits"]["train"]["coverage"]["templates"].size() >= 6);
  CHECK(m["splits"]["train"]["coverage"]["codes"].contains("E225"));

  // No fixture in both splits.
  std::set<std::string> train_fixtures, eval_fixtures;
  for (const auto& item : m["splits"]["train"]["coverage"]["fixtures"].items()) train_fixtures.insert(item.key());
  for (const auto& item : m["splits"]["eval"]["coverage"]["fixtures"].items()) {
    CHECK(item.key().find("/eval/") != std::string::npos);
    CHECK_FALSE(train_fixtures.count(item.key()));
  }
}

TEST_CASE("every record is a well-typed conversation ending in submit_result, every call schema-valid") {
  Dataset d = Generate("records", "--domain lint --count 200 --split 0.9 --seed 42");
  auto agent = trajc::schema::LoadSubagent(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/lint.yaml");
  std::set<std::string> distinct;
  for (const auto* split : {&d.train, &d.eval}) {
    for (const Json& record : *split) {
      REQUIRE(record.is_object());
      const Json& m = record["messages"];
      REQUIRE(m.is_array());
      CHECK(m[0]["role"] == "system");
      CHECK(m[1]["role"] == "user");
      CHECK(m[1]["content"].is_string());
      const Json& last = m.back();
      CHECK(last["role"] == "assistant");
      CHECK(last["content"].is_null());
      CHECK(last["tool_calls"][0]["function"]["name"] == "submit_result");
      for (const Json& msg : m) {
        if (msg.contains("tool_calls")) {
          CHECK(msg["tool_calls"][0]["type"] == "function");
          CHECK(msg["tool_calls"][0]["function"]["arguments"].is_string());
        }
        if (msg["role"] == "tool") CHECK(msg["content"].is_string());
      }
      auto violations = trajc::schema::ValidateRecord(record, agent);
      INFO(trajc::Dump(record));
      CHECK(violations.empty());
      distinct.insert(trajc::Dump(record["messages"]));
    }
  }
  CHECK(distinct.size() == 200);
}

TEST_CASE("--count 10 gives 10 examples; train and eval follow --split") {
  Dataset ten = Generate("count10", "--count 10 --split 0.9 --seed 1");
  CHECK(ten.train.size() == 9);
  CHECK(ten.eval.size() == 1);
  Dataset half = Generate("count7", "--count 7 --split 0.5 --seed 1");
  CHECK(half.train.size() == 4);  // round(3.5)
  CHECK(half.eval.size() == 3);
  Dataset all_train = Generate("split1", "--count 5 --split 1 --seed 1");
  CHECK(all_train.train.size() == 5);
  CHECK(all_train.eval.empty());
}

TEST_CASE("same inputs and flags give the same bytes at any --jobs; another seed differs") {
  std::string flags = "--domain lint --count 300 --split 0.9 --seed 42";
  Dataset a = Generate("det-a", flags);
  Dataset b = Generate("det-b", flags);
  Dataset c = Generate("det-c", flags + " --jobs 2");
  Dataset other = Generate("det-d", "--domain lint --count 300 --split 0.9 --seed 43");
  for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"}) {
    INFO(f);
    CHECK(Slurp(a.dir / f) == Slurp(b.dir / f));
    CHECK(Slurp(a.dir / f) == Slurp(c.dir / f));
  }
  CHECK(Slurp(a.dir / "train.jsonl") != Slurp(other.dir / "train.jsonl"));
  CHECK(Slurp(a.dir / "eval.jsonl") != Slurp(other.dir / "eval.jsonl"));
}

TEST_CASE("asking for more than the fixtures can fill warns and reports repeats") {
  fs::path scratch = Scratch("overfill");
  Result r = Trajc("--count 20000 --split 0.5 --seed 3" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("trajc: warning: eval: the fixtures and templates give"));
  Json m = Json::parse(Slurp(scratch / "o" / "manifest.json"));
  CHECK(m["splits"]["eval"]["repeated_examples"].get<int>() > 0);
  CHECK(m["splits"]["eval"]["repeated_examples"].get<int>() ==
        10000 - m["splits"]["eval"]["distinct_capacity"].get<int>());
}

// Past capacity, a repeated example is re-keyed from a cached line (compile/repeat_cache)
// instead of compiled again. --with-meta lines carry the index and are always compiled in
// full, so with their meta removed they are the reference the cached lines must equal.
TEST_CASE("repeated examples are the bytes a full compile gives (lint, test; chat, functiongemma)") {
  for (const std::string flags : {"--domain lint", "--domain test", "--domain lint --format functiongemma"}) {
    INFO(flags);
    std::string common = flags + " --count 1500 --split 0.2 --seed 9 --jobs 2";
    Dataset cached = Generate("repeat-cached", common);
    Dataset full = Generate("repeat-full", common + " --with-meta");
    REQUIRE(cached.manifest["splits"]["eval"]["repeated_examples"].get<int>() > 300);
    std::vector<std::string> lines = Lines(Slurp(cached.dir / "eval.jsonl"));
    REQUIRE(lines.size() == full.eval.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      INFO("eval line " << i + 1);
      full.eval[i].erase("meta");
      REQUIRE(lines[i] == trajc::Dump(full.eval[i]));
    }
  }
}

TEST_CASE("--help explains, --version prints the version") {
  fs::path scratch = Scratch("help");
  Result help = Trajc("--help", scratch);
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--count") && Catch::Contains("Exit codes") && Catch::Contains("validate"));
  Result version = Trajc("--version", scratch);
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::Contains(std::string("trajc ") + TRAJC_VERSION));
}
