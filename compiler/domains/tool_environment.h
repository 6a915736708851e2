// domains/tool_environment — what every domain's environment shares, so that a domain
// writes only its tools' semantics: dispatching a call to the tool's handler (and the
// failure for a tool the domain does not have), the two views templates read ("seen":
// what the agent last observed; "env": the truth about the current state), and the check
// of submit_result's claims against that truth.
//
// A domain's environment derives from ToolEnvironment and declares
//   Tools()  its tools: a static table of name → member function (Handler);
//   Truth()  the "env" view, the truth its submit_result handler checks with CheckClaims;
// its observing tool (run_linter, check_docstring, run_tests …) calls See() with what the
// agent is shown. Every result is the handler's own JSON: the base adds nothing to it.
#pragma once

#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "templates/environment.h"

namespace trajc::domains {

class ToolEnvironment : public templates::Environment {
 public:
  // One tool: its name as the domain's tool schema declares it, and what runs a call.
  struct Tool {
    std::string_view name;
    std::function<templates::ToolOutcome(ToolEnvironment&, const Json&)> run;
  };
  using ToolTable = std::vector<Tool>;

  // The views View answers, for the domain's templates::Vocabulary.
  static std::set<std::string> ViewNames() { return {"seen", "env"}; }

  // Runs the handler of `tool`; a tool not in Tools() fails with
  // {"error": "unknown tool '<tool>'"}.
  templates::ToolOutcome Call(std::string_view tool, const Json& args) final;
  // "seen": what See() last stored (null before); "env": Truth(); null for any other name.
  Json View(std::string_view name) const override;

 protected:
  // What submit_result's claims are compared with, unless a domain says otherwise.
  static constexpr std::string_view kEnvironmentSays = "the environment says";

  // A table entry running `method`, a member function (const or not) of the derived
  // environment `Env` taking the call's arguments.
  template <class Env, class Method>
  static Tool Handler(std::string_view name, Method Env::*method) {
    return {name, [method](ToolEnvironment& env, const Json& args) { return (static_cast<Env&>(env).*method)(args); }};
  }

  // The environment's tools, in any order; return a function-local static, so that an
  // environment (one per example) costs nothing to build.
  virtual const ToolTable& Tools() const = 0;
  // The truth about the current state: the "env" view.
  virtual Json Truth() const = 0;

  // Stores what the agent has just observed: the "seen" view.
  void See(Json observed) { seen_ = std::move(observed); }

  // submit_result's verdict on `args`: accepted (an empty object) when each of `keys` has
  // the value `truth` gives it, otherwise failed on the first that does not, with
  // {"error": "<key> is <claimed>, <says> <truth>"} (values as compact JSON, a missing
  // one null).
  using Keys = std::initializer_list<const char*>;
  static templates::ToolOutcome CheckClaims(const Json& args, const Json& truth, Keys keys,
                                            std::string_view says = kEnvironmentSays);

 private:
  Json seen_;
};

}  // namespace trajc::domains
