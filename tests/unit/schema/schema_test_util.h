#pragma once

#include <string>

#include "schema/json_schema.h"

// "instance_location | keyword_location | message" per error, one per line.
inline std::string ErrorsOf(const char* schema, const char* instance) {
  auto compiled = trajc::schema::CompiledSchema::Compile(trajc::Json::parse(schema));
  auto data = trajc::Json::parse(instance);
  auto errors = compiled.Validate(data);
  std::string out;
  for (const auto& e : errors) out += e.instance_location + " | " + e.keyword_location + " | " + e.message + "\n";
  // IsValid must agree with Validate.
  if (compiled.IsValid(data) != errors.empty()) out += "!! IsValid disagrees\n";
  return out;
}

// The SchemaError text ("pointer: message") for a schema that must not compile.
inline std::string CompileError(const char* schema) {
  try {
    trajc::schema::CompiledSchema::Compile(trajc::Json::parse(schema));
  } catch (const trajc::schema::SchemaError& e) {
    return e.pointer() + ": " + e.message();
  }
  return "(compiled)";
}
