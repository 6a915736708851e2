#include "schema/runtime_compat.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "schema/json_pointer.h"

namespace trajc::schema {

namespace {

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view key) {
  return std::find(set.begin(), set.end(), key) != set.end();
}

// Source: OpenAI's "Structured model outputs" guide, section "Supported schemas"
// (platform.openai.com/docs/guides/structured-outputs): types string, number, boolean,
// integer, object, array, enum, anyOf; string: pattern, format; number: multipleOf,
// maximum, exclusiveMaximum, minimum, exclusiveMinimum; array: minItems, maxItems;
// definitions through $defs and $ref; descriptions and titles. Not supported there include
// minLength/maxLength, allOf/oneOf/not, if/then/else, patternProperties, uniqueItems,
// contains and `default`.
constexpr std::array<std::string_view, 22> kOpenAiKeywords = {
    "type",      "properties", "required",         "additionalProperties", "items",    "enum",
    "const",     "anyOf",      "$ref",             "$defs",                "definitions", "description",
    "title",     "pattern",    "format",           "minimum",              "maximum",  "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems"};
constexpr std::array<std::string_view, 9> kOpenAiFormats = {"date-time", "time",     "date", "duration", "email",
                                                            "hostname",  "ipv4",     "ipv6", "uuid"};

// Keys whose value is a map of name -> subschema (their keys are not keywords).
constexpr std::array<std::string_view, 6> kSchemaMaps = {"properties", "patternProperties", "$defs",
                                                         "definitions", "dependentSchemas", "dependencies"};

bool IsObjectSchema(const Json& s) {
  if (!s.is_object()) return false;
  const Json type = s.value("type", Json());
  if (type == "object") return true;
  if (type.is_array() && std::find(type.begin(), type.end(), Json("object")) != type.end()) return true;
  return !s.contains("type") && s.contains("properties");
}

void Collect(const Json& schema, const std::string& pointer, bool in_place, size_t parent,
             std::vector<Subschema>& out) {
  const size_t self = out.size();
  out.push_back({&schema, pointer, in_place, parent});
  if (!schema.is_object()) return;
  for (const auto& [key, value] : schema.items()) {
    std::string at = pointer + "/" + EscapePointerToken(key);
    if (key == "allOf" || key == "anyOf" || key == "oneOf" || key == "prefixItems" ||
        (key == "items" && value.is_array())) {
      if (!value.is_array()) continue;
      bool place = key != "prefixItems" && key != "items";
      for (size_t i = 0; i < value.size(); ++i) Collect(value[i], at + "/" + std::to_string(i), place, self, out);
    } else if (key == "not" || key == "if" || key == "then" || key == "else") {
      Collect(value, at, true, self, out);
    } else if (In(kSchemaMaps, key)) {
      if (!value.is_object()) continue;
      for (const auto& [name, sub] : value.items())
        if (sub.is_object() || sub.is_boolean())
          Collect(sub, at + "/" + EscapePointerToken(name), key == "dependentSchemas" || key == "dependencies", self, out);
    } else if (key == "items" || key == "additionalProperties" || key == "additionalItems" || key == "contains" ||
               key == "propertyNames" || key == "unevaluatedItems" || key == "unevaluatedProperties") {
      if (value.is_object() || value.is_boolean()) Collect(value, at, false, self, out);
    }
  }
}

// The parameters FunctionGemma's template renders: root properties, an OBJECT's properties,
// an ARRAY's items' properties.
void GemmaProperties(const Json& properties, const std::string& pointer, std::vector<CompatIssue>& out) {
  static constexpr std::array<std::string_view, 5> kSkipped = {"description", "type", "properties", "required",
                                                               "nullable"};
  static constexpr std::array<std::string_view, 5> kShown = {"description", "type", "enum", "properties", "required"};
  if (!properties.is_object()) return;
  for (const auto& [name, schema] : properties.items()) {
    std::string at = pointer + "/" + EscapePointerToken(name);
    if (In(kSkipped, name)) {
      out.push_back({at + "#key", "FunctionGemma's prompt leaves out a parameter named '" + name + "' (a schema keyword)"});
      continue;
    }
    if (!schema.is_object()) continue;
    const Json type = schema.value("type", Json());
    if (!type.is_string()) {
      out.push_back({at, "FunctionGemma's prompt needs one \"type\" for parameter '" + name + "'" +
                             (type.is_null() ? std::string(" (it has none)") : " (a list is shown as Python's repr)")});
    }
    if (schema.contains("enum") && type != "string")
      out.push_back({at + "/enum#key", "FunctionGemma's prompt shows enum only for string parameters; '" + name +
                                           "' is not a string"});
    std::string hidden;
    for (const auto& [key, value] : schema.items()) {
      if (In(kShown, key) || (key == "items" && type == "array") || key == "additionalProperties") continue;
      hidden += (hidden.empty() ? "" : ", ") + key;
    }
    if (!hidden.empty())
      out.push_back({at, "FunctionGemma's prompt does not show " + hidden + " of parameter '" + name +
                             "'; the model never sees it"});
    if (type == "object") GemmaProperties(schema.value("properties", Json::object()), at + "/properties", out);
    if (type == "array" && schema.contains("items") && schema["items"].is_object())
      GemmaProperties(schema["items"].value("properties", Json::object()), at + "/items/properties", out);
  }
}

}  // namespace

