// Truth: every run_linter result in a compiled dataset is what Debian's flake8 reports for
// the file's text at that point of the conversation. The test replays each conversation's
// calls against the real fixture, checks that the replay reproduces the recorded results,
// and has flake8 lint every intermediate text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "core/sha256.h"
#include "domains/fixture.h"
#include "domains/lint/lint_environment.h"
#include "lint/lint.h"

using namespace cli_test;
using trajc::Json;

namespace {

const char* kFlake8 = "/usr/bin/flake8";

// What the lint domain reports: the supported codes flake8 reports by default.
std::string DomainCodes() { return trajc::lint::JoinCodes(trajc::lint::DefaultCodes()); }

}  // namespace

TEST_CASE("every run_linter result in a dataset equals flake8 on the text at that point") {
  if (!fs::exists(kFlake8)) FAIL("Debian's flake8 is required (scripts/setup.sh installs it)");
  fs::path scratch = Scratch("truth");
  Result gen = Trajc("--count 600 --split 0.8 --seed 11 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  REQUIRE(gen.exit_code == 0);
  auto fixtures = trajc::domains::LoadFixtureSet(std::string(TRAJC_SOURCE_DIR) + "/fixtures/lint");

  std::map<std::string, std::string> expected;  // state file -> "line:col: CODE message" lines
  size_t replayed_calls = 0;
  for (const char* split : {"train", "eval"}) {
    const auto& set = std::string(split) == "train" ? fixtures.train : fixtures.eval;
    std::map<std::string, const trajc::domains::Fixture*> by_path;
    for (const auto& f : set) by_path[f.display_path] = &f;
    for (const std::string& line : Lines(Slurp(scratch / "o" / (std::string(split) + ".jsonl")))) {
      Json messages = Json::parse(line)["messages"];
      Json first_result = Json::parse(messages[3]["content"].get<std::string>());
      REQUIRE(by_path.count(first_result["path"]));
      const auto* fixture = by_path[first_result["path"]];
      trajc::domains::lint_domain::LintEnvironment env(fixture->display_path, fixture->text);
      for (size_t i = 2; i + 1 < messages.size(); i += 2) {
        const Json& call = messages[i]["tool_calls"][0]["function"];
        auto outcome = env.Call(call["name"].get<std::string>(), Json::parse(call["arguments"].get<std::string>()));
        ++replayed_calls;
        REQUIRE(trajc::Dump(outcome.result) == messages[i + 1]["content"].get<std::string>());
        if (call["name"] != "run_linter") continue;
        std::string state = (scratch / ("state-" + trajc::Sha256Hex(env.text()).substr(0, 16) + ".py")).string();
        std::string lines;
        for (const Json& issue : outcome.result["issues"])
          lines += std::to_string(issue["line"].get<int>()) + ":" + std::to_string(issue["column"].get<int>()) + ": " +
                   issue["code"].get<std::string>() + " " + issue["message"].get<std::string>() + "\n";
        if (!expected.count(state)) WriteFile(state, env.text());
        expected[state] = lines;
      }
    }
  }
  CHECK(replayed_calls > 2000);
  CHECK(expected.size() > 60);

  std::string files;
  for (const auto& [state, lines] : expected) files += " " + Quote(state);
  Result flake8 = Shell(std::string(kFlake8) + " --isolated --select=" + DomainCodes() + files, scratch);
  REQUIRE(flake8.exit_code <= 1);
  std::map<std::string, std::string> actual;
  for (const auto& [state, lines] : expected) actual[state] = "";
  for (const std::string& line : Lines(flake8.out)) {
    size_t colon = line.find(".py:");
    REQUIRE(colon != std::string::npos);
    actual[line.substr(0, colon + 3)] += line.substr(colon + 4) + "\n";
  }
  // Findings at the same line:column are ordered by code in trajc and by check order in
  // flake8; compare each state's findings as a sorted list.
  auto sorted = [](const std::string& text) {
    std::vector<std::string> lines = Lines(text);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  };
  for (auto& [state, lines] : expected) lines = sorted(lines);
  for (auto& [state, lines] : actual) lines = sorted(lines);
  size_t agree = 0;
  for (const auto& [state, lines] : expected) {
    INFO(state << "\n" << Slurp(state));
    CHECK(actual[state] == lines);
    agree += actual[state] == lines;
  }
  WARN("truth: " << agree << "/" << expected.size() << " distinct file states agree with flake8 (" << replayed_calls
                 << " calls replayed)");
}
