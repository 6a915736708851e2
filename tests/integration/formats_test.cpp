// Output formats, meta, shards and `trajc check`, as users run them: each format's
// structure is what its trainer expects (checked field by field here, and its bytes pinned
// by a golden hash), shards concatenate to the single run byte for byte, and check
// names the first differing example and the changed input.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "core/sha256.h"
#include "domains/domain.h"

using namespace cli_test;
using trajc::Json;

namespace {

Result Compile(const fs::path& scratch, const std::string& flags, const std::string& out) {
  return Trajc(flags + " -q" + Root() + " --out " + Quote((scratch / out).string()), scratch);
}

}  // namespace

TEST_CASE("formats: openai and hf records carry what their trainers read") {
  fs::path scratch = Scratch("formats");
  for (const std::string& domain : trajc::domains::DomainNames()) {
    std::string flags = std::string("--domain ") + domain + " --count 40 --seed 3";
    REQUIRE(Compile(scratch, flags, std::string("chat-") + domain).exit_code == 0);
    REQUIRE(Compile(scratch, flags + " --format openai", std::string("openai-") + domain).exit_code == 0);
    REQUIRE(Compile(scratch, flags + " --format hf --with-meta", std::string("hf-") + domain).exit_code == 0);
    std::vector<Json> chat = Records(scratch / (std::string("chat-") + domain) / "train.jsonl");
    std::vector<Json> openai = Records(scratch / (std::string("openai-") + domain) / "train.jsonl");
    std::vector<Json> hf = Records(scratch / (std::string("hf-") + domain) / "train.jsonl");
    REQUIRE(chat.size() == 36);
    REQUIRE(openai.size() == chat.size());
    REQUIRE(hf.size() == chat.size());
    for (size_t i = 0; i < chat.size(); ++i) {
      INFO(domain << " record " << i);
      // openai: the chat messages, record-level tools, no parallel calls; every call named in tools.
      const Json& o = openai[i];
      std::vector<std::string> keys;
      for (const auto& item : o.items()) keys.push_back(item.key());
      CHECK(keys == std::vector<std::string>{"messages", "tools", "parallel_tool_calls"});
      CHECK(o["messages"] == chat[i]["messages"]);
      CHECK(o["parallel_tool_calls"] == false);
      std::set<std::string> declared;
      for (const Json& t : o["tools"]) {
        CHECK(t["type"] == "function");
        CHECK(t["function"]["parameters"]["type"] == "object");
        declared.insert(t["function"]["name"].get<std::string>());
      }
      std::set<std::string> open_calls;
      for (const Json& m : o["messages"]) {
        std::string role = m["role"];
        CHECK((role == "system" || role == "user" || role == "assistant" || role == "tool"));
        if (m.contains("tool_calls")) {
          CHECK(m["content"].is_null());
          for (const Json& c : m["tool_calls"]) {
            CHECK(declared.count(c["function"]["name"].get<std::string>()) == 1);
            CHECK(c["function"]["arguments"].is_string());
            open_calls.insert(c["id"].get<std::string>());
          }
        } else if (role == "tool") {
          CHECK(m["content"].is_string());
          CHECK(open_calls.erase(m["tool_call_id"].get<std::string>()) == 1);  // answers a call made before it
        } else {
          CHECK(m["content"].is_string());
        }
      }
      CHECK(o["messages"].back()["role"] == "assistant");
      // hf: arguments as objects equal to chat's strings; tool messages named after their call.
      const Json& h = hf[i];
      CHECK(h["tools"] == o["tools"]);
      for (size_t k = 0; k < h["messages"].size(); ++k) {
        const Json& hm = h["messages"][k];
        const Json& cm = chat[i]["messages"][k];
        if (cm.contains("tool_calls")) {
          CHECK(hm["tool_calls"][0]["function"]["arguments"] == Json::parse(cm["tool_calls"][0]["function"]["arguments"].get<std::string>()));
        }
        if (cm["role"] == "tool") CHECK(hm["name"] == chat[i]["messages"][k - 1]["tool_calls"][0]["function"]["name"]);
      }
      CHECK(h["meta"]["split"] == "train");
      CHECK(h["meta"]["index"] == i);
    }
    // meta agrees with the manifest's coverage.
    Json manifest = Json::parse(Slurp(scratch / (std::string("hf-") + domain) / "manifest.json"));
    std::map<std::string, int> by_template;
    for (const Json& r : hf) ++by_template[r["meta"]["template"].get<std::string>()];
    for (const auto& [id, n] : by_template) CHECK(manifest["splits"]["train"]["coverage"]["templates"][id] == n);
  }
}

