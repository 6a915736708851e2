#include <catch2/catch.hpp>

#include "templates/expression.h"

using trajc::Json;
using namespace trajc::templates;

namespace {
RootResolver Facts(const Json& facts) {
  return [facts](const std::string& root) -> std::optional<Json> {
    if (facts.contains(root)) return facts[root];
    return std::nullopt;
  };
}
}  // namespace

TEST_CASE("a whole placeholder keeps its JSON type") {
  Json facts = {{"issue", {{"line", 3}, {"code", "E225"}}}, {"list", {1, 2}}};
  CHECK(RenderString("{{issue.line}}", Facts(facts)) == 3);
  CHECK(RenderString("{{ list }}", Facts(facts)) == Json::array({1, 2}));
  CHECK(RenderString("{{list.1}}", Facts(facts)) == 2);
  CHECK(RenderString("line {{issue.line}}: {{issue.code}}", Facts(facts)) == "line 3: E225");
}

TEST_CASE("filters join lists and pluralise counts") {
  Json facts = {{"codes", {"E225", "W291"}}, {"one", 1}, {"three", 3}, {"none", Json::array()}};
  CHECK(RenderString("{{codes | join(', ')}}", Facts(facts)) == "E225, W291");
  CHECK(RenderString("{{one | plural('issue')}}", Facts(facts)) == "1 issue");
  CHECK(RenderString("{{three | plural(\"fix\")}}", Facts(facts)) == "3 fixes");
  CHECK(RenderString("{{none | join(',')}}", Facts(facts)) == "");
}

TEST_CASE("placeholder errors say what is wrong") {
  Json facts = {{"a", {{"b", 1}}}};
  CHECK_THROWS_WITH(RenderString("{{a.c}}", Facts(facts)), "'a.c' has no value here");
  CHECK_THROWS_WITH(RenderString("{{zz}}", Facts(facts)), "unknown name 'zz'");
  CHECK_THROWS_WITH(RenderString("{{a | join(',')}}", Facts(facts)), "join() needs a list, 'a' is not one");
  CHECK_THROWS_WITH(RenderString("{{a", Facts(facts)), "unterminated placeholder '{{'");
  Placeholder p;
  CHECK(ParsePlaceholder("a | upper('x')", p).value() == "unknown filter 'upper'; filters are join('sep') and plural('noun')");
  CHECK(ParsePlaceholder("a..b", p).value() == "'a..b' is not a valid path (names and indexes joined by '.')");
}

TEST_CASE("comparisons are numeric for numbers, equality otherwise") {
  CHECK(Compare(3, ">=", 2));
  CHECK_FALSE(Compare(3, "<", 2.5));
  CHECK(Compare("x", "==", "x"));
  CHECK(Compare(true, "!=", false));
  CHECK_FALSE(Compare("b", "<", "c"));
}
