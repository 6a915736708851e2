// core/json_depth: the first bracket past kMaxJsonDepth, brackets in strings not counted.
#include <catch2/catch.hpp>

#include <string>

#include "core/json_depth.h"

using namespace trajc;

TEST_CASE("FindTooDeepJson finds the bracket that crosses the limit") {
  const auto n = static_cast<size_t>(kMaxJsonDepth);
  std::string at_limit = std::string(n, '[') + std::string(n, ']');
  CHECK(FindTooDeepJson(at_limit) == std::string::npos);
  std::string past = "{\"a\": " + std::string(n + 5, '[') + std::string(n + 5, ']') + "}";
  CHECK(FindTooDeepJson(past) == 6 + n - 1);  // the object is level 1
  CHECK(FindTooDeepJson(R"({"s": "[[[[\"[[[[", "t": []})") == std::string::npos);
  std::string in_string = "\"" + std::string(n + 1, '[') + "\"";
  CHECK(FindTooDeepJson(in_string) == std::string::npos);
  // Closing brackets do not go below zero, so stray ones cannot hide a deep value.
  std::string stray = std::string(5, ']') + std::string(n + 1, '{');
  CHECK(FindTooDeepJson(stray) == 5 + n);
  CHECK(JsonTooDeepMessage() ==
        "too deep for trajc: the JSON value nests past the limit of 10000 levels here; flatten it");
}
