#include "schema/applicator_keywords.h"

#include "schema/format.h"
#include "schema/json_value.h"

namespace trajc::schema::internal {

namespace {

std::string Quote(std::string_view s) { return Repr(Json(std::string(s)), 1000); }

// Validity of `node` on a value at another instance location (no annotations shared).
bool CheckElsewhere(Context& ctx, const Node& node, const Json& value) {
  Annotations* saved = ctx.sink;
  ctx.sink = nullptr;
  bool ok = ctx.Check(node, value);
  ctx.sink = saved;
  return ok;
}

std::string JoinReprs(const std::vector<Json>& values) {
  std::string joined;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) joined += ", ";
    joined += Repr(values[i]);
  }
  return joined + (values.size() == 1 ? " was" : " were");
}

class IfKeyword : public Keyword {
 public:
  IfKeyword(const Node* if_node, const Node* then_node, const Node* else_node)
      : Keyword("if"), if_(if_node), then_(then_node), else_(else_node) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    bool condition;
    if (ctx.sink != nullptr) {  // `if`'s annotations count only when it holds
      Annotations local;
      Annotations* parent = ctx.sink;
      ctx.sink = &local;
      condition = ctx.Check(*if_, instance);
      ctx.sink = parent;
      if (condition) parent->Merge(local);
    } else {
      condition = ctx.Check(*if_, instance);
    }
    const Node* branch = condition ? then_ : else_;
    if (branch == nullptr) return true;
    const std::string* saved = ctx.SwapKeyword(condition ? &kThen : &kElse);
    bool ok = branch->Evaluate(instance, ctx);
    if (saved != nullptr) ctx.SwapKeyword(saved);
    return ok;
  }
  void SameInstanceChildren(std::vector<const Node*>& out) const override {
    out.push_back(if_);
    if (then_ != nullptr) out.push_back(then_);
    if (else_ != nullptr) out.push_back(else_);
  }

 private:
  static inline const std::string kThen = "then";
  static inline const std::string kElse = "else";
  const Node* if_;
  const Node* then_;
  const Node* else_;
};

class ContainsKeyword : public Keyword {
 public:
  ContainsKeyword(const Node* node, std::size_t min, std::optional<std::size_t> max, bool annotates)
      : Keyword("contains"), node_(node), min_(min), max_(max), annotates_(annotates) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_array()) return true;
    const bool mark = annotates_ && ctx.sink != nullptr;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < instance.size(); ++i) {
      if (!CheckElsewhere(ctx, *node_, instance[i])) continue;
      ++matches;
      if (mark) ctx.sink->MarkItem(i, instance.size());
      if (max_ && matches > *max_ && !ctx.collecting()) return false;
      if (!max_ && !mark && matches >= min_) return true;
    }
    if (matches < min_) {
      return Fail(ctx, [&] {
        if (min_ == 1) return "None of " + Repr(instance) + " are valid under the given schema";
        return "Too few items match the given schema (expected at least " + std::to_string(min_) + " but only " +
               std::to_string(matches) + " matched)";
      });
    }
    if (max_ && matches > *max_) {
      return Fail(ctx, [&] {
        return "Too many items match the given schema (expected at most " + std::to_string(*max_) + ")";
      });
    }
    return true;
  }

 private:
  const Node* node_;
  std::size_t min_;
  std::optional<std::size_t> max_;
  bool annotates_;
};

class DependenciesKeyword : public Keyword {
 public:
  DependenciesKeyword(std::string name, std::vector<Dependency> dependencies)
      : Keyword(std::move(name)), dependencies_(std::move(dependencies)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object()) return true;
    bool ok = true;
    for (const Dependency& dependency : dependencies_) {
      if (!instance.contains(dependency.property)) continue;
      for (const std::string& name : dependency.required) {
        if (instance.contains(name)) continue;
        ok = false;
        if (!ctx.collecting()) return false;
        ctx.Report(Quote(name) + " is a dependency of " + Quote(dependency.property));
      }
      if (dependency.node == nullptr) continue;
      ctx.PushKeyword(dependency.segment);
      bool child_ok = dependency.node->Evaluate(instance, ctx);
      ctx.PopKeyword();
      if (!child_ok) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    return ok;
  }
  void SameInstanceChildren(std::vector<const Node*>& out) const override {
    for (const Dependency& dependency : dependencies_) {
      if (dependency.node != nullptr) out.push_back(dependency.node);
    }
  }

 private:
  std::vector<Dependency> dependencies_;
};

