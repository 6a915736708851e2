#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "schema/json_schema.h"
#include "schema_test_util.h"

using trajc::Json;
using trajc::schema::CompiledSchema;

TEST_CASE("type", "[schema][type]") {
  CHECK(ErrorsOf(R"({"type":"integer"})", "1") == "");
  CHECK(ErrorsOf(R"({"type":"integer"})", "1.0") == "");
  CHECK(ErrorsOf(R"({"type":"integer"})", R"("x")") == " | /type | 'x' is not of type 'integer'\n");
  CHECK(ErrorsOf(R"({"type":"integer"})", "1.5") == " | /type | 1.5 is not of type 'integer'\n");
  CHECK(ErrorsOf(R"({"type":"number"})", "18446744073709551615") == "");
  CHECK(ErrorsOf(R"({"type":["string","null"]})", "null") == "");
  CHECK(ErrorsOf(R"({"type":["string","null"]})", "true") == " | /type | true is not of type 'string', 'null'\n");
  CHECK(ErrorsOf(R"({"type":"object"})", "[]") == " | /type | [] is not of type 'object'\n");
  CHECK(ErrorsOf(R"({"type":"array"})", R"({"a":[1,"b"]})") == " | /type | {'a': [1, 'b']} is not of type 'array'\n");
  CHECK(ErrorsOf(R"({"type":"boolean"})", "0") == " | /type | 0 is not of type 'boolean'\n");
}

TEST_CASE("properties, required, additionalProperties", "[schema][object]") {
  const char* schema = R"({
    "type": "object",
    "properties": {"path": {"type": "string"}, "line_number": {"type": "integer", "minimum": 1}},
    "required": ["path", "line_number"],
    "additionalProperties": false})";
  CHECK(ErrorsOf(schema, R"({"path":"a.py","line_number":3})") == "");
  CHECK(ErrorsOf(schema, R"({"line_number":-3})") ==
        "/line_number | /properties/line_number/minimum | -3 is less than the minimum of 1\n"
        " | /required | 'path' is a required property\n");
  CHECK(ErrorsOf(schema, R"({"path":"a","line_number":1,"foo":1})") ==
        " | /additionalProperties | Additional properties are not allowed ('foo' was unexpected)\n");
  CHECK(ErrorsOf(schema, R"({"zed":1,"path":"a","line_number":1,"alpha":2})") ==
        " | /additionalProperties | Additional properties are not allowed ('zed', 'alpha' were unexpected)\n");
  // Errors follow instance property order, not schema order.
  CHECK(ErrorsOf(schema, R"({"line_number":"x","path":7})") ==
        "/line_number | /properties/line_number/type | 'x' is not of type 'integer'\n"
        "/path | /properties/path/type | 7 is not of type 'string'\n");
  // Non-objects are left to `type`.
  CHECK(ErrorsOf(R"({"required":["a"],"properties":{"a":false}})", "[1]") == "");
}

TEST_CASE("additionalProperties as a schema, patternProperties", "[schema][object]") {
  CHECK(ErrorsOf(R"({"properties":{"a":true},"additionalProperties":{"type":"string"}})", R"({"a":1,"b":"x","c":2})") ==
        "/c | /additionalProperties/type | 2 is not of type 'string'\n");
  const char* pp = R"({"patternProperties":{"^x_":{"type":"integer"}},"additionalProperties":false})";
  CHECK(ErrorsOf(pp, R"({"x_a":1})") == "");
  CHECK(ErrorsOf(pp, R"({"x_a":"no"})") == "/x_a | /patternProperties/^x_/type | 'no' is not of type 'integer'\n");
  CHECK(ErrorsOf(pp, R"({"y":1})") == " | /additionalProperties | 'y' does not match any of the regexes: '^x_'\n");
  CHECK(ErrorsOf(pp, R"({"y":1,"z":2})") == " | /additionalProperties | 'y', 'z' do not match any of the regexes: '^x_'\n");
}

TEST_CASE("locations escape ~ and / (RFC 6901)", "[schema][pointer]") {
  CHECK(ErrorsOf(R"({"properties":{"a/b~c":{"type":"string"}}})", R"({"a/b~c":1})") ==
        "/a~1b~0c | /properties/a~1b~0c/type | 1 is not of type 'string'\n");
  CHECK(ErrorsOf(R"({"patternProperties":{"^a/":{"type":"string"}}})", R"({"a/x":1})") ==
        "/a~1x | /patternProperties/^a~1/type | 1 is not of type 'string'\n");
}

