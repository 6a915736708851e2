#include "domains/sample_data/model.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace trajc::domains::sample_data {

namespace {

using python::Definition;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsDataclass(const Definition& d) {
  for (const std::string& dec : d.decorators)
    for (const char* name : {"dataclass", "dataclasses.dataclass"})
      if (dec == name || StartsWith(dec, std::string(name) + "(")) return true;
  return false;
}

bool HasBase(const Definition& d, std::initializer_list<const char*> names) {
  for (const std::string& b : d.cls.bases)
    for (const char* n : names)
      if (b == n) return true;
  return false;
}

std::optional<ModelKind> ClassKind(const Definition& d) {
  if (!d.is_class() || !d.parent.empty() || d.nested_in_function) return std::nullopt;
  if (HasBase(d, {"Enum", "enum.Enum", "StrEnum", "enum.StrEnum", "IntEnum", "enum.IntEnum"})) return ModelKind::kEnum;
  if (HasBase(d, {"TypedDict", "typing.TypedDict", "typing_extensions.TypedDict"})) return ModelKind::kTypedDict;
  if (HasBase(d, {"NamedTuple", "typing.NamedTuple"})) return ModelKind::kNamedTuple;
  if (IsDataclass(d)) return ModelKind::kDataclass;
  return std::nullopt;
}

bool IsFunctionModel(const Definition& d) {
  if (d.is_class() || !d.parent.empty() || d.nested_in_function) return false;
  if (d.kind != "function" && d.kind != "async_function") return false;
  if (d.name.empty() || d.name[0] == '_' || d.function.params.empty()) return false;
  for (const python::Parameter& p : d.function.params) {
    if (p.annotation.empty()) return false;
    if (p.kind != python::ParamKind::kNormal && p.kind != python::ParamKind::kKeywordOnly) return false;
  }
  return true;
}

// Text of 1-based line `n`.
std::string_view LineText(std::string_view text, int n) {
  size_t start = 0;
  for (int i = 1; i < n; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// Where `annotation` of `name` starts between lines `from` and `to`: `name: annotation`.
Location Locate(const std::string& path, std::string_view text, int from, int to, const std::string& name,
                const std::string& annotation, size_t offset) {
  for (int line = from; line <= std::max(from, to); ++line) {
    std::string_view l = LineText(text, line);
    for (size_t at = l.find(name); at != std::string_view::npos; at = l.find(name, at + 1)) {
      bool word_start = at == 0 || !(std::isalnum(static_cast<unsigned char>(l[at - 1])) || l[at - 1] == '_');
      size_t colon = at + name.size();
      while (colon < l.size() && l[colon] == ' ') ++colon;
      if (!word_start || colon >= l.size() || l[colon] != ':') continue;
      size_t start = l.find(annotation.substr(0, std::min<size_t>(annotation.size(), 16)), colon);
      if (start == std::string_view::npos) continue;
      return {path, line, static_cast<int>(start + std::min(offset, annotation.size())) + 1};
    }
  }
  return {path, from, 1};
}

// `Required[X]` / `NotRequired[X]` of a TypedDict field: X, and whether it is required.
std::string Unwrap(const std::string& annotation, bool& required) {
  for (const char* w : {"Required[", "typing.Required[", "NotRequired[", "typing.NotRequired[", "typing_extensions.Required[",
                        "typing_extensions.NotRequired["}) {
    std::string prefix = w;
    if (StartsWith(annotation, prefix) && annotation.back() == ']') {
      required = prefix.find("NotRequired") == std::string::npos;
      return annotation.substr(prefix.size(), annotation.size() - prefix.size() - 1);
    }
  }
  return annotation;
}

std::optional<Json> LiteralValue(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (text.size() >= 2 && (text[0] == '"' || text[0] == '\'') && text.back() == text[0] &&
      text.find('\\') == std::string::npos && text.find(text[0], 1) == text.size() - 1)
    return Json(text.substr(1, text.size() - 2));
  size_t digits = text[0] == '-' ? 1 : 0;
  if (text.size() > digits && text.size() - digits <= 18 &&
      std::all_of(text.begin() + static_cast<long>(digits), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return Json(std::stoll(text));
  return std::nullopt;
}

// Marks `m` unusable; its first reason is the one its skip is counted under.
void Refuse(Model& m, const Location& where, const char* reason) {
  if (!m.has_errors) m.error_reason = reason, m.error_at = where;
  m.has_errors = true;
}

class Reader {
 public:
  Reader(const std::string& path, const std::string& text, ModuleModels& out) : path_(path), text_(text), out_(out) {}

  void Read(const python::ModuleFacts& facts) {
    for (const Definition& d : facts.definitions)
      if (auto kind = ClassKind(d)) classes_[d.name] = *kind == ModelKind::kEnum ? TypeKind::kEnum : TypeKind::kModel;
    for (const Definition& d : facts.definitions) {
      if (auto kind = ClassKind(d)) {
        Model m;
        m.name = d.name;
        m.kind = *kind;
        m.line = d.line;
        if (*kind == ModelKind::kEnum) Members(d, m);
        else Fields(d, m);
        out_.models.push_back(std::move(m));
      } else if (IsFunctionModel(d)) {
        Model m;
        m.name = d.name;
        m.kind = ModelKind::kFunction;
        m.line = d.line;
        for (const python::Parameter& p : d.function.params) {
          Field f;
          f.name = p.name;
          f.annotation = p.annotation;
          f.required = !p.has_default;
          f.default_text = p.default_value;
          f.line = d.line;
          if (Parse(f, d.line, d.header_end_line, m)) m.fields.push_back(std::move(f));
        }
        out_.models.push_back(std::move(m));
      }
    }
  }

 private:
  bool Parse(Field& f, int from, int to, Model& m) {
    ParsedType parsed = ParseType(f.annotation, classes_);
    if (!parsed.ok()) {
      Location where = Locate(path_, text_, from, to, f.name, f.annotation, parsed.offset);
      out_.errors.emplace_back(where, m.name + "." + f.name + ": " + parsed.error);
      Refuse(m, where, "sample_data: unsupported annotation");
      return false;
    }
    f.type = std::move(parsed.type);
    return true;
  }

  void Fields(const Definition& d, Model& m) {
    for (const std::string& base : d.cls.bases) {  // fields of model bases come first
      const Model* b = out_.Find(base);
      if (b != nullptr && b->kind == m.kind) m.fields = b->fields;
    }
    bool total = !HasBase(d, {"total=False"});
    for (const python::Attribute& a : d.cls.attributes) {
      if (a.instance || a.annotation.empty()) continue;
      if (StartsWith(a.annotation, "ClassVar") || StartsWith(a.annotation, "typing.ClassVar") || a.annotation == "KW_ONLY" ||
          a.annotation == "dataclasses.KW_ONLY")
        continue;
      Field f;
      f.name = a.name;
      f.line = a.line;
      f.default_text = a.has_default ? a.default_value : "";
      f.required = !a.has_default;
      if (m.kind == ModelKind::kTypedDict) {
        f.required = total;
        f.annotation = Unwrap(a.annotation, f.required);
      } else {
        f.annotation = a.annotation;
      }
      if (m.kind == ModelKind::kDataclass && a.has_default &&
          (StartsWith(a.default_value, "field(") || StartsWith(a.default_value, "dataclasses.field("))) {
        const std::string& call = a.default_value;
        if (call.find("init=False") != std::string::npos) continue;  // not an argument of __init__
        f.required = call.find("default=") == std::string::npos && call.find("default_factory=") == std::string::npos;
      }
      if (!Parse(f, a.line, a.line, m)) continue;
      auto same = std::find_if(m.fields.begin(), m.fields.end(), [&](const Field& x) { return x.name == f.name; });
      if (same != m.fields.end()) *same = std::move(f);
      else m.fields.push_back(std::move(f));
    }
  }

  void Members(const Definition& d, Model& m) {
    bool str_enum = HasBase(d, {"StrEnum", "enum.StrEnum"});
    int64_t next_auto = 1;
    for (const python::Attribute& a : d.cls.attributes) {
      if (a.instance || !a.annotation.empty() || !a.has_default || a.name.empty() || a.name[0] == '_') continue;
      EnumMember member;
      member.name = a.name;
      if (a.default_value == "auto()" || a.default_value == "enum.auto()") {
        if (str_enum) {
          std::string lower = a.name;
          for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          member.value = lower;
        } else {
          member.value = next_auto;
        }
      } else if (auto v = LiteralValue(a.default_value)) {
        member.value = *v;
      } else {
        out_.errors.emplace_back(Location{path_, a.line, 1}, m.name + "." + a.name + ": enum member values must be str or int literals or auto(), not " +
                                                                  a.default_value);
        Refuse(m, Location{path_, a.line, 1}, "sample_data: unsupported enum value");
        continue;
      }
      if (member.value.is_number_integer()) next_auto = member.value.get<int64_t>() + 1;
      if (!m.members.empty() && m.members[0].value.type() != member.value.type()) {
        out_.errors.emplace_back(Location{path_, a.line, 1}, m.name + "." + a.name + ": enum members mix str and int values; use one type");
        Refuse(m, Location{path_, a.line, 1}, "sample_data: enum mixes str and int values");
        continue;
      }
      bool alias = std::any_of(m.members.begin(), m.members.end(), [&](const EnumMember& x) { return x.value == member.value; });
      if (!alias) m.members.push_back(std::move(member));  // an alias names an existing member
    }
    if (m.members.empty() && !m.has_errors) {
      out_.errors.emplace_back(Location{path_, d.line, 1}, m.name + ": an Enum needs at least one member");
      Refuse(m, Location{path_, d.line, 1}, "sample_data: enum without members");
    }
  }

  const std::string& path_;
  const std::string& text_;
  ModuleModels& out_;
  ClassKinds classes_;
};

// Whether a value of `t` must contain a `target` model, through required parts only
// (not Optional, nor inside a list, set, dict or tuple[X, ...], which may be empty).
bool MustContain(const ModuleModels& models, const TypeExpr& t, const std::string& target, std::vector<std::string>& seen) {
  if (t.kind == TypeKind::kTuple && !t.variadic) {
    for (const TypeExpr& a : t.args)
      if (MustContain(models, a, target, seen)) return true;
    return false;
  }
  if (t.kind != TypeKind::kModel) return false;
  if (t.name == target) return true;
  if (std::find(seen.begin(), seen.end(), t.name) != seen.end()) return false;
  seen.push_back(t.name);
  const Model* m = models.Find(t.name);
  if (m == nullptr) return false;
  for (const Field& f : m->fields)
    if (f.required && MustContain(models, f.type, target, seen)) return true;
  return false;
}

// A model that must contain itself has no finite sample (nor a Python value).
void CheckCycles(ModuleModels& out, const std::string& path) {
  for (Model& m : out.models) {
    for (const Field& f : m.fields) {
      std::vector<std::string> seen;
      if (!f.required || !MustContain(out, f.type, m.name, seen)) continue;
      out.errors.emplace_back(Location{path, f.line, 1}, m.name + "." + f.name + ": " + m.name +
                                                             " contains itself through required fields without end; make "
                                                             "the field Optional or a list");
      Refuse(m, Location{path, f.line, 1}, "sample_data: model contains itself");
      break;
    }
  }
}

void Collect(const ModuleModels& models, const TypeExpr& t, std::vector<std::string>& out, const std::string& self) {
  for (const TypeExpr& a : t.args) Collect(models, a, out, self);
  if ((t.kind != TypeKind::kModel && t.kind != TypeKind::kEnum) || t.name == self) return;
  if (std::find(out.begin(), out.end(), t.name) != out.end()) return;
  out.push_back(t.name);
  if (const Model* m = models.Find(t.name))
    for (const Field& f : m->fields) Collect(models, f.type, out, self);
}

}  // namespace

std::string_view ModelKindName(ModelKind kind) {
  switch (kind) {
    case ModelKind::kDataclass: return "dataclass";
    case ModelKind::kTypedDict: return "typeddict";
    case ModelKind::kNamedTuple: return "namedtuple";
    case ModelKind::kEnum: return "enum";
    case ModelKind::kFunction: return "function";
  }
  return "?";
}

const Field* Model::FindField(std::string_view field) const {
  for (const Field& f : fields)
    if (f.name == field) return &f;
  return nullptr;
}

const Model* ModuleModels::Find(std::string_view name) const {
  for (const Model& m : models)
    if (m.name == name) return &m;
  return nullptr;
}

ModuleModels ModelsOf(const python::ModuleFacts& facts, const std::string& path, const std::string& text) {
  ModuleModels out;
  Reader(path, text, out).Read(facts);
  CheckCycles(out, path);
  return out;
}

std::vector<std::string> ReferencedModels(const ModuleModels& models, const Model& model) {
  std::vector<std::string> out;
  for (const Field& f : model.fields) Collect(models, f.type, out, model.name);
  return out;
}

}  // namespace trajc::domains::sample_data
