#include <catch2/catch.hpp>

#include "templates/template.h"
#include "test_support.h"

using namespace trajc::templates;

namespace {

std::string LoadError(const std::string& name, const std::string& yaml) {
  auto dir = test::TempDir("loader-" + name);
  auto agent = trajc::schema::LoadSubagent(test::Write(dir / "agent.yaml", test::kAgentYaml));
  std::string path = test::Write(dir / (name + ".yaml"), yaml);
  try {
    LoadTemplate(path, agent, test::DemoVocabulary());
  } catch (const trajc::Error& e) {
    std::string what = e.what();
    return what.substr(what.find(name + ".yaml"));
  }
  return "no error";
}

const char* kGood = R"(id: demo.ok
node: module
when: ["n >= 1"]
instruction: ["Count {{path}}.", "Please count."]
steps:
  - for_each: items
    as: item
    do:
      - call: step
        args: {by: "{{item}}"}
        expect: ok
  - call: submit_result
    args:
      summary: {variants: ["Done with {{env.total}}.", "Finished: {{env.total}}.", "Total {{env.total}}."]}
      total: "{{env.total}}"
)";

}  // namespace

TEST_CASE("a well-formed template loads with its choice points counted") {
  auto dir = test::TempDir("loader-good");
  auto agent = trajc::schema::LoadSubagent(test::Write(dir / "agent.yaml", test::kAgentYaml));
  Template t = LoadTemplate(test::Write(dir / "t.yaml", kGood), agent, test::DemoVocabulary());
  CHECK(t.id == "demo.ok");
  CHECK(t.choice_sizes == std::vector<size_t>{2, 3});
  CHECK(t.variant_count == 6);
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].kind == Step::Kind::kLoop);
  CHECK(t.steps[0].body[0].expect_ok == true);
  CHECK(t.when[0].op == ">=");
}

TEST_CASE("template errors are located at the offending line and column") {
  CHECK(LoadError("unknown_tool", "id: a\nnode: module\ninstruction: [x]\nsteps:\n  - call: jump\n  - call: submit_result\n") ==
        "unknown_tool.yaml:5:11: error: unknown tool 'jump' (not in " +
            (std::filesystem::temp_directory_path() / "trajc-test-loader-unknown_tool/agent.yaml").string() + ")");
  CHECK(LoadError("bad_name", "id: a\nnode: module\ninstruction: [\"{{nope}}\"]\nsteps:\n  - call: submit_result\n") ==
        "bad_name.yaml:3:15: error: unknown name 'nope' in 'nope'; known: items, n, path, env");
  CHECK(LoadError("not_last", "id: a\nnode: module\ninstruction: [x]\nsteps:\n  - call: submit_result\n  - call: step\n") ==
        "not_last.yaml:5:11: error: submit_result must be the last step, outside any loop");
  CHECK(LoadError("no_submit", "id: a\nnode: module\ninstruction: [x]\nsteps:\n  - call: step\n") ==
        "no_submit.yaml:5:5: error: the last step must be 'call: submit_result'; every conversation ends with it");
  CHECK(LoadError("typo", "id: a\nnode: module\ninstrction: [x]\nsteps:\n  - call: submit_result\n") ==
        "typo.yaml:3:1: error: unknown field 'instrction'; expected one of: id, description, node, when, tags, instruction, steps");
  CHECK(LoadError("bad_when", "id: a\nnode: module\nwhen: [\"n >>= 2\"]\ninstruction: [x]\nsteps:\n  - call: submit_result\n") ==
        "bad_when.yaml:3:8: error: '>= 2' is not a number, true, false, null or a \"string\"");
  CHECK(LoadError("bad_when2", "id: a\nnode: module\nwhen: [\"n\"]\ninstruction: [x]\nsteps:\n  - call: submit_result\n") ==
        "bad_when2.yaml:3:8: error: a condition is 'fact op value', e.g. 'fixable_count >= 2'");
  CHECK(LoadError("bad_kind", "id: a\nnode: class\ninstruction: [x]\nsteps:\n  - call: submit_result\n") ==
        "bad_kind.yaml:2:7: error: unknown node kind 'class'; this domain has: module");
  CHECK(LoadError("bad_yaml", "id: a\nnode: [module\n") .find("bad_yaml.yaml:") == 0);
  CHECK(LoadError("bad_filter", "id: a\nnode: module\ninstruction: [\"{{n | upper('x')}}\"]\nsteps:\n  - call: submit_result\n") ==
        "bad_filter.yaml:3:15: error: unknown filter 'upper'; filters are join('sep') and plural('noun')");
  CHECK(LoadError("bad_tag", "id: a\nnode: module\ntags: [ok, 3]\ninstruction: [x]\nsteps:\n  - call: submit_result\n") ==
        "bad_tag.yaml:3:12: error: a tag must be a non-empty string");
  CHECK(LoadError("bad_expect", "id: a\nnode: module\ninstruction: [x]\nsteps:\n  - call: step\n    expect: maybe\n  - call: submit_result\n") ==
        "bad_expect.yaml:6:13: error: 'expect' is 'ok' or 'error'");
}

TEST_CASE("duplicate template ids across files are an error") {
  auto dir = test::TempDir("loader-dup");
  auto agent = trajc::schema::LoadSubagent(test::Write(dir / "agent.yaml", test::kAgentYaml));
  std::filesystem::create_directories(dir / "t");
  test::Write(dir / "t" / "a.yaml", kGood);
  test::Write(dir / "t" / "b.yaml", kGood);
  CHECK_THROWS_WITH(LoadTemplates((dir / "t").string(), agent, test::DemoVocabulary()),
                    Catch::EndsWith("b.yaml:1:1: error: duplicate template id 'demo.ok' (also in " + (dir / "t" / "a.yaml").string() + ")"));
}
