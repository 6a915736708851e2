#include "schema/dialect.h"

#include <algorithm>
#include <array>

namespace trajc::schema {

std::optional<Dialect> DialectFromUri(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  if (uri.starts_with("https://")) uri.remove_prefix(8);
  else if (uri.starts_with("http://")) uri.remove_prefix(7);
  else return std::nullopt;
  if (uri == "json-schema.org/draft/2020-12/schema") return Dialect::kDraft2020_12;
  if (uri == "json-schema.org/draft/2019-09/schema") return Dialect::kDraft2019_09;
  if (uri == "json-schema.org/draft-07/schema") return Dialect::kDraft7;
  if (uri == "json-schema.org/draft-06/schema") return Dialect::kDraft6;
  if (uri == "json-schema.org/draft-04/schema") return Dialect::kDraft4;
  return std::nullopt;
}

std::string_view DialectName(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDraft4: return "draft-04";
    case Dialect::kDraft6: return "draft-06";
    case Dialect::kDraft7: return "draft-07";
    case Dialect::kDraft2019_09: return "2019-09";
    case Dialect::kDraft2020_12: return "2020-12";
  }
  return "2020-12";
}

}  // namespace trajc::schema

namespace trajc::schema::internal {

namespace {

// First draft a keyword appears in, last draft it is part of, and its vocabulary.
struct KeywordRow {
  std::string_view name;
  Dialect since;
  Dialect until;
  unsigned vocabulary;
  SubschemaShape shape;
};

constexpr Dialect k4 = Dialect::kDraft4, k6 = Dialect::kDraft6, k7 = Dialect::kDraft7,
                  k2019 = Dialect::kDraft2019_09, k2020 = Dialect::kDraft2020_12;

// Sorted by name (binary search).
constexpr std::array kKeywords = {
    KeywordRow{"$defs", k2019, k2020, kVocabCore, SubschemaShape::kObject},
    KeywordRow{"$dynamicRef", k2020, k2020, kVocabCore, SubschemaShape::kNone},
    KeywordRow{"$recursiveRef", k2019, k2019, kVocabCore, SubschemaShape::kNone},
    KeywordRow{"$ref", k4, k2020, kVocabCore, SubschemaShape::kNone},
    KeywordRow{"additionalItems", k4, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"additionalProperties", k4, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"allOf", k4, k2020, kVocabApplicator, SubschemaShape::kArray},
    KeywordRow{"anyOf", k4, k2020, kVocabApplicator, SubschemaShape::kArray},
    KeywordRow{"const", k6, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"contains", k6, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"contentSchema", k2019, k2020, kVocabContent, SubschemaShape::kSchema},
    KeywordRow{"definitions", k4, k2020, kVocabCore, SubschemaShape::kObject},
    KeywordRow{"dependencies", k4, k2020, kVocabApplicator, SubschemaShape::kDependencies},
    KeywordRow{"dependentRequired", k2019, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"dependentSchemas", k2019, k2020, kVocabApplicator, SubschemaShape::kObject},
    KeywordRow{"else", k7, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"enum", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"exclusiveMaximum", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"exclusiveMinimum", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"format", k4, k2020, kVocabFormatAnnotation, SubschemaShape::kNone},
    KeywordRow{"if", k7, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"items", k4, k2020, kVocabApplicator, SubschemaShape::kSchemaOrArray},
    KeywordRow{"maxContains", k2019, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"maxItems", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"maxLength", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"maxProperties", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"maximum", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"minContains", k2019, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"minItems", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"minLength", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"minProperties", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"minimum", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"multipleOf", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"not", k4, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"oneOf", k4, k2020, kVocabApplicator, SubschemaShape::kArray},
    KeywordRow{"pattern", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"patternProperties", k4, k2020, kVocabApplicator, SubschemaShape::kObject},
    KeywordRow{"prefixItems", k2020, k2020, kVocabApplicator, SubschemaShape::kArray},
    KeywordRow{"properties", k4, k2020, kVocabApplicator, SubschemaShape::kObject},
    KeywordRow{"propertyNames", k6, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"required", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"then", k7, k2020, kVocabApplicator, SubschemaShape::kSchema},
    KeywordRow{"type", k4, k2020, kVocabValidation, SubschemaShape::kNone},
    KeywordRow{"unevaluatedItems", k2019, k2020, kVocabUnevaluated, SubschemaShape::kSchema},
    KeywordRow{"unevaluatedProperties", k2019, k2020, kVocabUnevaluated, SubschemaShape::kSchema},
    KeywordRow{"uniqueItems", k4, k2020, kVocabValidation, SubschemaShape::kNone},
};

const KeywordRow* FindRow(std::string_view keyword, Dialect dialect) {
  auto it = std::lower_bound(kKeywords.begin(), kKeywords.end(), keyword,
                             [](const KeywordRow& row, std::string_view name) { return row.name < name; });
  if (it == kKeywords.end() || it->name != keyword) return nullptr;
  if (dialect < it->since || dialect > it->until) return nullptr;
  return &*it;
}

}  // namespace

unsigned DefaultVocabularies(Dialect /*dialect*/) {
  return kVocabCore | kVocabApplicator | kVocabUnevaluated | kVocabValidation | kVocabMetaData |
         kVocabFormatAnnotation | kVocabContent;
}

unsigned VocabularyFromUri(std::string_view uri) {
  for (std::string_view prefix : {"https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"}) {
    if (!uri.starts_with(prefix)) continue;
    std::string_view name = uri.substr(prefix.size());
    if (name == "core") return kVocabCore;
    if (name == "applicator") return kVocabApplicator | (prefix.find("2019") != std::string_view::npos ? kVocabUnevaluated : 0u);
    if (name == "unevaluated") return kVocabUnevaluated;
    if (name == "validation") return kVocabValidation;
    if (name == "meta-data") return kVocabMetaData;
    if (name == "format-annotation" || name == "format") return kVocabFormatAnnotation;
    if (name == "format-assertion") return kVocabFormatAssertion;
    if (name == "content") return kVocabContent;
  }
  return 0;
}

unsigned KeywordVocabulary(std::string_view keyword, Dialect dialect) {
  const KeywordRow* row = FindRow(keyword, dialect);
  if (row == nullptr) return 0;
  // 2019-09 keeps unevaluated* in its applicator vocabulary.
  if (row->vocabulary == kVocabUnevaluated && dialect == Dialect::kDraft2019_09) return kVocabApplicator;
  return row->vocabulary;
}

SubschemaShape SubschemaShapeOf(std::string_view keyword, Dialect dialect) {
  const KeywordRow* row = FindRow(keyword, dialect);
  return row == nullptr ? SubschemaShape::kNone : row->shape;
}

}  // namespace trajc::schema::internal