TEST_CASE("nested locations", "[schema][pointer]") {
  const char* schema = R"({"properties":{"edits":{"type":"array","items":{"type":"object",
      "properties":{"range":{"prefixItems":[{"type":"integer"},{"type":"integer","minimum":0}]}}}}}})";
  CHECK(ErrorsOf(schema, R"({"edits":[{"range":[1,2]},{"range":[1,-1]}]})") ==
        "/edits/1/range/1 | /properties/edits/items/properties/range/prefixItems/1/minimum | -1 is less than the minimum of 0\n");
}

TEST_CASE("enum and const", "[schema][any]") {
  CHECK(ErrorsOf(R"({"enum":["a","b"]})", R"("a")") == "");
  CHECK(ErrorsOf(R"({"enum":["a","b"]})", R"("z")") == " | /enum | 'z' is not one of ['a', 'b']\n");
  CHECK(ErrorsOf(R"({"enum":[1,{"k":[1,2]}]})", "1.0") == "");
  CHECK(ErrorsOf(R"({"enum":[{"a":1,"b":2}]})", R"({"b":2,"a":1.0})") == "");
  CHECK(ErrorsOf(R"({"enum":[0]})", "false") == " | /enum | false is not one of [0]\n");
  CHECK(ErrorsOf(R"({"const":1})", "1.0") == "");
  CHECK(ErrorsOf(R"({"const":"x"})", R"("y")") == " | /const | 'x' was expected\n");
  CHECK(ErrorsOf(R"({"const":null})", "0") == " | /const | null was expected\n");
}

TEST_CASE("numeric bounds", "[schema][number]") {
  CHECK(ErrorsOf(R"({"minimum":1})", "1") == "");
  CHECK(ErrorsOf(R"({"minimum":1})", "0.5") == " | /minimum | 0.5 is less than the minimum of 1\n");
  CHECK(ErrorsOf(R"({"maximum":1.5})", "2") == " | /maximum | 2 is greater than the maximum of 1.5\n");
  CHECK(ErrorsOf(R"({"exclusiveMinimum":1})", "1") == " | /exclusiveMinimum | 1 is less than or equal to the minimum of 1\n");
  CHECK(ErrorsOf(R"({"exclusiveMinimum":1})", "1.0000001") == "");
  CHECK(ErrorsOf(R"({"exclusiveMaximum":0})", "0.0") == " | /exclusiveMaximum | 0.0 is greater than or equal to the maximum of 0\n");
}

TEST_CASE("numeric comparisons are exact across representations", "[schema][number]") {
  CHECK(ErrorsOf(R"({"maximum":9007199254740992})", "9007199254740993") ==
        " | /maximum | 9007199254740993 is greater than the maximum of 9007199254740992\n");
  CHECK(ErrorsOf(R"({"minimum":-1})", "18446744073709551615") == "");
  CHECK(ErrorsOf(R"({"maximum":-1})", "18446744073709551615") ==
        " | /maximum | 18446744073709551615 is greater than the maximum of -1\n");
  CHECK(ErrorsOf(R"({"maximum":1e300})", "18446744073709551615") == "");
}

TEST_CASE("multipleOf", "[schema][number]") {
  CHECK(ErrorsOf(R"({"multipleOf":2})", "10") == "");
  CHECK(ErrorsOf(R"({"multipleOf":2})", "-7") == " | /multipleOf | -7 is not a multiple of 2\n");
  CHECK(ErrorsOf(R"({"multipleOf":0.01})", "0.07") == "");
  CHECK(ErrorsOf(R"({"multipleOf":0.0001})", "0.0075") == "");
  CHECK(ErrorsOf(R"({"multipleOf":0.0001})", "0.00751") == " | /multipleOf | 0.00751 is not a multiple of 0.0001\n");
  CHECK(ErrorsOf(R"({"multipleOf":1.0})", "10000000000.5") == " | /multipleOf | 10000000000.5 is not a multiple of 1.0\n");
  CHECK(ErrorsOf(R"({"multipleOf":0.123456789})", "1e308") == " | /multipleOf | 1e+308 is not a multiple of 0.123456789\n");
  CHECK(ErrorsOf(R"({"multipleOf":0.5})", "1.25") == " | /multipleOf | 1.25 is not a multiple of 0.5\n");
  CHECK(ErrorsOf(R"({"multipleOf":3})", "4.5") == " | /multipleOf | 4.5 is not a multiple of 3\n");
  CHECK(ErrorsOf(R"({"multipleOf":3})", "-9223372036854775808") == " | /multipleOf | -9223372036854775808 is not a multiple of 3\n");
}

