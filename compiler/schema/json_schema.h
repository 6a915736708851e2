// schema/json_schema — JSON Schema compiled once, applied to many instances.
//
// Compile() checks a schema and turns it into an evaluation plan; it throws SchemaError
// (with the JSON pointer of the offending keyword) for a schema it cannot use. Validate()
// never throws and returns every violation. Draft 2020-12 keywords are the reference;
// full conformance is tracked separately, the subset here is: type, properties, required,
// additionalProperties, patternProperties, enum, const, minimum/maximum,
// exclusiveMinimum/exclusiveMaximum, multipleOf, minLength/maxLength, pattern,
// items/prefixItems, minItems/maxItems, uniqueItems, minProperties/maxProperties,
// allOf/anyOf/oneOf/not, local `$ref` (`#`, `#/$defs/...`, `#/definitions/...`).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/json.h"

namespace trajc::schema {

struct ValidationError {
  std::string instance_location;  // JSON pointer into the instance: "/line_number"
  std::string keyword_location;   // JSON pointer into the schema: "/properties/line_number/minimum"
  std::string message;            // "-3 is less than the minimum of 1"
};

class SchemaError : public std::runtime_error {
 public:
  SchemaError(std::string pointer, std::string message)
      : std::runtime_error(pointer + ": " + message), pointer_(std::move(pointer)), message_(std::move(message)) {}
  const std::string& pointer() const { return pointer_; }  // location in the schema
  const std::string& message() const { return message_; }

 private:
  std::string pointer_;
  std::string message_;
};

class CompiledSchema {
 public:
  // Throws SchemaError for an unusable schema (wrong keyword types, bad regex, unresolvable $ref).
  static CompiledSchema Compile(const Json& schema);

  // Every violation, in schema-evaluation order; empty when valid.
  std::vector<ValidationError> Validate(const Json& instance) const;
  bool IsValid(const Json& instance) const;

  CompiledSchema(CompiledSchema&&) noexcept;
  CompiledSchema& operator=(CompiledSchema&&) noexcept;
  ~CompiledSchema();

 private:
  struct Plan;
  explicit CompiledSchema(std::unique_ptr<Plan> plan);
  std::unique_ptr<Plan> plan_;
};

}  // namespace trajc::schema
