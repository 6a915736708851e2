#include "domains/sample_data/validate.h"

#include <cctype>

namespace trajc::domains::sample_data {

namespace {

std::string Got(const Json& v) {
  auto shown = [](const Json& x) {
    std::string s = Dump(x);
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
  };
  switch (v.type()) {
    case Json::value_t::null: return "None";
    case Json::value_t::boolean: return v.get<bool>() ? "bool True" : "bool False";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "int " + shown(v);
    case Json::value_t::number_float: return "float " + shown(v);
    case Json::value_t::string: return "str " + shown(v);
    case Json::value_t::array: return "list";
    case Json::value_t::object: return "dict";
    default: return "?";
  }
}

bool Digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int Num(const std::string& s, size_t at, size_t n) { return std::stoi(s.substr(at, n)); }

class Checker {
 public:
  Checker(const ModuleModels& models, std::vector<Problem>& out) : models_(models), out_(out) {}

  void Sample(const Model& model, const Json& sample, int index) {
    sample_ = index;
    std::string path = "samples[" + std::to_string(index) + "]";
    if (model.kind == ModelKind::kEnum) {
      EnumValue(model, sample, path);
      return;
    }
    Object(model, sample, path);
  }

 private:
  void Add(const std::string& path, std::string code, std::string expected, std::string got, std::string what) {
    out_.push_back({sample_, path, std::move(code), std::move(expected), std::move(got), path + ": " + std::move(what)});
  }

  void TypeError(const std::string& path, const std::string& expected, const Json& v) {
    std::string got = Got(v);
    Add(path, "type", expected, got, "expected " + expected + ", got " + got);
  }

  void Object(const Model& model, const Json& v, const std::string& path) {
    if (!v.is_object()) {
      TypeError(path, model.name, v);
      return;
    }
    std::string names;
    for (const Field& f : model.fields) names += (names.empty() ? "" : ", ") + f.name;
    for (const auto& item : v.items()) {
      if (model.FindField(item.key()) == nullptr)
        Add(path + "." + item.key(), "unknown", names, Got(item.value()), "unknown field; " + model.name + " has " + names);
    }
    for (const Field& f : model.fields) {
      std::string at = path + "." + f.name;
      auto it = v.find(f.name);
      if (it == v.end()) {
        if (f.required) Add(at, "missing", TypeText(f.type), "nothing", "missing required field (" + TypeText(f.type) + ")");
        continue;
      }
      Value(f.type, *it, at);
    }
  }

  void EnumValue(const Model& model, const Json& v, const std::string& path) {
    std::string values;
    for (const EnumMember& m : model.members) values += (values.empty() ? "" : ", ") + Dump(m.value);
    for (const EnumMember& m : model.members)
      if (m.value == v) return;
    bool right_type = !model.members.empty() && (model.members[0].value.is_string() ? v.is_string() : v.is_number_integer());
    if (!right_type) {
      TypeError(path, model.name, v);
      return;
    }
    Add(path, "value", model.name, Got(v), Dump(v) + " is not a " + model.name + " value; use one of " + values);
  }

