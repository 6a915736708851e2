// schema/keywords_internal — what the keyword files share. Internal to schema/.
//
// CompileKeywords (keywords.cpp) walks a schema object's keywords and looks each up in one
// table that maps the keyword to its compile handler, as blaze's default_compiler maps
// (vocabulary, keyword) to a handler; the dialect and the metaschema's vocabularies decide
// beforehand whether the keyword means anything (schema/dialect.h). A handler checks the
// keyword's value (throwing SchemaError at its pointer) and builds its evaluator. The
// handlers and evaluators live by what they apply to:
//   keywords.cpp             the table, $ref/$dynamicRef/$recursiveRef, value checks
//   keywords_any.cpp         type, enum, const
//   keywords_number.cpp      minimum, maximum, exclusiveMinimum/Maximum, multipleOf
//   keywords_string.cpp      minLength, maxLength, pattern, format
//   keywords_array.cpp       prefixItems, items, additionalItems, minItems, maxItems,
//                            uniqueItems, contains, minContains/maxContains, unevaluatedItems
//   keywords_object.cpp      properties, patternProperties, additionalProperties, required,
//                            minProperties/maxProperties, dependentRequired/dependentSchemas,
//                            dependencies, propertyNames, unevaluatedProperties
//   keywords_combinator.cpp  allOf, anyOf, oneOf, not, if/then/else
// (applicator_keywords.cpp holds the evaluators of if, contains, dependencies,
// propertyNames, unevaluated* and format.) Adding a keyword = an evaluator + a handler in
// its file + one line of the table.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schema/json_pointer.h"
#include "schema/json_schema_internal.h"
#include "schema/json_value.h"
#include "schema/regex.h"

namespace trajc::schema::internal {

inline std::string ChildPointer(const std::string& pointer, std::string_view token) {
  std::string out = pointer;
  AppendPointerToken(out, token);
  return out;
}

inline std::string Quote(std::string_view s) { return Repr(Json(std::string(s)), 1000); }

// Property names are looked up once per instance member, so they are ordered by length
// first: most probes settle on an integer comparison, and bytes are compared only between
// names of equal length (no hashing: order-independent and deterministic).
inline bool NameLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a.compare(b) < 0;
}

// The schema object whose keywords are being compiled, and what CompileKeywords gathered
// from it before the first keyword: keywords whose meaning depends on siblings, whatever
// order they were written in.
struct SchemaObject {
  const Json& schema;
  const std::string& pointer;
  int depth;
  const CompileSite& site;
  Compiler& compiler;
  Dialect dialect;
  unsigned vocabularies;

  std::vector<std::string> property_names;  // of `properties`, sorted by NameLess
  std::vector<std::shared_ptr<const Pattern>> patterns;  // of `patternProperties`
  std::size_t prefix_count = 0;  // items checked one by one: prefixItems, or array items
  bool items_is_array = false;   // draft-07 array form of items

  // Whether `key` means something in this dialect with these vocabularies.
  bool Active(std::string_view key) const;
  // The value of the sibling keyword `key`, when it is active and present.
  const Json* Sibling(std::string_view key) const;
  // The subschema `value` at `at`, compiled one level deeper.
  const Node* Sub(const Json& value, const std::string& at) const {
    return compiler.CompileAt(site.document, value, at, depth + 1);
  }
};

// A keyword's compile handler: `key` with `value`, at `at` in the schema. Returns its
// evaluator, or null when the keyword only constrains its siblings or is inert.
using KeywordHandler = std::unique_ptr<Keyword> (*)(const SchemaObject& object, const std::string& key,
                                                    const Json& value, const std::string& at);

// ---- checks of keyword values (keywords.cpp) ------------------------------------------

const Json& RequireNumber(const Json& value, const std::string& pointer);
std::size_t RequireCount(const Json& value, const std::string& pointer);
const Json& RequireArray(const Json& value, const std::string& pointer, bool non_empty);
const Json& RequireObject(const Json& value, const std::string& pointer);
// An ECMA-262 regular expression (`pattern`, a `patternProperties` name).
std::shared_ptr<const Pattern> CompileRegex(const Json& value, const std::string& pointer);

// minItems/maxItems and minProperties/maxProperties share one evaluator (keywords_object.cpp).
enum class SizeOf { kArray, kObject };
std::unique_ptr<Keyword> MakeSize(SizeOf of, bool is_min, std::size_t limit);

// ---- the handlers ---------------------------------------------------------------------