TEST_CASE("string length counts code points", "[schema][string]") {
  CHECK(ErrorsOf(R"({"maxLength":2})", R"("é€")") == "");
  CHECK(ErrorsOf(R"({"maxLength":2})", R"("abc")") == " | /maxLength | 'abc' is too long\n");
  CHECK(ErrorsOf(R"({"maxLength":0})", R"("a")") == " | /maxLength | 'a' is expected to be empty\n");
  CHECK(ErrorsOf(R"({"minLength":2})", R"("😀")") == " | /minLength | '😀' is too short\n");
  CHECK(ErrorsOf(R"({"minLength":1})", R"("")") == " | /minLength | '' should be non-empty\n");
  CHECK(ErrorsOf(R"({"minLength":2.0})", R"("ab")") == "");
}

TEST_CASE("pattern: unanchored ECMA-262 search over code points", "[schema][string]") {
  CHECK(ErrorsOf(R"({"pattern":"^[A-Z]"})", R"("Abc")") == "");
  CHECK(ErrorsOf(R"({"pattern":"^[A-Z]"})", R"("abc")") == " | /pattern | 'abc' does not match '^[A-Z]'\n");
  CHECK(ErrorsOf(R"({"pattern":"b"})", R"("abc")") == "");
  CHECK(ErrorsOf(R"({"pattern":"^.$"})", R"("é")") == "");
  CHECK(ErrorsOf(R"({"pattern":"^\\d{3}-\\w+$"})", R"("123-ab_c")") == "");
  CHECK(ErrorsOf(R"({"pattern":"^a"})", "12") == "");  // non-strings ignored
}

TEST_CASE("pattern: long subjects match; catastrophic backtracking is reported, not waited for", "[schema][string][regex]") {
  auto schema = CompiledSchema::Compile(Json::parse(R"({"pattern":"^[a-z]+$"})"));
  CHECK(schema.IsValid(Json(std::string(200000, 'a'))));
  CHECK_FALSE(schema.IsValid(Json(std::string(200000, 'a') + "!")));
  auto catastrophic = CompiledSchema::Compile(Json::parse(R"({"pattern":"^(a+)+$"})"));
  auto errors = catastrophic.Validate(Json(std::string(40, 'a') + "!"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].keyword_location == "/pattern");
  CHECK(errors[0].message.find("could not be matched against '^(a+)+$'") != std::string::npos);
}

