#include "domains/docstring/docstring_domain.h"

#include <algorithm>
#include <set>

#include "domains/docstring/check.h"
#include "domains/docstring/docstring_environment.h"
#include "domains/docstring/edit.h"
#include "domains/docstring/render.h"
#include "domains/fixture_report.h"
#include "domains/numbered_source.h"
#include "python/facts.h"

namespace trajc::domains {

namespace {

using python::Definition;
using python::DocstringStyle;
namespace ds = docstring;

constexpr DocstringStyle kStyles[] = {DocstringStyle::kGoogle, DocstringStyle::kNumpy, DocstringStyle::kSphinx};

std::string StyleTitle(DocstringStyle s) {
  switch (s) {
    case DocstringStyle::kGoogle: return "Google";
    case DocstringStyle::kNumpy: return "NumPy";
    case DocstringStyle::kSphinx: return "Sphinx";
    case DocstringStyle::kPlain: break;
  }
  return "plain";
}

// Which kind of task node a definition makes.
std::string NodeKind(const Definition& d) {
  if (d.is_class()) return "class";
  if (d.kind == "property") return "property";
  if (d.kind == "function" || d.kind == "async_function") return "function";
  return "method";
}

// Documented definitions a task can be made of: not local to a function, not an overload
// stub or accessor, the one its qualified name finds, and with a body of its own.
std::vector<const Definition*> Candidates(const python::ModuleFacts& facts) {
  std::vector<const Definition*> out;
  for (const Definition& d : facts.definitions) {
    if (!d.docstring || d.nested_in_function || d.body_on_header_line) continue;
    if (ds::FindTarget(facts, d.qualified_name) != &d) continue;
    out.push_back(&d);
  }
  return out;
}

int Complexity(const Definition& d) {
  if (d.is_class()) return 4;
  if (NodeKind(d) != "function") return 5;
  const python::FunctionFacts& f = d.function;
  bool rich = f.yields || !f.raises.empty() ||
              std::any_of(f.params.begin(), f.params.end(), [](const python::Parameter& p) {
                return p.has_default || p.kind == python::ParamKind::kVarPositional || p.kind == python::ParamKind::kVarKeyword;
              });
  if (rich) return 3;
  return f.params.empty() && !f.returns_value ? 1 : 2;
}

struct Analysis {
  python::ModuleFacts facts;
  std::vector<const Definition*> candidates;
  std::vector<Error> errors;
};

class Docstring final : public Domain {
 public:
  Docstring() {
    vocabulary_.node_kinds = {"function", "method", "property", "class", "documented"};
    vocabulary_.facts = {"path", "target", "name", "kind", "line", "style", "style_name", "docstring", "targets",
                         "target_count", "methods", "method_count", "params", "param_count", "returns_value",
                         "yields", "raises", "raise_count", "decorators", "decorator_count", "is_async",
                         "attribute_count", "complexity", "omitted_param", "incomplete_docstring"};
    vocabulary_.views = ToolEnvironment::ViewNames();
  }

  std::string_view name() const override { return "docstring"; }
  const templates::Vocabulary& vocabulary() const override { return vocabulary_; }
  std::string_view label_name() const override { return "labels"; }
  std::vector<std::string> styles() const override { return {"google", "numpy", "sphinx"}; }

  NodeList Nodes(const Fixture& fixture) const override {
    std::vector<Error> errors;  // the skips' full messages, for `fixtures check` of curated fixtures
    NodeList list;
    list.nodes = Build(fixture, python::FactsOf(python::SourceTree::Parse(fixture.text, fixture.path)), errors, list.skipped);
    return list;
  }

  Json Context(const Fixture& fixture, const Node& node) const override {
    return SourceContext(fixture.display_path, node.TextOf(fixture));
  }

  std::unique_ptr<templates::Environment> MakeEnvironment(const Fixture& fixture, const Node& node) const override {
    std::vector<std::string> targets = node.facts["targets"].get<std::vector<std::string>>();
    DocstringStyle style = python::StyleFromName(node.facts["style"].get<std::string>()).value();
    return std::make_unique<ds::DocstringEnvironment>(fixture.display_path, node.TextOf(fixture), std::move(targets), style,
                                                      &cache_);
  }

