#include <catch2/catch.hpp>

#include <string>

#include "stats/coverage.h"
#include "stats/record.h"
#include "stats/split_stats.h"
#include "stats/stats.h"

using namespace trajc::stats;
using nlohmann::json;

namespace {

json Conversation(const std::string& user, const json& arguments) {
  return {{"messages",
           {{{"role", "system"}, {"content", "You lint Python."}},
            {{"role", "user"}, {"content", user}},
            {{"role", "assistant"},
             {"content", nullptr},
             {"tool_calls", {{{"id", "c1"}, {"type", "function"}, {"function", {{"name", "run_linter"}, {"arguments", arguments}}}}}}},
            {{"role", "tool"}, {"tool_call_id", "c1"}, {"content", "{\"issues\":[]}"}},
            {{"role", "assistant"},
             {"content", nullptr},
             {"tool_calls", {{{"id", "c2"}, {"type", "function"}, {"function", {{"name", "submit_result"}, {"arguments", "{}"}}}}}}}}}};
}

std::string LongText(int words, const std::string& changed_word = "") {
  std::string s;
  for (int i = 0; i < words; ++i) s += (i == words / 2 && !changed_word.empty() ? changed_word : "w" + std::to_string(i)) + " ";
  return s;
}

}  // namespace

TEST_CASE("a record's counts, tools, roles and characters") {
  RecordFacts f = ReadRecord(Conversation("Lint a.py", "{\"check_only\":true}"));
  CHECK(f.messages == 5);
  CHECK(f.tool_calls == 2);
  CHECK(f.tools_called == std::vector<std::string>{"run_linter", "submit_result"});
  CHECK(f.roles == std::map<std::string, uint64_t>{{"assistant", 2}, {"system", 1}, {"tool", 1}, {"user", 1}});
  // "You lint Python." 16 + "Lint a.py" 9 + "{\"issues\":[]}" 13 + arguments 19 + 2
  CHECK(f.characters == 16 + 9 + 13 + 19 + 2);
  CHECK(f.has_user_turn);
  CHECK_FALSE(f.meta.present);
  CHECK_FALSE(f.declares_tools);
}

TEST_CASE("arguments as an object, content parts, tools and meta are accepted") {
  json r = Conversation("Lint a.py", json{{"check_only", true}});
  r["messages"][1]["content"] = json::array({{{"type", "text"}, {"text", "Lint a.py"}}});
  r["tools"] = json::array();
  r["meta"] = {{"template", "lint.fix_one"}, {"fixture", "fixtures/lint/a.py"}, {"node", "module"}, {"variant", 0},
               {"index", 3}, {"split", "train"}, {"labels", {"E501", "W291"}}};
  RecordFacts f = ReadRecord(r);
  CHECK(f.characters == 16 + 9 + 13 + 19 + 2);
  CHECK(f.declares_tools);
  REQUIRE(f.meta.present);
  CHECK(f.meta.template_id == "lint.fix_one");
  CHECK(f.meta.fixture == "fixtures/lint/a.py");
  CHECK(f.meta.node == "module");
  CHECK(f.meta.labels == std::vector<std::string>{"E501", "W291"});
  // The same user turn, whatever form its content takes.
  CHECK(f.user_turn_hash == ReadRecord(Conversation("Lint a.py", "{}")).user_turn_hash);
}

TEST_CASE("records that are not conversations are errors with a pointer") {
  CHECK_THROWS_WITH(ReadRecord(json::array()), "a record must be a JSON object");
  try {
    ReadRecord(json{{"messages", {{{"role", "user"}, {"content", "x"}}, 3}}});
    FAIL("no error");
  } catch (const RecordError& e) {
    CHECK(e.pointer() == "/messages/1");
    CHECK(std::string(e.what()) == "a message must be a JSON object");
  }
  json bad_meta = Conversation("x", "{}");
  bad_meta["meta"] = "lint.fix_one";
  CHECK_THROWS_WITH(ReadRecord(bad_meta), "`meta` must be an object");
  bad_meta["meta"] = nullptr;  // null: no meta
  CHECK_FALSE(ReadRecord(bad_meta).meta.present);
  try {
    ReadRecord(json{{"text", "x"}});
    FAIL("no error");
  } catch (const RecordError& e) {
    CHECK(e.pointer() == "/messages");
  }
}

