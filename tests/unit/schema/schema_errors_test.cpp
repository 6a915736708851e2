// Every SchemaError case: Compile() must reject what it cannot use, at the right pointer.
#include <catch2/catch.hpp>

#include "schema/json_schema.h"
#include "schema_test_util.h"

TEST_CASE("schema must be an object or a boolean", "[schema][errors]") {
  CHECK(CompileError("1") == ": must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"properties":{"x":[]}})") == "/properties/x: must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"additionalProperties":"no"})") == "/additionalProperties: must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"items":3})") == "/items: must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"not":null})") == "/not: must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"$defs":{"a":1}})") == "/$defs/a: must be a schema (an object or a boolean)");
}

TEST_CASE("keyword values of the wrong type", "[schema][errors]") {
  CHECK(CompileError(R"({"properties":{"x":{"minimum":"1"}}})") == "/properties/x/minimum: must be a number");
  CHECK(CompileError(R"({"maximum":null})") == "/maximum: must be a number");
  CHECK(CompileError(R"({"exclusiveMinimum":true})") ==
        "/exclusiveMinimum: must be a number (the draft-04 boolean form is not supported)");
  CHECK(CompileError(R"({"exclusiveMaximum":"3"})") == "/exclusiveMaximum: must be a number");
  CHECK(CompileError(R"({"multipleOf":0})") == "/multipleOf: must be a number greater than 0");
  CHECK(CompileError(R"({"multipleOf":-2})") == "/multipleOf: must be a number greater than 0");
  CHECK(CompileError(R"({"minLength":-1})") == "/minLength: must be a non-negative integer");
  CHECK(CompileError(R"({"maxLength":1.5})") == "/maxLength: must be a non-negative integer");
  CHECK(CompileError(R"({"minItems":"2"})") == "/minItems: must be a non-negative integer");
  CHECK(CompileError(R"({"maxItems":true})") == "/maxItems: must be a non-negative integer");
  CHECK(CompileError(R"({"minProperties":-3})") == "/minProperties: must be a non-negative integer");
  CHECK(CompileError(R"({"maxProperties":[]})") == "/maxProperties: must be a non-negative integer");
  CHECK(CompileError(R"({"uniqueItems":1})") == "/uniqueItems: must be a boolean");
  CHECK(CompileError(R"({"required":"a"})") == "/required: must be an array");
  CHECK(CompileError(R"({"required":["a",2]})") == "/required/1: must be a string");
  CHECK(CompileError(R"({"enum":{"a":1}})") == "/enum: must be an array");
  CHECK(CompileError(R"({"properties":[]})") == "/properties: must be an object");
  CHECK(CompileError(R"({"patternProperties":true})") == "/patternProperties: must be an object");
  CHECK(CompileError(R"({"$defs":[]})") == "/$defs: must be an object");
  CHECK(CompileError(R"({"definitions":1})") == "/definitions: must be an object");
  CHECK(CompileError(R"({"allOf":[]})") == "/allOf: must be a non-empty array");
  CHECK(CompileError(R"({"anyOf":{}})") == "/anyOf: must be a non-empty array");
  CHECK(CompileError(R"({"oneOf":[true,1]})") == "/oneOf/1: must be a schema (an object or a boolean)");
  CHECK(CompileError(R"({"prefixItems":[]})") == "/prefixItems: must be a non-empty array");
  CHECK(CompileError(R"({"pattern":5})") == "/pattern: must be a string");
  CHECK(CompileError(R"({"$ref":5})") == "/$ref: must be a string");
}

TEST_CASE("type names", "[schema][errors]") {
  CHECK(CompileError(R"({"type":"strin"})") ==
        "/type: unknown type 'strin' (expected one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string')");
  CHECK(CompileError(R"({"type":["string","int"]})") ==
        "/type/1: unknown type 'int' (expected one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string')");
  CHECK(CompileError(R"({"type":["string",1]})") == "/type/1: must be a type name string");
  CHECK(CompileError(R"({"type":{}})") == "/type: must be a string or an array of strings");
}

TEST_CASE("invalid regular expressions", "[schema][errors]") {
  CHECK(CompileError(R"({"properties":{"a":{"pattern":"([a-z"}}})") ==
        "/properties/a/pattern: invalid regular expression '([a-z': missing ']' for the character class at offset 1");
  CHECK(CompileError(R"({"patternProperties":{"(":{}}})") ==
        "/patternProperties/(: invalid regular expression '(': missing closing parenthesis at offset 1");
  CHECK(CompileError(R"({"pattern":"\\a"})") ==
        "/pattern: invalid regular expression '\\\\a': '\\a' is not an ECMA-262 escape at offset 0");
  // Nested repetition compiles: PCRE2's match limit bounds it at match time (regex_test).
  CHECK(CompileError(R"({"pattern":"^(a+)+$"})") == "(compiled)");
  CHECK(CompileError(R"({"pattern":"^([a-z]+\\.)*[a-z]+$"})") == "(compiled)");
  CHECK(CompileError(R"({"pattern":"^[(+)]+$"})") == "(compiled)");
}

TEST_CASE("unresolvable and unsupported $ref", "[schema][errors]") {
  CHECK(CompileError(R"({"properties":{"a":{"$ref":"#/$defs/missing"}}})") ==
        "/properties/a/$ref: cannot resolve '#/$defs/missing': no such location in the schema");
  CHECK(CompileError(R"({"$ref":"other.json#/a"})") ==
        "/$ref: cannot resolve 'other.json#/a': only local references ('#...') are supported");
  CHECK(CompileError(R"({"$ref":"#anchor"})") ==
        "/$ref: cannot resolve '#anchor': anchors are not supported, use a JSON pointer");
  CHECK(CompileError(R"({"$ref":"#/a~2"})") == "/$ref: cannot resolve '#/a~2': malformed JSON pointer");
  CHECK(CompileError(R"({"$ref":"#/a%zz"})") == "/$ref: cannot resolve '#/a%zz': malformed percent-encoding");
  CHECK(CompileError(R"({"items":[true],"$ref":"#/items/1"})") ==
        "/$ref: cannot resolve '#/items/1': no such location in the schema");
  // Definitions are checked even when unused.
  CHECK(CompileError(R"({"$defs":{"a":{"$ref":"#/$defs/b"}}})") ==
        "/$defs/a/$ref: cannot resolve '#/$defs/b': no such location in the schema");
  // Unresolvable inside a location that is itself only reached through a $ref.
  CHECK(CompileError(R"({"x":{"$ref":"#/nope"},"$ref":"#/x"})") ==
        "/x/$ref: cannot resolve '#/nope': no such location in the schema");
}

TEST_CASE("$ref cycles that never consume the instance", "[schema][errors]") {
  CHECK(CompileError(R"({"$ref":"#"})") == ": reference cycle: this schema applies itself to the same instance without end");
  CHECK(CompileError(R"({"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"allOf":[{"$ref":"#/$defs/a"}]}}})") ==
        "/$defs/a: reference cycle: this schema applies itself to the same instance without end");
  // A cycle through properties/items is fine: the instance is finite.
  CHECK(CompileError(R"({"properties":{"a":{"$ref":"#"}},"items":{"$ref":"#"}})") == "(compiled)");
}

TEST_CASE("schema nesting depth is bounded", "[schema][errors]") {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += R"({"not":)";
  deep += "true";
  for (int i = 0; i < 300; ++i) deep += "}";
  CHECK(CompileError(deep.c_str()).find("schema nesting exceeds the maximum depth of 256") != std::string::npos);
}
