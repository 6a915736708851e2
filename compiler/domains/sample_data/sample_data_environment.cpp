#include "domains/sample_data/sample_data_environment.h"

#include "domains/sample_data/validate.h"

namespace trajc::domains::sample_data {

using templates::ToolOutcome;

Json DescribeModel(const Model& model) {
  Json r = Json::object();
  r["kind"] = ModelKindName(model.kind);
  r["line"] = model.line;
  if (model.kind == ModelKind::kEnum) {
    Json members = Json::array();
    for (const EnumMember& m : model.members) members.push_back({{"name", m.name}, {"value", m.value}});
    r["members"] = std::move(members);
    return r;
  }
  Json fields = Json::array();
  for (const Field& f : model.fields) {
    Json j = {{"name", f.name}, {"type", f.annotation}, {"required", f.required}};
    if (!f.default_text.empty()) j["default"] = f.default_text;
    fields.push_back(std::move(j));
  }
  r["fields"] = std::move(fields);
  return r;
}

SampleDataEnvironment::SampleDataEnvironment(std::string display_path, std::shared_ptr<const ModuleModels> models, std::string target)
    : path_(std::move(display_path)), models_(std::move(models)), target_(std::move(target)) {}

const ToolEnvironment::ToolTable& SampleDataEnvironment::Tools() const {
  static const ToolTable kTools = {
      Handler("inspect_model", &SampleDataEnvironment::Inspect),
      Handler("write_samples", &SampleDataEnvironment::Write),
      Handler("validate_samples", &SampleDataEnvironment::Validate),
      Handler("submit_result", &SampleDataEnvironment::Submit),
  };
  return kTools;
}

ToolOutcome SampleDataEnvironment::Unknown(const std::string& target) const {
  std::string names;
  for (const Model& m : models_->models) names += (names.empty() ? "" : ", ") + m.name;
  return {{{"target", target}, {"error", "no model named '" + target + "' in " + path_ + "; models: " + names}}, false};
}

const Json* SampleDataEnvironment::SamplesOf(const std::string& target) const {
  for (const auto& [t, samples] : samples_)
    if (t == target) return &samples;
  return nullptr;
}

ToolOutcome SampleDataEnvironment::Inspect(const Json& args) const {
  std::string target = args.at("target").get<std::string>();
  const Model* m = models_->Find(target);
  if (m == nullptr) return Unknown(target);
  Json r = {{"target", target}};
  Json described = DescribeModel(*m);  // named: a range-for over a temporary's items() dangles
  for (const auto& item : described.items()) r[item.key()] = item.value();
  return {r, true};
}

ToolOutcome SampleDataEnvironment::Write(const Json& args) {
  std::string target = args.at("target").get<std::string>();
  if (models_->Find(target) == nullptr) return Unknown(target);
  const Json& samples = args.at("samples");
  bool replaced = false;
  for (auto& [t, stored] : samples_) {
    if (t != target) continue;
    stored = samples;
    replaced = true;
  }
  if (!replaced) samples_.emplace_back(target, samples);
  ++writes_;
  return {{{"target", target}, {"written", samples.size()}, {"replaced", replaced}}, true};
}

ToolOutcome SampleDataEnvironment::Validate(const Json& args) {
  std::string target = args.at("target").get<std::string>();
  const Model* m = models_->Find(target);
  if (m == nullptr) return Unknown(target);
  const Json* samples = SamplesOf(target);
  if (samples == nullptr)
    return {{{"target", target}, {"error", "no samples written for " + target + "; call write_samples first"}}, false};
  Json errors = Json::array();
  for (const Problem& p : ValidateSamples(*models_, *m, *samples))
    errors.push_back({{"sample", p.sample}, {"path", p.path}, {"code", p.code}, {"expected", p.expected}, {"got", p.got},
                      {"message", p.message}});
  bool valid = errors.empty();
  Json r = {{"target", target}, {"valid", valid}, {"checked", samples->size()}, {"errors", std::move(errors)}};
  See(r);
  return {r, valid};
}

Json SampleDataEnvironment::Truth() const {
  const Json* samples = SamplesOf(target_);
  const Model* m = models_->Find(target_);
  bool valid = samples != nullptr && m != nullptr && ValidateSamples(*models_, *m, *samples).empty();
  Json truth = Json::object();
  truth["target"] = target_;
  truth["sample_count"] = samples == nullptr ? 0 : samples->size();
  truth["valid"] = valid;
  truth["writes"] = writes_;
  return truth;
}

ToolOutcome SampleDataEnvironment::Submit(const Json& args) const {
  return CheckClaims(args, Truth(), {"target", "sample_count", "valid"});
}

}  // namespace trajc::domains::sample_data
