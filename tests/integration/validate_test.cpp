#include <catch2/catch.hpp>

#include "cli_support.h"

using namespace cli_test;

namespace {

const char* kGood =
    R"({"messages":[{"role":"system","content":"s"},{"role":"user","content":"u"},)"
    R"({"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"run_linter","arguments":"{\"check_only\":true}"}}]},)"
    R"({"role":"tool","tool_call_id":"c1","content":"{\"path\":\"a.py\",\"issues\":[],\"issue_count\":0,\"fixable_count\":0}"},)"
    R"({"role":"assistant","content":null,"tool_calls":[{"id":"c2","type":"function","function":{"name":"submit_result","arguments":"{\"summary\":\"ok\",\"issues_fixed\":0,\"issues_remaining\":0,\"changed_files\":[]}"}}]}]})";

std::string Validate(const fs::path& scratch, const std::string& file_text, int& exit_code, const std::string& extra = "") {
  WriteFile(scratch / "data.jsonl", file_text);
  Result r = Trajc("validate " + Quote((scratch / "data.jsonl").string()) + " --domain lint" + Root() + extra, scratch);
  exit_code = r.exit_code;
  return r.out;
}

}  // namespace

TEST_CASE("validate accepts a hand-written valid dataset with a one-line summary") {
  fs::path scratch = Scratch("validate-ok");
  int code = -1;
  std::string out = Validate(scratch, std::string(kGood) + "\n" + kGood + "\n", code);
  CHECK(code == 0);
  CHECK(out == "trajc: 2 records in 1 file(s): all valid (schemas: " + std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/lint.yaml)\n");
}

TEST_CASE("validate reports every violation as FILE:LINE: error: … (at pointer)") {
  fs::path scratch = Scratch("validate-bad");
  std::string bad_args = std::string(kGood);
  const std::string args = R"({\"check_only\":true})";
  bad_args.replace(bad_args.find(args), args.size(), R"({\"check_only\":1,\"x\":2})");
  std::string bad_line = std::string(kGood);
  bad_line.replace(bad_line.find("\\\"issues_fixed\\\":0"), 18, "\\\"issues_fixed\\\":-3");
  std::string unknown = std::string(kGood);
  unknown.replace(unknown.find("\"name\":\"run_linter\""), 19, "\"name\":\"run_lint\"");
  std::string unanswered = std::string(kGood);
  unanswered.replace(unanswered.find("\"tool_call_id\":\"c1\""), 19, "\"tool_call_id\":\"c9\"");
  int code = -1;
  std::string out = Validate(scratch, bad_args + "\n" + bad_line + "\n{not json\n" + unknown + "\n" + unanswered + "\n", code);
  CHECK(code == 1);
  std::string f = (scratch / "data.jsonl").string();
  auto lines = Lines(out);
  REQUIRE(lines.size() == 8);
  // A tool schema violation names the tool, the value in its arguments, the failing keyword of its schema.
  CHECK(lines[0] == f + ":1: error: run_linter arguments: /check_only: 1 is not of type 'boolean' [schema: "
                        "/properties/check_only/type] (at /messages/2/tool_calls/0/function/arguments/check_only)");
  CHECK(lines[1] == f + ":1: error: run_linter arguments: (root): Additional properties are not allowed ('x' was "
                        "unexpected) [schema: /additionalProperties] (at /messages/2/tool_calls/0/function/arguments)");
  CHECK(lines[2] == f + ":2: error: submit_result arguments: /issues_fixed: -3 is less than the minimum of 0 [schema: "
                        "/properties/issues_fixed/minimum] (at /messages/4/tool_calls/0/function/arguments/issues_fixed)");
  CHECK(lines[3] == f + ":3:3: error: invalid JSON: '{no'; expected string literal");
  CHECK(lines[4] == f + ":4: error: unknown tool 'run_lint' (at /messages/2/tool_calls/0/function/name)");
  CHECK(lines[5] == f + ":5: error: tool_call_id 'c9' does not answer any open tool call (at /messages/3/tool_call_id)");
  CHECK(lines[6] == f + ":5: error: tool call 'c1' is not answered before the next assistant turn (at /messages/2/tool_calls/0)");
  CHECK_THAT(lines[7], Catch::StartsWith("trajc: 5 records in 1 file(s): 5 invalid, 7 errors"));
}

