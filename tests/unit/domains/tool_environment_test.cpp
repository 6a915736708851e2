// What ToolEnvironment gives every domain's environment, on a toy domain that declares
// only its tools and its truth: dispatch by name (const and non-const handlers), the
// failure for an unknown tool, the "seen" and "env" views, and submit_result's claims
// checked against the truth with the wording the domain chooses.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "domains/tool_environment.h"

using trajc::Dump;
using trajc::Json;
using trajc::domains::ToolEnvironment;
using trajc::templates::ToolOutcome;

namespace {

// A counter: `add` adds, `look` shows the count, `submit_result` claims it.
class Counter : public ToolEnvironment {
 private:
  const ToolTable& Tools() const override {
    static const ToolTable kTools = {
        Handler("add", &Counter::Add),
        Handler("look", &Counter::Look),
        Handler("submit_result", &Counter::Submit),
    };
    return kTools;
  }
  Json Truth() const override { return {{"count", count_}, {"adds", adds_}}; }

  ToolOutcome Add(const Json& args) {
    count_ += args.at("n").get<int>();
    ++adds_;
    return {{{"count", count_}}, true};
  }
  ToolOutcome Look(const Json&) {
    Json seen = {{"count", count_}};
    See(seen);
    return {seen, true};
  }
  ToolOutcome Submit(const Json& args) const {
    if (adds_ == 0) return CheckClaims(args, {{"count", 0}}, {"count"}, "nothing was added, so it is");
    return CheckClaims(args, Truth(), {"count", "adds"});
  }

  int count_ = 0;
  int adds_ = 0;
};

}  // namespace

TEST_CASE("tool environment: calls go to the named tool; an unknown tool fails") {
  Counter env;
  CHECK(env.Call("add", {{"n", 2}}).result == Json({{"count", 2}}));
  ToolOutcome unknown = env.Call("subtract", {{"n", 1}});
  CHECK_FALSE(unknown.ok);
  CHECK(Dump(unknown.result) == R"({"error":"unknown tool 'subtract'"})");
}

TEST_CASE("tool environment: seen is what the agent last observed, env the truth") {
  Counter env;
  CHECK(env.View("seen").is_null());
  CHECK(Dump(env.View("env")) == R"({"count":0,"adds":0})");
  CHECK(env.View("other").is_null());
  env.Call("add", {{"n", 3}});
  env.Call("look", Json::object());
  env.Call("add", {{"n", 1}});
  CHECK(Dump(env.View("seen")) == R"({"count":3})");
  CHECK(Dump(env.View("env")) == R"({"count":4,"adds":2})");
  CHECK(ToolEnvironment::ViewNames() == std::set<std::string>{"seen", "env"});
}

TEST_CASE("tool environment: submit_result is accepted only with the truth, else the first wrong claim is named") {
  Counter env;
  ToolOutcome early = env.Call("submit_result", {{"count", 1}});
  CHECK_FALSE(early.ok);
  CHECK(Dump(early.result) == R"({"error":"count is 1, nothing was added, so it is 0"})");
  env.Call("add", {{"n", 5}});
  ToolOutcome ok = env.Call("submit_result", {{"count", 5}, {"adds", 1}, {"summary", "five"}});
  CHECK(ok.ok);
  CHECK(Dump(ok.result) == "{}");
  ToolOutcome wrong = env.Call("submit_result", {{"count", "5"}, {"adds", 2}});
  CHECK_FALSE(wrong.ok);
  CHECK(Dump(wrong.result) == R"({"error":"count is \"5\", the environment says 5"})");
  ToolOutcome missing = env.Call("submit_result", {{"count", 5}});
  CHECK(Dump(missing.result) == R"({"error":"adds is null, the environment says 1"})");
}