// OpenAI's own data-format checks (cookbook), run by a Python oracle over every domain.
TEST_CASE("formats: --format openai passes OpenAI's data-format checks, which catch broken records") {
  fs::path scratch = Scratch("openai-check");
  std::string check = "/usr/bin/python3 " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tests/integration/openai_format_check.py");
  std::string files;
  for (const std::string& domain : trajc::domains::DomainNames()) {
    REQUIRE(Compile(scratch, std::string("--domain ") + domain + " --count 200 --seed 5 --format openai", domain).exit_code == 0);
    files += " " + Quote((scratch / domain / "train.jsonl").string()) + " " + Quote((scratch / domain / "eval.jsonl").string());
  }
  Result ok = Shell(check + files, scratch);
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  // 200 examples (train and eval) per domain.
  CHECK_THAT(ok.out, Catch::Contains(std::to_string(200 * trajc::domains::DomainNames().size()) + " examples, 0 errors"));

  // The oracle is not a rubber stamp: each kind of breakage in a real record is caught.
  Json good = Records(scratch / "lint" / "train.jsonl").at(0);
  auto broken = [&](const std::string& kind, const std::function<void(Json&)>& edit) {
    Json r = good;
    edit(r);
    WriteFile(scratch / "broken.jsonl", trajc::Dump(r) + "\n");
    Result bad = Shell(check + " " + Quote((scratch / "broken.jsonl").string()), scratch);
    INFO(kind << "\n" << bad.out);
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.out, Catch::Contains(kind + ": 1"));
  };
  broken("missing_messages_list", [](Json& r) { r.erase("messages"); });
  broken("unrecognized_role", [](Json& r) { r["messages"][1]["role"] = "human"; });
  broken("missing_content", [](Json& r) { r["messages"][1]["content"] = ""; });
  broken("message_unrecognized_key", [](Json& r) { r["messages"][0]["tool_call_id"] = "x"; });
  broken("tool_call_name_not_in_tools", [](Json& r) { r["messages"][2]["tool_calls"][0]["function"]["name"] = "grep"; });
  broken("tool_message_answers_no_open_call", [](Json& r) { r["messages"][3]["tool_call_id"] = "call_nobody"; });
  broken("tool_call_arguments_not_a_json_object_string",
         [](Json& r) { r["messages"][2]["tool_calls"][0]["function"]["arguments"] = Json::object(); });
  broken("example_not_ending_with_assistant", [](Json& r) { r["messages"].erase(r["messages"].size() - 1); });
}

TEST_CASE("formats: each format's bytes are pinned") {
  fs::path scratch = Scratch("formats-golden");
  for (const char* format : {"openai", "hf", "functiongemma"}) {
    DYNAMIC_SECTION(format) {
      REQUIRE(Compile(scratch, std::string("--domain lint --count 30 --seed 42 --with-meta --format ") + format, format).exit_code == 0);
      std::string actual = trajc::Sha256Hex(Slurp(scratch / format / "train.jsonl")) + "  train.jsonl\n" +
                           trajc::Sha256Hex(Slurp(scratch / format / "eval.jsonl")) + "  eval.jsonl\n";
      fs::path golden = fs::path(TRAJC_GOLDEN_DIR) / (std::string("lint_") + format + "_count30_seed42_meta.sha256");
      const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
      if (update != nullptr && std::string(update) == "1") WriteFile(golden, actual);
      CHECK(Slurp(golden) == actual);
    }
  }
}

