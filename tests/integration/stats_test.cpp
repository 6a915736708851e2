// `trajc stats` as users run it: on a generated dataset (every count checked against an
// independent count of the JSONL), on hand-made duplicates, overlaps, meta and bad input.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "cli_support.h"

using namespace cli_test;
using nlohmann::json;
using ordered = nlohmann::ordered_json;

namespace {

// One 200-example lint dataset shared by the tests that only read it.
const fs::path& LintDataset() {
  static const fs::path dir = [] {
    fs::path scratch = Scratch("stats-dataset");
    Result r = Trajc("--domain lint --count 200 --split 0.9 --seed 42 --quiet" + Root() + " --out " +
                         Quote((scratch / "ds").string()),
                     scratch);
    REQUIRE(r.exit_code == 0);
    return scratch / "ds";
  }();
  return dir;
}

std::vector<json> ReadJsonl(const fs::path& path) {
  std::vector<json> records;
  for (const std::string& line : Lines(Slurp(path)))
    if (!line.empty()) records.push_back(json::parse(line));
  return records;
}

ordered StatsJson(const std::string& files, const fs::path& scratch, const std::string& extra = "") {
  Result r = Trajc("stats --json " + files + extra, scratch);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return ordered::parse(r.out);
}

json WithUser(json record, const std::string& user) {
  for (json& m : record["messages"])
    if (m["role"] == "user") {
      m["content"] = user;
      break;
    }
  return record;
}

}  // namespace

TEST_CASE("stats on a generated lint dataset counts what the JSONL holds") {
  fs::path scratch = Scratch("stats-counts");
  fs::path ds = LintDataset();
  std::string files = Quote((ds / "train.jsonl").string()) + " " + Quote((ds / "eval.jsonl").string());
  ordered report = StatsJson(files, scratch);

  std::vector<std::string> keys;
  for (const auto& [k, v] : report.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"files", "examples", "near_threshold", "splits", "overlap", "warnings"});
  CHECK(report["examples"] == 200);
  CHECK(report["near_threshold"] == 0.9);

  json manifest = json::parse(Slurp(ds / "manifest.json"));
  for (const char* split : {"train", "eval"}) {
    CAPTURE(split);
    std::vector<json> records = ReadJsonl(ds / (std::string(split) + ".jsonl"));
    uint64_t min_messages = 1000, max_messages = 0, calls = 0, characters = 0;
    std::map<std::string, uint64_t> tools, roles;
    for (const json& r : records) {
      min_messages = std::min<uint64_t>(min_messages, r["messages"].size());
      max_messages = std::max<uint64_t>(max_messages, r["messages"].size());
      for (const json& m : r["messages"]) {
        ++roles[m["role"].get<std::string>()];
        if (m["content"].is_string()) characters += m["content"].get<std::string>().size();  // ASCII data
        if (!m.contains("tool_calls")) continue;
        for (const json& c : m["tool_calls"]) {
          ++calls;
          ++tools[c["function"]["name"].get<std::string>()];
          characters += c["function"]["arguments"].get<std::string>().size();
        }
      }
    }
    const ordered& s = report["splits"][split];
    CHECK(s["examples"] == records.size());
    CHECK(s["messages_per_example"]["min"] == min_messages);
    CHECK(s["messages_per_example"]["max"] == max_messages);
    CHECK(s["tool_calls"] == calls);
    CHECK(json(s["tools"]) == json(tools));
    CHECK(json(s["roles"]) == json(roles));
    CHECK(s["tokens_estimate"]["total"] == (characters + 2) / 4);
    CHECK(s["exact_duplicates"]["count"] == 0);
    // Coverage comes from manifest.json beside the files and is the manifest's.
    CHECK(s["coverage"]["source"] == "manifest");
    CHECK(json(s["coverage"]["templates"]) == manifest["splits"][split]["coverage"]["templates"]);
    CHECK(json(s["coverage"]["fixtures"]) == manifest["splits"][split]["coverage"]["fixtures"]);
    CHECK(json(s["coverage"]["labels"]["codes"]) == manifest["splits"][split]["coverage"]["codes"]);
    CHECK(s["balance"]["ratio"].get<double>() <= 2.0);
    double uniqueness = s["uniqueness"].get<double>();
    uint64_t dups = s["exact_duplicates"]["count"].get<uint64_t>() + s["near_duplicates"]["count"].get<uint64_t>();
    CHECK(uniqueness == Approx(static_cast<double>(records.size() - dups) / static_cast<double>(records.size())).margin(1e-4));
  }
  // The generator keeps eval fixtures out of train: nothing is shared.
  REQUIRE(report["overlap"].size() == 1);
  CHECK(report["overlap"][0]["records"]["count"] == 0);
  CHECK(report["overlap"][0]["near_records"]["count"] == 0);
  CHECK(report["overlap"][0]["user_turns"]["count"] == 0);
  CHECK(report["overlap"][0]["fixture_nodes"].is_null());
  CHECK(report["warnings"].empty());

  // The human table has a section per split, then the overlap; same bytes every run.
  Result human = Trajc("stats " + files, scratch);
  CHECK(human.exit_code == 0);
  CHECK_THAT(human.out, Catch::StartsWith("trajc stats: 200 examples in 2 file(s), 2 split(s)"));
  CHECK_THAT(human.out, Catch::Contains("\ntrain: 180 examples (") && Catch::Contains("\neval: 20 examples (") &&
                            Catch::Contains("\noverlap train / eval\n") && Catch::Contains("  template  ") &&
                            Catch::Contains("\n  code  ") && Catch::EndsWith("no warnings\n"));
  CHECK(Trajc("stats " + files, scratch).out == human.out);
}

