// schema/json_schema — JSON Schema compiled once, applied to many instances.
//
// Compile() checks a schema and turns it into an evaluation plan; it throws SchemaError
// (with the JSON pointer of the offending keyword) for a schema it cannot use. Validate()
// never throws and returns every violation. The dialect follows `$schema` (draft 2020-12,
// 2019-09, draft-07, draft-06, draft-04), defaulting to CompileOptions::default_dialect.
// References resolve inside the document ($id, $anchor, $dynamicAnchor, JSON pointers),
// to the built-in metaschemas, and to documents added to a SchemaRegistry; nothing is
// ever fetched from the network.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

enum class Dialect { kDraft4, kDraft6, kDraft7, kDraft2019_09, kDraft2020_12 };

// The dialect a `$schema` URI names ("https://json-schema.org/draft/2020-12/schema",
// "http://json-schema.org/draft-07/schema#", ...); nullopt for any other URI.
std::optional<Dialect> DialectFromUri(std::string_view uri);
std::string_view DialectName(Dialect dialect);  // "2020-12", "2019-09", "draft-07", ...

// Documents a $ref may reach by absolute URI, besides the built-in metaschemas.
class SchemaRegistry {
 public:
  // Registers `document` under `uri` (a URI without fragment).
  void Add(std::string uri, Json document);
  // Registers every *.json file under `directory` as `base_uri` + its relative path
  // (the JSON-Schema-Test-Suite's remotes/ as "http://localhost:1234/"). Throws
  // trajc::Error for an unreadable or malformed file.
  void AddDirectory(const std::string& directory, const std::string& base_uri);
  const Json* Find(std::string_view uri) const;

 private:
  std::map<std::string, Json, std::less<>> documents_;
};

struct CompileOptions {
  Dialect default_dialect = Dialect::kDraft2020_12;  // when the schema has no `$schema`
  bool format_assertion = false;  // `format` fails invalid values (default: an annotation only)
  const SchemaRegistry* registry = nullptr;
  std::string base_uri;  // retrieval URI of the document, for relative $id/$ref
};

class CompiledSchema {
 public:
  // Throws SchemaError for an unusable schema (wrong keyword types, bad regex, unresolvable $ref).
  static CompiledSchema Compile(const Json& schema, const CompileOptions& options = {});

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

// The built-in metaschema document with this URI (the 2020-12 and 2019-09 dialect
// metaschemas and their vocabulary metaschemas, draft-07, -06, -04), or nullptr.
const Json* BuiltinMetaschema(std::string_view uri);

// Validates `schema` against the metaschema of its dialect (its `$schema`, else
// `default_dialect`): the errors a schema author must fix, empty when it is a valid schema.
std::vector<ValidationError> ValidateAgainstMetaschema(const Json& schema,
                                                       Dialect default_dialect = Dialect::kDraft2020_12);

}  // namespace trajc::schema
