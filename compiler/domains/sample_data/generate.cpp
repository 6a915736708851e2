#include "domains/sample_data/generate.h"

#include <algorithm>
#include <stdexcept>

#include "domains/sample_data/vocabulary.h"

namespace trajc::domains::sample_data {

namespace {

constexpr int kShallow = 3;   // below this depth, optional parts are left empty
constexpr int kMaxDepth = 12;

// The name of one item of a list field: `tags` -> `tag`, `allergies` -> `allergy`.
std::string Singular(const std::string& field) {
  if (field.size() > 4 && field.ends_with("ies")) return field.substr(0, field.size() - 3) + "y";
  if (field.size() > 3 && field.back() == 's' && field[field.size() - 2] != 's') return field.substr(0, field.size() - 1);
  return field;
}

class Generator {
 public:
  Generator(const ModuleModels& models, SplitMix64& rng) : models_(models), rng_(rng) {}

  Json Object(const Model& model, int depth, SampleShape shape = SampleShape::kTypical) {
    if (depth > kMaxDepth)  // ModelsOf refuses models that must contain themselves
      throw std::logic_error("sample_data: model " + model.name + " nests itself without end");
    if (model.kind == ModelKind::kEnum) return model.members[rng_.Below(model.members.size())].value;
    Persona persona = DrawPersona(rng_);
    Json out = Json::object();
    for (const Field& f : model.fields) {
      if (!f.required) {
        if (shape == SampleShape::kMinimal) continue;
        if (shape == SampleShape::kTypical && (depth >= kShallow || rng_.Below(3) == 0)) continue;  // the default applies
      }
      bool set = shape == SampleShape::kFull && f.type.kind == TypeKind::kOptional;  // a value, not null
      out[f.name] = Value(set ? f.type.args[0] : f.type, f.name, persona, depth);
    }
    return out;
  }

  Json Value(const TypeExpr& t, const std::string& field, const Persona& persona, int depth) {
    switch (t.kind) {
      case TypeKind::kInt: return IntFor(field, rng_);
      case TypeKind::kFloat: return FloatFor(field, rng_);
      case TypeKind::kStr: return StrFor(field, persona, rng_);
      case TypeKind::kBool: return rng_.Below(2) == 1;
      case TypeKind::kNone: return nullptr;
      case TypeKind::kDate: return DateFor(field, false, rng_);
      case TypeKind::kDateTime: return DateFor(field, true, rng_);
      case TypeKind::kOptional:
        if (depth >= kShallow || rng_.Below(4) == 0) return nullptr;
        return Value(t.args[0], field, persona, depth);
      case TypeKind::kLiteral: return t.literals[rng_.Below(t.literals.size())];
      case TypeKind::kEnum: {
        const Model* m = models_.Find(t.name);
        return m->members[rng_.Below(m->members.size())].value;
      }
      case TypeKind::kModel: return Object(*models_.Find(t.name), depth + 1);
      case TypeKind::kList:
      case TypeKind::kSet: {
        Json out = Json::array();
        uint64_t n = depth >= kShallow ? 0 : 1 + rng_.Below(3);
        for (uint64_t i = 0, tries = 0; i < n && tries < 8 * n; ++tries) {
          Json v = Value(t.args[0], Singular(field), persona, depth + 1);
          if (t.kind == TypeKind::kSet && std::find(out.begin(), out.end(), v) != out.end()) continue;
          out.push_back(std::move(v));
          ++i;
        }
        return out;
      }
      case TypeKind::kTuple: {
        Json out = Json::array();
        if (t.variadic) {
          uint64_t n = depth >= kShallow ? 0 : 1 + rng_.Below(3);
          for (uint64_t i = 0; i < n; ++i) out.push_back(Value(t.args[0], Singular(field), persona, depth + 1));
        } else {
          for (const TypeExpr& a : t.args) out.push_back(Value(a, field, persona, depth + 1));
        }
        return out;
      }
      case TypeKind::kDict: {
        Json out = Json::object();
        uint64_t n = depth >= kShallow ? 0 : 1 + rng_.Below(3);
        for (uint64_t i = 0, tries = 0; i < n && tries < 8 * n; ++tries) {
          std::string key = KeyFor(field, rng_);
          if (out.contains(key)) continue;
          out[key] = Value(t.args[0], Singular(field), persona, depth + 1);
          ++i;
        }
        return out;
      }
    }
    return nullptr;
  }

