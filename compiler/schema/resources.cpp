#include "schema/resources.h"

#include "schema/json_pointer.h"
#include "schema/uri.h"

namespace trajc::schema::internal {

namespace {

constexpr int kMaxMetaschemaChain = 8;
constexpr int kMaxWalkDepth = 256;  // as Compile's nesting bound: no unbounded recursion

std::string ChildPointer(const std::string& pointer, std::string_view token) {
  std::string out = pointer;
  AppendPointerToken(out, token);
  return out;
}

}  // namespace

ResourceIndex::ResourceIndex(const Json& root, const CompileOptions& options) : options_(options) {
  std::string base = options.base_uri;
  if (!base.empty() && base.back() == '#') base.pop_back();
  if (base.empty() || !ResolveUri(base, "")) base = std::string(kUnnamedBase);
  AddDocument(root, base, options.default_dialect);
}

std::string ResourceIndex::Display(std::string_view uri) {
  if (uri.starts_with(kUnnamedBase)) uri.remove_prefix(kUnnamedBase.size());
  return std::string(uri);
}

int ResourceIndex::NewResource(std::string uri, Location root) {
  resources_.push_back({std::move(uri), std::move(root), {}, false});
  return static_cast<int>(resources_.size()) - 1;
}

void ResourceIndex::AddUri(std::string uri, const Location& location) {
  uris_.emplace(std::move(uri), location);  // the first schema to claim a URI keeps it
}

int ResourceIndex::AddDocument(const Json& json, std::string uri, Dialect default_dialect) {
  int document = static_cast<int>(documents_.size());
  documents_.push_back({&json, uri});
  Location root{document, ""};
  int resource = NewResource(uri, root);
  AddUri(uri, root);
  SchemaInfo info{uri, {default_dialect, DefaultVocabularies(default_dialect)}, resource};
  Walk(document, json, "", std::move(info), 0);
  return document;
}

DialectInfo ResourceIndex::DialectOf(const Json& value, const std::string& error_pointer, int depth) {
  if (!value.is_string()) throw SchemaError(error_pointer, "must be a string (the URI of a metaschema)");
  const std::string& uri = value.get_ref<const std::string&>();
  if (auto dialect = DialectFromUri(uri)) return {*dialect, DefaultVocabularies(*dialect)};
  const Json* meta = options_.registry != nullptr ? options_.registry->Find(uri) : nullptr;
  if (meta == nullptr) meta = BuiltinMetaschema(uri);
  if (meta == nullptr || !meta->is_object()) {
    throw SchemaError(error_pointer, "unknown metaschema '" + uri +
                                         "': not a JSON Schema dialect, and no such document in the schema registry");
  }
  if (depth >= kMaxMetaschemaChain) throw SchemaError(error_pointer, "metaschema chain of '" + uri + "' is too long");
  DialectInfo base{options_.default_dialect, DefaultVocabularies(options_.default_dialect)};
  if (auto it = meta->find("$schema"); it != meta->end() && !(it->is_string() && it->get_ref<const std::string&>() == uri)) {
    base = DialectOf(*it, error_pointer, depth + 1);
  }
  auto vocabulary = meta->find("$vocabulary");
  if (vocabulary == meta->end() || !vocabulary->is_object()) return base;
  unsigned bits = kVocabCore;
  for (auto it = vocabulary->begin(); it != vocabulary->end(); ++it) {
    unsigned bit = VocabularyFromUri(it.key());
    if (bit == 0 && it.value() == Json(true)) {
      throw SchemaError(error_pointer, "metaschema '" + uri + "' requires the vocabulary '" + it.key() +
                                           "', which trajc does not support");
    }
    bits |= bit;
  }
  return {base.dialect, bits};
}

void ResourceIndex::Walk(int document, const Json& schema, const std::string& pointer, SchemaInfo info, int depth) {
  if (depth > kMaxWalkDepth) {
    throw SchemaError(pointer, "schema nesting exceeds the maximum depth of " + std::to_string(kMaxWalkDepth));
  }
  Location here{document, pointer};
  if (schema.is_object()) {
    if (auto it = schema.find("$schema"); it != schema.end()) info.dialect = DialectOf(*it, ChildPointer(pointer, "$schema"), 0);
    const Dialect dialect = info.dialect.dialect;
    // Before 2019-09, $ref replaces its whole schema object, its $id included.
    const bool ref_overrides = dialect <= Dialect::kDraft7 && schema.contains("$ref");
    auto id = schema.find(std::string(IdKeyword(dialect)));
    if (id != schema.end() && id->is_string() && !ref_overrides) {
      const std::string& text = id->get_ref<const std::string&>();
      auto resolved = ResolveUri(info.base, text);
      if (!resolved) throw SchemaError(ChildPointer(pointer, IdKeyword(dialect)), "'" + text + "' is not a valid URI reference");
      auto [uri, fragment] = SplitFragment(*resolved);
      if (!text.starts_with("#")) {
        info.base = std::string(uri);
        if (pointer.empty() && resources_[static_cast<std::size_t>(info.resource)].root == here) {
          // The document root: its retrieval URI and its $id name the same resource.
          resources_[static_cast<std::size_t>(info.resource)].uri = info.base;
        } else {
          info.resource = NewResource(info.base, here);
        }
        AddUri(info.base, here);
      }
      if (!fragment.empty() && dialect <= Dialect::kDraft7 && fragment.front() != '/') {
        AddUri(info.base + "#" + std::string(fragment), here);  // draft-07 plain-name fragment: an anchor
      }
    }
    if (dialect >= Dialect::kDraft2019_09) {
      if (auto it = schema.find("$anchor"); it != schema.end() && it->is_string()) {
        AddUri(info.base + "#" + it->get<std::string>(), here);
      }
    }
    if (dialect == Dialect::kDraft2020_12) {
      if (auto it = schema.find("$dynamicAnchor"); it != schema.end() && it->is_string()) {
        AddUri(info.base + "#" + it->get<std::string>(), here);
        resources_[static_cast<std::size_t>(info.resource)].dynamic_anchors.emplace_back(it->get<std::string>(), pointer);
      }
    }
    if (dialect == Dialect::kDraft2019_09) {
      if (auto it = schema.find("$recursiveAnchor"); it != schema.end() && *it == Json(true)) {
        resources_[static_cast<std::size_t>(info.resource)].recursive_anchor = true;
      }
    }
  }
  infos_.insert_or_assign(here, info);
  if (!schema.is_object()) return;
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const Json& value = it.value();
    const std::string at = ChildPointer(pointer, it.key());
    auto each_element = [&] {
      if (!value.is_array()) return;
      for (std::size_t i = 0; i < value.size(); ++i) Walk(document, value[i], at + "/" + std::to_string(i), info, depth + 1);
    };
    auto each_member = [&](bool schemas_only) {
      if (!value.is_object()) return;
      for (auto m = value.begin(); m != value.end(); ++m) {
        if (schemas_only && !m.value().is_object() && !m.value().is_boolean()) continue;
        Walk(document, m.value(), ChildPointer(at, m.key()), info, depth + 1);
      }
    };
    switch (SubschemaShapeOf(it.key(), info.dialect.dialect)) {
      case SubschemaShape::kNone: break;
      case SubschemaShape::kSchema: Walk(document, value, at, info, depth + 1); break;
      case SubschemaShape::kArray: each_element(); break;
      case SubschemaShape::kObject: each_member(false); break;
      case SubschemaShape::kSchemaOrArray:
        if (value.is_array()) each_element();
        else Walk(document, value, at, info, depth + 1);
        break;
      case SubschemaShape::kDependencies: each_member(true); break;
    }
  }
}

