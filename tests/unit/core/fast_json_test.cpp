#include <catch2/catch.hpp>

#include "core/fast_json.h"

namespace {

// The same value and the same types, key order and number kinds as nlohmann's parser.
void CheckSame(const std::string& text) {
  INFO(text);
  trajc::FastJsonParser fast;
  trajc::Json value;
  trajc::Json expected = trajc::Json::parse(text);
  if (!fast.Parse(text, value)) return;  // declined: the caller uses nlohmann anyway
  CHECK(value == expected);
  CHECK(value.dump() == expected.dump());
  std::function<void(const trajc::Json&, const trajc::Json&)> same_types = [&](const trajc::Json& a, const trajc::Json& b) {
    REQUIRE(a.type() == b.type());
    if (a.is_structured())
      for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) same_types(*ia, *ib);
  };
  same_types(value, expected);
}

}  // namespace

TEST_CASE("FastJsonParser gives exactly what Json::parse gives") {
  for (const char* text : {
           R"({"b": 1, "a": [true, false, null], "c": {"d": "e"}})",
           R"([0, 1, -1, 18446744073709551615, -9223372036854775808, 9223372036854775807, 1.5, -2.25e-3, 1e2, 1E+2])",
           R"(["\u00e9", "\ud83d\ude00", "tab\tnew\nline", "\"quoted\" \\ /", "caf\u00e9 ☕", ""])",
           R"({"dup": 1, "x": 2, "dup": 3})",
           R"(  {"nested": [[[[{"deep": [1, {"deeper": null}]}]]]]}  )",
           "[0, -0, 1]", R"({"a": -0, "b": 0, "c": -0.0})", "3", "\"s\"", "null", "[]", "{}", "-0", "-0.0", "0.1", "123456789012345678901234567890",
       })
    CheckSame(text);
}

TEST_CASE("FastJsonParser declines what it cannot represent as nlohmann does, and rejects bad JSON") {
  trajc::FastJsonParser fast;
  trajc::Json value;
  CHECK_FALSE(fast.Parse("-0", value));                              // nlohmann: the integer 0
  CHECK_FALSE(fast.Parse("123456789012345678901234567890", value));  // nlohmann: a double
  CHECK_FALSE(fast.Parse("{bad", value));
  CHECK_FALSE(fast.Parse("", value));
  CHECK_FALSE(fast.Parse("[1,]", value));
  CHECK_FALSE(fast.Parse("\"\xff\"", value));
  CHECK_FALSE(fast.Parse("1 2", value));
  CHECK_FALSE(fast.Parse(R"({"a":1,"b":2,"a":3})", value));  // nlohmann: "a" first, value 3
  CHECK(fast.Parse("[1]", value));
  CHECK(value == trajc::Json::array({1}));
}
