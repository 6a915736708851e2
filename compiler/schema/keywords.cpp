// One small evaluator per keyword, and CompileKeywords(), which checks each keyword's
// value and builds its evaluator. Adding a keyword = one class + one branch below.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "schema/applicator_keywords.h"
#include "schema/json_pointer.h"
#include "schema/json_schema_internal.h"
#include "schema/json_value.h"
#include "schema/regex.h"

namespace trajc::schema::internal {

namespace {

std::string ChildPointer(const std::string& pointer, std::string_view token) {
  std::string out = pointer;
  AppendPointerToken(out, token);
  return out;
}

std::string Quote(std::string_view s) { return Repr(Json(std::string(s)), 1000); }

// ---- shared pieces ------------------------------------------------------------------

struct SubschemaEntry {
  std::string segment;  // escaped location token ("name", "0", "^x_")
  const Node* node;
};

// ---- type -----------------------------------------------------------------------------

enum TypeBit : unsigned {
  kNull = 1, kBoolean = 2, kObject = 4, kArray = 8, kNumber = 16, kString = 32, kInteger = 64,
};

class TypeKeyword : public Keyword {
 public:
  TypeKeyword(unsigned mask, std::vector<std::string> names)
      : Keyword("type"), mask_(mask), names_(std::move(names)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (Matches(instance)) return true;
    return Fail(ctx, [&] {
      std::string message = Repr(instance) + " is not of type ";
      for (std::size_t i = 0; i < names_.size(); ++i) {
        if (i > 0) message += ", ";
        message += Quote(names_[i]);
      }
      return message;
    });
  }

 private:
  bool Matches(const Json& v) const {
    switch (v.type()) {
      case Json::value_t::null: return (mask_ & kNull) != 0;
      case Json::value_t::boolean: return (mask_ & kBoolean) != 0;
      case Json::value_t::object: return (mask_ & kObject) != 0;
      case Json::value_t::array: return (mask_ & kArray) != 0;
      case Json::value_t::string: return (mask_ & kString) != 0;
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned: return (mask_ & (kNumber | kInteger)) != 0;
      case Json::value_t::number_float:
        return (mask_ & kNumber) != 0 || ((mask_ & kInteger) != 0 && IsIntegerValue(v));
      default: return false;
    }
  }
  unsigned mask_;
  std::vector<std::string> names_;
};

// ---- objects --------------------------------------------------------------------------

struct NamedEntry {
  std::string name;
  std::string segment;
  const Node* node;
};

// Property names are looked up once per instance member, so they are ordered by length
// first: most probes settle on an integer comparison, and bytes are compared only between
// names of equal length (no hashing: order-independent and deterministic).
bool NameLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a.compare(b) < 0;
}

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
  enum class Of { kArray, kObject };
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

// ---- any type -------------------------------------------------------------------------

class EnumKeyword : public Keyword {
 public:
  explicit EnumKeyword(Json values) : Keyword("enum"), values_(std::move(values)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    for (const Json& value : values_) {
      if (JsonEqual(instance, value)) return true;
    }
    return Fail(ctx, [&] { return Repr(instance) + " is not one of " + Repr(values_); });
  }

 private:
  Json values_;
};

class ConstKeyword : public Keyword {
 public:
  explicit ConstKeyword(Json value) : Keyword("const"), value_(std::move(value)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (JsonEqual(instance, value_)) return true;
    return Fail(ctx, [&] { return Repr(value_) + " was expected"; });
  }

 private:
  Json value_;
};

// ---- numbers --------------------------------------------------------------------------

class BoundKeyword : public Keyword {
 public:
  enum class Kind { kMinimum, kMaximum, kExclusiveMinimum, kExclusiveMaximum };
  BoundKeyword(Kind kind, std::string name, Json limit) : Keyword(std::move(name)), kind_(kind), limit_(std::move(limit)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_number()) return true;
    int c = CompareNumbers(instance, limit_);
    bool ok = false;
    const char* text = "";
    switch (kind_) {
      case Kind::kMinimum: ok = c >= 0; text = " is less than the minimum of "; break;
      case Kind::kMaximum: ok = c <= 0; text = " is greater than the maximum of "; break;
      case Kind::kExclusiveMinimum: ok = c > 0; text = " is less than or equal to the minimum of "; break;
      case Kind::kExclusiveMaximum: ok = c < 0; text = " is greater than or equal to the maximum of "; break;
    }
    if (ok) return true;
    return Fail(ctx, [&] { return Repr(instance) + text + Repr(limit_); });
  }

