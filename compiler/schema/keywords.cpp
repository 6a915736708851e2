// schema/keywords — CompileKeywords: the walk over a schema object's keywords, the keyword
// table that maps each to its compile handler (the handlers are in keywords_*.cpp, by what
// they apply to; see keywords_internal.h), the core keywords $ref/$dynamicRef/$recursiveRef,
// and the checks of keyword values the handlers share. A keyword's evaluator is built in
// the order the schema wrote it; unevaluated* go last, as they read what their siblings
// evaluated.
#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

// ---- checks of keyword values ---------------------------------------------------------

const Json& RequireNumber(const Json& value, const std::string& pointer) {
  if (!value.is_number()) throw SchemaError(pointer, "must be a number");
  return value;
}

std::size_t RequireCount(const Json& value, const std::string& pointer) {
  if (!value.is_number() || !IsIntegerValue(value) || CompareNumbers(value, Json(0)) < 0) {
    throw SchemaError(pointer, "must be a non-negative integer");
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    return d >= 1.8e19 ? SIZE_MAX : static_cast<std::size_t>(d);
  }
  return value.get<std::size_t>();
}

const Json& RequireArray(const Json& value, const std::string& pointer, bool non_empty) {
  if (!value.is_array() || (non_empty && value.empty())) {
    throw SchemaError(pointer, non_empty ? "must be a non-empty array" : "must be an array");
  }
  return value;
}

const Json& RequireObject(const Json& value, const std::string& pointer) {
  if (!value.is_object()) throw SchemaError(pointer, "must be an object");
  return value;
}

std::shared_ptr<const Pattern> CompileRegex(const Json& value, const std::string& pointer) {
  if (!value.is_string()) throw SchemaError(pointer, "must be a string");
  try {
    return std::make_shared<const Pattern>(value.get<std::string>());
  } catch (const std::invalid_argument& e) {
    throw SchemaError(pointer, "invalid regular expression " + Quote(value.get_ref<const std::string&>()) + ": " + e.what());
  }
}

// ---- the schema object ----------------------------------------------------------------

bool SchemaObject::Active(std::string_view key) const {
  unsigned vocabulary = KeywordVocabulary(key, dialect);
  if (vocabulary == kVocabFormatAnnotation) vocabulary |= kVocabFormatAssertion;
  return vocabulary != 0 && (vocabulary & vocabularies) != 0;
}

const Json* SchemaObject::Sibling(std::string_view key) const {
  if (!Active(key)) return nullptr;
  auto it = schema.find(std::string(key));
  return it == schema.end() ? nullptr : &*it;
}

// ---- core -----------------------------------------------------------------------------

std::unique_ptr<Keyword> CompileRef(const SchemaObject& object, const std::string& key, const Json& value,
                                    const std::string& at) {
  if (!value.is_string()) throw SchemaError(at, "must be a string");
  auto ref = std::make_unique<RefKeyword>(key);
  RefKind kind = key == "$ref" ? RefKind::kStatic : key == "$dynamicRef" ? RefKind::kDynamic : RefKind::kRecursive;
  object.compiler.AddRef(ref.get(), value.get<std::string>(), *object.site.info, object.site.document, at, kind);
  return ref;
}

// ---- the keyword table ----------------------------------------------------------------

