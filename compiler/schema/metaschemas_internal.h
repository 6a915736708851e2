// schema/metaschemas_internal — the metaschema files embedded at configure time
// (embed_metaschemas.cmake generates their definition).
#pragma once

#include <cstddef>

namespace trajc::schema::internal {

struct EmbeddedFile {
  const char* name;  // "draft2020-12.json", "vocabularies.json", ...
  const char* text;
};

extern const EmbeddedFile kEmbeddedMetaschemas[];
extern const std::size_t kEmbeddedMetaschemaCount;

}  // namespace trajc::schema::internal
