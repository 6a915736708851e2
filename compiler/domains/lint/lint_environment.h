// domains/lint/lint_environment — the lint subagent's world: one Python file whose text
// changes as fixes are applied. run_linter really lints the current text; apply_fix
// really edits it with the analyzer's fixer and fails, truthfully, when the finding is
// not (or no longer) on that line or has no fix; submit_result is accepted only when its
// counts are the environment's own.
#pragma once

#include <string>
#include <vector>

#include "domains/lint/analysis_cache.h"
#include "domains/tool_environment.h"
#include "lint/lint.h"

namespace trajc::domains::lint_domain {

// Views: "seen" is the last run_linter result as an issue view (null before the first
// run); "env" is issues_fixed, issues_remaining, changed_files, fixed_codes, remaining_codes.
class LintEnvironment : public ToolEnvironment {
 public:
  // `cache` (optional, not owned) memoises analysis across environments of one run.
  LintEnvironment(std::string display_path, std::string text, AnalysisCache* cache = nullptr);

  const std::string& text() const { return text_; }

 private:
  const ToolTable& Tools() const override;
  Json Truth() const override;
  templates::ToolOutcome RunLinter(const Json& args);
  templates::ToolOutcome ApplyFix(const Json& args);
  templates::ToolOutcome Submit(const Json& args) const;
  std::vector<lint::Issue> Analyze(const std::string& text) const;

  AnalysisCache* cache_;
  std::string path_;
  std::string original_;
  std::string text_;
  std::vector<lint::Issue> issues_;  // of text_
  int issues_fixed_ = 0;
  std::vector<std::string> fixed_codes_;
};

}  // namespace trajc::domains::lint_domain
