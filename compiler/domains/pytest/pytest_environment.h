// domains/pytest/pytest_environment — the test subagent's world: a Python module whose
// behaviour its doctest examples pin down, and the test files the agent writes next to
// it. inspect_target reports a function's parameters and examples; write_test_file
// stores a file; run_tests reports what pytest would (pytest_run.h), or refuses, saying
// why, when the file does something no example pins; submit_result is accepted only
// when its counts are those of the last run.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "domains/pytest/pinned.h"
#include "domains/tool_environment.h"

namespace trajc::domains::pytest {

// Views: "seen" is the last run_tests result (null before one); "env" is the truth of the
// last run (test_file, passed, failed, errors; absent before one) and files (every file
// written).
class PytestEnvironment : public ToolEnvironment {
 public:
  PytestEnvironment(std::string display_path, std::shared_ptr<const Behaviour> behaviour);

 private:
  const ToolTable& Tools() const override;
  Json Truth() const override;
  templates::ToolOutcome Inspect(const Json& args) const;
  templates::ToolOutcome Write(const Json& args);
  templates::ToolOutcome Run(const Json& args);
  templates::ToolOutcome Submit(const Json& args) const;

  std::string path_;
  std::shared_ptr<const Behaviour> behaviour_;
  std::map<std::string, std::string> files_;
  Json last_run_;  // null before the first run the environment did not refuse
};

// The JSON run_tests returns for a run of `path` (exposed for the unit tests).
Json RunJson(const std::string& path, const struct RunResult& run);

}  // namespace trajc::domains::pytest
