#include <catch2/catch.hpp>

#include "core/json_locate.h"

using trajc::LocateJsonValue;

TEST_CASE("LocateJsonValue finds where a pointer's value starts") {
  const std::string text = R"( {"a": {"b~/c": [10, {"d": "x,]}"}, true]}, "e\"f": null, "g": "\u0041"} )";
  CHECK(LocateJsonValue(text, {}) == 1);
  CHECK(text.substr(LocateJsonValue(text, {"a"}), 2) == "{\"");
  CHECK(text.substr(LocateJsonValue(text, {"a", "b~/c"}), 3) == "[10");
  CHECK(text.substr(LocateJsonValue(text, {"a", "b~/c", "0"}), 2) == "10");
  CHECK(text.substr(LocateJsonValue(text, {"a", "b~/c", "1", "d"}), 4) == "\"x,]");
  CHECK(text.substr(LocateJsonValue(text, {"a", "b~/c", "2"}), 4) == "true");
  CHECK(text.substr(LocateJsonValue(text, {"e\"f"}), 4) == "null");
  CHECK(text.substr(LocateJsonValue(text, {"g"}), 8) == "\"\\u0041\"");
}

TEST_CASE("LocateJsonValue: npos for a token that does not resolve") {
  const std::string text = R"({"a": [1, 2], "b": {}})";
  CHECK(LocateJsonValue(text, {"z"}) == std::string::npos);
  CHECK(LocateJsonValue(text, {"a", "2"}) == std::string::npos);
  CHECK(LocateJsonValue(text, {"a", "x"}) == std::string::npos);
  CHECK(LocateJsonValue(text, {"a", "0", "y"}) == std::string::npos);
  CHECK(LocateJsonValue(text, {"b", "c"}) == std::string::npos);
  CHECK(LocateJsonValue("[]", {"0"}) == std::string::npos);
}