 private:
  const ModuleModels& models_;
  SplitMix64& rng_;
};

// How natural a wrong-typed value is for a field: 2 for numbers and flags (written as
// strings), 1 for strings, 0 for the rest.
int Preference(const TypeExpr& t) {
  const TypeExpr& inner = t.kind == TypeKind::kOptional ? t.args[0] : t;
  if (inner.kind == TypeKind::kInt || inner.kind == TypeKind::kFloat || inner.kind == TypeKind::kBool) return 2;
  return inner.kind == TypeKind::kStr ? 1 : 0;
}

// "2024-03-15…" -> 20240315.
int64_t CompactDate(const std::string& iso) {
  return std::stoll(iso.substr(0, 4)) * 10000 + std::stoll(iso.substr(5, 2)) * 100 + std::stoll(iso.substr(8, 2));
}

// "2024-03-15T09:30:00" (UTC) -> seconds since 1970-01-01 (Howard Hinnant's days_from_civil).
int64_t UnixTime(const std::string& iso) {
  int64_t y = std::stoll(iso.substr(0, 4)), m = std::stoll(iso.substr(5, 2)), d = std::stoll(iso.substr(8, 2));
  y -= m <= 2 ? 1 : 0;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + std::stoll(iso.substr(11, 2)) * 3600 + std::stoll(iso.substr(14, 2)) * 60 + std::stoll(iso.substr(17, 2));
}

// A value of the wrong type for `t`, made from the right one where there is one.
Json Wrong(const TypeExpr& t, const Json& right) {
  switch (t.kind) {
    case TypeKind::kInt:
    case TypeKind::kFloat:
      return right.is_number() ? Json(Dump(right)) : Json("12");  // a number written as a string
    case TypeKind::kStr: {  // digits as a number (a postal code, a phone number), else the text in a list
      if (!right.is_string()) return Json::array({"text"});
      const std::string& text = right.get<std::string>();
      bool digits = !text.empty() && text.size() <= 15 && text[0] != '0' &&
                    std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      return digits ? Json(std::stoll(text)) : Json::array({text});
    }
    case TypeKind::kBool: return right.is_boolean() && right.get<bool>() ? "yes" : "no";
    case TypeKind::kNone: return "None";
    case TypeKind::kOptional: return Wrong(t.args[0], right);
    case TypeKind::kDate:  // the date as a number: 20240315
      return right.is_string() && right.get<std::string>().size() >= 10 ? Json(CompactDate(right.get<std::string>())) : Json(20240315);
    case TypeKind::kDateTime:  // a Unix timestamp instead of the ISO string
      return right.is_string() && right.get<std::string>().size() >= 19 ? Json(UnixTime(right.get<std::string>())) : Json(1710495000);
    case TypeKind::kLiteral: return t.literals[0].is_string() ? Json(1) : Json("1");
    case TypeKind::kEnum:  // a str member's value as a number, an int member's as a string
      if (right.is_string()) return 1;
      return right.is_number() ? Json(Dump(right)) : Json(true);
    case TypeKind::kModel:  // the nested record's name instead of the record
      if (right.is_object())
        for (const auto& item : right.items())
          if (item.value().is_string()) return item.value();
      return t.name;
    case TypeKind::kList:
    case TypeKind::kSet:
    case TypeKind::kTuple:
      return right.is_array() && !right.empty() && !right[0].is_array() ? right[0] : Json("");
    case TypeKind::kDict: {
      Json values = Json::array();
      if (right.is_object())
        for (const auto& item : right.items()) values.push_back(item.value());
      return values;
    }
  }
  return "?";
}

}  // namespace

Json GenerateSample(const ModuleModels& models, const Model& model, SplitMix64& rng, SampleShape shape) {
  return Generator(models, rng).Object(model, 0, shape);
}

Json GenerateSamples(const ModuleModels& models, const Model& model, int count, SplitMix64& rng) {
  Json out = Json::array();
  Generator g(models, rng);
  for (int i = 0, tries = 0; i < count && tries < 4 * count; ++tries) {
    Json s = g.Object(model, 0);
    if (std::find(out.begin(), out.end(), s) != out.end() && tries + 1 < 4 * count) continue;
    out.push_back(std::move(s));
    ++i;
  }
  return out;
}

Json EnumValues(const Model& model) {
  Json out = Json::array();
  for (const EnumMember& m : model.members) out.push_back(m.value);
  return out;
}

std::optional<WrongWrite> MakeWrongWrite(const Model& model, const Json& samples, SplitMix64& rng) {
  if (model.kind == ModelKind::kEnum || model.fields.empty() || !samples.is_array() || samples.empty()) return std::nullopt;
  int best = 0;
  for (const Field& f : model.fields) best = std::max(best, Preference(f.type));
  std::vector<const Field*> candidates;
  for (const Field& f : model.fields)
    if (Preference(f.type) == best) candidates.push_back(&f);
  const Field& field = *candidates[rng.Below(candidates.size())];
  WrongWrite w;
  w.samples = samples;
  w.sample = static_cast<int>(rng.Below(samples.size()));
  w.field = field.name;
  w.path = "samples[" + std::to_string(w.sample) + "]." + field.name;
  w.expected = TypeText(field.type);
  Json& sample = w.samples[static_cast<size_t>(w.sample)];
  w.value = Wrong(field.type, sample.value(field.name, Json()));
  sample[field.name] = w.value;
  return w;
}

}  // namespace trajc::domains::sample_data