namespace {

struct KeywordEntry {
  std::string_view name;
  KeywordHandler compile;
  bool after_siblings;  // unevaluated*: evaluated after every sibling, whose annotations they read
};

// Every keyword that can build an evaluator or must be checked, by name. A keyword not
// here is an annotation (title, $comment, examples, ...) or is compiled by the walk itself
// ($defs, definitions). Sorted by name, one line per keyword.
constexpr KeywordEntry kKeywordTable[] = {
    {"$dynamicRef", CompileRef, false},
    {"$recursiveRef", CompileRef, false},
    {"$ref", CompileRef, false},
    {"additionalItems", CompileAdditionalItems, false},
    {"additionalProperties", CompileAdditionalProperties, false},
    {"allOf", CompileCombinator, false},
    {"anyOf", CompileCombinator, false},
    {"const", CompileConst, false},
    {"contains", CompileContains, false},
    {"dependencies", CompileDependencies, false},
    {"dependentRequired", CompileDependencies, false},
    {"dependentSchemas", CompileDependencies, false},
    {"else", CompileThenElse, false},
    {"enum", CompileEnum, false},
    {"exclusiveMaximum", CompileBound, false},
    {"exclusiveMinimum", CompileBound, false},
    {"format", CompileFormat, false},
    {"if", CompileIf, false},
    {"items", CompileItems, false},
    {"maxContains", CompileContainsCount, false},
    {"maxItems", CompileItemCount, false},
    {"maxLength", CompileLength, false},
    {"maxProperties", CompilePropertyCount, false},
    {"maximum", CompileBound, false},
    {"minContains", CompileContainsCount, false},
    {"minItems", CompileItemCount, false},
    {"minLength", CompileLength, false},
    {"minProperties", CompilePropertyCount, false},
    {"minimum", CompileBound, false},
    {"multipleOf", CompileMultipleOf, false},
    {"not", CompileNot, false},
    {"oneOf", CompileCombinator, false},
    {"pattern", CompilePattern, false},
    {"patternProperties", CompilePatternProperties, false},
    {"prefixItems", CompilePrefixItems, false},
    {"properties", CompileProperties, false},
    {"propertyNames", CompilePropertyNames, false},
    {"required", CompileRequired, false},
    {"then", CompileThenElse, false},
    {"type", CompileType, false},
    {"unevaluatedItems", CompileUnevaluatedItems, true},
    {"unevaluatedProperties", CompileUnevaluatedProperties, true},
    {"uniqueItems", CompileUniqueItems, false},
};

constexpr bool EntryLess(const KeywordEntry& a, const KeywordEntry& b) { return a.name < b.name; }
static_assert(std::is_sorted(std::begin(kKeywordTable), std::end(kKeywordTable), EntryLess),
              "kKeywordTable must stay sorted by name: FindKeyword searches it by halves");

const KeywordEntry* FindKeyword(std::string_view key) {
  auto it = std::lower_bound(std::begin(kKeywordTable), std::end(kKeywordTable), key,
                             [](const KeywordEntry& e, std::string_view k) { return e.name < k; });
  return it != std::end(kKeywordTable) && it->name == key ? &*it : nullptr;
}

}  // namespace

void CompileKeywords(const Json& schema, const std::string& pointer, int depth, const CompileSite& site,
                     Compiler& compiler, Node& node) {
  const SchemaInfo& info = *site.info;
  SchemaObject object{schema, pointer, depth, site, compiler, info.dialect.dialect,
                      info.dialect.vocabularies, {}, {}, 0, false};
  // Before 2019-09, $ref replaces its whole schema object.
  const bool ref_only = object.dialect <= Dialect::kDraft7 && schema.contains("$ref");

  // Keywords whose meaning depends on siblings, whatever order they were written in.
  if (const Json* properties = object.Sibling("properties"); properties != nullptr && properties->is_object()) {
    for (auto p = properties->begin(); p != properties->end(); ++p) object.property_names.push_back(p.key());
    std::sort(object.property_names.begin(), object.property_names.end(), NameLess);
  }
  const Json* pattern_properties = object.Sibling("patternProperties");
  if (pattern_properties != nullptr && !ref_only) {
    std::string at = ChildPointer(pointer, "patternProperties");
    RequireObject(*pattern_properties, at);
    for (auto p = pattern_properties->begin(); p != pattern_properties->end(); ++p) {
      object.patterns.push_back(CompileRegex(Json(p.key()), ChildPointer(at, p.key())));
    }
  }
  if (const Json* prefix = object.Sibling("prefixItems"); prefix != nullptr && prefix->is_array()) {
    object.prefix_count = prefix->size();
  }
  if (const Json* items = object.Sibling("items"); items != nullptr && items->is_array()) {
    object.items_is_array = true;  // draft-07 array form (accepted in 2020-12 too, with additionalItems)
    object.prefix_count = items->size();
  }

  std::vector<std::unique_ptr<Keyword>> unevaluated;  // evaluated after every sibling
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    const std::string at = ChildPointer(pointer, key);

    if (key == "$defs" || key == "definitions") {  // checked even when unused
      RequireObject(value, at);
      for (auto p = value.begin(); p != value.end(); ++p) object.Sub(p.value(), ChildPointer(at, p.key()));
      continue;
    }
    // Unknown keywords, keywords of another draft or of a vocabulary the metaschema does
    // not enable ($schema, $id, title, description, default, examples, ...) are annotations.
    if ((ref_only && key != "$ref") || !object.Active(key)) continue;
    const KeywordEntry* entry = FindKeyword(key);
    if (entry == nullptr) continue;

    std::unique_ptr<Keyword> keyword = entry->compile(object, key, value, at);
    if (entry->after_siblings) {
      unevaluated.push_back(std::move(keyword));
      node.has_unevaluated = true;
    } else if (keyword) {
      node.keywords.push_back(std::move(keyword));
    }
  }
  for (auto& keyword : unevaluated) node.keywords.push_back(std::move(keyword));
}

}  // namespace trajc::schema::internal