TEST_CASE("stats counts the generator's repeats as exact duplicates") {
  // Past the fixtures' distinct capacity the generator repeats examples with new tool-call
  // ids; stats must find exactly the repeats the manifest declares.
  fs::path scratch = Scratch("stats-repeats");
  REQUIRE(Trajc("--domain lint --count 3000 --quiet -j 2" + Root() + " --out " + Quote((scratch / "ds").string()), scratch)
              .exit_code == 0);
  json manifest = json::parse(Slurp(scratch / "ds" / "manifest.json"));
  REQUIRE(manifest["splits"]["train"]["repeated_examples"].get<uint64_t>() > 0);
  ordered report = StatsJson(Quote((scratch / "ds" / "train.jsonl").string()) + " " +
                                 Quote((scratch / "ds" / "eval.jsonl").string()),
                             scratch);
  for (const char* split : {"train", "eval"}) {
    CAPTURE(split);
    CHECK(json(report["splits"][split]["exact_duplicates"]["count"]) == manifest["splits"][split]["repeated_examples"]);
  }
}

TEST_CASE("stats reports an exact duplicate and a one-word near duplicate") {
  fs::path scratch = Scratch("stats-dups");
  fs::path ds = LintDataset();
  std::vector<json> train = ReadJsonl(ds / "train.jsonl");
  // The longest conversation, one from eval (other fixtures), it again, and it with one word changed.
  json longest = *std::max_element(train.begin(), train.end(),
                                   [](const json& a, const json& b) { return a.dump().size() < b.dump().size(); });
  json other = ReadJsonl(ds / "eval.jsonl")[0];
  json changed = longest;
  std::string user = changed["messages"][1]["content"];
  size_t word = user.rfind(" and ");
  REQUIRE(word != std::string::npos);
  changed["messages"][1]["content"] = user.replace(word + 1, 3, "then");
  fs::path file = scratch / "data.jsonl";
  WriteFile(file, longest.dump() + "\n" + other.dump() + "\n" + longest.dump() + "\n" + changed.dump() + "\n");

  ordered report = StatsJson(Quote(file.string()), scratch);
  const ordered& s = report["splits"]["data"];
  CHECK(s["examples"] == 4);
  CHECK(s["exact_duplicates"]["count"] == 1);
  REQUIRE(s["exact_duplicates"]["examples"].size() == 1);
  CHECK(s["exact_duplicates"]["examples"][0]["first"] == file.string() + ":1");
  CHECK(s["exact_duplicates"]["examples"][0]["duplicate"] == file.string() + ":3");
  CHECK(s["near_duplicates"]["count"] == 1);
  REQUIRE(s["near_duplicates"]["examples"].size() == 1);
  CHECK(s["near_duplicates"]["examples"][0]["first"] == file.string() + ":1");
  CHECK(s["near_duplicates"]["examples"][0]["duplicate"] == file.string() + ":4");
  CHECK(s["near_duplicates"]["examples"][0]["similarity"].get<double>() >= 0.9);
  CHECK(s["uniqueness"] == 0.5);
  CHECK(s["coverage"]["source"] == "unknown");

  Result human = Trajc("stats " + Quote(file.string()), scratch);
  CHECK_THAT(human.out, Catch::Contains("  exact duplicates            1  e.g. " + file.string() + ":3 = " + file.string() + ":1\n"));
  CHECK_THAT(human.out, Catch::Contains("  near duplicates             1  e.g. " + file.string() + ":4 = " + file.string() + ":1 ("));
  CHECK_THAT(human.out, Catch::Contains("  uniqueness                  50.0%\n"));
  // One changed word in thousands moves few of the 64 minima: still near at 0.95.
  ordered strict = StatsJson(Quote(file.string()), scratch, " --near-threshold 0.95");
  CHECK(strict["near_threshold"] == 0.95);
  CHECK(strict["splits"]["data"]["near_duplicates"]["count"] == 1);
  // Below 0.6 the LSH bands would miss pairs: refused as a usage error.
  CHECK(Trajc("stats --near-threshold 0.5 " + Quote(file.string()), scratch).exit_code == 2);
}