TEST_CASE("shards: concatenated in order they are the single run, byte for byte") {
  fs::path scratch = Scratch("shards");
  REQUIRE(Compile(scratch, "--domain lint --count 101 --seed 9 --jobs 2", "whole").exit_code == 0);
  std::string train, eval;
  for (int k = 0; k < 4; ++k) {
    std::string dir = "shard" + std::to_string(k);
    REQUIRE(Compile(scratch, "--domain lint --count 101 --seed 9 --jobs 1 --shard " + std::to_string(k) + "/4", dir).exit_code == 0);
    train += Slurp(scratch / dir / "train.jsonl");
    eval += Slurp(scratch / dir / "eval.jsonl");
    Json m = Json::parse(Slurp(scratch / dir / "manifest.json"));
    CHECK(m["flags"]["shard"] == std::to_string(k) + "/4");
    Result check = Trajc("check " + Quote((scratch / dir / "manifest.json").string()) + Root(), scratch);
    CHECK(check.exit_code == 0);
  }
  CHECK(train == Slurp(scratch / "whole" / "train.jsonl"));
  CHECK(eval == Slurp(scratch / "whole" / "eval.jsonl"));
  Result bad = Trajc("--domain lint --count 10 --shard 4/4" + Root(), scratch);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "trajc: error: --shard K/N needs N >= 1 and 0 <= K < N (K counts from 0), got 4/4\n");
  Result garbled = Trajc("--domain lint --count 10 --shard two" + Root(), scratch);
  CHECK(garbled.exit_code == 2);
  Result format = Trajc("--domain lint --count 10 --format xml" + Root(), scratch);
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::Contains("unknown --format 'xml'; available: chat, openai, hf"));
}

TEST_CASE("check: names the first differing example and the input that changed") {
  fs::path scratch = Scratch("check");
  fs::path root = CopyProject(scratch);
  std::string at_root = " --root " + Quote(root.string());
  REQUIRE(Trajc("--domain lint --count 40 --seed 5 -q --out " + Quote((scratch / "ds").string()) + at_root, scratch).exit_code == 0);
  Result same = Trajc("check " + Quote((scratch / "ds" / "manifest.json").string()) + at_root, scratch);
  CHECK(same.exit_code == 0);
  // A new first phrasing in every template: the examples change, and check says why.
  for (const auto& entry : fs::directory_iterator(root / "trajectories" / "lint")) {
    std::string text = Slurp(entry.path());
    size_t at = text.find("instruction:\n");
    REQUIRE(at != std::string::npos);
    WriteFile(entry.path(), text.insert(at + 13, "  - \"Look at {{path}} with flake8's eyes.\"\n"));
  }
  Result changed = Trajc("check " + Quote((scratch / "ds" / "manifest.json").string()) + at_root, scratch);
  CHECK(changed.exit_code == 1);
  CHECK_THAT(changed.err, Catch::Contains("ds/train.jsonl:1:1: error: example 0 differs from a fresh compile; inputs changed since: trajectories/lint/"));
  Result json = Trajc("check --json " + Quote((scratch / "ds" / "manifest.json").string()) + at_root, scratch);
  Json report = Json::parse(json.out);
  CHECK(report["reproduced"] == false);
  CHECK(report["changed_inputs"].size() == 8);
  WriteFile(scratch / "bad.json", "{\"flags\": {}}");
  Result bad = Trajc("check " + Quote((scratch / "bad.json").string()) + at_root, scratch);
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.err, Catch::Contains("not a trajc manifest: \"flags\" needs domain, count, split and seed"));
}

