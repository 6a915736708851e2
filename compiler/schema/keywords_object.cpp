// schema/keywords_object — the keywords that apply to an object's members: properties,
// patternProperties, additionalProperties, required, minProperties, maxProperties,
// dependentRequired/dependentSchemas and draft-07 dependencies, propertyNames and
// unevaluatedProperties (the evaluators of the last three are in applicator_keywords.cpp);
// and the size evaluator that minItems/maxItems share.
#include <algorithm>

#include "schema/applicator_keywords.h"
#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

struct NamedEntry {
  std::string name;
  std::string segment;
  const Node* node;
};

// `sorted` by NameLess; binary search.
const NamedEntry* FindNamed(const std::vector<NamedEntry>& sorted, const std::string& name) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), name,
                             [](const NamedEntry& e, const std::string& n) { return NameLess(e.name, n); });
  return (it != sorted.end() && it->name == name) ? &*it : nullptr;
}

class PropertiesKeyword : public Keyword {
 public:
  explicit PropertiesKeyword(std::vector<NamedEntry> sorted) : Keyword("properties"), sorted_(std::move(sorted)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object() || sorted_.empty()) return true;
    bool ok = true;
    std::size_t position = 0;
    for (auto it = instance.begin(); it != instance.end(); ++it, ++position) {  // instance order
      const NamedEntry* entry = FindNamed(sorted_, it.key());
      if (entry == nullptr) continue;
      if (ctx.sink != nullptr) ctx.sink->MarkProperty(position, instance.size());
      bool child_ok = ctx.EvaluateMember(*entry->node, it.value(), it.key(), &entry->segment);
      if (!child_ok) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    return ok;
  }

 private:
  std::vector<NamedEntry> sorted_;
};

struct PatternEntry {
  std::shared_ptr<const Pattern> pattern;
  std::string segment;
  const Node* node;
};

class PatternPropertiesKeyword : public Keyword {
 public:
  explicit PatternPropertiesKeyword(std::vector<PatternEntry> entries)
      : Keyword("patternProperties"), entries_(std::move(entries)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object()) return true;
    bool ok = true;
    std::size_t position = 0;
    for (auto it = instance.begin(); it != instance.end(); ++it, ++position) {
      for (const PatternEntry& entry : entries_) {
        if (entry.pattern->Search(it.key()) != Pattern::Result::kMatch) continue;
        if (ctx.sink != nullptr) ctx.sink->MarkProperty(position, instance.size());
        bool child_ok = ctx.EvaluateMember(*entry.node, it.value(), it.key(), &entry.segment);
        if (!child_ok) {
          ok = false;
          if (!ctx.collecting()) return false;
        }
      }
    }
    return ok;
  }

 private:
  std::vector<PatternEntry> entries_;
};

class AdditionalPropertiesKeyword : public Keyword {
 public:
  AdditionalPropertiesKeyword(std::vector<std::string> sorted_names, std::vector<std::shared_ptr<const Pattern>> patterns,
                              const Node* node, bool is_false)
      : Keyword("additionalProperties"),
        names_(std::move(sorted_names)),
        patterns_(std::move(patterns)),
        node_(node),
        is_false_(is_false) {}

  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object()) return true;
    if (node_->kind == Node::Kind::kTrue) {
      if (ctx.sink != nullptr) ctx.sink->all_properties = true;  // every property is evaluated by one of the three
      return true;
    }
    bool ok = true;
    std::vector<const std::string*> extras;
    std::size_t position = 0;
    for (auto it = instance.begin(); it != instance.end(); ++it, ++position) {
      if (!IsAdditional(it.key())) continue;
      if (ctx.sink != nullptr) ctx.sink->MarkProperty(position, instance.size());
      if (is_false_) {
        if (!ctx.collecting()) return false;
        extras.push_back(&it.key());
        continue;
      }
      bool child_ok = ctx.EvaluateMember(*node_, it.value(), it.key());
      if (!child_ok) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    if (extras.empty()) return ok;
    std::string joined;
    for (std::size_t i = 0; i < extras.size(); ++i) {
      if (i > 0) joined += ", ";
      joined += Repr(Json(*extras[i]));
    }
    if (patterns_.empty()) {
      ctx.Report("Additional properties are not allowed (" + joined + (extras.size() == 1 ? " was" : " were") +
                 " unexpected)");
    } else {
      std::string regexes;
      for (std::size_t i = 0; i < patterns_.size(); ++i) {
        if (i > 0) regexes += ", ";
        regexes += Quote(patterns_[i]->source());
      }
      ctx.Report(joined + (extras.size() == 1 ? " does" : " do") + " not match any of the regexes: " + regexes);
    }
    return false;
  }

 private:
  bool IsAdditional(const std::string& key) const {
    if (std::binary_search(names_.begin(), names_.end(), key, NameLess)) return false;
    for (const auto& pattern : patterns_) {
      if (pattern->Search(key) == Pattern::Result::kMatch) return false;
    }
    return true;
  }
  std::vector<std::string> names_;
  std::vector<std::shared_ptr<const Pattern>> patterns_;
  const Node* node_;
  bool is_false_;
};

class RequiredKeyword : public Keyword {
 public:
  explicit RequiredKeyword(std::vector<std::string> names) : Keyword("required"), names_(std::move(names)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_object()) return true;
    bool ok = true;
    for (const std::string& name : names_) {
      if (instance.contains(name)) continue;
      ok = false;
      if (!ctx.collecting()) return false;
      ctx.Report(Quote(name) + " is a required property");
    }
    return ok;
  }

 private:
  std::vector<std::string> names_;
};