TEST_CASE("stats reports a user turn shared by train and eval") {
  fs::path scratch = Scratch("stats-overlap");
  std::vector<json> train = ReadJsonl(LintDataset() / "train.jsonl");
  std::vector<json> eval = ReadJsonl(LintDataset() / "eval.jsonl");
  // eval's second record asks train's first record's question.
  std::string shared = train[0]["messages"][1]["content"];
  WriteFile(scratch / "train.jsonl", train[0].dump() + "\n" + train[1].dump() + "\n");
  // and its third is train's second with one word of the user turn changed.
  std::string second = train[1]["messages"][1]["content"];
  json alike = WithUser(train[1], second.replace(second.rfind(" and ") + 1, 3, "then"));
  WriteFile(scratch / "eval.jsonl", eval[0].dump() + "\n" + WithUser(eval[1], shared).dump() + "\n" + alike.dump() + "\n");
  std::string files = Quote((scratch / "train.jsonl").string()) + " " + Quote((scratch / "eval.jsonl").string());
  ordered report = StatsJson(files, scratch);
  const ordered& o = report["overlap"][0];
  CHECK(o["splits"] == ordered::array({"train", "eval"}));
  CHECK(o["records"]["count"] == 0);
  CHECK(o["user_turns"]["count"] == 1);
  REQUIRE(o["user_turns"]["examples"].size() == 1);
  CHECK(o["user_turns"]["examples"][0]["train"] == (scratch / "train.jsonl").string() + ":1");
  CHECK(o["user_turns"]["examples"][0]["eval"] == (scratch / "eval.jsonl").string() + ":2");
  CHECK(o["near_records"]["count"] == 1);
  REQUIRE(o["near_records"]["examples"].size() == 1);
  CHECK(o["near_records"]["examples"][0]["train"] == (scratch / "train.jsonl").string() + ":2");
  CHECK(o["near_records"]["examples"][0]["eval"] == (scratch / "eval.jsonl").string() + ":3");
  CHECK(report["warnings"] == ordered::array({"eval has 1 record(s) alike (estimated Jaccard >= 0.9) to train records",
                                              "train and eval share 1 user turn(s)"}));
  Result human = Trajc("stats " + files, scratch);
  CHECK_THAT(human.out, Catch::Contains("  same user turns     1  e.g. " + (scratch / "train.jsonl").string() + ":1 = " +
                                        (scratch / "eval.jsonl").string() + ":2\n"));
  CHECK_THAT(human.out, Catch::Contains("  warning: train and eval share 1 user turn(s)\n"));
}