 private:
  Kind kind_;
  Json limit_;
};

class MultipleOfKeyword : public Keyword {
 public:
  explicit MultipleOfKeyword(Json divisor) : Keyword("multipleOf"), divisor_(std::move(divisor)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_number() || IsMultiple(instance)) return true;
    return Fail(ctx, [&] { return Repr(instance) + " is not a multiple of " + Repr(divisor_); });
  }

 private:
  static std::uint64_t Magnitude(const Json& v) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    auto i = v.get<std::int64_t>();
    return i < 0 ? static_cast<std::uint64_t>(-(i + 1)) + 1 : static_cast<std::uint64_t>(i);
  }
  bool IsMultiple(const Json& x) const {
    if (divisor_.is_number_integer()) {
      if (x.is_number_integer()) return Magnitude(x) % Magnitude(divisor_) == 0;
      return std::fmod(x.get<double>(), divisor_.get<double>()) == 0.0;
    }
    // The quotient of two doubles carries rounding error (0.07 / 0.01 = 7.000000000000001):
    // accept a quotient within a few ulps of an integer, so decimal multiples pass.
    double q = x.get<double>() / divisor_.get<double>();
    if (std::isfinite(q)) return std::fabs(q - std::round(q)) <= 4 * std::numeric_limits<double>::epsilon() * std::fabs(q);
    return std::fmod(x.get<double>(), divisor_.get<double>()) == 0.0;
  }
  Json divisor_;
};

// ---- strings --------------------------------------------------------------------------

class LengthKeyword : public Keyword {
 public:
  LengthKeyword(bool is_min, std::size_t limit) : Keyword(is_min ? "minLength" : "maxLength"), is_min_(is_min), limit_(limit) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_string()) return true;
    const auto& s = instance.get_ref<const std::string&>();
    // A code point takes 1 to 4 bytes of UTF-8, so the byte length bounds the count both
    // ways: count only when the bounds do not decide (minLength 1 on a long text never counts).
    const bool fails = is_min_ ? s.size() < limit_ || (s.size() / 4 < limit_ && CodePointLength(s) < limit_)
                               : s.size() > limit_ && CodePointLength(s) > limit_;
    if (fails) {
      return Fail(ctx, [&] {
        if (is_min_) return Repr(instance) + (limit_ == 1 ? " should be non-empty" : " is too short");
        return Repr(instance) + (limit_ == 0 ? " is expected to be empty" : " is too long");
      });
    }
    return true;
  }

 private:
  bool is_min_;
  std::size_t limit_;
};

class PatternKeyword : public Keyword {
 public:
  explicit PatternKeyword(std::shared_ptr<const Pattern> pattern) : Keyword("pattern"), pattern_(std::move(pattern)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_string()) return true;
    switch (pattern_->Search(instance.get_ref<const std::string&>())) {
      case Pattern::Result::kMatch: return true;
      case Pattern::Result::kNoMatch:
        return Fail(ctx, [&] { return Repr(instance) + " does not match " + Quote(pattern_->source()); });
      case Pattern::Result::kUnmatchable:
        return Fail(ctx, [&] {
          return Repr(instance) + " could not be matched against " + Quote(pattern_->source()) +
                 " (matching exceeded the regex engine's backtracking limit)";
        });
    }
    return false;
  }

 private:
  std::shared_ptr<const Pattern> pattern_;
};

// ---- arrays ---------------------------------------------------------------------------

// prefixItems, and the draft-07 array form of items.
class PrefixItemsKeyword : public Keyword {
 public:
  PrefixItemsKeyword(std::string name, std::vector<SubschemaEntry> entries)
      : Keyword(std::move(name)), entries_(std::move(entries)) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_array()) return true;
    bool ok = true;
    std::size_t n = std::min(instance.size(), entries_.size());
    if (ctx.sink != nullptr) ctx.sink->MarkPrefix(n);
    for (std::size_t i = 0; i < n; ++i) {
      bool child_ok = ctx.EvaluateItem(*entries_[i].node, instance[i], i, &entries_[i].segment);
      if (!child_ok) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    return ok;
  }

 private:
  std::vector<SubschemaEntry> entries_;
};