  void Value(const TypeExpr& t, const Json& v, const std::string& path) {
    switch (t.kind) {
      case TypeKind::kInt:
        if (!v.is_number_integer()) TypeError(path, "int", v);
        return;
      case TypeKind::kFloat:
        if (!v.is_number()) TypeError(path, "float", v);
        return;
      case TypeKind::kStr:
        if (!v.is_string()) TypeError(path, "str", v);
        return;
      case TypeKind::kBool:
        if (!v.is_boolean()) TypeError(path, "bool", v);
        return;
      case TypeKind::kNone:
        if (!v.is_null()) TypeError(path, "None", v);
        return;
      case TypeKind::kOptional:
        if (!v.is_null()) Value(t.args[0], v, path);
        return;
      case TypeKind::kDate:
      case TypeKind::kDateTime: {
        bool with_time = t.kind == TypeKind::kDateTime;
        std::string expected = TypeText(t);
        if (!v.is_string()) {
          TypeError(path, expected, v);
        } else if (!IsIsoDate(v.get<std::string>(), with_time)) {
          Add(path, "format", expected, Got(v),
              Dump(v) + " is not an ISO-8601 " + expected + (with_time ? " (YYYY-MM-DDTHH:MM:SS)" : " (YYYY-MM-DD)"));
        }
        return;
      }
      case TypeKind::kLiteral: {
        for (const Json& l : t.literals)
          if (l == v) return;
        bool right_type = false;
        for (const Json& l : t.literals) right_type |= l.type() == v.type() || (l.is_number_integer() && v.is_number_integer());
        std::string expected = TypeText(t);
        if (!right_type) TypeError(path, expected, v);
        else Add(path, "value", expected, Got(v), Dump(v) + " is not one of " + expected);
        return;
      }
      case TypeKind::kEnum:
        EnumValue(*models_.Find(t.name), v, path);
        return;
      case TypeKind::kModel:
        Object(*models_.Find(t.name), v, path);
        return;
      case TypeKind::kList:
      case TypeKind::kSet:
        if (!v.is_array()) {
          TypeError(path, TypeText(t), v);
          return;
        }
        for (size_t i = 0; i < v.size(); ++i) Value(t.args[0], v[i], path + "[" + std::to_string(i) + "]");
        return;
      case TypeKind::kTuple:
        if (!v.is_array()) {
          TypeError(path, TypeText(t), v);
          return;
        }
        if (!t.variadic && v.size() != t.args.size()) {
          std::string expected = TypeText(t);
          Add(path, "length", expected, "list of " + std::to_string(v.size()),
              "expected " + expected + " of " + std::to_string(t.args.size()) + " items, got " + std::to_string(v.size()));
          return;
        }
        for (size_t i = 0; i < v.size(); ++i) Value(t.variadic ? t.args[0] : t.args[i], v[i], path + "[" + std::to_string(i) + "]");
        return;
      case TypeKind::kDict:
        if (!v.is_object()) {
          TypeError(path, TypeText(t), v);
          return;
        }
        for (const auto& item : v.items()) Value(t.args[0], item.value(), path + "[" + Dump(Json(item.key())) + "]");
        return;
    }
  }

  const ModuleModels& models_;
  std::vector<Problem>& out_;
  int sample_ = 0;
};

}  // namespace

bool IsIsoDate(const std::string& s, bool with_time) {
  if (s.size() < 10 || !Digits(s, 0, 4) || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' || !Digits(s, 8, 2)) return false;
  int year = Num(s, 0, 4), month = Num(s, 5, 2), day = Num(s, 8, 2);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  if (!with_time) return s.size() == 10;
  // THH:MM[:SS[.ffffff]][Z|±HH:MM]
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || !Digits(s, 11, 2) || s[13] != ':' || !Digits(s, 14, 2)) return false;
  if (Num(s, 11, 2) > 23 || Num(s, 14, 2) > 59) return false;
  size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (!Digits(s, at + 1, 2) || Num(s, at + 1, 2) > 59) return false;
    at += 3;
    if (at < s.size() && s[at] == '.') {
      size_t n = 0;
      while (at + 1 + n < s.size() && std::isdigit(static_cast<unsigned char>(s[at + 1 + n]))) ++n;
      if (n != 3 && n != 6) return false;
      at += 1 + n;
    }
  }
  if (at == s.size()) return true;
  if (s[at] == 'Z') return at + 1 == s.size();
  if (s[at] != '+' && s[at] != '-') return false;
  return s.size() == at + 6 && Digits(s, at + 1, 2) && s[at + 3] == ':' && Digits(s, at + 4, 2) && Num(s, at + 1, 2) <= 23 &&
         Num(s, at + 4, 2) <= 59;
}

std::vector<Problem> ValidateSamples(const ModuleModels& models, const Model& model, const Json& samples) {
  std::vector<Problem> out;
  Checker checker(models, out);
  for (size_t i = 0; i < samples.size(); ++i) checker.Sample(model, samples[i], static_cast<int>(i));
  return out;
}

}  // namespace trajc::domains::sample_data