// minItems/maxItems and minProperties/maxProperties: a bound on an array's or an
// object's size, with Python jsonschema's wording for each.
class SizeKeyword : public Keyword {
 public:
  using Of = SizeOf;
  SizeKeyword(Of of, bool is_min, std::size_t limit)
      : Keyword(of == Of::kArray ? (is_min ? "minItems" : "maxItems") : (is_min ? "minProperties" : "maxProperties")),
        of_(of), is_min_(is_min), limit_(limit) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (of_ == Of::kArray ? !instance.is_array() : !instance.is_object()) return true;
    std::size_t n = instance.size();
    if (is_min_ ? n >= limit_ : n <= limit_) return true;
    return Fail(ctx, [&] {
      bool array = of_ == Of::kArray;
      if (is_min_) return Repr(instance) + (limit_ == 1 ? " should be non-empty" : array ? " is too short" : " does not have enough properties");
      return Repr(instance) + (limit_ == 0 ? " is expected to be empty" : array ? " is too long" : " has too many properties");
    });
  }

 private:
  Of of_;
  bool is_min_;
  std::size_t limit_;
};

}  // namespace

std::unique_ptr<Keyword> MakeSize(SizeOf of, bool is_min, std::size_t limit) {
  return std::make_unique<SizeKeyword>(of, is_min, limit);
}

std::unique_ptr<Keyword> CompileProperties(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                           const std::string& at) {
  RequireObject(value, at);
  std::vector<NamedEntry> entries;
  for (auto p = value.begin(); p != value.end(); ++p) {
    entries.push_back({p.key(), EscapePointerToken(p.key()), object.Sub(p.value(), ChildPointer(at, p.key()))});
  }
  std::sort(entries.begin(), entries.end(),
            [](const NamedEntry& a, const NamedEntry& b) { return NameLess(a.name, b.name); });
  return std::make_unique<PropertiesKeyword>(std::move(entries));
}

// Its names were checked and compiled to `object.patterns` before the first keyword.
std::unique_ptr<Keyword> CompilePatternProperties(const SchemaObject& object, const std::string& /*key*/,
                                                  const Json& value, const std::string& at) {
  std::vector<PatternEntry> entries;
  std::size_t i = 0;
  for (auto p = value.begin(); p != value.end(); ++p, ++i) {
    entries.push_back(
        {object.patterns[i], EscapePointerToken(p.key()), object.Sub(p.value(), ChildPointer(at, p.key()))});
  }
  return std::make_unique<PatternPropertiesKeyword>(std::move(entries));
}

std::unique_ptr<Keyword> CompileAdditionalProperties(const SchemaObject& object, const std::string& /*key*/,
                                                     const Json& value, const std::string& at) {
  const Node* target = object.Sub(value, at);
  return std::make_unique<AdditionalPropertiesKeyword>(object.property_names, object.patterns, target,
                                                       value.is_boolean() && !value.get<bool>());
}

std::unique_ptr<Keyword> CompileRequired(const SchemaObject& /*object*/, const std::string& /*key*/, const Json& value,
                                         const std::string& at) {
  RequireArray(value, at, false);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) throw SchemaError(at + "/" + std::to_string(i), "must be a string");
    names.push_back(value[i].get<std::string>());
  }
  return std::make_unique<RequiredKeyword>(std::move(names));
}

std::unique_ptr<Keyword> CompilePropertyCount(const SchemaObject& /*object*/, const std::string& key,
                                              const Json& value, const std::string& at) {
  return MakeSize(SizeOf::kObject, key == "minProperties", RequireCount(value, at));
}

// dependentRequired, dependentSchemas, and draft-07 dependencies (names or a schema per member).
std::unique_ptr<Keyword> CompileDependencies(const SchemaObject& object, const std::string& key, const Json& value,
                                             const std::string& at) {
  RequireObject(value, at);
  std::vector<Dependency> dependencies;
  for (auto p = value.begin(); p != value.end(); ++p) {
    const std::string member_at = ChildPointer(at, p.key());
    Dependency dependency{p.key(), EscapePointerToken(p.key()), {}, nullptr};
    bool names = key == "dependentRequired" || (key == "dependencies" && p.value().is_array());
    if (names) {
      RequireArray(p.value(), member_at, false);
      for (std::size_t i = 0; i < p.value().size(); ++i) {
        if (!p.value()[i].is_string()) throw SchemaError(member_at + "/" + std::to_string(i), "must be a string");
        dependency.required.push_back(p.value()[i].get<std::string>());
      }
    } else {
      dependency.node = object.Sub(p.value(), member_at);
    }
    dependencies.push_back(std::move(dependency));
  }
  return MakeDependencies(key, std::move(dependencies));
}

std::unique_ptr<Keyword> CompilePropertyNames(const SchemaObject& object, const std::string& /*key*/,
                                              const Json& value, const std::string& at) {
  return MakePropertyNames(object.Sub(value, at));
}

std::unique_ptr<Keyword> CompileUnevaluatedProperties(const SchemaObject& object, const std::string& /*key*/,
                                                      const Json& value, const std::string& at) {
  const Node* target = object.Sub(value, at);
  bool is_false = value.is_boolean() && !value.get<bool>();
  return MakeUnevaluatedProperties(target, is_false);
}

}  // namespace trajc::schema::internal
