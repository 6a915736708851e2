// Messages and locations of the keywords beyond the core set (the suite pins validity only).
#include <catch2/catch.hpp>

#include "schema/json_schema.h"
#include "schema_test_util.h"

TEST_CASE("contains, minContains, maxContains", "[schema][array]") {
  CHECK(ErrorsOf(R"({"contains":{"type":"integer"}})", R"(["a",1])") == "");
  CHECK(ErrorsOf(R"({"contains":{"type":"integer"}})", R"(["a","b"])") ==
        " | /contains | None of ['a', 'b'] are valid under the given schema\n");
  CHECK(ErrorsOf(R"({"contains":{"type":"integer"},"minContains":2})", R"([1,"b"])") ==
        " | /contains | Too few items match the given schema (expected at least 2 but only 1 matched)\n");
  CHECK(ErrorsOf(R"({"contains":{"type":"integer"},"maxContains":1})", "[1,2]") ==
        " | /contains | Too many items match the given schema (expected at most 1)\n");
  CHECK(ErrorsOf(R"({"contains":{"type":"integer"},"minContains":0})", "[]") == "");
  CHECK(ErrorsOf(R"({"minContains":3})", "[]") == "");  // without contains: nothing to count
}

TEST_CASE("if/then/else report under then and else", "[schema][applicator]") {
  const char* schema = R"({"if":{"properties":{"kind":{"const":"file"}}},
      "then":{"required":["size"]},"else":{"properties":{"size":false}}})";
  CHECK(ErrorsOf(schema, R"({"kind":"file","size":1})") == "");
  CHECK(ErrorsOf(schema, R"({"kind":"file"})") == " | /then/required | 'size' is a required property\n");
  CHECK(ErrorsOf(schema, R"({"kind":"dir","size":1})") == "/size | /else/properties/size | False schema does not allow 1\n");
  CHECK(ErrorsOf(R"({"then":false})", "1") == "");  // then/else without if do nothing
}

TEST_CASE("dependentRequired, dependentSchemas, dependencies", "[schema][object]") {
  CHECK(ErrorsOf(R"({"dependentRequired":{"bar":["foo","baz"]}})", R"({"bar":1,"baz":2})") ==
        " | /dependentRequired | 'foo' is a dependency of 'bar'\n");
  CHECK(ErrorsOf(R"({"dependentSchemas":{"bar":{"required":["foo"]}}})", R"({"bar":1})") ==
        " | /dependentSchemas/bar/required | 'foo' is a required property\n");
  CHECK(ErrorsOf(R"({"$schema":"http://json-schema.org/draft-07/schema#","dependencies":{"a":["b"],"c":{"maxProperties":1}}})",
                 R"({"a":1,"c":2})") ==
        " | /dependencies | 'b' is a dependency of 'a'\n"
        " | /dependencies/c/maxProperties | {'a': 1, 'c': 2} has too many properties\n");
}

TEST_CASE("propertyNames reports at the object", "[schema][object]") {
  CHECK(ErrorsOf(R"({"propertyNames":{"maxLength":3}})", R"({"abc":1,"abcd":2})") ==
        " | /propertyNames/maxLength | 'abcd' is too long\n");
}

TEST_CASE("unevaluatedProperties and unevaluatedItems", "[schema][unevaluated]") {
  const char* schema = R"({"allOf":[{"properties":{"a":true}}],"anyOf":[{"properties":{"b":true}},{"required":["z"]}],
      "unevaluatedProperties":false})";
  CHECK(ErrorsOf(schema, R"({"a":1,"b":2})") == "");
  CHECK(ErrorsOf(schema, R"({"a":1,"c":2,"d":3})") ==
        " | /unevaluatedProperties | Unevaluated properties are not allowed ('c', 'd' were unexpected)\n");
  // Annotations of a failed subschema do not count.
  CHECK(ErrorsOf(R"({"not":{"properties":{"a":false}},"unevaluatedProperties":false})", R"({"a":1})") ==
        " | /unevaluatedProperties | Unevaluated properties are not allowed ('a' was unexpected)\n");
  CHECK(ErrorsOf(R"({"properties":{"a":true},"unevaluatedProperties":{"type":"integer"}})", R"({"a":"x","b":"y"})") ==
        "/b | /unevaluatedProperties/type | 'y' is not of type 'integer'\n");
  CHECK(ErrorsOf(R"({"prefixItems":[true],"contains":{"const":2},"unevaluatedItems":false})", "[1,2,3]") ==
        " | /unevaluatedItems | Unevaluated items are not allowed (3 was unexpected)\n");
  // Nested: the inner unevaluatedProperties evaluates everything for the outer one.
  CHECK(ErrorsOf(R"({"allOf":[{"unevaluatedProperties":true}],"unevaluatedProperties":false})", R"({"x":1})") == "");
}

TEST_CASE("$dynamicRef follows the dynamic scope; locations go through it", "[schema][ref]") {
  // The root resource's "item" anchor (integers) wins over the list's own (anything).
  auto compiled = trajc::schema::CompiledSchema::Compile(trajc::Json::parse(R"({
    "$id": "https://example.com/root", "$ref": "list", "$defs": {
      "item": {"$dynamicAnchor": "item", "type": "integer"},
      "list": {"$id": "list", "type": "array", "items": {"$dynamicRef": "#item"},
               "$defs": {"default": {"$dynamicAnchor": "item"}}}}})"));
  CHECK(compiled.IsValid(trajc::Json::parse("[1,2]")));
  auto errors = compiled.Validate(trajc::Json::parse(R"([1,"x"])"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].instance_location == "/1");
  CHECK(errors[0].keyword_location == "/$ref/items/$dynamicRef/type");
}

TEST_CASE("format is an annotation unless asked to assert", "[schema][format]") {
  CHECK(ErrorsOf(R"({"format":"no-such-format"})", R"("x")") == "");
  trajc::schema::CompileOptions options;
  options.format_assertion = true;
  // A format trajc does not know passes even when asserting.
  auto compiled = trajc::schema::CompiledSchema::Compile(trajc::Json::parse(R"({"format":"no-such-format"})"), options);
  CHECK(compiled.IsValid(trajc::Json("x")));
  CHECK(CompileError(R"({"format":1})") == "/format: must be a string");
}
