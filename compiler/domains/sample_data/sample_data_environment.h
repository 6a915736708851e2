// domains/sample_data/sample_data_environment — the sample_data subagent's world: one
// Python module whose data models (dataclasses, TypedDicts, NamedTuples, Enums,
// functions' parameter lists) the agent writes JSON samples for. inspect_model reports a
// model's fields or members as trajc reads them; write_samples stores the samples for a
// model (a later write replaces the earlier one); validate_samples really checks the
// stored samples against the model (validate.h) and reports every problem;
// submit_result is accepted only when its target, sample count and verdict are the
// environment's own.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "domains/sample_data/model.h"
#include "domains/tool_environment.h"

namespace trajc::domains::sample_data {

// Views: "seen" is the last validate_samples result (null before one); "env" is target,
// sample_count (samples now stored for the target), valid (whether they pass validation;
// false when none are stored), writes (successful writes).
class SampleDataEnvironment : public ToolEnvironment {
 public:
  // `models`: the module's models (shared, not copied); `target`: the model the task is about.
  SampleDataEnvironment(std::string display_path, std::shared_ptr<const ModuleModels> models, std::string target);

  // The samples stored for `target`, or null.
  const Json* SamplesOf(const std::string& target) const;

 private:
  const ToolTable& Tools() const override;
  Json Truth() const override;
  templates::ToolOutcome Inspect(const Json& args) const;
  templates::ToolOutcome Write(const Json& args);
  templates::ToolOutcome Validate(const Json& args);
  templates::ToolOutcome Submit(const Json& args) const;
  templates::ToolOutcome Unknown(const std::string& target) const;

  std::string path_;
  std::shared_ptr<const ModuleModels> models_;
  std::string target_;
  std::vector<std::pair<std::string, Json>> samples_;  // per target, in the order first written
  int writes_ = 0;
};

// inspect_model's answer for one model: kind, line, fields (name, type, required,
// default) or members (name, value).
Json DescribeModel(const Model& model);

}  // namespace trajc::domains::sample_data
