// schema/resources — the schema documents a compilation reaches (the root, registry
// documents, built-in metaschemas) and what identifies each schema in them: the base URI
// in effect ($id), the dialect ($schema, and a custom metaschema's $vocabulary), the
// schema resources with their anchors ($anchor, $dynamicAnchor, draft-07 "#name" ids,
// $recursiveAnchor). References resolve through this index, never through the network.
#pragma once

#include <compare>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "schema/dialect.h"
#include "schema/json_schema.h"

namespace trajc::schema::internal {

enum class RefKind { kStatic, kDynamic, kRecursive };  // $ref, $dynamicRef, $recursiveRef

struct Location {
  int document;
  std::string pointer;  // canonical JSON pointer in that document
  auto operator<=>(const Location&) const = default;
};

struct SchemaInfo {
  std::string base;  // absolute URI without fragment
  DialectInfo dialect;
  int resource;  // innermost enclosing schema resource
};

struct ResourceInfo {
  std::string uri;
  Location root;
  std::vector<std::pair<std::string, std::string>> dynamic_anchors;  // name -> pointer
  bool recursive_anchor = false;  // 2019-09 `$recursiveAnchor: true` at its root
};

class ResourceIndex {
 public:
  // The base URI of a root document that has none ("#/..." references still resolve).
  static constexpr std::string_view kUnnamedBase = "x-trajc-unnamed:/";

  ResourceIndex(const Json& root, const CompileOptions& options);

  const Json& document(int document) const { return *documents_[static_cast<std::size_t>(document)].json; }
  // Info of the schema at `location` (indexed on first use when it sits where the walk
  // did not look, e.g. under an unknown keyword reached by a JSON pointer).
  const SchemaInfo& InfoAt(const Location& location);
  // The schema an absolute URI names, loading registry documents and built-in
  // metaschemas on demand. Throws SchemaError at `error_pointer` naming `reference`.
  Location Resolve(const std::string& absolute, const std::string& reference, const std::string& error_pointer,
                   Dialect referrer_dialect);
  const ResourceInfo& resource(int index) const { return resources_[static_cast<std::size_t>(index)]; }
  int resource_count() const { return static_cast<int>(resources_.size()); }
  const std::string& document_uri(int document) const { return documents_[static_cast<std::size_t>(document)].uri; }
  // A URI as the user wrote it: without the unnamed base.
  static std::string Display(std::string_view uri);

 private:
  struct Document {
    const Json* json;
    std::string uri;
  };
  int AddDocument(const Json& json, std::string uri, Dialect default_dialect);
  void Walk(int document, const Json& schema, const std::string& pointer, SchemaInfo info, int depth);
  DialectInfo DialectOf(const Json& value, const std::string& error_pointer, int depth);
  int NewResource(std::string uri, Location root);
  void AddUri(std::string uri, const Location& location);

  const CompileOptions& options_;
  std::vector<Document> documents_;
  std::vector<ResourceInfo> resources_;
  std::map<Location, SchemaInfo> infos_;
  std::map<std::string, Location, std::less<>> uris_;  // "uri" and "uri#anchor"
};

}  // namespace trajc::schema::internal