  Json Show(const Fixture& fixture) const override {
    python::ModuleFacts facts = python::FactsOf(python::SourceTree::Parse(fixture.text, fixture.path));
    Json out = ShowHeader(fixture);
    AddKeys(out, python::ToJson(facts));
    std::vector<Error> errors;
    Json nodes = Json::array();
    std::vector<Skipped> skipped;
    for (const Node& n : Build(fixture, facts, errors, skipped)) {
      Json node = ShowNode(n);
      node["style"] = n.facts["style"];
      node["targets"] = n.facts["targets"];
      nodes.push_back(std::move(node));
    }
    out["nodes"] = std::move(nodes);
    ShowErrors(out, errors);
    return out;
  }

  std::vector<Error> CheckExpectations(const std::string&, const std::vector<const Fixture*>& fixtures) const override {
    std::vector<Error> errors;
    for (const Fixture* f : fixtures) {
      python::ModuleFacts facts = python::FactsOf(python::SourceTree::Parse(f->text, f->path));
      std::vector<const Definition*> candidates = Candidates(facts);
      if (candidates.empty())
        errors.push_back(
            FixtureError(*f, "no documented function, method or class; a docstring fixture needs at least one"));
      for (const Definition& d : facts.definitions) {
        if (d.docstring && d.body_on_header_line)
          errors.emplace_back(At(*f, d), d.qualified_name + ": a docstring on a one-line definition cannot be removed or rewritten");
      }
      for (const Definition* d : candidates) {
        const python::Docstring& doc = *d->docstring;
        if (doc.quote != "\"\"\"" || (!doc.prefix.empty() && doc.prefix != "r"))
          errors.emplace_back(At(*f, *d), d->qualified_name + ": write docstrings with triple double quotes (pydocstyle D300)");
        DocstringStyle style = doc.parsed.style == DocstringStyle::kPlain ? DocstringStyle::kSphinx : doc.parsed.style;
        for (const ds::Problem& p : ds::CheckDocstring(*d, style))
          errors.emplace_back(At(*f, *d), d->qualified_name + ": " + p.message + " [" + p.code + "]");
      }
      std::vector<Skipped> skipped;
      Build(*f, facts, errors, skipped);
    }
    return errors;
  }

 private:
  static Location At(const Fixture& f, const Definition& d) {
    return d.docstring ? Location{f.path, d.docstring->line, d.docstring->column} : Location{f.path, d.line, 1};
  }

  // The docstring of `d` in `style`, with the author's text; errors are collected, and
  // `reason` is set to the first failure's reason when it is still empty.
  static std::string Render(const Fixture& f, const Definition& d, DocstringStyle style, const std::string& omit,
                            std::vector<Error>& errors, std::string& reason) {
    ds::RenderOptions o;
    o.style = style;
    o.indent = std::max(0, d.body_column - 1);
    o.omit_param = omit;
    ds::Rendered r = ds::RenderDocstring(d, d.docstring->parsed, o);
    if (reason.empty() && !r.reasons.empty()) reason = r.reasons.front();
    for (const std::string& e : r.errors) {
      Error error(At(f, d), "cannot render the " + std::string(python::StyleName(style)) + " docstring: " + e +
                                "; complete the author's docstring (trajc fixtures check --domain docstring)");
      bool seen = std::any_of(errors.begin(), errors.end(), [&](const Error& x) { return std::string(x.what()) == error.what(); });
      if (!seen) errors.push_back(std::move(error));
    }
    return r.text;
  }

