#include "schema/json_schema.h"

#include <algorithm>

#include "schema/json_pointer.h"
#include "schema/json_schema_internal.h"
#include "schema/json_value.h"
#include "schema/uri.h"

namespace trajc::schema {

namespace internal {

inline constexpr int kMaxSchemaDepth = 256;

const Node* DynamicResource::Find(const std::string& name) const {
  auto it = std::lower_bound(anchors.begin(), anchors.end(), name,
                             [](const auto& entry, const std::string& n) { return entry.first < n; });
  return (it != anchors.end() && it->first == name) ? it->second : nullptr;
}

void Annotations::Merge(const Annotations& other) {
  all_properties = all_properties || other.all_properties;
  all_items = all_items || other.all_items;
  item_prefix = std::max(item_prefix, other.item_prefix);
  if (properties.size() < other.properties.size()) properties.resize(other.properties.size(), 0);
  for (std::size_t i = 0; i < other.properties.size(); ++i) properties[i] |= other.properties[i];
  if (items.size() < other.items.size()) items.resize(other.items.size(), 0);
  for (std::size_t i = 0; i < other.items.size(); ++i) items[i] |= other.items[i];
}

bool Context::EvaluateMember(const Node& node, const Json& value, const std::string& key, const std::string* via) {
  if (via != nullptr) PushKeyword(*via);
  PushKey(key);
  Annotations* saved = sink;
  sink = nullptr;
  bool ok = node.Evaluate(value, *this);
  sink = saved;
  PopInstance();
  if (via != nullptr) PopKeyword();
  return ok;
}

bool Context::EvaluateItem(const Node& node, const Json& value, std::size_t index, const std::string* via) {
  if (via != nullptr) PushKeyword(*via);
  PushIndex(index);
  Annotations* saved = sink;
  sink = nullptr;
  bool ok = node.Evaluate(value, *this);
  sink = saved;
  PopInstance();
  if (via != nullptr) PopKeyword();
  return ok;
}

bool RefKeyword::Evaluate(const Json& instance, Context& ctx) const {
  const Node* target = target_;
  if (dynamic_) {
    for (const DynamicResource* resource : ctx.scope()) {  // outermost first
      if (const Node* node = resource->Find(anchor_)) {
        target = node;
        break;
      }
    }
  }
  return target->Evaluate(instance, ctx);
}

bool Node::Evaluate(const Json& instance, Context& ctx) const {
  switch (kind) {
    case Kind::kTrue:
      return true;
    case Kind::kFalse:
      return Fail(ctx, [&] { return "False schema does not allow " + Repr(instance); });
    case Kind::kObject:
      break;
  }
  if (ctx.depth >= kMaxEvaluationDepth) {
    return Fail(ctx, [&] {
      return "Evaluation exceeds the maximum depth of " + std::to_string(kMaxEvaluationDepth);
    });
  }
  ++ctx.depth;
  bool pushed = false;
  if (resource != nullptr && ctx.tracks_scope() && (ctx.scope().empty() || ctx.scope().back() != resource)) {
    ctx.scope().push_back(resource);
    pushed = true;
  }
  bool ok;
  if (has_unevaluated) {
    // Siblings' annotations for unevaluated*; the parent location sees them only when valid.
    Annotations local;
    Annotations* parent = ctx.sink;
    ctx.sink = &local;
    ok = EvaluateKeywords(instance, ctx);
    ctx.sink = parent;
    if (ok && parent != nullptr) parent->Merge(local);
  } else {
    ok = EvaluateKeywords(instance, ctx);
  }
  if (pushed) ctx.scope().pop_back();
  --ctx.depth;
  return ok;
}

bool Node::EvaluateKeywords(const Json& instance, Context& ctx) const {
  bool ok = true;
  for (const auto& keyword : keywords) {
    ctx.PushKeyword(keyword->segment());
    bool keyword_ok = keyword->Evaluate(instance, ctx);
    ctx.PopKeyword();
    if (!keyword_ok) {
      ok = false;
      if (!ctx.collecting()) break;
    }
  }
  return ok;
}

void Context::Report(std::string message) {
  ValidationError error;
  for (const auto& segment : instance_path_) {
    if (segment.key != nullptr) {
      AppendPointerToken(error.instance_location, *segment.key);
    } else {
      error.instance_location += '/';
      error.instance_location += std::to_string(segment.index);
    }
  }
  for (const std::string* segment : keyword_path_) {
    error.keyword_location += '/';
    error.keyword_location += *segment;
  }
  error.message = std::move(message);
  out_->push_back(std::move(error));
}

Compiler::Compiler(const Json& root, const CompileOptions& options) : options_(options), index_(root, options) {}

std::string Compiler::ErrorPointer(int document, const std::string& pointer) const {
  if (document == 0) return pointer;
  return ResourceIndex::Display(index_.document_uri(document)) + "#" + pointer;
}

const Node* Compiler::CompileAt(int document, const Json& schema, const std::string& pointer, int depth) {
  Location location{document, pointer};
  auto found = by_location_.find(location);
  if (found != by_location_.end()) return found->second;
  if (depth > kMaxSchemaDepth) {
    throw SchemaError(ErrorPointer(document, pointer),
                      "schema nesting exceeds the maximum depth of " + std::to_string(kMaxSchemaDepth));
  }
  auto node = std::make_unique<Node>();
  node->pointer = ErrorPointer(document, pointer);
  Node* raw = node.get();
  nodes_.push_back(std::move(node));
  by_location_.emplace(location, raw);
  if (schema.is_boolean()) {
    raw->kind = schema.get<bool>() ? Node::Kind::kTrue : Node::Kind::kFalse;
  } else if (schema.is_object()) {
    raw->kind = Node::Kind::kObject;
    const SchemaInfo& info = index_.InfoAt(location);
    node_resource_.emplace(location, info.resource);
    if (document == 0 || depth > 0) {
      CompileKeywords(schema, pointer, depth, CompileSite{document, &info}, *this, *raw);
    } else {
      try {  // entering another document: its errors name it
        CompileKeywords(schema, pointer, depth, CompileSite{document, &info}, *this, *raw);
      } catch (const SchemaError& e) {
        if (e.pointer().find('#') != std::string::npos) throw;
        throw SchemaError(ErrorPointer(document, e.pointer()), e.message());
      }
    }
  } else {
    throw SchemaError(ErrorPointer(document, pointer), "must be a schema (an object or a boolean)");
  }
  return raw;
}

void Compiler::AddRef(RefKeyword* keyword, std::string reference, const SchemaInfo& site, int document,
                      std::string keyword_pointer, RefKind kind) {
  if (kind != RefKind::kStatic) has_dynamic_refs_ = true;
  pending_.push_back({keyword, std::move(reference), site.base, document, std::move(keyword_pointer), kind, site.dialect.dialect});
}

const Node* Compiler::CompileLocation(const Location& location) {
  auto found = by_location_.find(location);
  if (found != by_location_.end()) return found->second;
  auto tokens = ParsePointer(location.pointer);
  const Json* schema = ResolvePointer(index_.document(location.document), *tokens);
  return CompileAt(location.document, *schema, location.pointer, 0);
}

void Compiler::ResolveRef(const PendingRef& ref) {
  const std::string error_pointer = ErrorPointer(ref.document, ref.keyword_pointer);
  std::string absolute;
  if (ref.reference.starts_with("#")) {
    absolute = ref.base + ref.reference;  // fragments keep their exact spelling
  } else if (auto resolved = ResolveUri(ref.base, ref.reference)) {
    absolute = *resolved;
  } else {
    throw SchemaError(error_pointer, "cannot resolve '" + ref.reference + "': not a valid URI reference");
  }
  Location location = index_.Resolve(absolute, ref.reference, error_pointer, ref.dialect);
  const Node* target = CompileLocation(location);
  ref.keyword->set_target(target);
  if (ref.kind == RefKind::kDynamic) {
    // Dynamic only when the fragment is a plain name its static target declares as $dynamicAnchor.
    auto fragment = SplitFragment(absolute).second;
    if (fragment.empty() || fragment.front() == '/') return;
    const ResourceInfo& resource = index_.resource(index_.InfoAt(location).resource);
    for (const auto& [name, pointer] : resource.dynamic_anchors) {
      if (name == fragment && pointer == location.pointer) {
        ref.keyword->make_dynamic(name);
        return;
      }
    }
  } else if (ref.kind == RefKind::kRecursive) {
    const ResourceInfo& resource = index_.resource(index_.InfoAt(location).resource);
    if (resource.recursive_anchor && resource.root == location) ref.keyword->make_dynamic("");
  }
}

void Compiler::ResolveRefs() {
  while (!pending_.empty()) {
    PendingRef ref = std::move(pending_.front());
    pending_.pop_front();
    ResolveRef(ref);
  }
}

// Every resource a compiled node belongs to may sit on the dynamic scope: compile its
// dynamic anchors (which may reach new resources, so until nothing changes) and give its
// nodes the DynamicResource the scope holds.
void Compiler::CompileDynamicAnchors() {
  std::map<int, DynamicResource*> runtime;
  bool changed = true;
  while (changed) {
    changed = false;
    std::vector<int> resources;
    for (const auto& [location, resource] : node_resource_) resources.push_back(resource);
    std::sort(resources.begin(), resources.end());
    resources.erase(std::unique(resources.begin(), resources.end()), resources.end());
    for (int r : resources) {
      if (runtime.count(r) != 0) continue;
      const ResourceInfo& info = index_.resource(r);
      if (info.dynamic_anchors.empty() && !info.recursive_anchor) {
        runtime.emplace(r, nullptr);
        continue;
      }
      auto dynamic = std::make_unique<DynamicResource>();
      for (const auto& [name, pointer] : info.dynamic_anchors) {
        dynamic->anchors.emplace_back(name, CompileLocation({info.root.document, pointer}));
      }
      if (info.recursive_anchor) dynamic->anchors.emplace_back("", CompileLocation(info.root));
      std::sort(dynamic->anchors.begin(), dynamic->anchors.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      runtime.emplace(r, dynamic.get());
      dynamic_resources_.push_back(std::move(dynamic));
      changed = true;
    }
    if (!pending_.empty()) changed = true;
    ResolveRefs();
  }
  for (auto& [location, node] : by_location_) {
    auto resource = node_resource_.find(location);
    if (resource == node_resource_.end()) continue;
    auto dynamic = runtime.find(resource->second);
    if (dynamic != runtime.end()) node->resource = dynamic->second;
  }
}

// A cycle of $ref / allOf / anyOf / oneOf / not that never moves into the instance
// would recurse forever; the spec calls such schemas invalid.
void Compiler::CheckCycles() const {
  enum Color : char { kWhite, kGrey, kBlack };
  std::map<const Node*, Color> color;
  struct Frame {
    const Node* node;
    std::vector<const Node*> next;
    std::size_t i;
  };
  for (const auto& start : nodes_) {
    if (color[start.get()] != kWhite) continue;
    std::vector<Frame> stack;
    auto push = [&](const Node* node) {
      color[node] = kGrey;
      Frame frame{node, {}, 0};
      for (const auto& keyword : node->keywords) keyword->SameInstanceChildren(frame.next);
      stack.push_back(std::move(frame));
    };
    push(start.get());
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.i == top.next.size()) {
        color[top.node] = kBlack;
        stack.pop_back();
        continue;
      }
      const Node* next = top.next[top.i++];
      Color c = color[next];
      if (c == kGrey) {
        throw SchemaError(next->pointer,
                          "reference cycle: this schema applies itself to the same instance without end");
      }
      if (c == kWhite) push(next);
    }
  }
}

const Node* Compiler::Finish() {
  const Node* root = CompileAt(0, index_.document(0), "", 0);
  ResolveRefs();
  if (has_dynamic_refs_) CompileDynamicAnchors();
  CheckCycles();
  return root;
}

}  // namespace internal