class PropertyNamesKeyword : public Keyword {
 public:
  explicit PropertyNamesKeyword(const Node* node) : Keyword("propertyNames"), node_(node) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object() || node_->kind == Node::Kind::kTrue) return true;
    bool ok = true;
    Annotations* saved = ctx.sink;
    ctx.sink = nullptr;
    for (auto it = instance.begin(); it != instance.end(); ++it) {
      // A name is not a location in the instance: errors point at the object.
      if (node_->Evaluate(Json(it.key()), ctx)) continue;
      ok = false;
      if (!ctx.collecting()) break;
    }
    ctx.sink = saved;
    return ok;
  }

 private:
  const Node* node_;
};

class UnevaluatedPropertiesKeyword : public Keyword {
 public:
  UnevaluatedPropertiesKeyword(const Node* node, bool is_false)
      : Keyword("unevaluatedProperties"), node_(node), is_false_(is_false) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object()) return true;
    Annotations* seen = ctx.sink;  // the owning Node collects its siblings' annotations here
    bool ok = true;
    std::vector<Json> extras;  // filled in collecting mode only
    std::size_t position = 0;
    for (auto it = instance.begin(); it != instance.end(); ++it, ++position) {
      if (seen->PropertyEvaluated(position)) continue;
      if (is_false_) {
        if (!ctx.collecting()) return false;
        extras.emplace_back(it.key());
        continue;
      }
      if (!ctx.EvaluateMember(*node_, it.value(), it.key())) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    seen->all_properties = true;
    if (extras.empty()) return ok;
    ctx.Report("Unevaluated properties are not allowed (" + JoinReprs(extras) + " unexpected)");
    return false;
  }

 private:
  const Node* node_;
  bool is_false_;
};

class UnevaluatedItemsKeyword : public Keyword {
 public:
  UnevaluatedItemsKeyword(const Node* node, bool is_false) : Keyword("unevaluatedItems"), node_(node), is_false_(is_false) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_array()) return true;
    Annotations* seen = ctx.sink;
    bool ok = true;
    std::vector<Json> extras;  // filled in collecting mode only
    for (std::size_t i = 0; i < instance.size(); ++i) {
      if (seen->ItemEvaluated(i)) continue;
      if (is_false_) {
        if (!ctx.collecting()) return false;
        extras.push_back(instance[i]);
        continue;
      }
      if (!ctx.EvaluateItem(*node_, instance[i], i)) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    seen->all_items = true;
    if (extras.empty()) return ok;
    ctx.Report("Unevaluated items are not allowed (" + JoinReprs(extras) + " unexpected)");
    return false;
  }

 private:
  const Node* node_;
  bool is_false_;
};

class FormatKeyword : public Keyword {
 public:
  explicit FormatKeyword(std::string format) : Keyword("format"), format_(std::move(format)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_string()) return true;
    auto valid = CheckFormat(format_, instance.get_ref<const std::string&>());
    if (!valid || *valid) return true;  // unknown formats pass
    return Fail(ctx, [&] { return Repr(instance) + " is not a " + Quote(format_); });
  }

 private:
  std::string format_;
};

}  // namespace

std::unique_ptr<Keyword> MakeIf(const Node* if_node, const Node* then_node, const Node* else_node) {
  return std::make_unique<IfKeyword>(if_node, then_node, else_node);
}
std::unique_ptr<Keyword> MakeContains(const Node* node, std::size_t min_contains, std::optional<std::size_t> max_contains,
                                      bool annotates) {
  return std::make_unique<ContainsKeyword>(node, min_contains, max_contains, annotates);
}
std::unique_ptr<Keyword> MakeDependencies(std::string name, std::vector<Dependency> dependencies) {
  return std::make_unique<DependenciesKeyword>(std::move(name), std::move(dependencies));
}
std::unique_ptr<Keyword> MakePropertyNames(const Node* node) { return std::make_unique<PropertyNamesKeyword>(node); }
std::unique_ptr<Keyword> MakeUnevaluatedProperties(const Node* node, bool is_false) {
  return std::make_unique<UnevaluatedPropertiesKeyword>(node, is_false);
}
std::unique_ptr<Keyword> MakeUnevaluatedItems(const Node* node, bool is_false) {
  return std::make_unique<UnevaluatedItemsKeyword>(node, is_false);
}
std::unique_ptr<Keyword> MakeFormat(std::string format) { return std::make_unique<FormatKeyword>(std::move(format)); }

}  // namespace trajc::schema::internal