TEST_CASE("exact duplicates ignore meta and key order; near duplicates are found") {
  SplitStats s("train", 0.9);
  json a = Conversation(LongText(400), "{}");
  json a_with_meta = a;
  a_with_meta["meta"] = {{"template", "t"}, {"index", 9}};
  json near = Conversation(LongText(400, "changed"), "{}");
  json other = Conversation(LongText(10) + " something else entirely", "{}");
  s.Add(ReadRecord(a), {0, 1});
  s.Add(ReadRecord(other), {0, 2});
  s.Add(ReadRecord(a_with_meta), {0, 3});
  s.Add(ReadRecord(near), {0, 4});
  s.Add(ReadRecord(json::parse(a.dump())), {0, 5});
  CHECK(s.examples == 5);
  CHECK(s.exact_duplicates == 2);
  REQUIRE(s.exact_examples.size() == 2);
  CHECK(s.exact_examples[0].first.line == 1);
  CHECK(s.exact_examples[0].other.line == 3);
  CHECK(s.near_duplicates == 1);
  REQUIRE(s.near_examples.size() == 1);
  CHECK(s.near_examples[0].first.line == 1);
  CHECK(s.near_examples[0].other.line == 4);
  CHECK(s.near_examples[0].similarity >= 0.9);
  CHECK(s.with_meta == 1);
  CHECK(s.templates == std::map<std::string, uint64_t>{{"t", 1}});
  CHECK(s.tools == std::map<std::string, uint64_t>{{"run_linter", 5}, {"submit_result", 5}});
}

TEST_CASE("records that differ only in their tool-call ids are exact duplicates") {
  json a = Conversation("Lint a.py", "{}");
  json b = a;
  b["messages"][2]["tool_calls"][0]["id"] = "call_zz";
  b["messages"][3]["tool_call_id"] = "call_zz";
  b["messages"][4]["tool_calls"][0]["id"] = "call_yy";
  CHECK(ReadRecord(a).record_hash == ReadRecord(b).record_hash);
  // An answer to another call is another conversation.
  json c = b;
  c["messages"][3]["tool_call_id"] = "call_yy";
  CHECK(ReadRecord(a).record_hash != ReadRecord(c).record_hash);
}

TEST_CASE("shared user turns between splits, reported in file order") {
  SplitStats train("train", 0.9), eval("eval", 0.9);
  train.Add(ReadRecord(Conversation("task one", "{}")), {0, 1});
  train.Add(ReadRecord(Conversation("task two", "{}")), {0, 2});
  eval.Add(ReadRecord(Conversation("task three", "{}")), {1, 1});
  eval.Add(ReadRecord(Conversation("task two", "{\"x\":1}")), {1, 2});
  eval.Add(ReadRecord(Conversation("task one", "{\"x\":1}")), {1, 3});
  Shared turns = SharedFirstSeen(train.user_turns, eval.user_turns);
  CHECK(turns.count == 2);
  REQUIRE(turns.examples.size() == 2);
  CHECK(turns.examples[0].first.line == 2);
  CHECK(turns.examples[0].other.line == 2);
  CHECK(turns.examples[1].first.line == 1);
  CHECK(turns.examples[1].other.line == 3);
  CHECK(SharedFirstSeen(train.records, eval.records).count == 0);
}

TEST_CASE("labels are grouped by prefix") {
  trajc::Json g = GroupLabels({{"E501", 3}, {"W291", 1}, {"style:google", 2}, {"kind:function", 4}, {"raises", 1},
                               {"examples:sequence", 2}});
  CHECK(g.dump() ==
        R"({"codes":{"E501":3,"W291":1},"examples":{"sequence":2},"node_kinds":{"function":4},"styles":{"google":2},"tags":{"raises":1}})");
}

TEST_CASE("the split of a file comes from its name") {
  CHECK(SplitOfFile("out/lint/train.jsonl") == "train");
  CHECK(SplitOfFile("eval.jsonl") == "eval");
  CHECK(SplitOfFile("/x/validation-00.jsonl") == "val");
  CHECK(SplitOfFile("test_2.jsonl") == "test");
  CHECK(SplitOfFile("data/mixed.jsonl") == "mixed");
  CHECK(SplitOfFile("records") == "records");
}
