// schema/keywords_string — the keywords that constrain a string: minLength, maxLength
// (counted in code points), pattern, and format when it asserts (its evaluator is in
// applicator_keywords.cpp, its checkers in format*.cpp).
#include "schema/applicator_keywords.h"
#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

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

}  // namespace

std::unique_ptr<Keyword> CompileLength(const SchemaObject& /*object*/, const std::string& key, const Json& value,
                                       const std::string& at) {
  return std::make_unique<LengthKeyword>(key == "minLength", RequireCount(value, at));
}

std::unique_ptr<Keyword> CompilePattern(const SchemaObject& /*object*/, const std::string& /*key*/, const Json& value,
                                        const std::string& at) {
  return std::make_unique<PatternKeyword>(CompileRegex(value, at));
}

std::unique_ptr<Keyword> CompileFormat(const SchemaObject& object, const std::string& /*key*/, const Json& value,
                                       const std::string& at) {
  if (!value.is_string()) throw SchemaError(at, "must be a string");
  // An annotation unless asked to assert, or the metaschema enables format-assertion.
  if (object.compiler.format_assertion() || (object.vocabularies & kVocabFormatAssertion) != 0) {
    return MakeFormat(value.get<std::string>());
  }
  return nullptr;
}

}  // namespace trajc::schema::internal