  // The task nodes of a fixture whose facts are `facts`; render errors are collected, and
  // a node whose docstring cannot be rendered in its style is skipped.
  std::vector<Node> Build(const Fixture& fixture, const python::ModuleFacts& facts, std::vector<Error>& errors,
                          std::vector<Skipped>& skipped) const {
    std::vector<const Definition*> candidates = Candidates(facts);
    std::vector<Node> nodes;
    for (const Definition* d : candidates) {
      std::vector<const Definition*> members;  // a class task documents its methods too
      if (d->is_class())
        for (const Definition* m : candidates)
          if (m->parent == d->qualified_name && !m->is_class()) members.push_back(m);
      std::vector<const Definition*> targets = {d};
      targets.insert(targets.end(), members.begin(), members.end());
      std::string stripped = ds::RemoveDocstrings(fixture.text, targets);
      std::string first_reason;  // of any style: the documented node needs all three
      for (DocstringStyle style : kStyles) {
        std::string reason;
        Node node = MakeNode(fixture, *d, members, style, errors, reason);
        if (!reason.empty()) {
          skipped.push_back({At(fixture, *d), node.kind, reason});
          if (first_reason.empty()) first_reason = reason;
          continue;
        }
        node.id = d->qualified_name + "@" + std::string(python::StyleName(style));
        node.text = stripped;
        nodes.push_back(std::move(node));
      }
      DocstringStyle authored = d->docstring->parsed.style;
      if (authored != DocstringStyle::kPlain && ds::CheckDocstring(*d, authored).empty()) {
        if (!first_reason.empty()) {
          skipped.push_back({At(fixture, *d), "documented", first_reason});
          continue;
        }
        std::string reason;
        Node node = MakeNode(fixture, *d, {}, authored, errors, reason);
        node.id = d->qualified_name + "@documented";
        node.kind = "documented";
        nodes.push_back(std::move(node));
      }
    }
    return nodes;
  }

  static Node MakeNode(const Fixture& fixture, const Definition& d, const std::vector<const Definition*>& members,
                       DocstringStyle style, std::vector<Error>& errors, std::string& reason) {
    Node node;
    node.kind = NodeKind(d);
    Json& f = node.facts;
    f["path"] = fixture.display_path;
    f["target"] = d.qualified_name;
    f["name"] = d.name;
    f["kind"] = d.kind;
    f["line"] = d.line;
    f["style"] = python::StyleName(style);
    f["style_name"] = StyleTitle(style);
    f["docstring"] = Render(fixture, d, style, "", errors, reason);
    Json targets = Json::array({d.qualified_name});
    Json methods = Json::array();
    for (const Definition* m : members) {
      targets.push_back(m->qualified_name);
      methods.push_back({{"target", m->qualified_name}, {"name", m->name}, {"docstring", Render(fixture, *m, style, "", errors, reason)}});
    }
    f["targets"] = targets;
    f["target_count"] = targets.size();
    f["methods"] = methods;
    f["method_count"] = methods.size();
    Json params = Json::array();
    std::vector<const python::Parameter*> documented = d.is_class() || d.kind == "property" ? std::vector<const python::Parameter*>{}
                                                                                             : ds::DocumentedParams(d);
    for (const python::Parameter* p : documented)
      params.push_back(ds::WithStars(*p));
    f["params"] = params;
    f["param_count"] = params.size();
    f["returns_value"] = d.function.returns_value;
    f["yields"] = d.function.yields;
    f["raises"] = d.function.raises;
    f["raise_count"] = d.function.raises.size();
    f["decorators"] = d.decorators;
    f["decorator_count"] = d.decorators.size();
    f["is_async"] = d.function.is_async;
    f["attribute_count"] = d.cls.attributes.size();
    f["complexity"] = Complexity(d);
    if (!documented.empty()) {
      f["omitted_param"] = params[0];
      f["incomplete_docstring"] = Render(fixture, d, style, documented[0]->name, errors, reason);
    }
    node.labels = {"style:" + std::string(python::StyleName(style)), "kind:" + node.kind,
                   "level:" + std::to_string(Complexity(d))};
    return node;
  }

  templates::Vocabulary vocabulary_;
  mutable ds::FactsCache cache_;
};

}  // namespace

const Domain& DocstringDomain() {
  static const Docstring domain;
  return domain;
}

}  // namespace trajc::domains