// items (schema form; after prefixItems) and draft-07 additionalItems (after array items).
class TailItemsKeyword : public Keyword {
 public:
  TailItemsKeyword(std::string name, std::size_t start, const Node* node, bool is_false)
      : Keyword(std::move(name)), start_(start), node_(node), is_false_(is_false) {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_array() || instance.size() <= start_) return true;
    if (ctx.sink != nullptr) ctx.sink->all_items = true;
    if (is_false_) {
      return Fail(ctx, [&] {
        std::size_t extra = instance.size() - start_;
        if (segment() == "additionalItems") {
          std::string joined;
          for (std::size_t i = start_; i < instance.size() && joined.size() < 60; ++i) {
            if (i > start_) joined += ", ";
            joined += Repr(instance[i]);
          }
          return "Additional items are not allowed (" + joined + (extra == 1 ? " was" : " were") + " unexpected)";
        }
        Json rest = extra == 1 ? instance[start_] : Json(instance.begin() + static_cast<std::ptrdiff_t>(start_), instance.end());
        return "Expected at most " + std::to_string(start_) + (start_ == 1 ? " item" : " items") + " but found " +
               std::to_string(extra) + " extra: " + Repr(rest);
      });
    }
    bool ok = true;
    for (std::size_t i = start_; i < instance.size(); ++i) {
      bool child_ok = ctx.EvaluateItem(*node_, instance[i], i);
      if (!child_ok) {
        ok = false;
        if (!ctx.collecting()) return false;
      }
    }
    return ok;
  }

 private:
  std::size_t start_;
  const Node* node_;
  bool is_false_;
};

class UniqueItemsKeyword : public Keyword {
 public:
  UniqueItemsKeyword() : Keyword("uniqueItems") {}
  bool Evaluate(const Json& instance, Context& ctx) const override {
    if (!instance.is_array()) return true;
    for (std::size_t i = 0; i < instance.size(); ++i) {
      for (std::size_t j = i + 1; j < instance.size(); ++j) {
        if (JsonEqual(instance[i], instance[j])) {
          return Fail(ctx, [&] { return Repr(instance) + " has non-unique elements"; });
        }
      }
    }
    return true;
  }
};

// ---- applicators ----------------------------------------------------------------------

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

// ---- compile-time checks --------------------------------------------------------------

const Json& RequireNumber(const Json& value, const std::string& pointer) {
  if (!value.is_number()) throw SchemaError(pointer, "must be a number");
  return value;
}

std::size_t RequireCount(const Json& value, const std::string& pointer) {
  if (!value.is_number() || !IsIntegerValue(value) || CompareNumbers(value, Json(0)) < 0) {
    throw SchemaError(pointer, "must be a non-negative integer");
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    return d >= 1.8e19 ? SIZE_MAX : static_cast<std::size_t>(d);
  }
  return value.get<std::size_t>();
}

const Json& RequireArray(const Json& value, const std::string& pointer, bool non_empty) {
  if (!value.is_array() || (non_empty && value.empty())) {
    throw SchemaError(pointer, non_empty ? "must be a non-empty array" : "must be an array");
  }
  return value;
}

const Json& RequireObject(const Json& value, const std::string& pointer) {
  if (!value.is_object()) throw SchemaError(pointer, "must be an object");
  return value;
}

std::shared_ptr<const Pattern> CompilePattern(const Json& value, const std::string& pointer) {
  if (!value.is_string()) throw SchemaError(pointer, "must be a string");
  try {
    return std::make_shared<const Pattern>(value.get<std::string>());
  } catch (const std::invalid_argument& e) {
    throw SchemaError(pointer, "invalid regular expression " + Quote(value.get_ref<const std::string&>()) + ": " + e.what());
  }
}

unsigned TypeBitFor(const std::string& name) {
  if (name == "null") return kNull;
  if (name == "boolean") return kBoolean;
  if (name == "object") return kObject;
  if (name == "array") return kArray;
  if (name == "number") return kNumber;
  if (name == "string") return kString;
  if (name == "integer") return kInteger;
  return 0;
}