struct CompiledSchema::Plan {
  std::vector<std::unique_ptr<internal::Node>> nodes;
  std::vector<std::unique_ptr<internal::DynamicResource>> resources;
  const internal::Node* root = nullptr;
  bool track_scope = false;
};

CompiledSchema::CompiledSchema(std::unique_ptr<Plan> plan) : plan_(std::move(plan)) {}
CompiledSchema::CompiledSchema(CompiledSchema&&) noexcept = default;
CompiledSchema& CompiledSchema::operator=(CompiledSchema&&) noexcept = default;
CompiledSchema::~CompiledSchema() = default;

CompiledSchema CompiledSchema::Compile(const Json& schema, const CompileOptions& options) {
  internal::Compiler compiler(schema, options);
  auto plan = std::make_unique<Plan>();
  plan->root = compiler.Finish();
  plan->track_scope = compiler.has_dynamic_refs();
  plan->nodes = compiler.TakeNodes();
  plan->resources = compiler.TakeResources();
  return CompiledSchema(std::move(plan));
}

std::vector<ValidationError> CompiledSchema::Validate(const Json& instance) const {
  std::vector<ValidationError> errors;
  try {
    internal::Context ctx(&errors, plan_->track_scope);
    plan_->root->Evaluate(instance, ctx);
  } catch (const std::exception& e) {  // allocation failure and the like: never throw
    errors.push_back({"", "", std::string("internal error during validation: ") + e.what()});
  }
  return errors;
}

bool CompiledSchema::IsValid(const Json& instance) const {
  try {
    internal::Context ctx(nullptr, plan_->track_scope);
    return plan_->root->Evaluate(instance, ctx);
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace trajc::schema