const SchemaInfo& ResourceIndex::InfoAt(const Location& location) {
  if (auto it = infos_.find(location); it != infos_.end()) return it->second;
  // The nearest indexed ancestor gives the base URI and dialect.
  std::string ancestor = location.pointer;
  auto found = infos_.end();
  while (!ancestor.empty()) {
    ancestor.erase(ancestor.rfind('/'));
    found = infos_.find({location.document, ancestor});
    if (found != infos_.end()) break;
  }
  SchemaInfo info = found != infos_.end() ? found->second : infos_.at({location.document, ""});
  auto tokens = ParsePointer(location.pointer);
  const Json* schema = tokens ? ResolvePointer(document(location.document), *tokens) : nullptr;
  if (schema != nullptr) Walk(location.document, *schema, location.pointer, info, 0);
  auto it = infos_.find(location);
  if (it == infos_.end()) it = infos_.emplace(location, info).first;
  return it->second;
}

Location ResourceIndex::Resolve(const std::string& absolute, const std::string& reference,
                                const std::string& error_pointer, Dialect referrer_dialect) {
  auto [uri_view, fragment] = SplitFragment(absolute);
  std::string uri(uri_view);
  auto found = uris_.find(uri);
  if (found == uris_.end()) {
    const Json* document = options_.registry != nullptr ? options_.registry->Find(uri) : nullptr;
    if (document == nullptr) document = BuiltinMetaschema(uri);
    if (document == nullptr) {
      throw SchemaError(error_pointer, "cannot resolve '" + reference + "': no schema document is known as '" +
                                           Display(uri) + "' (remote documents must be added to the schema registry)");
    }
    AddDocument(*document, uri, referrer_dialect);
    found = uris_.find(uri);
  }
  const Location base = found->second;
  if (fragment.empty()) return base;
  if (fragment.front() != '/') {
    auto anchor = uris_.find(uri + "#" + std::string(fragment));
    if (anchor == uris_.end()) {
      std::string where = Display(uri).empty() ? "the schema" : "'" + Display(uri) + "'";
      throw SchemaError(error_pointer, "cannot resolve '" + reference + "': no anchor '" + std::string(fragment) + "' in " + where);
    }
    return anchor->second;
  }
  auto decoded = PercentDecode(fragment);
  if (!decoded) throw SchemaError(error_pointer, "cannot resolve '" + reference + "': malformed percent-encoding");
  auto tokens = ParsePointer(*decoded);
  if (!tokens) throw SchemaError(error_pointer, "cannot resolve '" + reference + "': malformed JSON pointer");
  auto base_tokens = ParsePointer(base.pointer);
  std::vector<std::string> all = base_tokens ? *base_tokens : std::vector<std::string>{};
  all.insert(all.end(), tokens->begin(), tokens->end());
  if (ResolvePointer(document(base.document), all) == nullptr) {
    throw SchemaError(error_pointer, "cannot resolve '" + reference + "': no such location in the schema");
  }
  std::string canonical;
  for (const auto& token : all) AppendPointerToken(canonical, token);
  return {base.document, canonical};
}

}  // namespace trajc::schema::internal
