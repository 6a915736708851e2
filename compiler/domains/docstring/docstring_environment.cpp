#include "domains/docstring/docstring_environment.h"

#include "domains/docstring/check.h"
#include "domains/docstring/edit.h"
#include "domains/docstring/render.h"

namespace trajc::domains::docstring {

using templates::ToolOutcome;

namespace {

// `def name(a: int, /, b=1, *, c, **kw) -> str` rebuilt from the facts, on one line.
std::string Signature(const python::Definition& d) {
  using python::ParamKind;
  std::string params;
  const auto& ps = d.function.params;
  bool star_written = false;
  for (size_t i = 0; i < ps.size(); ++i) {
    const python::Parameter& p = ps[i];
    auto append = [&](const std::string& s) { params += (params.empty() ? "" : ", ") + s; };
    if (p.kind == ParamKind::kKeywordOnly && !star_written) append("*");
    if (p.kind == ParamKind::kVarPositional) star_written = true;
    std::string one = WithStars(p);
    if (!p.annotation.empty()) one += ": " + p.annotation;
    if (p.has_default) one += (p.annotation.empty() ? "=" : " = ") + p.default_value;
    append(one);
    star_written = star_written || p.kind == ParamKind::kKeywordOnly;
    if (p.kind == ParamKind::kPositionalOnly && (i + 1 == ps.size() || ps[i + 1].kind != ParamKind::kPositionalOnly))
      append("/");
  }
  std::string out = (d.function.is_async ? "async def " : "def ") + d.name + "(" + params + ")";
  if (!d.function.return_annotation.empty()) out += " -> " + d.function.return_annotation;
  return out;
}

Json ParameterJson(const python::Parameter& p) {
  Json j = {{"name", p.name}, {"kind", python::ParamKindName(p.kind)}};
  if (!p.annotation.empty()) j["annotation"] = p.annotation;
  if (p.has_default) j["default"] = p.default_value;
  return j;
}

}  // namespace

DocstringEnvironment::DocstringEnvironment(std::string display_path, std::string text, std::vector<std::string> targets,
                                           python::DocstringStyle style, FactsCache* cache)
    : path_(std::move(display_path)),
      original_(text),
      text_(std::move(text)),
      targets_(std::move(targets)),
      style_(style),
      cache_(cache) {
  Reparse();
}

void DocstringEnvironment::Reparse() { facts_ = FactsOfText(text_, cache_); }

const python::Definition* DocstringEnvironment::Find(const std::string& target) const { return FindTarget(*facts_, target); }

ToolOutcome DocstringEnvironment::Unknown(const std::string& target) const {
  return {{{"target", target}, {"error", "no function, method or class named '" + target + "' in " + path_}}, false};
}

const ToolEnvironment::ToolTable& DocstringEnvironment::Tools() const {
  static const ToolTable kTools = {
      Handler("inspect_node", &DocstringEnvironment::Inspect),
      Handler("write_docstring", &DocstringEnvironment::Write),
      Handler("check_docstring", &DocstringEnvironment::Check),
      Handler("submit_result", &DocstringEnvironment::Submit),
  };
  return kTools;
}

ToolOutcome DocstringEnvironment::Inspect(const Json& args) const {
  std::string target = args.at("target").get<std::string>();
  const python::Definition* d = Find(target);
  if (d == nullptr) return Unknown(target);
  Json r = Json::object();
  r["target"] = target;
  r["kind"] = d->kind;
  r["line"] = d->line;
  if (!d->decorators.empty()) r["decorators"] = d->decorators;
  if (d->is_class()) {
    r["bases"] = d->cls.bases;
    Json attributes = Json::array();
    for (const python::Attribute& a : d->cls.attributes) {
      Json j = {{"name", a.name}};
      if (!a.annotation.empty()) j["annotation"] = a.annotation;
      if (a.has_default) j["default"] = a.default_value;
      attributes.push_back(std::move(j));
    }
    r["attributes"] = std::move(attributes);
    Json methods = Json::array();
    for (const python::Definition& m : facts_->definitions)
      if (m.parent == d->qualified_name && !m.is_class() && !m.is_overload() && !IsAccessor(m)) methods.push_back(m.name);
    r["methods"] = std::move(methods);
  } else {
    r["signature"] = Signature(*d);
    Json params = Json::array();
    for (const python::Parameter& p : d->function.params) params.push_back(ParameterJson(p));
    r["parameters"] = std::move(params);
    r["returns_value"] = d->function.returns_value;
    r["yields"] = d->function.yields;
    r["raises"] = d->function.raises;
  }
  r["docstring"] = d->docstring ? Json(python::CleanDocstring(d->docstring->raw)) : Json(nullptr);
  return {r, true};
}

ToolOutcome DocstringEnvironment::Write(const Json& args) {
  std::string target = args.at("target").get<std::string>();
  const python::Definition* d = Find(target);
  if (d == nullptr) return Unknown(target);
  WriteOutcome w = WriteDocstring(text_, *d, args.at("docstring").get<std::string>());
  if (!w.error.empty()) return {{{"target", target}, {"written", false}, {"error", w.error}}, false};
  text_ = std::move(w.text);
  Reparse();
  ++written_;
  return {{{"target", target}, {"written", true}, {"line", w.line}, {"end_line", w.end_line}, {"replaced", w.replaced}}, true};
}

ToolOutcome DocstringEnvironment::Check(const Json& args) {
  std::string target = args.at("target").get<std::string>();
  std::string style_name = args.at("style").get<std::string>();
  const python::Definition* d = Find(target);
  if (d == nullptr) return Unknown(target);
  std::optional<python::DocstringStyle> style = python::StyleFromName(style_name);
  Json problems = Json::array();
  for (const Problem& p : CheckDocstring(*d, style.value_or(style_))) problems.push_back({{"code", p.code}, {"message", p.message}});
  bool passed = problems.empty();
  Json r = {{"target", target}, {"style", style_name}, {"passed", passed}, {"problems", std::move(problems)}};
  See(r);
  return {r, passed};
}

Json DocstringEnvironment::Truth() const {
  Json documented = Json::array();
  for (const std::string& t : targets_) {
    const python::Definition* d = Find(t);
    if (d != nullptr && CheckDocstring(*d, style_).empty()) documented.push_back(t);
  }
  Json truth = Json::object();
  truth["documented"] = std::move(documented);
  truth["changed_files"] = text_ == original_ ? Json::array() : Json::array({path_});
  truth["written"] = written_;
  return truth;
}

ToolOutcome DocstringEnvironment::Submit(const Json& args) const {
  // The style first: documented is judged in the task's style.
  ToolOutcome style = CheckClaims(args, {{"style", python::StyleName(style_)}}, {"style"}, "the task asked for");
  if (!style.ok) return style;
  return CheckClaims(args, Truth(), {"documented", "changed_files"});
}

}  // namespace trajc::domains::docstring
