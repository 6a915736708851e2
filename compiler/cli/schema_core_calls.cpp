#include "cli/schema_core_calls.h"

#include "core/diagnostic.h"

#ifndef TRAJC_SCHEMA_CORE_MERGED
#error "compiler/cli/CMakeLists.txt defines TRAJC_SCHEMA_CORE_MERGED (0 or 1)"
#endif

namespace trajc::cli {

bool SchemaCoreAvailable() { return TRAJC_SCHEMA_CORE_MERGED != 0; }

void AddRemoteDocument([[maybe_unused]] schema::SchemaRegistry& registry, [[maybe_unused]] const std::string& uri,
                       [[maybe_unused]] Json document) {
#if TRAJC_SCHEMA_CORE_MERGED
  registry.Add(uri, std::move(document));
#else
  throw Error({"trajc", 0, 0}, "--remote needs the schema registry, which this build of trajc does not have yet",
              kExitUsage);
#endif
}

std::optional<std::vector<schema::ValidationError>> MetaschemaErrors([[maybe_unused]] const Json& schema,
                                                                     [[maybe_unused]] schema::Dialect dialect) {
#if TRAJC_SCHEMA_CORE_MERGED
  return schema::ValidateAgainstMetaschema(schema, dialect);
#else
  return std::nullopt;
#endif
}

}  // namespace trajc::cli
