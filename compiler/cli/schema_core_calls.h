// cli/schema_core_calls — the one place the CLI calls the parts of the schema API that
// branch schema-core defines (SchemaRegistry::Add, ValidateAgainstMetaschema).
//
// Until that branch is merged those functions are declared in schema/json_schema.h but
// not defined, so calling them would not link. TRAJC_SCHEMA_CORE_MERGED (set in the
// top-level CMakeLists.txt, on when schema-core's registry.cpp and metaschemas.cpp are in
// the tree) switches the real calls on; when it is 0, `--remote` is a clear usage error and
// `schemas check` says that the metaschema check did not run. After the merge: delete this
// gate and call the functions directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "schema/json_schema.h"

namespace trajc::cli {

// Whether SchemaRegistry and ValidateAgainstMetaschema are in this build.
bool SchemaCoreAvailable();

// registry.Add(uri, document); throws trajc::Error (usage) when not in this build.
void AddRemoteDocument(schema::SchemaRegistry& registry, const std::string& uri, Json document);

// ValidateAgainstMetaschema(schema, dialect), or nullopt when not in this build.
std::optional<std::vector<schema::ValidationError>> MetaschemaErrors(const Json& schema, schema::Dialect dialect);

}  // namespace trajc::cli
