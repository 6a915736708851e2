#include "domains/sample_data/sample_data_domain.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>

#include "core/prng.h"
#include "domains/fixture_report.h"
#include "domains/numbered_source.h"
#include "domains/sample_data/generate.h"
#include "domains/sample_data/model.h"
#include "domains/sample_data/sample_data_environment.h"
#include "python/facts.h"

namespace trajc::domains {

namespace {

namespace sd = sample_data;

std::string NodeKind(sd::ModelKind kind) {
  if (kind == sd::ModelKind::kEnum) return "enum";
  if (kind == sd::ModelKind::kFunction) return "function";
  return "model";
}

std::string KindTitle(sd::ModelKind kind) {
  switch (kind) {
    case sd::ModelKind::kDataclass: return "dataclass";
    case sd::ModelKind::kTypedDict: return "TypedDict";
    case sd::ModelKind::kNamedTuple: return "NamedTuple";
    case sd::ModelKind::kEnum: return "Enum";
    case sd::ModelKind::kFunction: return "function";
  }
  return "model";
}

// Coverage labels: which annotation features a model's fields use.
void Features(const sd::TypeExpr& t, std::vector<std::string>& out) {
  const char* name = nullptr;
  switch (t.kind) {
    case sd::TypeKind::kOptional: name = "optional"; break;
    case sd::TypeKind::kList: name = "list"; break;
    case sd::TypeKind::kTuple: name = "tuple"; break;
    case sd::TypeKind::kDict: name = "dict"; break;
    case sd::TypeKind::kSet: name = "set"; break;
    case sd::TypeKind::kLiteral: name = "literal"; break;
    case sd::TypeKind::kEnum: name = "enum"; break;
    case sd::TypeKind::kModel: name = "nested"; break;
    case sd::TypeKind::kDate: name = "date"; break;
    case sd::TypeKind::kDateTime: name = "datetime"; break;
    default: break;
  }
  if (name != nullptr) {
    std::string label = std::string("type:") + name;
    if (std::find(out.begin(), out.end(), label) == out.end()) out.push_back(label);
  }
  for (const sd::TypeExpr& a : t.args) Features(a, out);
}

// Models of fixture texts, read once per run and shared by every example (and thread).
// Keyed by path and sha256; bounded by the number of fixtures.
class ModelsCache {
 public:
  std::shared_ptr<const sd::ModuleModels> Get(const Fixture& f) {
    std::string key = f.path + "\n" + f.sha256;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = models_.find(key);
      if (it != models_.end()) return it->second;
    }
    auto models = std::make_shared<const sd::ModuleModels>(Read(f));
    std::lock_guard<std::mutex> lock(mutex_);
    return models_.emplace(key, models).first->second;
  }

  static sd::ModuleModels Read(const Fixture& f) {
    return sd::ModelsOf(python::FactsOf(python::SourceTree::Parse(f.text, f.path)), f.path, f.text);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const sd::ModuleModels>> models_;
};

// Whether any field of a model leads to a model that is missing or has errors.
bool RefersToUnusable(const sd::ModuleModels& models, const sd::Model& m) {
  for (const std::string& name : sd::ReferencedModels(models, m)) {
    const sd::Model* r = models.Find(name);
    if (r == nullptr || r->has_errors) return true;
  }
  return false;
}

class SampleData final : public Domain {
 public:
  SampleData() {
    vocabulary_.node_kinds = {"model", "enum", "function"};
    vocabulary_.facts = {"path", "target", "name", "model_kind", "kind_title", "line", "fields", "field_names", "field_count",
                         "required_count", "optional_count", "nested_models", "nested_count", "members", "member_count",
                         "member_values", "samples", "sample_count", "wrong_samples", "wrong_field", "wrong_path",
                         "wrong_expected", "wrong_value", "minimal_and_full"};
    vocabulary_.views = ToolEnvironment::ViewNames();
  }

  std::string_view name() const override { return "sample_data"; }
  const templates::Vocabulary& vocabulary() const override { return vocabulary_; }
  std::string_view label_name() const override { return "features"; }

  NodeList Nodes(const Fixture& fixture) const override {
    auto models = cache_.Get(fixture);
    NodeList list;
    list.nodes = Build(fixture, *models, &list.skipped);
    return list;
  }

  Json Context(const Fixture& fixture, const Node& node) const override {
    return SourceContext(fixture.display_path, node.TextOf(fixture));
  }

  std::unique_ptr<templates::Environment> MakeEnvironment(const Fixture& fixture, const Node& node) const override {
    return std::make_unique<sd::SampleDataEnvironment>(fixture.display_path, cache_.Get(fixture), node.facts["target"].get<std::string>());
  }