std::unique_ptr<Keyword> CompileType(const Json& value, const std::string& pointer) {
  unsigned mask = 0;
  std::vector<std::string> names;
  auto add = [&](const Json& name, const std::string& at) {
    if (!name.is_string()) throw SchemaError(at, "must be a type name string");
    unsigned bit = TypeBitFor(name.get<std::string>());
    if (bit == 0) {
      throw SchemaError(at, "unknown type " + Quote(name.get_ref<const std::string&>()) +
                                " (expected one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string')");
    }
    mask |= bit;
    names.push_back(name.get<std::string>());
  };
  if (value.is_string()) {
    add(value, pointer);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) add(value[i], pointer + "/" + std::to_string(i));
  } else {
    throw SchemaError(pointer, "must be a string or an array of strings");
  }
  return std::make_unique<TypeKeyword>(mask, std::move(names));
}

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


void CompileKeywords(const Json& schema, const std::string& pointer, int depth, const CompileSite& site,
                     Compiler& compiler, Node& node) {
  const SchemaInfo& info = *site.info;
  const Dialect dialect = info.dialect.dialect;
  const unsigned vocabularies = info.dialect.vocabularies;
  auto sub = [&](const Json& value, const std::string& at) { return compiler.CompileAt(site.document, value, at, depth + 1); };
  auto active = [&](std::string_view key) {
    unsigned vocabulary = KeywordVocabulary(key, dialect);
    if (vocabulary == kVocabFormatAnnotation) vocabulary |= kVocabFormatAssertion;
    return vocabulary != 0 && (vocabulary & vocabularies) != 0;
  };
  auto sibling = [&](std::string_view key) -> const Json* {
    if (!active(key)) return nullptr;
    auto it = schema.find(std::string(key));
    return it == schema.end() ? nullptr : &*it;
  };
  // Before 2019-09, $ref replaces its whole schema object.
  const bool ref_only = dialect <= Dialect::kDraft7 && schema.contains("$ref");

  // Keywords whose meaning depends on siblings, whatever order they were written in.
  std::vector<std::string> property_names;
  if (const Json* properties = sibling("properties"); properties != nullptr && properties->is_object()) {
    for (auto p = properties->begin(); p != properties->end(); ++p) property_names.push_back(p.key());
    std::sort(property_names.begin(), property_names.end(), NameLess);
  }
  std::vector<std::shared_ptr<const Pattern>> patterns;
  if (const Json* pattern_properties = sibling("patternProperties"); pattern_properties != nullptr && !ref_only) {
    std::string at = ChildPointer(pointer, "patternProperties");
    RequireObject(*pattern_properties, at);
    for (auto p = pattern_properties->begin(); p != pattern_properties->end(); ++p) {
      patterns.push_back(CompilePattern(Json(p.key()), ChildPointer(at, p.key())));
    }
  }
  std::size_t prefix_count = 0;
  bool items_is_array = false;
  if (const Json* prefix = sibling("prefixItems"); prefix != nullptr && prefix->is_array()) prefix_count = prefix->size();
  if (const Json* items = sibling("items"); items != nullptr && items->is_array()) {
    items_is_array = true;  // draft-07 array form (accepted in 2020-12 too, with additionalItems)
    prefix_count = items->size();
  }

  std::vector<std::unique_ptr<Keyword>> unevaluated;  // evaluated after every sibling
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    const std::string& key = it.key();
    const Json& value = it.value();
    const std::string at = ChildPointer(pointer, key);
    std::unique_ptr<Keyword> keyword;

    if (key == "$defs" || key == "definitions") {  // checked even when unused
      RequireObject(value, at);
      for (auto p = value.begin(); p != value.end(); ++p) sub(p.value(), ChildPointer(at, p.key()));
      continue;
    }
    // Unknown keywords, keywords of another draft or of a vocabulary the metaschema does
    // not enable ($schema, $id, title, description, default, examples, ...) are annotations.
    if ((ref_only && key != "$ref") || !active(key)) continue;

    if (key == "type") {
      keyword = CompileType(value, at);
    } else if (key == "properties") {
      RequireObject(value, at);
      std::vector<NamedEntry> entries;
      for (auto p = value.begin(); p != value.end(); ++p) {
        entries.push_back({p.key(), EscapePointerToken(p.key()), sub(p.value(), ChildPointer(at, p.key()))});
      }
      std::sort(entries.begin(), entries.end(), [](const NamedEntry& a, const NamedEntry& b) { return NameLess(a.name, b.name); });
      keyword = std::make_unique<PropertiesKeyword>(std::move(entries));
    } else if (key == "patternProperties") {
      std::vector<PatternEntry> entries;
      std::size_t i = 0;
      for (auto p = value.begin(); p != value.end(); ++p, ++i) {
        entries.push_back({patterns[i], EscapePointerToken(p.key()), sub(p.value(), ChildPointer(at, p.key()))});
      }
      keyword = std::make_unique<PatternPropertiesKeyword>(std::move(entries));
    } else if (key == "additionalProperties") {
      const Node* target = sub(value, at);
      keyword = std::make_unique<AdditionalPropertiesKeyword>(property_names, patterns, target,
                                                              value.is_boolean() && !value.get<bool>());
    } else if (key == "required") {
      RequireArray(value, at, false);
      std::vector<std::string> names;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) throw SchemaError(at + "/" + std::to_string(i), "must be a string");
        names.push_back(value[i].get<std::string>());
      }
      keyword = std::make_unique<RequiredKeyword>(std::move(names));
    } else if (key == "minProperties" || key == "maxProperties") {
      keyword = std::make_unique<SizeKeyword>(SizeKeyword::Of::kObject, key == "minProperties", RequireCount(value, at));
    } else if (key == "enum") {
      keyword = std::make_unique<EnumKeyword>(RequireArray(value, at, false));
    } else if (key == "const") {
      keyword = std::make_unique<ConstKeyword>(value);
    } else if (dialect == Dialect::kDraft4 && (key == "exclusiveMinimum" || key == "exclusiveMaximum")) {
      if (!value.is_boolean()) throw SchemaError(at, "must be a boolean (draft-04)");  // read by minimum/maximum
    } else if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum" || key == "exclusiveMaximum") {
      if (value.is_boolean() && key.rfind("exclusive", 0) == 0) {
        throw SchemaError(at, "must be a number (the draft-04 boolean form needs \"$schema\": draft-04)");
      }
      RequireNumber(value, at);
      bool exclusive = key.rfind("exclusive", 0) == 0;
      if (dialect == Dialect::kDraft4) {
        const Json* flag = sibling(key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum");
        exclusive = flag != nullptr && *flag == Json(true);
      }
      bool lower = key == "minimum" || key == "exclusiveMinimum";
      auto kind = lower ? (exclusive ? BoundKeyword::Kind::kExclusiveMinimum : BoundKeyword::Kind::kMinimum)
                        : (exclusive ? BoundKeyword::Kind::kExclusiveMaximum : BoundKeyword::Kind::kMaximum);
      keyword = std::make_unique<BoundKeyword>(kind, key, value);
    } else if (key == "multipleOf") {
      if (!value.is_number() || CompareNumbers(value, Json(0)) <= 0) {
        throw SchemaError(at, "must be a number greater than 0");
      }
      keyword = std::make_unique<MultipleOfKeyword>(value);
    } else if (key == "minLength" || key == "maxLength") {
      keyword = std::make_unique<LengthKeyword>(key == "minLength", RequireCount(value, at));
    } else if (key == "pattern") {
      keyword = std::make_unique<PatternKeyword>(CompilePattern(value, at));
    } else if (key == "prefixItems" || (key == "items" && value.is_array())) {
      RequireArray(value, at, key == "prefixItems");
      std::vector<SubschemaEntry> entries;
      for (std::size_t i = 0; i < value.size(); ++i) {
        std::string segment = std::to_string(i);
        entries.push_back({segment, sub(value[i], at + "/" + segment)});
      }
      keyword = std::make_unique<PrefixItemsKeyword>(key, std::move(entries));
    } else if (key == "items") {
      keyword = std::make_unique<TailItemsKeyword>(key, items_is_array ? 0 : prefix_count, sub(value, at),
                                                   value.is_boolean() && !value.get<bool>());
    } else if (key == "additionalItems") {
      const Node* target = sub(value, at);  // checked even when inert
      if (items_is_array) {
        keyword = std::make_unique<TailItemsKeyword>(key, prefix_count, target, value.is_boolean() && !value.get<bool>());
      }
    } else if (key == "minItems" || key == "maxItems") {
      keyword = std::make_unique<SizeKeyword>(SizeKeyword::Of::kArray, key == "minItems", RequireCount(value, at));
    } else if (key == "uniqueItems") {
      if (!value.is_boolean()) throw SchemaError(at, "must be a boolean");
      if (value.get<bool>()) keyword = std::make_unique<UniqueItemsKeyword>();
    } else if (key == "contains") {
      const Node* target = sub(value, at);
      std::size_t min_contains = 1;
      std::optional<std::size_t> max_contains;
      if (const Json* min = sibling("minContains")) min_contains = RequireCount(*min, ChildPointer(pointer, "minContains"));
      if (const Json* max = sibling("maxContains")) max_contains = RequireCount(*max, ChildPointer(pointer, "maxContains"));
      keyword = MakeContains(target, min_contains, max_contains, dialect >= Dialect::kDraft2020_12);
    } else if (key == "minContains" || key == "maxContains") {
      RequireCount(value, at);  // read by contains
    } else if (key == "if") {
      const Node* if_node = sub(value, at);
      const Node* then_node = nullptr;
      const Node* else_node = nullptr;
      if (const Json* then = sibling("then")) then_node = sub(*then, ChildPointer(pointer, "then"));
      if (const Json* otherwise = sibling("else")) else_node = sub(*otherwise, ChildPointer(pointer, "else"));
      keyword = MakeIf(if_node, then_node, else_node);
    } else if (key == "then" || key == "else") {
      sub(value, at);  // checked even without `if`; applied by it
    } else if (key == "dependentRequired" || key == "dependentSchemas" || key == "dependencies") {
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
          dependency.node = sub(p.value(), member_at);
        }
        dependencies.push_back(std::move(dependency));
      }
      keyword = MakeDependencies(key, std::move(dependencies));
    } else if (key == "propertyNames") {
      keyword = MakePropertyNames(sub(value, at));
    } else if (key == "unevaluatedProperties" || key == "unevaluatedItems") {
      const Node* target = sub(value, at);
      bool is_false = value.is_boolean() && !value.get<bool>();
      unevaluated.push_back(key == "unevaluatedProperties" ? MakeUnevaluatedProperties(target, is_false)
                                                           : MakeUnevaluatedItems(target, is_false));
      node.has_unevaluated = true;
    } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
      auto kind = key == "allOf"   ? CombinatorKeyword::Kind::kAllOf
                  : key == "anyOf" ? CombinatorKeyword::Kind::kAnyOf
                                   : CombinatorKeyword::Kind::kOneOf;
      keyword = std::make_unique<CombinatorKeyword>(kind, key, CompileAlternatives(value, at, depth, site, compiler));
    } else if (key == "not") {
      keyword = std::make_unique<NotKeyword>(sub(value, at), Repr(value, 40));
    } else if (key == "$ref" || key == "$dynamicRef" || key == "$recursiveRef") {
      if (!value.is_string()) throw SchemaError(at, "must be a string");
      auto ref = std::make_unique<RefKeyword>(key);
      RefKind kind = key == "$ref" ? RefKind::kStatic : key == "$dynamicRef" ? RefKind::kDynamic : RefKind::kRecursive;
      compiler.AddRef(ref.get(), value.get<std::string>(), info, site.document, at, kind);
      keyword = std::move(ref);
    } else if (key == "format") {
      if (!value.is_string()) throw SchemaError(at, "must be a string");
      // An annotation unless asked to assert, or the metaschema enables format-assertion.
      if (compiler.format_assertion() || (vocabularies & kVocabFormatAssertion) != 0) keyword = MakeFormat(value.get<std::string>());
    }
    if (keyword) node.keywords.push_back(std::move(keyword));
  }
  for (auto& keyword : unevaluated) node.keywords.push_back(std::move(keyword));
}

}  // namespace trajc::schema::internal