TEST_CASE("stats reads templates, fixtures, labels and fixture nodes from meta") {
  fs::path scratch = Scratch("stats-meta");
  std::vector<json> train = ReadJsonl(LintDataset() / "train.jsonl");
  auto with_meta = [](json r, const std::string& tmpl, const std::string& fixture, std::vector<std::string> labels) {
    r["meta"] = {{"template", tmpl}, {"fixture", fixture}, {"node", "module"}, {"variant", 0}, {"index", 0},
                 {"split", "train"}, {"labels", labels}};
    return r;
  };
  WriteFile(scratch / "train.jsonl", with_meta(train[0], "lint.fix_one", "fixtures/lint/a.py", {"E501"}).dump() + "\n" +
                                         with_meta(train[1], "lint.fix_one", "fixtures/lint/b.py", {"E501", "W291"}).dump() + "\n" +
                                         with_meta(train[2], "lint.fix_one", "fixtures/lint/c.py", {}).dump() + "\n" +
                                         with_meta(train[3], "lint.fix_many", "fixtures/lint/a.py", {"F401"}).dump() + "\n");
  WriteFile(scratch / "eval.jsonl", with_meta(train[4], "lint.fix_one", "fixtures/lint/b.py", {"E501"}).dump() + "\n");
  ordered report = StatsJson(Quote((scratch / "train.jsonl").string()) + " " + Quote((scratch / "eval.jsonl").string()), scratch);
  const ordered& cov = report["splits"]["train"]["coverage"];
  CHECK(cov["source"] == "meta");
  CHECK(cov["records_with_meta"] == 4);
  CHECK(cov["templates"].dump() == R"({"lint.fix_many":1,"lint.fix_one":3})");
  CHECK(cov["fixtures"].dump() == R"({"fixtures/lint/a.py":2,"fixtures/lint/b.py":1,"fixtures/lint/c.py":1})");
  CHECK(cov["labels"].dump() == R"({"codes":{"E501":2,"F401":1,"W291":1}})");
  CHECK(report["splits"]["train"]["balance"]["ratio"] == 3.0);
  const ordered& nodes = report["overlap"][0]["fixture_nodes"];
  CHECK(nodes["count"] == 1);
  CHECK(nodes["examples"][0]["node"] == "fixtures/lint/b.py#module");
  CHECK(report["warnings"] ==
        ordered::array({"train: templates are unbalanced: 'lint.fix_one' has 3 examples, 'lint.fix_many' 1 (3.0x the share; over 2x)",
                        "train and eval share 1 fixture node(s)"}));
}

TEST_CASE("stats: bad input is one located error and nothing else; an empty file is a warning") {
  fs::path scratch = Scratch("stats-bad");
  fs::path bad = scratch / "train.jsonl";
  WriteFile(bad, "{\"messages\":[]}\n{\"messages\": [}\n");
  Result r = Trajc("stats " + Quote(bad.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == bad.string() +
                     ":2:15: error: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a "
                     "literal; each line must be one JSON object\n");

  WriteFile(bad, "{\"messages\":[]}\n\n  [1]\n");
  r = Trajc("stats --json " + Quote(bad.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == bad.string() + ":3:3: error: a record must be a JSON object (at /)\n");

  WriteFile(bad, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},7]}\n");
  r = Trajc("stats " + Quote(bad.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.err == bad.string() + ":1:1: error: a message must be a JSON object (at /messages/1)\n");

  WriteFile(bad, "{\"messages\":[]}\n{\"text\":\"\xff\"}\n");
  r = Trajc("stats " + Quote(bad.string()), scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.err == bad.string() + ":2:10: error: invalid UTF-8 byte; a JSONL file is UTF-8 text\n");

  r = Trajc("stats " + Quote((scratch / "missing.jsonl").string()), scratch);
  CHECK(r.exit_code == 2);

  fs::path empty = scratch / "empty.jsonl";
  WriteFile(empty, "");
  ordered report = StatsJson(Quote(empty.string()), scratch);
  CHECK(report["examples"] == 0);
  CHECK(report["splits"]["empty"]["examples"] == 0);
  CHECK(report["splits"]["empty"]["uniqueness"].is_null());
  CHECK(report["warnings"] == ordered::array({empty.string() + ": no records"}));
  r = Trajc("stats " + Quote(empty.string()), scratch);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("  warning: " + empty.string() + ": no records\n"));
}