TEST_CASE("validate checks structure: roles, ids, last turn") {
  fs::path scratch = Scratch("validate-structure");
  std::string no_submit =
      R"({"messages":[{"role":"user","content":"u"},{"role":"assistant","content":"done"}]})";
  std::string tool_first = R"({"messages":[{"role":"tool","tool_call_id":"x","content":"{}"}]})";
  int code = -1;
  std::string out = Validate(scratch, no_submit + "\n" + tool_first + "\n[]\n", code);
  CHECK(code == 1);
  std::string f = (scratch / "data.jsonl").string();
  auto lines = Lines(out);
  CHECK(lines[0] == f + ":1: error: the last message must be an assistant turn with a single submit_result call (at /messages/1)");
  CHECK(lines[1] == f + ":2: error: tool_call_id 'x' does not answer any open tool call (at /messages/0/tool_call_id)");
  CHECK(lines[2] == f + ":2: error: the first message must be a system or user message (at /messages/0/role)");
  CHECK(lines[4] == f + ":3: error: a record must be a JSON object (at /)");
}

TEST_CASE("validate --json and --schemas") {
  fs::path scratch = Scratch("validate-json");
  int code = -1;
  std::string out = Validate(scratch, std::string(kGood) + "\n", code,
                             " --json --schemas " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/lint.yaml"));
  CHECK(code == 0);
  CHECK(out == "{\"valid\":true,\"records\":1,\"invalid_records\":0,\"errors\":[]}\n");
}

TEST_CASE("a generated dataset validates") {
  fs::path scratch = Scratch("validate-generated");
  REQUIRE(Trajc("--count 50 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch).exit_code == 0);
  Result r = Trajc("validate " + Quote((scratch / "o" / "train.jsonl").string()) + " " + Quote((scratch / "o" / "eval.jsonl").string()) + Root(), scratch);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("trajc: 50 records in 2 file(s): all valid"));
}

TEST_CASE("validate names the dataset line, the tool, the value and the schema keyword of each tool schema error") {
  fs::path scratch = Scratch("validate-keyword");
  REQUIRE(Trajc("--count 40 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch).exit_code == 0);
  std::vector<std::string> lines = Lines(Slurp(scratch / "o" / "train.jsonl"));
  // Break the first apply_fix call's line_number and the first run_linter result's issue_count.
  size_t broken_call = 0, broken_result = 0;
  for (size_t i = 0; i < lines.size() && (broken_call == 0 || broken_result == 0); ++i) {
    trajc::Json record = trajc::Json::parse(lines[i]);
    bool changed = false;
    for (auto& m : record["messages"]) {
      if (broken_call == 0 && m.contains("tool_calls")) {
        for (auto& c : m["tool_calls"]) {
          if (c["function"]["name"] != "apply_fix") continue;
          trajc::Json args = trajc::Json::parse(c["function"]["arguments"].get<std::string>());
          args["line_number"] = -3;
          c["function"]["arguments"] = args.dump();
          broken_call = i + 1;
          changed = true;
          break;
        }
      }
      if (!changed && broken_result == 0 && m["role"] == "tool") {
        trajc::Json content = trajc::Json::parse(m["content"].get<std::string>());
        if (!content.contains("issue_count")) continue;
        content["issue_count"] = "many";
        m["content"] = content.dump();
        broken_result = i + 1;
        changed = true;
      }
      if (changed) break;
    }
    if (changed) lines[i] = record.dump();
  }
  REQUIRE(broken_call > 0);
  REQUIRE(broken_result > 0);
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  fs::path data = scratch / "train.jsonl";
  WriteFile(data, text);
  Result r = Trajc("validate " + Quote(data.string()) + Root(), scratch);
  CHECK(r.exit_code == 1);
  std::string f = data.string();
  CHECK_THAT(r.out, Catch::Contains(f + ":" + std::to_string(broken_call) +
                                    ": error: apply_fix arguments: /line_number: -3 is less than the minimum of 1 "
                                    "[schema: /properties/line_number/minimum] (at /messages/"));
  CHECK_THAT(r.out, Catch::Contains(f + ":" + std::to_string(broken_result) +
                                    ": error: run_linter result: /issue_count: 'many' is not of type 'integer' "
                                    "[schema: /properties/issue_count/type] (at /messages/"));
  Result j = Trajc("validate " + Quote(data.string()) + Root() + " --json", scratch);
  trajc::Json report = trajc::Json::parse(j.out);
  REQUIRE(report["errors"].size() == 2);
  for (const trajc::Json& e : report["errors"]) {
    if (e["line"] == broken_call) {
      CHECK(e["schema"] == "apply_fix arguments");
      CHECK(e["instance_location"] == "/line_number");
      CHECK(e["keyword_location"] == "/properties/line_number/minimum");
    } else {
      CHECK(e["line"] == broken_result);
      CHECK(e["schema"] == "run_linter result");
      CHECK(e["keyword_location"] == "/properties/issue_count/type");
    }
  }
}
