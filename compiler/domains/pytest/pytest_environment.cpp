#include "domains/pytest/pytest_environment.h"

#include <algorithm>

#include "domains/pytest/pytest_run.h"

namespace trajc::domains::pytest {

using templates::ToolOutcome;

Json RunJson(const std::string& path, const RunResult& run) {
  if (!run.refusal.empty()) return {{"path", path}, {"error", "cannot run these tests: " + run.refusal}};
  Json r = Json::object();
  r["path"] = path;
  r["collected"] = run.tests.size();
  r["passed"] = run.count("passed");
  r["failed"] = run.count("failed");
  r["errors"] = run.errors();
  Json tests = Json::array();
  for (const TestResult& t : run.tests) tests.push_back({{"id", t.id}, {"outcome", t.outcome}});
  r["tests"] = std::move(tests);
  Json failures = Json::array();
  for (const TestResult& t : run.tests) {
    if (t.outcome == "passed") continue;
    Json f = {{"test", t.id}, {"line", t.line}, {"message", t.message}};
    if (!t.expected.empty()) f["expected"] = t.expected;
    if (!t.actual.empty()) f["actual"] = t.actual;
    failures.push_back(std::move(f));
  }
  for (const std::string& e : run.collection_errors) failures.push_back({{"test", path}, {"message", e}});
  r["failures"] = std::move(failures);
  return r;
}

PytestEnvironment::PytestEnvironment(std::string display_path, std::shared_ptr<const Behaviour> behaviour)
    : path_(std::move(display_path)), behaviour_(std::move(behaviour)) {}

const ToolEnvironment::ToolTable& PytestEnvironment::Tools() const {
  static const ToolTable kTools = {
      Handler("inspect_target", &PytestEnvironment::Inspect),
      Handler("write_test_file", &PytestEnvironment::Write),
      Handler("run_tests", &PytestEnvironment::Run),
      Handler("submit_result", &PytestEnvironment::Submit),
  };
  return kTools;
}

ToolOutcome PytestEnvironment::Inspect(const Json& args) const {
  std::string target = args.at("target").get<std::string>();
  for (const Pinned& p : behaviour_->pinned) {
    if (p.target != target) continue;
    Json examples = Json::array();
    for (const Step& s : p.steps) {
      Json e = {{"line", s.line}, {"source", s.source}};
      if (s.outcome.kind == Outcome::Kind::kValue) e["output"] = s.outcome.want;
      if (s.outcome.kind == Outcome::Kind::kRaises)
        e["raises"] = s.outcome.exception + (s.outcome.message.empty() ? "" : ": " + s.outcome.message);
      examples.push_back(std::move(e));
    }
    return {{{"target", target},
             {"module", behaviour_->module},
             {"kind", p.kind},
             {"line", p.line},
             {"parameters", p.params},
             {"independent_examples", p.independent},
             {"examples", std::move(examples)}},
            true};
  }
  return {{{"target", target}, {"error", "no function or method with doctest examples named '" + target + "' in " + path_}}, false};
}

ToolOutcome PytestEnvironment::Write(const Json& args) {
  std::string path = args.at("path").get<std::string>();
  std::string content = args.at("content").get<std::string>();
  bool replaced = files_.count(path) != 0;
  size_t lines = static_cast<size_t>(std::count(content.begin(), content.end(), '\n')) +
                 (content.empty() || content.back() == '\n' ? 0 : 1);
  files_[path] = std::move(content);
  return {{{"path", path}, {"written", true}, {"replaced", replaced}, {"line_count", lines}}, true};
}

ToolOutcome PytestEnvironment::Run(const Json& args) {
  std::string path = args.at("path").get<std::string>();
  auto file = files_.find(path);
  if (file == files_.end())
    return {{{"path", path}, {"error", "ERROR: file or directory not found: " + path + " (write it with write_test_file first)"}},
            false};
  RunResult run = RunTestFile(*behaviour_, path, file->second);
  Json r = RunJson(path, run);
  bool ok = run.refusal.empty() && run.count("failed") == 0 && run.errors() == 0 && !run.tests.empty();
  See(r);
  if (run.refusal.empty())
    last_run_ = {{"test_file", path}, {"passed", r["passed"]}, {"failed", r["failed"]}, {"errors", r["errors"]}};
  return {r, ok};
}

ToolOutcome PytestEnvironment::Submit(const Json& args) const {
  if (last_run_.is_null()) return {{{"error", "no test run yet: run the tests before submitting"}}, false};
  return CheckClaims(args, last_run_, {"test_file", "passed", "failed"}, "the last run says");
}

Json PytestEnvironment::Truth() const {
  Json truth = last_run_.is_null() ? Json::object() : last_run_;
  Json files = Json::array();
  for (const auto& [path, content] : files_) files.push_back(path);
  truth["files"] = std::move(files);
  return truth;
}

}  // namespace trajc::domains::pytest
