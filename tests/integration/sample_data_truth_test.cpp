// Truth for the sample_data domain, proven with Python itself: every sample written in a
// compiled dataset is converted by its annotations, passed to the real class (or bound
// to the function's signature) of the imported fixture, and each field's runtime type is
// checked against its annotation by an independent checker
// (tests/integration/sample_data_truth.py). Samples validate_samples called valid must
// pass; when it reported errors, exactly the samples it named must fail in Python.
#include <catch2/catch.hpp>

#include "cli_support.h"
#include "core/json.h"
#include "domains/domain.h"
#include "domains/fixture.h"

using namespace cli_test;
using trajc::Json;

namespace {

const char* kPython = "/usr/bin/python3";

Result Truth(const std::string& fixtures, const fs::path& dataset, const fs::path& scratch) {
  return Shell(std::string("PYTHONDONTWRITEBYTECODE=1 ") + kPython + " " +
                   Quote(std::string(TRAJC_SOURCE_DIR) + "/tests/integration/sample_data_truth.py") + " " + Quote(fixtures) + " " +
                   Quote(dataset.string()),
               scratch);
}

}  // namespace

TEST_CASE("every sample in a compiled sample_data dataset constructs the real class as validate_samples says") {
  fs::path scratch = Scratch("sample-data-truth");
  Result gen = Trajc("--domain sample_data --count 400 --split 0.8 --seed 7 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(gen.err);
  REQUIRE(gen.exit_code == 0);
  std::string fixtures = std::string(TRAJC_SOURCE_DIR) + "/fixtures/sample_data";
  Json totals = Json::object();
  for (const auto& [split, dir] : {std::pair<std::string, std::string>{"train", fixtures}, {"eval", fixtures + "/eval"}}) {
    Result r = Truth(dir, scratch / "o" / (split + ".jsonl"), scratch);
    INFO(split << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
    Json t = Json::parse(Lines(r.out).back());
    CHECK(t["problems"] == 0);
    for (const auto& item : t.items()) totals[item.key()] = totals.value(item.key(), 0) + item.value().get<int>();
  }
  WARN("sample_data truth: " << totals.dump());
  CHECK(totals["examples"] == 400);
  CHECK(totals["valid_samples"].get<int>() >= 900);
  CHECK(totals["invalid_writes"].get<int>() >= 60);
  // Each wrong first write has exactly one wrong sample, and Python refuses it.
  CHECK(totals["invalid_samples"] == totals["invalid_writes"]);
}

TEST_CASE("the truth checker disagrees with a dataset whose verdicts are wrong") {
  fs::path scratch = Scratch("sample-data-truth-bad");
  Result gen = Trajc("--domain sample_data --count 60 --split 1 --seed 3 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  REQUIRE(gen.exit_code == 0);
  // Mark the first rejected write's verdict as valid, as a lying environment would.
  std::string text = Slurp(scratch / "o/train.jsonl");
  std::string line;
  for (const std::string& l : Lines(text))
    if (l.find("\\\"valid\\\":false") != std::string::npos) {
      line = l;
      break;
    }
  REQUIRE_FALSE(line.empty());
  Json record = Json::parse(line);
  for (Json& m : record["messages"]) {
    if (m["role"] != "tool") continue;
    Json result = Json::parse(m["content"].get<std::string>());
    if (result.value("valid", true)) continue;
    result["valid"] = true;
    result["errors"] = Json::array();
    m["content"] = trajc::Dump(result);
    break;
  }
  WriteFile(scratch / "lying.jsonl", trajc::Dump(record) + "\n");
  Result r = Truth(std::string(TRAJC_SOURCE_DIR) + "/fixtures/sample_data", scratch / "lying.jsonl", scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("trajc says valid, Python refuses sample"));
}

TEST_CASE("every tool result in a compiled sample_data dataset is reproduced by replaying its calls") {
  fs::path scratch = Scratch("sample-data-replay");
  Result gen = Trajc("--domain sample_data --count 300 --split 0.8 --seed 5 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(gen.err);
  REQUIRE(gen.exit_code == 0);
  const trajc::domains::Domain& domain = *trajc::domains::FindDomain("sample_data");
  auto set = trajc::domains::LoadFixtureSet(std::string(TRAJC_SOURCE_DIR) + "/fixtures/sample_data");
  size_t replayed = 0;
  for (const auto& [split, fixtures] : {std::pair<std::string, const std::vector<trajc::domains::Fixture>*>{"train", &set.train},
                                        {"eval", &set.eval}}) {
    for (const std::string& line : Lines(Slurp(scratch / "o" / (split + ".jsonl")))) {
      Json messages = Json::parse(line)["messages"];
      const std::string user = messages[1]["content"].get<std::string>();
      Json submit = Json::parse(messages.back()["tool_calls"][0]["function"]["arguments"].get<std::string>());
      const trajc::domains::Fixture* fixture = nullptr;
      for (const auto& f : *fixtures)
        if (user.rfind("File: " + f.display_path + " (", 0) == 0) fixture = &f;
      REQUIRE(fixture != nullptr);
      const trajc::domains::Node* node = nullptr;
      std::vector<trajc::domains::Node> nodes = domain.Nodes(*fixture).nodes;
      for (const auto& n : nodes)
        if (n.id == submit["target"]) node = &n;
      REQUIRE(node != nullptr);
      auto env = domain.MakeEnvironment(*fixture, *node);
      for (size_t i = 2; i + 1 < messages.size(); i += 2) {
        const Json& call = messages[i]["tool_calls"][0]["function"];
        auto outcome = env->Call(call["name"].get<std::string>(), Json::parse(call["arguments"].get<std::string>()));
        CHECK(trajc::Dump(outcome.result) == messages[i + 1]["content"].get<std::string>());
        ++replayed;
      }
      CHECK(env->Call("submit_result", submit).ok);
    }
  }
  CHECK(replayed > 900);
}
