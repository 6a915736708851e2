#include <catch2/catch.hpp>

#include <filesystem>

#include "domains/lint/fix_claims.h"
#include "domains/lint/lint_environment.h"
#include "schema/subagent.h"

using trajc::Json;
using trajc::domains::lint_domain::LintEnvironment;

namespace {
const char* kSource = "import os\n\n\ndef f():\n    return 1 \n";
}  // namespace

TEST_CASE("run_linter reports the current text's findings") {
  LintEnvironment env("a.py", kSource);
  auto r = env.Call("run_linter", {{"check_only", false}});
  CHECK(r.ok);
  CHECK(r.result["path"] == "a.py");
  CHECK(r.result["issue_count"] == 2);
  CHECK(r.result["fixable_count"] == 2);
  CHECK(r.result["issues"][0]["code"] == "F401");
  CHECK(r.result["issues"][0]["message"] == "'os' imported but unused");
  CHECK(r.result["issues"][0].contains("fix"));
  CHECK(r.result["issues"][1]["code"] == "W291");
  CHECK(r.result["issues"][1]["line"] == 5);
  auto check_only = env.Call("run_linter", {{"check_only", true}});
  CHECK_FALSE(check_only.result["issues"][0].contains("fix"));
  CHECK(env.View("seen")["fix_targets"] == Json::array({{{"code", "W291"}, {"line", 5}}, {{"code", "F401"}, {"line", 1}}}));
}

TEST_CASE("apply_fix edits the text, and fails truthfully on a stale line") {
  LintEnvironment env("a.py", kSource);
  env.Call("run_linter", {{"check_only", true}});
  auto fix = env.Call("apply_fix", {{"issue_code", "F401"}, {"line_number", 1}});
  CHECK(fix.ok);
  CHECK(fix.result == Json({{"applied", true}, {"issue_code", "F401"}, {"line_number", 1}, {"fixed", 1}, {"remaining_issues", 1}}));
  CHECK(env.text().find("import os") == std::string::npos);
  // W291 was on line 5; removing the import moved it up.
  auto stale = env.Call("apply_fix", {{"issue_code", "W291"}, {"line_number", 5}});
  CHECK_FALSE(stale.ok);
  CHECK(stale.result["error"] == "no W291 issue at line 5 of the current file; line numbers may have changed, run run_linter again");
  auto unfixable = env.Call("apply_fix", {{"issue_code", "E501"}, {"line_number", 1}});
  CHECK_FALSE(unfixable.ok);
  CHECK(unfixable.result["error"] == "E501 (line too long) has no automatic fix; it must be edited by hand");
  auto unknown = env.Call("apply_fix", {{"issue_code", "C901"}, {"line_number", 1}});
  CHECK(unknown.result["error"] == "unknown issue code 'C901'");
}

TEST_CASE("submit_result is accepted only with the environment's counts") {
  LintEnvironment env("a.py", kSource);
  env.Call("apply_fix", {{"issue_code", "W291"}, {"line_number", 5}});
  Json truth = env.View("env");
  CHECK(truth["issues_fixed"] == 1);
  CHECK(truth["issues_remaining"] == 1);
  CHECK(truth["changed_files"] == Json::array({"a.py"}));
  CHECK(truth["fixed_codes"] == Json::array({"W291"}));
  CHECK(env.Call("submit_result", {{"summary", "x"}, {"issues_fixed", 1}, {"issues_remaining", 1}, {"changed_files", {"a.py"}}}).ok);
  auto lie = env.Call("submit_result", {{"summary", "x"}, {"issues_fixed", 2}, {"issues_remaining", 0}, {"changed_files", {"a.py"}}});
  CHECK_FALSE(lie.ok);
  CHECK(lie.result["error"] == "issues_fixed is 2, the environment says 1");
}

// The bundled system prompt states what the code table says about fixes, word for word
// (domains/lint/fix_claims): a new rule or fix fails here until the prompt says so too.
TEST_CASE("the lint system prompt's claims about fixes are the code table's") {
  using namespace trajc::domains::lint_domain;
  trajc::schema::Subagent agent =
      trajc::schema::LoadSubagent((std::filesystem::path(TRAJC_SOURCE_DIR) / "tool_schemas/lint.yaml").string());
  INFO("tool_schemas/lint.yaml's system_prompt must contain these sentences:\n" << NoFixClaim() << "\n"
                                                                               << UnsafeFixClaim());
  CHECK(agent.system_prompt.find(NoFixClaim()) != std::string::npos);
  CHECK(agent.system_prompt.find(UnsafeFixClaim()) != std::string::npos);
  CHECK(NoFixClaim().find("E501") != std::string::npos);
  CHECK(UnsafeFixClaim().find("F401") != std::string::npos);
  CHECK(NoFixClaim().find("E704") == std::string::npos);  // not reported by default: not claimed
}
