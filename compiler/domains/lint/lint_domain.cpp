#include "domains/lint/lint_domain.h"

#include <filesystem>
#include <map>
#include <set>

#include "core/yaml.h"
#include "domains/fixture_report.h"
#include "domains/lint/issue_view.h"
#include "domains/lint/lint_environment.h"
#include "domains/numbered_source.h"
#include "lint/lint.h"
#include "python/facts.h"

namespace trajc::domains {

namespace {

std::string Expectation(const lint::Issue& i) {
  return i.code + "@" + std::to_string(i.line) + ":" + std::to_string(i.column);
}

class Lint final : public Domain {
 public:
  Lint() {
    vocabulary_.node_kinds = {"module"};
    vocabulary_.facts = {"path", "line_count", "issues", "fixable", "unfixable", "fix_targets", "fix_targets_asc",
                         "fix_target_count", "issue_count", "fixable_count",
                          "unfixable_count", "codes", "definitions", "imports"};
    vocabulary_.views = ToolEnvironment::ViewNames();
  }

  std::string_view name() const override { return "lint"; }
  const templates::Vocabulary& vocabulary() const override { return vocabulary_; }
  std::string_view label_name() const override { return "codes"; }

  NodeList Nodes(const Fixture& fixture) const override {
    std::vector<lint::Issue> issues = cache_.Analyze(fixture.text);
    Node node;
    node.id = "module";
    node.kind = "module";
    node.facts = lint_domain::IssueView(issues);
    node.facts["path"] = fixture.display_path;
    node.facts["line_count"] = LineCount(fixture.text);
    Json facts = python::ToJson(python::FactsOf(python::SourceTree::Parse(fixture.text, fixture.path)));
    node.facts["definitions"] = facts["definitions"];
    node.facts["imports"] = facts["imports"];
    for (const auto& code : node.facts["codes"]) node.labels.push_back(code.get<std::string>());
    return {{std::move(node)}, {}};
  }

  Json Context(const Fixture& fixture, const Node& node) const override {
    return SourceContext(fixture.display_path, node.TextOf(fixture));
  }

  std::unique_ptr<templates::Environment> MakeEnvironment(const Fixture& fixture, const Node&) const override {
    return std::make_unique<lint_domain::LintEnvironment>(fixture.display_path, fixture.text, &cache_);
  }

  Json Show(const Fixture& fixture) const override {
    Json facts = python::ToJson(python::FactsOf(python::SourceTree::Parse(fixture.text, fixture.path)));
    Json issues = Json::array();
    for (const lint::Issue& i : lint::Analyze(fixture.text)) issues.push_back(lint_domain::IssueJson(i));
    Json out = ShowHeader(fixture);
    out["nodes"] = {{{"id", "module"}, {"kind", "module"}, {"line", 1}, {"end_line", LineCount(fixture.text)}}};
    for (const Json& d : facts["definitions"]) out["nodes"].push_back(d);
    out["imports"] = facts["imports"];
    out["issues"] = std::move(issues);
    return out;
  }

  std::vector<Error> CheckExpectations(const std::string& fixtures_dir,
                                       const std::vector<const Fixture*>& fixtures) const override {
    namespace fs = std::filesystem;
    std::string path = (fs::path(fixtures_dir) / "expect.yaml").generic_string();
    std::vector<Error> errors;
    if (!fs::exists(path)) {
      errors.emplace_back(Location{path, 0, 0}, "missing; list every fixture's expected findings as 'file.py: [CODE@line:col, …]'");
      return errors;
    }
    YamlDocument doc = LoadYaml(path);
    if (!doc.value.is_object()) {
      errors.push_back(doc.ErrorAt("", std::string(doc.empty ? "empty file; " : "") +
                                           "expect.yaml must map fixture paths to lists of CODE@line:col"));
      return errors;
    }
    std::set<std::string> known;
    for (const Fixture* f : fixtures) {
      std::string rel = fs::path(f->path).lexically_relative(fixtures_dir).generic_string();
      known.insert(rel);
      std::string pointer = "/" + EscapePointerToken(rel);
      if (!doc.value.contains(rel)) {
        errors.push_back(FixtureError(*f, "no expectations declared in " + path + "; add '" + rel + ": [...]'"));
        continue;
      }
      const Json& declared = doc.value[rel];
      if (!declared.is_array()) {
        errors.push_back(doc.ErrorAt(pointer, "expected a list of CODE@line:col"));
        continue;
      }
      std::multiset<std::string> want, have;
      for (const Json& d : declared) want.insert(d.is_string() ? d.get<std::string>() : Dump(d));
      for (const lint::Issue& i : lint::Analyze(f->text)) have.insert(Expectation(i));
      for (const std::string& w : want)
        if (!have.count(w)) errors.push_back(doc.ErrorAt(pointer, "declared " + w + " but trajc does not find it in " + rel));
      for (const std::string& h : have)
        if (!want.count(h)) errors.push_back(doc.ErrorAt(pointer, "trajc finds " + h + " in " + rel + ", which is not declared"));
    }
    for (const auto& item : doc.value.items())
      if (!known.count(item.key()))
        errors.push_back(Error(doc.Locate("/" + EscapePointerToken(item.key()) + "#key"),
                               "'" + item.key() + "' is not a fixture in " + fixtures_dir));
    return errors;
  }

 private:
  templates::Vocabulary vocabulary_;
  mutable lint_domain::AnalysisCache cache_;
};

}  // namespace

const Domain& LintDomain() {
  static const Lint domain;
  return domain;
}

}  // namespace trajc::domains
