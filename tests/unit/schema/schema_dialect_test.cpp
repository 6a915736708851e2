// Dialects, the schema registry, the built-in metaschemas and metaschema validation.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostic.h"
#include "schema/json_schema.h"
#include "schema_test_util.h"

using trajc::Json;
using trajc::schema::CompiledSchema;
using trajc::schema::CompileOptions;
using trajc::schema::Dialect;
using trajc::schema::SchemaError;
using trajc::schema::SchemaRegistry;

namespace {

std::string CompileErrorWith(const char* schema, const CompileOptions& options) {
  try {
    CompiledSchema::Compile(Json::parse(schema), options);
  } catch (const SchemaError& e) {
    return e.pointer() + ": " + e.message();
  }
  return "(compiled)";
}

}  // namespace

TEST_CASE("the dialect follows $schema, else the default", "[schema][dialect]") {
  // 2020-12: $ref siblings apply. draft-07: $ref replaces its schema object.
  const char* body = R"("$defs":{"s":{"type":"string"}},"definitions":{"s":{"type":"string"}},"maxLength":1)";
  auto in2020 = CompiledSchema::Compile(Json::parse(std::string(R"({"$ref":"#/$defs/s",)") + body + "}"));
  CHECK_FALSE(in2020.IsValid(Json("ab")));
  auto in7 = CompiledSchema::Compile(
      Json::parse(std::string(R"({"$schema":"http://json-schema.org/draft-07/schema#","$ref":"#/definitions/s",)") + body + "}"));
  CHECK(in7.IsValid(Json("ab")));
  CompileOptions draft7;
  draft7.default_dialect = Dialect::kDraft7;
  CHECK(CompiledSchema::Compile(Json::parse(std::string(R"({"$ref":"#/definitions/s",)") + body + "}"), draft7)
            .IsValid(Json("ab")));
  // draft-07 has no dependentRequired: an unknown keyword there.
  auto unknown = CompiledSchema::Compile(Json::parse(R"({"dependentRequired":{"a":["b"]}})"), draft7);
  CHECK(unknown.IsValid(Json::parse(R"({"a":1})")));
  // draft-04: exclusiveMaximum is a boolean modifier of maximum.
  auto draft4 = CompiledSchema::Compile(
      Json::parse(R"({"$schema":"http://json-schema.org/draft-04/schema#","maximum":3,"exclusiveMaximum":true})"));
  CHECK_FALSE(draft4.IsValid(Json(3)));
  CHECK(draft4.IsValid(Json(2)));
  CHECK(CompileError(R"({"$schema":"https://example.com/unknown"})") ==
        "/$schema: unknown metaschema 'https://example.com/unknown': not a JSON Schema dialect, and no such "
        "document in the schema registry");
}

TEST_CASE("a custom metaschema's $vocabulary decides which keywords assert", "[schema][dialect]") {
  SchemaRegistry registry;
  registry.Add("https://example.com/no-validation", Json::parse(R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/no-validation",
    "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                    "https://json-schema.org/draft/2020-12/vocab/applicator": true}})"));
  registry.Add("https://example.com/needs-more", Json::parse(R"({
    "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true, "https://example.com/vocab/x": true}})"));
  CompileOptions options;
  options.registry = &registry;
  auto compiled = CompiledSchema::Compile(
      Json::parse(R"({"$schema":"https://example.com/no-validation","properties":{"a":false},"minimum":5})"), options);
  CHECK(compiled.IsValid(Json(1)));
  CHECK_FALSE(compiled.IsValid(Json::parse(R"({"a":1})")));
  CHECK(CompileErrorWith(R"({"$schema":"https://example.com/needs-more"})", options) ==
        "/$schema: metaschema 'https://example.com/needs-more' requires the vocabulary 'https://example.com/vocab/x', "
        "which trajc does not support");
}

TEST_CASE("remote references resolve through the registry, and name what is missing", "[schema][registry]") {
  SchemaRegistry registry;
  registry.Add("https://example.com/defs.json", Json::parse(R"({"$defs":{"positive":{"type":"integer","minimum":1}}})"));
  CompileOptions options;
  options.registry = &registry;
  auto compiled = CompiledSchema::Compile(
      Json::parse(R"({"properties":{"n":{"$ref":"https://example.com/defs.json#/$defs/positive"}}})"), options);
  auto errors = compiled.Validate(Json::parse(R"({"n":0})"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].keyword_location == "/properties/n/$ref/minimum");
  // Relative to the retrieval URI given as base_uri.
  options.base_uri = "https://example.com/main.json";
  CHECK(CompiledSchema::Compile(Json::parse(R"({"$ref":"defs.json#/$defs/positive"})"), options).IsValid(Json(3)));
  CHECK(CompileErrorWith(R"({"$ref":"other.json"})", options) ==
        "/$ref: cannot resolve 'other.json': no schema document is known as 'https://example.com/other.json' "
        "(remote documents must be added to the schema registry)");
  CHECK(CompileErrorWith(R"({"$ref":"defs.json#nope"})", options) ==
        "/$ref: cannot resolve 'defs.json#nope': no anchor 'nope' in 'https://example.com/defs.json'");
  // An unusable remote document is reported inside that document.
  registry.Add("https://example.com/bad.json", Json::parse(R"({"minimum":"x"})"));
  CHECK(CompileErrorWith(R"({"$ref":"bad.json"})", options) == "https://example.com/bad.json#/minimum: must be a number");
  // Without a registry, only the document itself and the built-in metaschemas are known.
  CHECK(CompileError(R"({"$ref":"https://example.com/defs.json"})") ==
        "/$ref: cannot resolve 'https://example.com/defs.json': no schema document is known as "
        "'https://example.com/defs.json' (remote documents must be added to the schema registry)");
  CHECK(CompileError(R"({"$ref":"https://json-schema.org/draft/2020-12/schema"})") == "(compiled)");
}

TEST_CASE("AddDirectory registers files by relative path and reports bad ones", "[schema][registry]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "trajc_schema_registry_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "a.json") << R"({"type":"string"})";
  SchemaRegistry registry;
  registry.AddDirectory(dir.string(), "http://localhost:1234/");
  REQUIRE(registry.Find("http://localhost:1234/sub/a.json") != nullptr);
  CHECK(*registry.Find("http://localhost:1234/sub/a.json") == Json::parse(R"({"type":"string"})"));
  CHECK(registry.Find("http://localhost:1234/a.json") == nullptr);
  std::ofstream(dir / "broken.json") << "{";
  SchemaRegistry broken;
  try {
    broken.AddDirectory(dir.string(), "http://localhost:1234/");
    FAIL("a malformed document must be reported");
  } catch (const trajc::Error& e) {
    CHECK(e.where().path == (dir / "broken.json").string());
    CHECK(e.message().rfind("malformed JSON: ", 0) == 0);
  }
  CHECK_THROWS_AS(broken.AddDirectory((dir / "missing").string(), "x:/"), trajc::Error);
  fs::remove_all(dir);
}

TEST_CASE("built-in metaschemas, and validation of a schema against its dialect's", "[schema][metaschema]") {
  CHECK(trajc::schema::BuiltinMetaschema("https://json-schema.org/draft/2020-12/schema") != nullptr);
  CHECK(trajc::schema::BuiltinMetaschema("https://json-schema.org/draft/2020-12/meta/applicator") != nullptr);
  CHECK(trajc::schema::BuiltinMetaschema("http://json-schema.org/draft-07/schema#") != nullptr);
  CHECK(trajc::schema::BuiltinMetaschema("http://json-schema.org/draft-04/schema") != nullptr);
  CHECK(trajc::schema::BuiltinMetaschema("https://example.com/schema") == nullptr);

  CHECK(trajc::schema::ValidateAgainstMetaschema(Json::parse(R"({"type":"object","properties":{"a":{"minLength":1}}})")).empty());
  auto errors = trajc::schema::ValidateAgainstMetaschema(
      Json::parse(R"({"type":"strin","properties":{"a":{"minLength":-1}},"required":"a"})"));
  std::string text;
  for (const auto& e : errors) text += e.instance_location + " | " + e.keyword_location + " | " + e.message + "\n";
  CHECK(text.find("/type | ") != std::string::npos);
  CHECK(text.find("/properties/a/minLength | /allOf/1/$ref/properties/properties/additionalProperties/$dynamicRef/allOf/3/$ref/"
                  "properties/minLength/$ref/$ref/minimum | -1 is less than the minimum of 0\n") != std::string::npos);
  CHECK(text.find("/required | /allOf/3/$ref/properties/required/$ref/type | 'a' is not of type 'array'\n") != std::string::npos);
  // draft-07 by $schema: its metaschema has no `$defs`-only keywords but the same checks.
  auto draft7 = trajc::schema::ValidateAgainstMetaschema(
      Json::parse(R"({"$schema":"http://json-schema.org/draft-07/schema#","minItems":"2"})"));
  REQUIRE(draft7.size() == 1);
  CHECK(draft7[0].instance_location == "/minItems");
}