TEST_CASE("three-way split: train, val and test files; val and test disjoint, from the eval fixtures") {
  fs::path scratch = Scratch("split3");
  REQUIRE(Compile(scratch, "--domain test --count 100 --split 0.8,0.1,0.1 --seed 4 --with-meta", "ds").exit_code == 0);
  std::vector<Json> train = Records(scratch / "ds" / "train.jsonl");
  std::vector<Json> val = Records(scratch / "ds" / "val.jsonl");
  std::vector<Json> test = Records(scratch / "ds" / "test.jsonl");
  CHECK(train.size() == 80);
  CHECK(val.size() == 10);
  CHECK(test.size() == 10);
  CHECK_FALSE(fs::exists(scratch / "ds" / "eval.jsonl"));
  std::set<std::string> val_lines;
  for (const Json& r : val) {
    CHECK_THAT(r["meta"]["fixture"].get<std::string>(), Catch::Contains("/eval/"));
    Json m = r["messages"];
    val_lines.insert(trajc::Dump(m));
  }
  for (const Json& r : test) {
    CHECK_THAT(r["meta"]["fixture"].get<std::string>(), Catch::Contains("/eval/"));
    CHECK(val_lines.count(trajc::Dump(r["messages"])) == 0);
  }
  Json manifest = Json::parse(Slurp(scratch / "ds" / "manifest.json"));
  CHECK(manifest["flags"]["split"] == Json::array({0.8, 0.1, 0.1}));
  CHECK(manifest["splits"]["val"]["examples"] == 10);
  Result check = Trajc("check " + Quote((scratch / "ds" / "manifest.json").string()) + Root(), scratch);
  CHECK(check.exit_code == 0);
}

TEST_CASE("functiongemma: the hf record plus its prompt text; completion pairs rebuild the text") {
  fs::path scratch = Scratch("functiongemma");
  for (const std::string& domain : trajc::domains::DomainNames()) {
    std::string flags = std::string("--domain ") + domain + " --count 20 --seed 8";
    REQUIRE(Compile(scratch, flags + " --format hf", std::string("hf-") + domain).exit_code == 0);
    REQUIRE(Compile(scratch, flags + " --format functiongemma", std::string("fg-") + domain).exit_code == 0);
    REQUIRE(Compile(scratch, flags + " --format functiongemma --completion-only --with-meta", std::string("pairs-") + domain).exit_code == 0);
    std::vector<Json> hf = Records(scratch / (std::string("hf-") + domain) / "train.jsonl");
    std::vector<Json> fg = Records(scratch / (std::string("fg-") + domain) / "train.jsonl");
    std::vector<Json> pairs = Records(scratch / (std::string("pairs-") + domain) / "train.jsonl");
    REQUIRE(fg.size() == hf.size());
    size_t p = 0;
    for (size_t i = 0; i < fg.size(); ++i) {
      INFO(domain << " record " << i);
      CHECK(fg[i]["messages"] == hf[i]["messages"]);
      std::string text = fg[i]["text"];
      CHECK_THAT(text, Catch::StartsWith("<bos><start_of_turn>developer\n"));
      size_t calls = 0;
      for (const Json& m : hf[i]["messages"]) calls += m.contains("tool_calls");
      // One pair per model turn; the last pair's prompt + completion is the whole text.
      std::string last;
      for (size_t k = 0; k < calls; ++k, ++p) {
        REQUIRE(p < pairs.size());
        CHECK(pairs[p]["meta"]["index"] == i);
        CHECK(text.rfind(pairs[p]["prompt"].get<std::string>(), 0) == 0);
        last = pairs[p]["prompt"].get<std::string>() + pairs[p]["completion"].get<std::string>();
      }
      CHECK(last == text);
    }
    CHECK(p == pairs.size());
  }
  Result wrong = Trajc("--domain lint --count 5 --completion-only" + Root(), scratch);
  CHECK(wrong.exit_code == 2);
}
