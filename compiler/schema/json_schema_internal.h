// schema/json_schema_internal — the compiled plan behind CompiledSchema.
//
// A schema compiles to a tree (a graph, through $ref) of Nodes; each Node holds one
// Keyword evaluator per keyword it uses, in the order the schema wrote them (unevaluated*
// last: they read what their siblings evaluated). Evaluation runs in one of two modes:
// collecting (every violation is reported, with locations) or checking (validity only,
// stops at the first failure, builds no strings). Location stacks hold pointers to
// pre-escaped segments and instance keys; pointer strings are built only when an error
// is reported.
//
// Two costs are paid only by schemas that need them: the dynamic scope (a stack of the
// schema resources entered, for $dynamicRef/$recursiveRef) is kept only when the plan has
// a dynamic reference, and only resources that declare a dynamic anchor are pushed; the
// evaluated-properties/items annotations are collected only below a Node that has
// unevaluatedProperties/unevaluatedItems (Context::sink is null everywhere else).
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "schema/dialect.h"
#include "schema/json_schema.h"
#include "schema/resources.h"

namespace trajc::schema::internal {

class Context;
class Node;

class Keyword {
 public:
  explicit Keyword(std::string segment) : segment_(std::move(segment)) {}
  virtual ~Keyword() = default;
  Keyword(const Keyword&) = delete;
  Keyword& operator=(const Keyword&) = delete;

  // True when the instance satisfies the keyword. In collecting mode, reports violations.
  virtual bool Evaluate(const Json& instance, Context& ctx) const = 0;
  // Subschemas applied to the same instance location (for $ref cycle detection).
  virtual void SameInstanceChildren(std::vector<const Node*>& /*out*/) const {}

  const std::string& segment() const { return segment_; }  // escaped keyword name

 private:
  std::string segment_;
};

// A schema resource with dynamic anchors ($dynamicAnchor names; "" for 2019-09's
// `$recursiveAnchor: true`), as the dynamic scope sees it.
struct DynamicResource {
  std::vector<std::pair<std::string, const Node*>> anchors;  // sorted by name
  const Node* Find(const std::string& name) const;
};

class Node {
 public:
  enum class Kind { kTrue, kFalse, kObject };

  bool Evaluate(const Json& instance, Context& ctx) const;

  Kind kind = Kind::kTrue;
  std::vector<std::unique_ptr<Keyword>> keywords;
  std::string pointer;  // location for compile-time errors ("uri#pointer" outside the root document)
  bool has_unevaluated = false;  // collects its keywords' annotations for unevaluated*
  const DynamicResource* resource = nullptr;  // pushed on the dynamic scope when entered

 private:
  bool EvaluateKeywords(const Json& instance, Context& ctx) const;
};

inline constexpr int kMaxEvaluationDepth = 1000;

// What the keywords applied to one instance location evaluated: the object members
// (by position) and array items that unevaluatedProperties/unevaluatedItems must skip.
struct Annotations {
  std::vector<char> properties;  // by member position; sized on first use
  std::vector<char> items;       // by index, for `contains` matches
  std::size_t item_prefix = 0;   // items [0, item_prefix) evaluated
  bool all_properties = false;
  bool all_items = false;

  void MarkProperty(std::size_t position, std::size_t count) {
    if (properties.size() < count) properties.resize(count, 0);
    properties[position] = 1;
  }
  void MarkItem(std::size_t index, std::size_t count) {
    if (items.size() < count) items.resize(count, 0);
    items[index] = 1;
  }
  void MarkPrefix(std::size_t n) { item_prefix = std::max(item_prefix, n); }
  bool PropertyEvaluated(std::size_t position) const {
    return all_properties || (position < properties.size() && properties[position] != 0);
  }
  bool ItemEvaluated(std::size_t index) const {
    return all_items || index < item_prefix || (index < items.size() && items[index] != 0);
  }
  void Merge(const Annotations& other);
};

class Context {
 public:
  Context(std::vector<ValidationError>* out, bool track_scope) : out_(out), track_scope_(track_scope) {}

  bool collecting() const { return out_ != nullptr; }

  void PushKeyword(const std::string& segment) {
    if (out_ != nullptr) keyword_path_.push_back(&segment);
  }
  void PopKeyword() {
    if (out_ != nullptr) keyword_path_.pop_back();
  }
  void PushKey(const std::string& key) {
    if (out_ != nullptr) instance_path_.push_back({&key, 0});
  }
  void PushIndex(std::size_t index) {
    if (out_ != nullptr) instance_path_.push_back({nullptr, index});
  }
  void PopInstance() {
    if (out_ != nullptr) instance_path_.pop_back();
  }

