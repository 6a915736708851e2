// schema/keywords_combinator — the keywords that apply subschemas to the instance itself
// and combine their verdicts: allOf, anyOf, oneOf, not, and if/then/else (the evaluator of
// if is in applicator_keywords.cpp). Annotations of a failed alternative are dropped.
#include "schema/applicator_keywords.h"
#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

struct Alternative {
  std::string segment;
  const Node* node;
  std::string repr;  // rendered subschema, for messages
};

class CombinatorKeyword : public Keyword {
 public:
  enum class Kind { kAllOf, kAnyOf, kOneOf };
  CombinatorKeyword(Kind kind, std::string name, std::vector<Alternative> alternatives)
      : Keyword(std::move(name)), kind_(kind), alternatives_(std::move(alternatives)) {}

  bool Evaluate(const Json& instance, Context& ctx) const override {
    switch (kind_) {
      case Kind::kAllOf: {
        bool ok = true;
        for (const Alternative& alt : alternatives_) {
          ctx.PushKeyword(alt.segment);
          bool child_ok = alt.node->Evaluate(instance, ctx);
          ctx.PopKeyword();
          if (!child_ok) {
            ok = false;
            if (!ctx.collecting()) return false;
          }
        }
        return ok;
      }
      case Kind::kAnyOf: {
        bool any = false;
        for (const Alternative& alt : alternatives_) {
          if (!CheckAlternative(*alt.node, instance, ctx)) continue;
          any = true;
          if (ctx.sink == nullptr) return true;  // annotations need every valid alternative
        }
        if (any) return true;
        return Fail(ctx, [&] { return Repr(instance) + " is not valid under any of the given schemas"; });
      }
      case Kind::kOneOf: {
        std::vector<const Alternative*> valid;
        for (const Alternative& alt : alternatives_) {
          if (!CheckAlternative(*alt.node, instance, ctx)) continue;
          valid.push_back(&alt);
          if (valid.size() > 1 && !ctx.collecting()) return false;
        }
        if (valid.size() == 1) return true;
        if (valid.empty()) {
          return Fail(ctx, [&] { return Repr(instance) + " is not valid under any of the given schemas"; });
        }
        return Fail(ctx, [&] {
          std::string message = Repr(instance) + " is valid under each of ";
          for (std::size_t i = 0; i < valid.size(); ++i) {
            if (i > 0) message += ", ";
            message += valid[i]->repr;
          }
          return message;
        });
      }
    }
    return false;
  }
  void SameInstanceChildren(std::vector<const Node*>& out) const override {
    for (const Alternative& alt : alternatives_) out.push_back(alt.node);
  }

 private:
  // Validity of one alternative; its annotations reach the sink only when it is valid.
  static bool CheckAlternative(const Node& node, const Json& instance, Context& ctx) {
    if (ctx.sink == nullptr) return ctx.Check(node, instance);
    Annotations local;
    Annotations* parent = ctx.sink;
    ctx.sink = &local;
    bool ok = ctx.Check(node, instance);
    ctx.sink = parent;
    if (ok) parent->Merge(local);
    return ok;
  }
  Kind kind_;
  std::vector<Alternative> alternatives_;
};

class NotKeyword : public Keyword {
 public:
  NotKeyword(const Node* node, std::string repr) : Keyword("not"), node_(node), repr_(std::move(repr)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    Annotations* saved = ctx.sink;  // `not` passes no annotations on
    ctx.sink = nullptr;
    bool matched = ctx.Check(*node_, instance);
    ctx.sink = saved;
    if (!matched) return true;
    return Fail(ctx, [&] { return Repr(instance) + " should not be valid under " + repr_; });
  }
  void SameInstanceChildren(std::vector<const Node*>& out) const override { out.push_back(node_); }

 private:
  const Node* node_;
  std::string repr_;
};

std::vector<Alternative> CompileAlternatives(const Json& value, const std::string& pointer, int depth,
                                            const CompileSite& site, Compiler& compiler) {
  RequireArray(value, pointer, true);
  std::vector<Alternative> out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string segment = std::to_string(i);
    out.push_back({segment, compiler.CompileAt(site.document, value[i], pointer + "/" + segment, depth + 1), Repr(value[i], 40)});
  }
  return out;
}

}  // namespace

std::unique_ptr<Keyword> CompileCombinator(const SchemaObject& object, const std::string& key, const Json& value,
                                           const std::string& at) {
  auto kind = key == "allOf"   ? CombinatorKeyword::Kind::kAllOf
              : key == "anyOf" ? CombinatorKeyword::Kind::kAnyOf
                               : CombinatorKeyword::Kind::kOneOf;
  return std::make_unique<CombinatorKeyword>(
      kind, key, CompileAlternatives(value, at, object.depth, object.site, object.compiler));
}

std::unique_ptr<Keyword> CompileNot(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                    const std::string& at) {
  return std::make_unique<NotKeyword>(object.Sub(value, at), Repr(value, 40));
}

std::unique_ptr<Keyword> CompileIf(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                   const std::string& at) {
  const Node* if_node = object.Sub(value, at);
  const Node* then_node = nullptr;
  const Node* else_node = nullptr;
  if (const Json* then = object.Sibling("then")) then_node = object.Sub(*then, ChildPointer(object.pointer, "then"));
  if (const Json* otherwise = object.Sibling("else")) {
    else_node = object.Sub(*otherwise, ChildPointer(object.pointer, "else"));
  }
  return MakeIf(if_node, then_node, else_node);
}

std::unique_ptr<Keyword> CompileThenElse(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                         const std::string& at) {
  object.Sub(value, at);  // checked even without `if`; applied by it
  return nullptr;
}

}  // namespace trajc::schema::internal
