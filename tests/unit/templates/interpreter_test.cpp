#include <catch2/catch.hpp>

#include "templates/interpreter.h"
#include "test_support.h"

using trajc::Json;
using namespace trajc::templates;

namespace {

// A counter: `step` adds `by`, failing above a limit, so expectations can be tested.
class Counter : public Environment {
 public:
  ToolOutcome Call(std::string_view tool, const Json& args) override {
    if (tool == "submit_result") return {Json::object(), args.at("total") == total_};
    int by = args.at("by").get<int>();
    if (total_ + by > 5) return {{{"value", total_}, {"error", "too far"}}, false};
    total_ += by;
    return {{{"value", total_}}, true};
  }
  Json View(std::string_view name) const override {
    if (name == "env") return {{"total", total_}};
    return nullptr;
  }
  int total_ = 0;
};

struct Fixture {
  std::filesystem::path dir = test::TempDir("interp");
  trajc::schema::Subagent agent = trajc::schema::LoadSubagent(test::Write(dir / "agent.yaml", test::kAgentYaml));
  Template Load(const std::string& yaml) { return LoadTemplate(test::Write(dir / "t.yaml", yaml), agent, test::DemoVocabulary()); }
};

const char* kCount = R"(id: demo.count
node: module
instruction: ["Count {{path}}.", "Please count {{n}} items."]
steps:
  - for_each: items
    as: item
    do:
      - call: step
        args: {by: "{{item}}"}
        expect: ok
  - call: submit_result
    args:
      summary: {variants: ["Done: {{env.total}}.", "Total {{env.total}}."]}
      total: "{{env.total}}"
)";

}  // namespace

TEST_CASE("a template instantiates into a conversation with environment results") {
  Fixture f;
  Template t = f.Load(kCount);
  Json facts = {{"path", "a.py"}, {"items", {1, 2}}, {"n", 2}};
  Json context = {{"path", "a.py"}};
  Counter env;
  InstanceInput in{&t, &f.agent, &facts, &context, 3, 77};
  Json record = Instantiate(in, env);
  const Json& m = record["messages"];
  REQUIRE(m.size() == 7);
  CHECK(m[0] == Json({{"role", "system"}, {"content", "You count."}}));
  CHECK(m[1]["content"] == "a.py: Please count 2 items.");  // variant 3 = instruction 1, summary 1
  CHECK(m[2]["tool_calls"][0]["function"]["arguments"] == "{\"by\":1}");
  CHECK(m[3]["content"] == "{\"value\":1}");
  CHECK(m[3]["tool_call_id"] == m[2]["tool_calls"][0]["id"]);
  CHECK(m[5]["content"] == "{\"value\":3}");
  CHECK(m[6]["tool_calls"][0]["function"]["arguments"] == "{\"summary\":\"Total 3.\",\"total\":3}");
  CHECK(m[2]["tool_calls"][0]["id"].get<std::string>().rfind("call_", 0) == 0);
}

TEST_CASE("instantiation is deterministic in its seed") {
  Fixture f;
  Template t = f.Load(kCount);
  Json facts = {{"path", "a.py"}, {"items", {1}}, {"n", 1}};
  Json context = {{"path", "a.py"}};
  Counter e1, e2, e3;
  InstanceInput a{&t, &f.agent, &facts, &context, 0, 5}, c{&t, &f.agent, &facts, &context, 0, 6};
  CHECK(Instantiate(a, e1) == Instantiate(a, e2));
  CHECK(Instantiate(a, e1 = Counter()) != Instantiate(c, e3));
}

TEST_CASE("an environment that contradicts `expect` rules the pair out") {
  Fixture f;
  Template t = f.Load(kCount);
  Json facts = {{"path", "a.py"}, {"items", {4, 4}}, {"n", 2}};
  Json context = {{"path", "a.py"}};
  Counter env;
  InstanceInput in{&t, &f.agent, &facts, &context, 0, 1};
  CHECK_THROWS_AS(Instantiate(in, env), ExpectationFailed);
}

TEST_CASE("arguments that fail the tool's schema are a template error") {
  Fixture f;
  Template t = f.Load(kCount);
  Json facts = {{"path", "a.py"}, {"items", {0}}, {"n", 1}};
  Json context = {{"path", "a.py"}};
  Counter env;
  InstanceInput in{&t, &f.agent, &facts, &context, 0, 1};
  CHECK_THROWS_WITH(Instantiate(in, env), Catch::EndsWith("t.yaml:8:9: error: template 'demo.count': arguments of step fail its schema: "
                                                          "0 is less than the minimum of 1 (at /by)"));
}

TEST_CASE("when conditions test facts") {
  Fixture f;
  Template t = f.Load(std::string(kCount).replace(std::string(kCount).find("instruction"), 0, "when: [\"n >= 2\"]\n"));
  CHECK(ConditionsHold(t, {{"n", 2}}));
  CHECK_FALSE(ConditionsHold(t, {{"n", 1}}));
  CHECK_FALSE(ConditionsHold(t, Json::object()));
}

TEST_CASE("a placeholder without a value is located at the instruction that uses it") {
  Fixture f;
  Template t = f.Load(std::string(kCount).replace(std::string(kCount).find("Count {{path}}."), 15, "Count {{n.x}}."));
  Json facts = {{"path", "a.py"}, {"items", {1}}, {"n", 1}};
  Json context = {{"path", "a.py"}};
  Counter env;
  InstanceInput in{&t, &f.agent, &facts, &context, 0, 1};
  CHECK_THROWS_WITH(Instantiate(in, env), Catch::EndsWith("t.yaml:3:15: error: template 'demo.count': 'n.x' has no value here"));
}

// Found by the template fuzzer: an argument the user names "$choice" was read as one of
// the loader's choice nodes (a crash for a string, a silently wrong phrasing for a number).
TEST_CASE("a tool argument named $choice is the user's own argument") {
  Fixture f;
  std::string yaml = kCount;
  yaml.replace(yaml.find("      total:"), 0, "      \"$choice\": \"{{path}}\"\n      nested: {\"$choice\": 0}\n");
  Template t = f.Load(yaml);
  Json facts = {{"path", "a.py"}, {"items", {1}}, {"n", 1}};
  Json context = {{"path", "a.py"}};
  Counter env;
  InstanceInput in{&t, &f.agent, &facts, &context, 0, 1};
  Json record = Instantiate(in, env);
  Json args = Json::parse(record["messages"].back()["tool_calls"][0]["function"]["arguments"].get<std::string>());
  CHECK(args["$choice"] == "a.py");
  CHECK(args["nested"] == Json({{"$choice", 0}}));
}
