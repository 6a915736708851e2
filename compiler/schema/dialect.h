// schema/dialect — what a dialect (and the vocabularies a metaschema's `$vocabulary`
// enables) makes of each keyword: which keywords exist in which draft, and which
// vocabulary each belongs to.
#pragma once

#include <optional>
#include <string_view>

#include "core/json.h"
#include "schema/json_schema.h"

namespace trajc::schema::internal {

enum Vocabulary : unsigned {
  kVocabCore = 1,
  kVocabApplicator = 2,
  kVocabUnevaluated = 4,
  kVocabValidation = 8,
  kVocabMetaData = 16,
  kVocabFormatAnnotation = 32,
  kVocabFormatAssertion = 64,
  kVocabContent = 128,
};

struct DialectInfo {
  Dialect dialect = Dialect::kDraft2020_12;
  unsigned vocabularies = 0;  // Vocabulary bits in effect
};

// Every vocabulary of the dialect's own metaschema (format as an annotation).
unsigned DefaultVocabularies(Dialect dialect);

// The vocabulary bit of a `$vocabulary` URI; 0 for one trajc does not know.
unsigned VocabularyFromUri(std::string_view uri);

// The vocabulary a keyword belongs to in `dialect`, or 0 when the dialect has no such
// keyword (it is then an unknown keyword: an annotation, ignored).
unsigned KeywordVocabulary(std::string_view keyword, Dialect dialect);

// The keyword that names a schema resource: "id" in draft-04, "$id" after.
inline std::string_view IdKeyword(Dialect dialect) { return dialect == Dialect::kDraft4 ? "id" : "$id"; }

// Keywords whose value is a subschema, an array of subschemas, or an object of them.
enum class SubschemaShape { kNone, kSchema, kArray, kObject, kSchemaOrArray, kDependencies };
SubschemaShape SubschemaShapeOf(std::string_view keyword, Dialect dialect);

}  // namespace trajc::schema::internal
