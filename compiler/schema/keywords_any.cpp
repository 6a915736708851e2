// schema/keywords_any — the keywords that apply to an instance of any type: type, enum,
// const. Their handlers are in the keyword table of keywords.cpp.
#include "schema/keywords_internal.h"

namespace trajc::schema::internal {

namespace {

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

}  // namespace

std::unique_ptr<Keyword> CompileType(const SchemaObject& /*object*/, const std::string& /*key*/, const Json& value,
                                     const std::string& pointer) {
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

std::unique_ptr<Keyword> CompileEnum(const SchemaObject& /*object*/, const std::string& /*key*/, const Json& value,
                                     const std::string& at) {
  return std::make_unique<EnumKeyword>(RequireArray(value, at, false));
}

std::unique_ptr<Keyword> CompileConst(const SchemaObject& /*object*/, const std::string& /*key*/, const Json& value,
                                      const std::string& /*at*/) {
  return std::make_unique<ConstKeyword>(value);
}

}  // namespace trajc::schema::internal
