// Runs the official JSON-Schema-Test-Suite files for the keywords trajc supports.
//
// The suite comes from Debian's `json-schema-test-suite` package (tests under
// /usr/share/json-schema-test-suite/tests/<draft>/) or from the directory named by the
// environment variable TRAJC_JSON_SCHEMA_TEST_SUITE (a checkout's `tests` folder). The
// draft2020-12 files are used when present; bookworm's package (2.0.0) ships up to draft7,
// so draft7 is the fallback (its `items` array form and `definitions` are supported too).
// Groups that need keywords or features outside the supported subset are skipped and
// counted as such, with the reason printed. Without the suite the test is skipped.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "schema/json_schema.h"

namespace fs = std::filesystem;
using trajc::Json;
using trajc::schema::CompiledSchema;
using trajc::schema::SchemaError;

namespace {

const std::set<std::string> kSupported = {
    "type", "properties", "required", "additionalProperties", "patternProperties", "enum", "const",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "pattern", "items", "prefixItems", "additionalItems", "minItems", "maxItems", "uniqueItems",
    "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "$ref", "$defs", "definitions",
    "$schema", "$comment", "title", "description", "default", "examples"};
const std::set<std::string> kUnsupported = {
    "contains", "minContains", "maxContains", "dependentRequired", "dependentSchemas", "dependencies", "if",
    "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "$dynamicRef",
    "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$anchor", "$id", "format", "$vocabulary"};

// Why a group cannot run on the supported subset ("" when it can).
std::string SkipReason(const Json& schema, bool draft7, bool is_root) {
  if (!schema.is_object()) return "";
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    if (kUnsupported.count(key) != 0) {
      if (!(key == "$id" && is_root && !schema.contains("$ref"))) return "uses " + key;
    }
    if (key == "$ref") {
      if (!value.is_string() || value.get<std::string>().rfind('#', 0) != 0) return "remote $ref";
      if (draft7) {
        for (auto s = schema.begin(); s != schema.end(); ++s) {
          if (kSupported.count(s.key()) != 0 && s.key() != "$ref" && s.key() != "definitions" &&
              s.key() != "$defs" && s.key() != "title" && s.key() != "description" && s.key() != "$comment") {
            return "draft-07 ignores $ref siblings (trajc applies 2020-12 semantics)";
          }
        }
      }
    }
    if (kSupported.count(key) == 0) continue;
    std::string reason;
    if (key == "properties" || key == "patternProperties" || key == "$defs" || key == "definitions") {
      if (value.is_object()) {
        for (const Json& sub : value) {
          if (reason.empty()) reason = SkipReason(sub, draft7, false);
        }
      }
    } else if (key == "items" || key == "prefixItems" || key == "allOf" || key == "anyOf" || key == "oneOf") {
      if (value.is_array()) {
        for (const Json& sub : value) {
          if (reason.empty()) reason = SkipReason(sub, draft7, false);
        }
      } else {
        reason = SkipReason(value, draft7, false);
      }
    } else if (key == "not" || key == "additionalProperties" || key == "additionalItems") {
      reason = SkipReason(value, draft7, false);
    }
    if (!reason.empty()) return reason;
  }
  return "";
}

fs::path FindSuiteDir(std::string& draft) {
  std::vector<fs::path> roots;
  if (const char* env = std::getenv("TRAJC_JSON_SCHEMA_TEST_SUITE")) roots.emplace_back(env);
  roots.emplace_back("/usr/share/json-schema-test-suite/tests");
  for (const char* candidate : {"draft2020-12", "draft7"}) {
    for (const auto& root : roots) {
      std::error_code ec;
      if (fs::is_directory(root / candidate, ec)) {
        draft = candidate;
        return root / candidate;
      }
    }
  }
  return {};
}

}  // namespace

TEST_CASE("JSON-Schema-Test-Suite: supported keywords", "[suite]") {
  std::string draft;
  fs::path dir = FindSuiteDir(draft);
  if (dir.empty()) {
    WARN("JSON-Schema-Test-Suite not found (apt-get install json-schema-test-suite); skipping");
    return;
  }
  const bool draft7 = draft != "draft2020-12";
  std::vector<std::string> files = {
      "type", "properties", "required", "additionalProperties", "patternProperties", "enum", "const", "minimum",
      "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
      "items", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf", "anyOf",
      "oneOf", "not", "boolean_schema", "ref"};
  if (draft7) {
    files.push_back("additionalItems");
    files.push_back("definitions");
  } else {
    files.push_back("prefixItems");
    files.push_back("defs");
  }

  struct Row {
    int passed = 0, failed = 0, skipped = 0;
  };
  std::map<std::string, Row> rows;
  std::vector<std::string> skip_notes;
  Row total;
  for (const std::string& name : files) {
    fs::path file = dir / (name + ".json");
    Row& row = rows[name];
    std::ifstream in(file);
    if (!in) {
      WARN("missing suite file " << file.string());
      continue;
    }
    Json groups = Json::parse(in);
    for (const Json& group : groups) {
      const std::string group_name = group["description"].get<std::string>();
      std::string reason = SkipReason(group["schema"], draft7, true);
      if (!reason.empty()) {
        row.skipped += static_cast<int>(group["tests"].size());
        skip_notes.push_back(name + ": \"" + group_name + "\" (" + reason + ")");
        continue;
      }
      std::unique_ptr<CompiledSchema> schema;
      try {
        schema = std::make_unique<CompiledSchema>(CompiledSchema::Compile(group["schema"]));
      } catch (const SchemaError& e) {
        row.failed += static_cast<int>(group["tests"].size());
        FAIL_CHECK(name << ": \"" << group_name << "\" did not compile: " << e.what());
        continue;
      }
      for (const Json& test : group["tests"]) {
        bool expected = test["valid"].get<bool>();
        bool is_valid = schema->IsValid(test["data"]);
        auto errors = schema->Validate(test["data"]);
        bool ok = is_valid == expected && errors.empty() == expected;
        if (ok) {
          ++row.passed;
        } else {
          ++row.failed;
        }
        INFO(name << ": \"" << group_name << "\" / \"" << test["description"].get<std::string>()
                  << "\": expected " << (expected ? "valid" : "invalid") << ", IsValid=" << is_valid
                  << ", errors=" << errors.size());
        CHECK(ok);
      }
    }
    total.passed += row.passed;
    total.failed += row.failed;
    total.skipped += row.skipped;
  }

  std::printf("\nJSON-Schema-Test-Suite (%s, %s)\n", draft.c_str(), dir.string().c_str());
  std::printf("  %-22s %7s %7s %8s\n", "file", "pass", "fail", "skipped");
  for (const std::string& name : files) {
    const Row& row = rows[name];
    std::printf("  %-22s %7d %7d %8d\n", name.c_str(), row.passed, row.failed, row.skipped);
  }
  std::printf("  %-22s %7d %7d %8d\n", "TOTAL", total.passed, total.failed, total.skipped);
  for (const std::string& note : skip_notes) std::printf("  skipped group: %s\n", note.c_str());
  std::fflush(stdout);
  CHECK(total.failed == 0);
}