  Json SeededFacts(const Fixture& fixture, const Node& node, uint64_t seed) const override {
    auto models = cache_.Get(fixture);
    const sd::Model* m = models->Find(node.id);
    Json facts = node.facts;
    if (m->kind == sd::ModelKind::kEnum) {
      facts["samples"] = sd::EnumValues(*m);
      facts["sample_count"] = m->members.size();
      return facts;
    }
    SplitMix64 rng(DeriveSeed(seed, "sample_data"));
    int count = static_cast<int>((node.facts["nested_count"].get<int>() > 0 ? 3 : 2) + rng.Below(3));
    Json samples = sd::GenerateSamples(*models, *m, count, rng);
    std::optional<sd::WrongWrite> wrong = sd::MakeWrongWrite(*m, samples, rng);
    facts["sample_count"] = samples.size();
    facts["samples"] = std::move(samples);
    // A sample with only the required fields and one with every field set.
    facts["minimal_and_full"] = Json::array({sd::GenerateSample(*models, *m, rng, sd::SampleShape::kMinimal),
                                             sd::GenerateSample(*models, *m, rng, sd::SampleShape::kFull)});
    if (wrong) {
      facts["wrong_samples"] = std::move(wrong->samples);
      facts["wrong_field"] = wrong->field;
      facts["wrong_path"] = wrong->path;
      facts["wrong_expected"] = wrong->expected;
      facts["wrong_value"] = std::move(wrong->value);
    }
    return facts;
  }

  Json Show(const Fixture& fixture) const override {
    sd::ModuleModels models = ModelsCache::Read(fixture);
    Json out = ShowHeader(fixture);
    Json shown = Json::array();
    for (const sd::Model& m : models.models) {
      Json j = {{"name", m.name}};
      AddKeys(j, sd::DescribeModel(m));
      shown.push_back(std::move(j));
    }
    out["models"] = std::move(shown);
    Json nodes = Json::array();
    for (const Node& n : Build(fixture, models)) {
      Json node = ShowNode(n);
      node["labels"] = n.labels;
      node["example_samples"] = SeededFacts(fixture, n, kDryRunSeed)["samples"];
      nodes.push_back(std::move(node));
    }
    out["nodes"] = std::move(nodes);
    ShowErrors(out, models.errors);
    return out;
  }

  std::vector<Error> CheckExpectations(const std::string&, const std::vector<const Fixture*>& fixtures) const override {
    std::vector<Error> errors;
    for (const Fixture* f : fixtures) {
      sd::ModuleModels models = ModelsCache::Read(*f);
      for (const Error& e : models.errors) errors.push_back(e);
      if (models.errors.empty() && Build(*f, models).empty())
        errors.push_back(FixtureError(*f, "no data model (dataclass, TypedDict, NamedTuple, Enum, or a function whose "
                                          "parameters are all annotated); a sample_data fixture needs at least one"));
    }
    return errors;
  }

 private:
  // The task nodes: models read without errors, with fields (or members), none of which
  // leads to a model with errors. Those with errors are appended to `skipped` when it is
  // given; a model with nothing to sample is no task and no skip.
  std::vector<Node> Build(const Fixture& fixture, const sd::ModuleModels& models, std::vector<Skipped>* skipped = nullptr) const {
    std::vector<Node> nodes;
    for (const sd::Model& m : models.models) {
      if (m.has_errors) {
        if (skipped != nullptr) skipped->push_back({m.error_at, NodeKind(m.kind), m.error_reason});
        continue;
      }
      if (m.kind == sd::ModelKind::kEnum ? m.members.empty() : m.fields.empty()) continue;
      if (RefersToUnusable(models, m)) {
        if (skipped != nullptr)
          skipped->push_back({Location{fixture.path, m.line, 1}, NodeKind(m.kind), "sample_data: refers to an unusable model"});
        continue;
      }
      Node node;
      node.id = m.name;
      node.kind = NodeKind(m.kind);
      Json& f = node.facts;
      f["path"] = fixture.display_path;
      f["target"] = m.name;
      f["name"] = m.name;
      f["model_kind"] = sd::ModelKindName(m.kind);
      f["kind_title"] = KindTitle(m.kind);
      f["line"] = m.line;
      Json fields = Json::array();
      Json names = Json::array();
      int required = 0;
      for (const sd::Field& field : m.fields) {
        fields.push_back({{"name", field.name}, {"type", field.annotation}, {"required", field.required}});
        names.push_back(field.name);
        required += field.required ? 1 : 0;
      }
      f["fields"] = fields;
      f["field_names"] = names;
      f["field_count"] = m.fields.size();
      f["required_count"] = required;
      f["optional_count"] = static_cast<int>(m.fields.size()) - required;
      Json nested = Json::array();
      for (const std::string& r : sd::ReferencedModels(models, m))
        if (models.Find(r)->kind != sd::ModelKind::kEnum) nested.push_back(r);
      f["nested_count"] = nested.size();
      f["nested_models"] = std::move(nested);
      Json members = Json::array();
      for (const sd::EnumMember& e : m.members) members.push_back({{"name", e.name}, {"value", e.value}});
      f["members"] = members;
      f["member_count"] = m.members.size();
      f["member_values"] = sd::EnumValues(m);
      node.labels = {"kind:" + std::string(sd::ModelKindName(m.kind))};
      for (const sd::Field& field : m.fields) Features(field.type, node.labels);
      bool has_default = false;
      for (const sd::Field& field : m.fields) has_default |= !field.required;
      if (has_default) node.labels.push_back("defaults");
      nodes.push_back(std::move(node));
    }
    return nodes;
  }

  templates::Vocabulary vocabulary_;
  mutable ModelsCache cache_;
};

}  // namespace

const Domain& SampleDataDomain() {
  static const SampleData domain;
  return domain;
}

}  // namespace trajc::domains