TEST_CASE("messages render values compactly, truncated", "[schema][render]") {
  std::string long_string(100, 'x');
  auto schema = CompiledSchema::Compile(Json::parse(R"({"type":"integer"})"));
  auto errors = schema.Validate(Json(long_string));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'" + std::string(56, 'x') + "... is not of type 'integer'");
  CHECK(ErrorsOf(R"({"type":"string"})", R"({"a":"it's","b":[true,null,1.5]})") ==
        " | /type | {'a': 'it\\'s', 'b': [true, null, 1.5]} is not of type 'string'\n");
}

TEST_CASE("arrays: items, prefixItems, counts, uniqueness", "[schema][array]") {
  CHECK(ErrorsOf(R"({"items":{"type":"integer"}})", R"([1,"a",2,"b"])") ==
        "/1 | /items/type | 'a' is not of type 'integer'\n"
        "/3 | /items/type | 'b' is not of type 'integer'\n");
  CHECK(ErrorsOf(R"({"prefixItems":[{"type":"string"}],"items":{"type":"integer"}})", R"(["a",1,"x"])") ==
        "/2 | /items/type | 'x' is not of type 'integer'\n");
  CHECK(ErrorsOf(R"({"prefixItems":[{"type":"string"}],"items":false})", R"(["a",1])") ==
        " | /items | Expected at most 1 item but found 1 extra: 1\n");
  CHECK(ErrorsOf(R"({"prefixItems":[true,true],"items":false})", R"([1,2,3,4])") ==
        " | /items | Expected at most 2 items but found 2 extra: [3, 4]\n");
  // draft-07 array form of items, with additionalItems.
  CHECK(ErrorsOf(R"({"items":[{"type":"string"}],"additionalItems":false})", R"(["a",1,2])") ==
        " | /additionalItems | Additional items are not allowed (1, 2 were unexpected)\n");
  CHECK(ErrorsOf(R"({"items":[{"type":"string"}]})", R"([1, 2])") == "/0 | /items/0/type | 1 is not of type 'string'\n");
  CHECK(ErrorsOf(R"({"minItems":1})", "[]") == " | /minItems | [] should be non-empty\n");
  CHECK(ErrorsOf(R"({"minItems":2})", "[1]") == " | /minItems | [1] is too short\n");
  CHECK(ErrorsOf(R"({"maxItems":1})", "[1,2]") == " | /maxItems | [1, 2] is too long\n");
  CHECK(ErrorsOf(R"({"maxItems":0})", "[1]") == " | /maxItems | [1] is expected to be empty\n");
  CHECK(ErrorsOf(R"({"uniqueItems":true})", R"([1,{"a":1,"b":2},{"b":2,"a":1}])") ==
        " | /uniqueItems | [1, {'a': 1, 'b': 2}, {'b': 2, 'a': 1}] has non-unique elements\n");
  CHECK(ErrorsOf(R"({"uniqueItems":true})", R"([1,1.0])") == " | /uniqueItems | [1, 1.0] has non-unique elements\n");
  CHECK(ErrorsOf(R"({"uniqueItems":true})", R"([0,false,[0],[false]])") == "");
  CHECK(ErrorsOf(R"({"uniqueItems":false})", R"([1,1])") == "");
}

TEST_CASE("property counts", "[schema][object]") {
  CHECK(ErrorsOf(R"({"minProperties":1})", "{}") == " | /minProperties | {} should be non-empty\n");
  CHECK(ErrorsOf(R"({"minProperties":2})", R"({"a":1})") == " | /minProperties | {'a': 1} does not have enough properties\n");
  CHECK(ErrorsOf(R"({"maxProperties":1})", R"({"a":1,"b":2})") == " | /maxProperties | {'a': 1, 'b': 2} has too many properties\n");
  CHECK(ErrorsOf(R"({"maxProperties":0})", R"({"a":1})") == " | /maxProperties | {'a': 1} is expected to be empty\n");
}

TEST_CASE("allOf, anyOf, oneOf, not", "[schema][applicator]") {
  CHECK(ErrorsOf(R"({"allOf":[{"type":"integer"},{"minimum":3}]})", "2.5") ==
        " | /allOf/0/type | 2.5 is not of type 'integer'\n"
        " | /allOf/1/minimum | 2.5 is less than the minimum of 3\n");
  CHECK(ErrorsOf(R"({"anyOf":[{"type":"integer"},{"type":"string"}]})", "1") == "");
  CHECK(ErrorsOf(R"({"anyOf":[{"type":"integer"},{"type":"string"}]})", "null") ==
        " | /anyOf | null is not valid under any of the given schemas\n");
  CHECK(ErrorsOf(R"({"oneOf":[{"type":"integer"},{"minimum":2}]})", "1") == "");
  CHECK(ErrorsOf(R"({"oneOf":[{"type":"integer"},{"minimum":2}]})", "1.5") ==
        " | /oneOf | 1.5 is not valid under any of the given schemas\n");
  CHECK(ErrorsOf(R"({"oneOf":[{"type":"integer"},{"minimum":2}]})", "3") ==
        " | /oneOf | 3 is valid under each of {'type': 'integer'}, {'minimum': 2}\n");
  CHECK(ErrorsOf(R"({"not":{"type":"string"}})", "1") == "");
  CHECK(ErrorsOf(R"({"not":{"type":"string"}})", R"("a")") == " | /not | 'a' should not be valid under {'type': 'string'}\n");
  CHECK(ErrorsOf(R"({"properties":{"a":{"anyOf":[{"const":1},{"const":2}]}}})", R"({"a":3})") ==
        "/a | /properties/a/anyOf | 3 is not valid under any of the given schemas\n");
}

TEST_CASE("boolean schemas", "[schema][boolean]") {
  CHECK(ErrorsOf("true", R"({"anything":[1]})") == "");
  CHECK(ErrorsOf("false", "1") == " |  | False schema does not allow 1\n");
  CHECK(ErrorsOf(R"({"properties":{"x":false}})", R"({"x":"v"})") == "/x | /properties/x | False schema does not allow 'v'\n");
}

TEST_CASE("$ref into $defs and definitions, location through the ref", "[schema][ref]") {
  const char* schema = R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s",
    "title": "t", "description": "d", "default": {}, "examples": [{}],
    "$defs": {"positive": {"type": "integer", "minimum": 1}},
    "definitions": {"name": {"type": "string", "minLength": 1}},
    "properties": {"a": {"$ref": "#/$defs/positive"}, "b": {"$ref": "#/definitions/name"},
                   "c": {"$ref": "https://example.com/s#/$defs/positive"}}})";
  CHECK(ErrorsOf(schema, R"({"a":1,"b":"x","c":2})") == "");
  CHECK(ErrorsOf(schema, R"({"a":0,"b":"","c":"q"})") ==
        "/a | /properties/a/$ref/minimum | 0 is less than the minimum of 1\n"
        "/b | /properties/b/$ref/minLength | '' should be non-empty\n"
        "/c | /properties/c/$ref/type | 'q' is not of type 'integer'\n");
  // $ref with siblings: both apply (2020-12).
  CHECK(ErrorsOf(R"({"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","maxLength":1})", R"("ab")") ==
        " | /maxLength | 'ab' is too long\n");
  // JSON pointer paths, escaped and percent-encoded.
  CHECK(ErrorsOf(R"({"x":{"a/b":{"type":"null"},"c%d":{"const":1}},"properties":{"p":{"$ref":"#/x/a~1b"},"q":{"$ref":"#/x/c%25d"}}})",
                 R"({"p":1,"q":2})") ==
        "/p | /properties/p/$ref/type | 1 is not of type 'null'\n"
        "/q | /properties/q/$ref/const | 1 was expected\n");
  CHECK(ErrorsOf(R"({"properties":{"a":{"type":"integer"},"b":{"$ref":"#/properties/a"}}})", R"({"b":"x"})") ==
        "/b | /properties/b/$ref/type | 'x' is not of type 'integer'\n");
}

