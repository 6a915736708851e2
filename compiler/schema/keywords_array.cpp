// schema/keywords_array — the keywords that apply to an array's items: prefixItems, items
// (both forms), draft-07 additionalItems, minItems, maxItems, uniqueItems, contains with
// minContains/maxContains, and unevaluatedItems (the evaluators of the last two are in
// applicator_keywords.cpp).
#include <algorithm>
#include <optional>
#include <vector>

#include "schema/applicator_keywords.h"
#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

struct SubschemaEntry {
  std::string segment;  // escaped location token ("name", "0", "^x_")
  const Node* node;
};

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
    // Sorted by CompareJson, equal items are neighbours; JsonEqual has the last word.
    std::vector<std::size_t> order(instance.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return CompareJson(instance[x], instance[y]) < 0; });
    for (std::size_t i = 1; i < order.size(); ++i) {
      if (JsonEqual(instance[order[i - 1]], instance[order[i]])) {
        return Fail(ctx, [&] { return Repr(instance) + " has non-unique elements"; });
      }
    }
    return true;
  }
};

}  // namespace

// prefixItems, and the draft-07 array form of items.
std::unique_ptr<Keyword> CompilePrefixItems(const SchemaObject& object, const std::string& key, const Json& value,
                                            const std::string& at) {
  RequireArray(value, at, key == "prefixItems");
  std::vector<SubschemaEntry> entries;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string segment = std::to_string(i);
    entries.push_back({segment, object.Sub(value[i], at + "/" + segment)});
  }
  return std::make_unique<PrefixItemsKeyword>(key, std::move(entries));
}

std::unique_ptr<Keyword> CompileItems(const SchemaObject& object, const std::string& key, const Json& value,
                                      const std::string& at) {
  if (value.is_array()) return CompilePrefixItems(object, key, value, at);
  return std::make_unique<TailItemsKeyword>(key, object.items_is_array ? 0 : object.prefix_count, object.Sub(value, at),
                                            value.is_boolean() && !value.get<bool>());
}

std::unique_ptr<Keyword> CompileAdditionalItems(const SchemaObject& object, const std::string& key,
                                                const Json& value, const std::string& at) {
  const Node* target = object.Sub(value, at);  // checked even when inert
  if (object.items_is_array) {
    return std::make_unique<TailItemsKeyword>(key, object.prefix_count, target,
                                              value.is_boolean() && !value.get<bool>());
  }
  return nullptr;
}

std::unique_ptr<Keyword> CompileItemCount(const SchemaObject& /*object*/, const std::string& key, const Json& value,
                                          const std::string& at) {
  return MakeSize(SizeOf::kArray, key == "minItems", RequireCount(value, at));
}

std::unique_ptr<Keyword> CompileUniqueItems(const SchemaObject& /*object*/, const std::string& /*key*/,
                                            const Json& value, const std::string& at) {
  if (!value.is_boolean()) throw SchemaError(at, "must be a boolean");
  if (value.get<bool>()) return std::make_unique<UniqueItemsKeyword>();
  return nullptr;
}

std::unique_ptr<Keyword> CompileContains(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                         const std::string& at) {
  const Node* target = object.Sub(value, at);
  std::size_t min_contains = 1;
  std::optional<std::size_t> max_contains;
  if (const Json* min = object.Sibling("minContains")) {
    min_contains = RequireCount(*min, ChildPointer(object.pointer, "minContains"));
  }
  if (const Json* max = object.Sibling("maxContains")) {
    max_contains = RequireCount(*max, ChildPointer(object.pointer, "maxContains"));
  }
  return MakeContains(target, min_contains, max_contains, object.dialect >= Dialect::kDraft2020_12);
}

std::unique_ptr<Keyword> CompileContainsCount(const SchemaObject& /*object*/, const std::string& /*key*/,
                                              const Json& value, const std::string& at) {
  RequireCount(value, at);  // read by contains
  return nullptr;
}

std::unique_ptr<Keyword> CompileUnevaluatedItems(const SchemaObject& object, const std::string& /*key*/,
                                                 const Json& value, const std::string& at) {
  const Node* target = object.Sub(value, at);
  bool is_false = value.is_boolean() && !value.get<bool>();
  return MakeUnevaluatedItems(target, is_false);
}

}  // namespace trajc::schema::internal