  // Evaluates `node` on one member of the instance (the value at `key`, or at `index`),
  // with the member's key/index pushed on the instance path and, when `via` is given, the
  // keyword's sub-segment (a property name, a prefixItems index) on the keyword path.
  // Annotations of the member do not belong to the parent's location: no sink below.
  bool EvaluateMember(const Node& node, const Json& value, const std::string& key, const std::string* via = nullptr);
  bool EvaluateItem(const Node& node, const Json& value, std::size_t index, const std::string* via = nullptr);

  // Validity of `node` on `instance`, reporting nothing.
  bool Check(const Node& node, const Json& instance) {
    auto* saved = out_;
    out_ = nullptr;
    bool ok = node.Evaluate(instance, *this);
    out_ = saved;
    return ok;
  }

  // Records a violation at the current locations. Only call when collecting().
  void Report(std::string message);

  // Replaces the innermost keyword segment (if/then/else report under their own names).
  const std::string* SwapKeyword(const std::string* segment) {
    if (out_ == nullptr) return nullptr;
    const std::string* old = keyword_path_.back();
    keyword_path_.back() = segment;
    return old;
  }

  bool tracks_scope() const { return track_scope_; }
  std::vector<const DynamicResource*>& scope() { return scope_; }

  int depth = 0;
  Annotations* sink = nullptr;  // non-null only below a Node with unevaluated*

 private:
  struct InstanceSegment {
    const std::string* key;  // nullptr: array index
    std::size_t index;
  };
  std::vector<ValidationError>* out_;
  bool track_scope_;
  std::vector<const std::string*> keyword_path_;
  std::vector<InstanceSegment> instance_path_;
  std::vector<const DynamicResource*> scope_;
};

// Reports `make()` when collecting; always returns false, so keywords can `return Fail(...)`.
template <typename MakeMessage>
bool Fail(Context& ctx, MakeMessage&& make) {
  if (ctx.collecting()) ctx.Report(make());
  return false;
}

// $ref, $dynamicRef and $recursiveRef. A dynamic reference (decided when it is resolved:
// its static target carries the dynamic anchor it names) evaluates the outermost resource
// on the dynamic scope that declares the same anchor, else its static target.
class RefKeyword : public Keyword {
 public:
  explicit RefKeyword(std::string segment) : Keyword(std::move(segment)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override;
  void SameInstanceChildren(std::vector<const Node*>& out) const override { out.push_back(target_); }
  void set_target(const Node* target) { target_ = target; }
  void make_dynamic(std::string anchor) {
    dynamic_ = true;
    anchor_ = std::move(anchor);
  }

 private:
  const Node* target_ = nullptr;
  bool dynamic_ = false;
  std::string anchor_;
};

// Where the schema object being compiled sits, and what its dialect makes of keywords.
struct CompileSite {
  int document;
  const SchemaInfo* info;  // base URI, dialect, resource
};

// Builds Nodes; owns them until the plan takes them. $refs are resolved after the tree is
// compiled, so cycles never recurse at compile time.
class Compiler {
 public:
  Compiler(const Json& root, const CompileOptions& options);

  // Compiles (or returns the already-compiled node for) the subschema at `pointer` of `document`.
  const Node* CompileAt(int document, const Json& schema, const std::string& pointer, int depth);
  // `reference` as written; resolved against `base` once the whole tree is compiled.
  void AddRef(RefKeyword* keyword, std::string reference, const SchemaInfo& site, int document,
              std::string keyword_pointer, RefKind kind);
  const Node* Finish();  // compiles the root, resolves every $ref, checks for ref cycles

  std::vector<std::unique_ptr<Node>> TakeNodes() { return std::move(nodes_); }
  std::vector<std::unique_ptr<DynamicResource>> TakeResources() { return std::move(dynamic_resources_); }
  bool has_dynamic_refs() const { return has_dynamic_refs_; }
  bool format_assertion() const { return options_.format_assertion; }
  // A compile-time error location: the pointer in the root document, "uri#pointer" in others.
  std::string ErrorPointer(int document, const std::string& pointer) const;

 private:
  struct PendingRef {
    RefKeyword* keyword;
    std::string reference;
    std::string base;
    int document;
    std::string keyword_pointer;
    RefKind kind;
    Dialect dialect;
  };
  void ResolveRefs();
  void ResolveRef(const PendingRef& ref);
  const Node* CompileLocation(const Location& location);
  void CompileDynamicAnchors();
  void CheckCycles() const;

  const CompileOptions& options_;
  ResourceIndex index_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::map<Location, Node*> by_location_;
  std::map<Location, int> node_resource_;  // resource index of each compiled node
  std::deque<PendingRef> pending_;
  bool has_dynamic_refs_ = false;
  std::vector<std::unique_ptr<DynamicResource>> dynamic_resources_;
};

// Adds to `node` the evaluators for the keywords of schema object `schema` (keywords.cpp).
void CompileKeywords(const Json& schema, const std::string& pointer, int depth, const CompileSite& site,
                     Compiler& compiler, Node& node);

}  // namespace trajc::schema::internal
