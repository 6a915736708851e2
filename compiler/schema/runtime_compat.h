// schema/runtime_compat — what function-calling runtimes refuse or drop in a tool's
// `parameters` schema, found before a dataset is trained on a definition they cannot serve.
//
// OpenAI strict mode (`"strict": true` on a function) accepts only a subset of JSON Schema;
// FunctionGemma's chat template renders only some keywords of each parameter. Each issue
// carries the JSON pointer (relative to `parameters`) of what it is about; a pointer ending
// in "#key" names an object key rather than its value (YamlDocument::Locate reads it so).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/json.h"

namespace trajc::schema {

struct CompatIssue {
  std::string pointer;
  std::string message;
};

// OpenAI structured outputs / strict function calling: the root is an object (not anyOf);
// every object has additionalProperties: false and lists every property in required; only
// supported keywords and formats.
std::vector<CompatIssue> OpenAiStrictIssues(const Json& parameters);

// FunctionGemma's prompt format: every parameter has one type; enum only on strings;
// constraints the template does not render; property names the template skips.
std::vector<CompatIssue> FunctionGemmaIssues(const Json& parameters);

// Every subschema of `schema` (itself first) with its pointer, relative to `pointer`, and
// whether it was reached through an in-place applicator (allOf/anyOf/oneOf/not/if/then/
// else/dependentSchemas), whose `required` refers to the enclosing object's properties.
struct Subschema {
  const Json* schema;
  std::string pointer;
  bool in_place;
  size_t parent;  // index of the enclosing subschema in the list; npos for `schema` itself
};
std::vector<Subschema> Subschemas(const Json& schema, const std::string& pointer = "");

}  // namespace trajc::schema