TEST_CASE("recursive $ref", "[schema][ref]") {
  const char* tree = R"({
    "$defs": {"node": {"type": "object", "required": ["value"],
      "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}},
    "$ref": "#/$defs/node"})";
  CHECK(ErrorsOf(tree, R"({"value":1,"children":[{"value":2,"children":[{"value":3}]}]})") == "");
  CHECK(ErrorsOf(tree, R"({"value":1,"children":[{"value":2,"children":[{"value":"x"},{}]}]})") ==
        "/children/0/children/0/value | /$ref/properties/children/items/$ref/properties/children/items/$ref/properties/value/type | 'x' is not of type 'integer'\n"
        "/children/0/children/1 | /$ref/properties/children/items/$ref/properties/children/items/$ref/required | 'value' is a required property\n");
  // Root recursion.
  CHECK(ErrorsOf(R"({"properties":{"next":{"$ref":"#"}},"additionalProperties":false})", R"({"next":{"next":{"x":1}}})") ==
        "/next/next | /properties/next/$ref/properties/next/$ref/additionalProperties | Additional properties are not allowed ('x' was unexpected)\n");
}

TEST_CASE("deeply nested instances stop at the depth limit without crashing", "[schema][ref]") {
  auto schema = CompiledSchema::Compile(Json::parse(R"({"items":{"$ref":"#"}})"));
  Json deep = Json::array();
  for (int i = 0; i < 1500; ++i) deep = Json::array({std::move(deep)});
  auto errors = schema.Validate(deep);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "Evaluation exceeds the maximum depth of 1000");
  CHECK_FALSE(schema.IsValid(deep));
}

TEST_CASE("unknown keywords and annotations are ignored", "[schema][annotations]") {
  CHECK(ErrorsOf(R"({"x-custom":{"type":"string"},"format":"email","$comment":"c","contentMediaType":"x"})", "1") == "");
}

TEST_CASE("errors follow schema keyword order", "[schema][order]") {
  CHECK(ErrorsOf(R"({"minimum":5,"type":"integer","multipleOf":2})", "3.5") ==
        " | /minimum | 3.5 is less than the minimum of 5\n"
        " | /type | 3.5 is not of type 'integer'\n"
        " | /multipleOf | 3.5 is not a multiple of 2\n");
}

TEST_CASE("a compiled schema is reusable and movable", "[schema][api]") {
  auto schema = CompiledSchema::Compile(Json::parse(R"({"type":"string"})"));
  CompiledSchema moved = std::move(schema);
  CHECK(moved.IsValid(Json("a")));
  CHECK_FALSE(moved.IsValid(Json(1)));
  CHECK(moved.Validate(Json(2)).size() == 1);
}