std::vector<Subschema> Subschemas(const Json& schema, const std::string& pointer) {
  std::vector<Subschema> out;
  Collect(schema, pointer, false, std::string::npos, out);
  return out;
}

std::vector<CompatIssue> OpenAiStrictIssues(const Json& parameters) {
  std::vector<CompatIssue> out;
  const std::string prefix = "OpenAI strict mode: ";
  if (parameters.is_object() && parameters.value("type", Json()) != "object")
    out.push_back({"", prefix + "the parameters schema must be \"type\": \"object\""});
  if (parameters.is_object() && parameters.contains("anyOf"))
    out.push_back({"/anyOf#key", prefix + "the root must not be anyOf"});
  for (const Subschema& s : Subschemas(parameters)) {
    if (!s.schema->is_object()) continue;
    const Json& schema = *s.schema;
    for (const auto& [key, value] : schema.items())
      if (!In(kOpenAiKeywords, key))
        out.push_back({s.pointer + "/" + EscapePointerToken(key) + "#key",
                       prefix + "'" + key + "' is not in the supported subset of JSON Schema"});
    if (schema.contains("format") && schema["format"].is_string() &&
        !In(kOpenAiFormats, schema["format"].get<std::string>()))
      out.push_back({s.pointer + "/format", prefix + "format '" + schema["format"].get<std::string>() +
                                                "' is not supported"});
    if (!IsObjectSchema(schema)) continue;
    if (schema.value("additionalProperties", Json()) != false)
      out.push_back({s.pointer, prefix + "an object needs \"additionalProperties\": false"});
    const Json required = schema.value("required", Json::array());
    const Json properties = schema.value("properties", Json::object());
    if (!properties.is_object()) continue;
    for (const auto& [name, sub] : properties.items()) {
      if (!required.is_array() || std::find(required.begin(), required.end(), Json(name)) == required.end())
        out.push_back({s.pointer + "/properties/" + EscapePointerToken(name) + "#key",
                       prefix + "property '" + name + "' must be listed in required (make its type nullable to "
                                                      "keep it optional)"});
    }
  }
  return out;
}

std::vector<CompatIssue> FunctionGemmaIssues(const Json& parameters) {
  std::vector<CompatIssue> out;
  if (!parameters.is_object()) return out;
  if (parameters.value("type", Json()) != "object")
    out.push_back({"", "FunctionGemma: the parameters schema must be \"type\": \"object\""});
  GemmaProperties(parameters.value("properties", Json::object()), "/properties", out);
  return out;
}

}  // namespace trajc::schema
