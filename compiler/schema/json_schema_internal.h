// schema/json_schema_internal — the compiled plan behind CompiledSchema.
//
// A schema compiles to a tree (a graph, through $ref) of Nodes; each Node holds one
// Keyword evaluator per keyword it uses, in the order the schema wrote them. Evaluation
// runs in one of two modes: collecting (every violation is reported, with locations) or
// checking (validity only, stops at the first failure, builds no strings). Location
// stacks hold pointers to pre-escaped segments and instance keys; pointer strings are
// built only when an error is reported.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "schema/json_schema.h"

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

class Node {
 public:
  enum class Kind { kTrue, kFalse, kObject };

  bool Evaluate(const Json& instance, Context& ctx) const;

  Kind kind = Kind::kTrue;
  std::vector<std::unique_ptr<Keyword>> keywords;
  std::string pointer;  // location in the schema document (for compile-time errors)
};

inline constexpr int kMaxEvaluationDepth = 1000;

class Context {
 public:
  explicit Context(std::vector<ValidationError>* out) : out_(out) {}

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

  int depth = 0;

 private:
  struct InstanceSegment {
    const std::string* key;  // nullptr: array index
    std::size_t index;
  };
  std::vector<ValidationError>* out_;
  std::vector<const std::string*> keyword_path_;
  std::vector<InstanceSegment> instance_path_;
};

// Reports `make()` when collecting; always returns false, so keywords can `return Fail(...)`.
template <typename MakeMessage>
bool Fail(Context& ctx, MakeMessage&& make) {
  if (ctx.collecting()) ctx.Report(make());
  return false;
}

class RefKeyword;

// Builds Nodes; owns them until the plan takes them. $refs are resolved after the tree is
// compiled, so cycles never recurse at compile time.
class Compiler {
 public:
  explicit Compiler(const Json& root);

  // Compiles (or returns the already-compiled node for) the subschema at `pointer`.
  const Node* CompileAt(const Json& schema, const std::string& pointer, int depth);
  void AddRef(RefKeyword* keyword, std::string reference, std::string keyword_pointer);
  const Node* Finish();  // compiles the root, resolves every $ref, checks for ref cycles

  std::vector<std::unique_ptr<Node>> TakeNodes() { return std::move(nodes_); }
  const Json& root() const { return root_; }

 private:
  struct PendingRef {
    RefKeyword* keyword;
    std::string reference;
    std::string keyword_pointer;
  };
  void ResolveRefs();
  void CheckCycles() const;

  const Json& root_;
  std::string root_id_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::map<std::string, const Node*> by_pointer_;
  std::deque<PendingRef> pending_;
};

class RefKeyword : public Keyword {
 public:
  RefKeyword() : Keyword("$ref") {}
  bool Evaluate(const Json& instance, Context& ctx) const override { return target_->Evaluate(instance, ctx); }
  void SameInstanceChildren(std::vector<const Node*>& out) const override { out.push_back(target_); }
  void set_target(const Node* target) { target_ = target; }

 private:
  const Node* target_ = nullptr;
};

// Adds to `node` the evaluators for the keywords of schema object `schema` (keywords.cpp).
void CompileKeywords(const Json& schema, const std::string& pointer, int depth, Compiler& compiler, Node& node);

}  // namespace trajc::schema::internal
