// The built-in metaschemas (embedded at configure time from python3-jsonschema's copies)
// and validation of a schema against its dialect's metaschema.
#include <map>
#include <mutex>

#include "schema/json_schema.h"
#include "schema/metaschemas_internal.h"

namespace trajc::schema {

namespace {

using Documents = std::map<std::string, Json, std::less<>>;

std::string WithoutEmptyFragment(std::string uri) {
  if (!uri.empty() && uri.back() == '#') uri.pop_back();
  return uri;
}

// Parsed once, on first use (a function-local static: thread-safe initialisation).
const Documents& Builtins() {
  static const Documents documents = [] {
    Documents out;
    for (std::size_t i = 0; i < internal::kEmbeddedMetaschemaCount; ++i) {
      const internal::EmbeddedFile& file = internal::kEmbeddedMetaschemas[i];
      Json parsed = Json::parse(file.text);
      if (std::string_view(file.name) == "vocabularies.json") {  // {uri: vocabulary metaschema}
        for (auto it = parsed.begin(); it != parsed.end(); ++it) out.emplace(WithoutEmptyFragment(it.key()), it.value());
        continue;
      }
      auto id = parsed.find("$id");
      if (id == parsed.end()) id = parsed.find("id");  // draft-04
      out.emplace(WithoutEmptyFragment(id->get<std::string>()), std::move(parsed));
    }
    return out;
  }();
  return documents;
}

std::string_view MetaschemaUri(Dialect dialect) {
  switch (dialect) {
    case Dialect::kDraft4: return "http://json-schema.org/draft-04/schema";
    case Dialect::kDraft6: return "http://json-schema.org/draft-06/schema";
    case Dialect::kDraft7: return "http://json-schema.org/draft-07/schema";
    case Dialect::kDraft2019_09: return "https://json-schema.org/draft/2019-09/schema";
    case Dialect::kDraft2020_12: return "https://json-schema.org/draft/2020-12/schema";
  }
  return "https://json-schema.org/draft/2020-12/schema";
}

const CompiledSchema& CompiledMetaschema(Dialect dialect) {
  static std::once_flag once[5];
  static std::unique_ptr<CompiledSchema> compiled[5];
  auto i = static_cast<std::size_t>(dialect);
  std::call_once(once[i], [&] {
    CompileOptions options;
    options.default_dialect = dialect;
    options.base_uri = std::string(MetaschemaUri(dialect));
    compiled[i] = std::make_unique<CompiledSchema>(CompiledSchema::Compile(*BuiltinMetaschema(MetaschemaUri(dialect)), options));
  });
  return *compiled[i];
}

}  // namespace

const Json* BuiltinMetaschema(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  const Documents& documents = Builtins();
  auto it = documents.find(uri);
  return it == documents.end() ? nullptr : &it->second;
}

std::vector<ValidationError> ValidateAgainstMetaschema(const Json& schema, Dialect default_dialect) {
  Dialect dialect = default_dialect;
  std::vector<ValidationError> errors;
  if (schema.is_object()) {
    if (auto it = schema.find("$schema"); it != schema.end()) {
      auto named = it->is_string() ? DialectFromUri(it->get_ref<const std::string&>()) : std::nullopt;
      if (named) {
        dialect = *named;
      } else {
        errors.push_back({"/$schema", "", "'$schema' must name a JSON Schema dialect ('" +
                                              std::string(MetaschemaUri(Dialect::kDraft2020_12)) + "', ...)"});
      }
    }
  }
  auto more = CompiledMetaschema(dialect).Validate(schema);
  errors.insert(errors.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  return errors;
}

}  // namespace trajc::schema