// keywords.cpp
std::unique_ptr<Keyword> CompileRef(const SchemaObject& object, const std::string& key, const Json& value,
                                    const std::string& at);
// keywords_any.cpp
std::unique_ptr<Keyword> CompileType(const SchemaObject& object, const std::string& key, const Json& value,
                                     const std::string& pointer);
std::unique_ptr<Keyword> CompileEnum(const SchemaObject& object, const std::string& key, const Json& value,
                                     const std::string& at);
std::unique_ptr<Keyword> CompileConst(const SchemaObject& object, const std::string& key, const Json& value,
                                      const std::string& at);
// keywords_number.cpp
std::unique_ptr<Keyword> CompileBound(const SchemaObject& object, const std::string& key, const Json& value,
                                      const std::string& at);
std::unique_ptr<Keyword> CompileMultipleOf(const SchemaObject& object, const std::string& key, const Json& value,
                                           const std::string& at);
// keywords_string.cpp
std::unique_ptr<Keyword> CompileLength(const SchemaObject& object, const std::string& key, const Json& value,
                                       const std::string& at);
std::unique_ptr<Keyword> CompilePattern(const SchemaObject& object, const std::string& key, const Json& value,
                                        const std::string& at);
std::unique_ptr<Keyword> CompileFormat(const SchemaObject& object, const std::string& key, const Json& value,
                                       const std::string& at);
// keywords_array.cpp
std::unique_ptr<Keyword> CompilePrefixItems(const SchemaObject& object, const std::string& key, const Json& value,
                                            const std::string& at);
std::unique_ptr<Keyword> CompileItems(const SchemaObject& object, const std::string& key, const Json& value,
                                      const std::string& at);
std::unique_ptr<Keyword> CompileAdditionalItems(const SchemaObject& object, const std::string& key,
                                                const Json& value, const std::string& at);
std::unique_ptr<Keyword> CompileItemCount(const SchemaObject& object, const std::string& key, const Json& value,
                                          const std::string& at);
std::unique_ptr<Keyword> CompileUniqueItems(const SchemaObject& object, const std::string& key, const Json& value,
                                            const std::string& at);
std::unique_ptr<Keyword> CompileContains(const SchemaObject& object, const std::string& key, const Json& value,
                                         const std::string& at);
std::unique_ptr<Keyword> CompileContainsCount(const SchemaObject& object, const std::string& key, const Json& value,
                                              const std::string& at);
std::unique_ptr<Keyword> CompileUnevaluatedItems(const SchemaObject& object, const std::string& key,
                                                 const Json& value, const std::string& at);
// keywords_object.cpp
std::unique_ptr<Keyword> CompileProperties(const SchemaObject& object, const std::string& key, const Json& value,
                                           const std::string& at);
std::unique_ptr<Keyword> CompilePatternProperties(const SchemaObject& object, const std::string& key,
                                                  const Json& value, const std::string& at);
std::unique_ptr<Keyword> CompileAdditionalProperties(const SchemaObject& object, const std::string& key,
                                                     const Json& value, const std::string& at);
std::unique_ptr<Keyword> CompileRequired(const SchemaObject& object, const std::string& key, const Json& value,
                                         const std::string& at);
std::unique_ptr<Keyword> CompilePropertyCount(const SchemaObject& object, const std::string& key, const Json& value,
                                              const std::string& at);
std::unique_ptr<Keyword> CompileDependencies(const SchemaObject& object, const std::string& key, const Json& value,
                                             const std::string& at);
std::unique_ptr<Keyword> CompilePropertyNames(const SchemaObject& object, const std::string& key, const Json& value,
                                              const std::string& at);
std::unique_ptr<Keyword> CompileUnevaluatedProperties(const SchemaObject& object, const std::string& key,
                                                      const Json& value, const std::string& at);
// keywords_combinator.cpp
std::unique_ptr<Keyword> CompileCombinator(const SchemaObject& object, const std::string& key, const Json& value,
                                           const std::string& at);
std::unique_ptr<Keyword> CompileNot(const SchemaObject& object, const std::string& key, const Json& value,
                                    const std::string& at);
std::unique_ptr<Keyword> CompileIf(const SchemaObject& object, const std::string& key, const Json& value,
                                   const std::string& at);
std::unique_ptr<Keyword> CompileThenElse(const SchemaObject& object, const std::string& key, const Json& value,
                                         const std::string& at);

}  // namespace trajc::schema::internal
