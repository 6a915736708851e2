// schema/keywords_number — the keywords that bound a number: minimum, maximum,
// exclusiveMinimum, exclusiveMaximum (draft-04's boolean form included) and multipleOf.
#include <cmath>
#include <cstdint>
#include <limits>

#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

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

}  // namespace

std::unique_ptr<Keyword> CompileBound(const SchemaObject& object, const std::string& key, const Json& value,
                                      const std::string& at) {
  if (object.dialect == Dialect::kDraft4 && (key == "exclusiveMinimum" || key == "exclusiveMaximum")) {
    if (!value.is_boolean()) throw SchemaError(at, "must be a boolean (draft-04)");  // read by minimum/maximum
    return nullptr;
  }
  if (value.is_boolean() && key.rfind("exclusive", 0) == 0) {
    throw SchemaError(at, "must be a number (the draft-04 boolean form needs \"$schema\": draft-04)");
  }
  RequireNumber(value, at);
  bool exclusive = key.rfind("exclusive", 0) == 0;
  if (object.dialect == Dialect::kDraft4) {
    const Json* flag = object.Sibling(key == "minimum" ? "exclusiveMinimum" : "exclusiveMaximum");
    exclusive = flag != nullptr && *flag == Json(true);
  }
  bool lower = key == "minimum" || key == "exclusiveMinimum";
  auto kind = lower ? (exclusive ? BoundKeyword::Kind::kExclusiveMinimum : BoundKeyword::Kind::kMinimum)
                    : (exclusive ? BoundKeyword::Kind::kExclusiveMaximum : BoundKeyword::Kind::kMaximum);
  return std::make_unique<BoundKeyword>(kind, key, value);
}

std::unique_ptr<Keyword> CompileMultipleOf(const SchemaObject& /*object*/, const std::string& /*key*/,
                                           const Json& value, const std::string& at) {
  if (!value.is_number() || CompareNumbers(value, Json(0)) <= 0) {
    throw SchemaError(at, "must be a number greater than 0");
  }
  return std::make_unique<MultipleOfKeyword>(value);
}

}  // namespace trajc::schema::internal
