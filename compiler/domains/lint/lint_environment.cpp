#include "domains/lint/lint_environment.h"

#include <algorithm>
#include <set>

#include "domains/lint/issue_view.h"

namespace trajc::domains::lint_domain {

using templates::ToolOutcome;

namespace {

long CountCode(const std::vector<lint::Issue>& issues, const std::string& code) {
  return std::count_if(issues.begin(), issues.end(), [&](const lint::Issue& i) { return i.code == code; });
}

ToolOutcome Failure(const std::string& code, long long line, std::string error) {
  return {{{"applied", false}, {"issue_code", code}, {"line_number", line}, {"error", std::move(error)}}, false};
}

}  // namespace

LintEnvironment::LintEnvironment(std::string display_path, std::string text, AnalysisCache* cache)
    : cache_(cache), path_(std::move(display_path)), original_(text), text_(std::move(text)), issues_(Analyze(text_)) {}

std::vector<lint::Issue> LintEnvironment::Analyze(const std::string& text) const {
  return cache_ != nullptr ? cache_->Analyze(text) : lint::Analyze(text);
}

const ToolEnvironment::ToolTable& LintEnvironment::Tools() const {
  static const ToolTable kTools = {
      Handler("run_linter", &LintEnvironment::RunLinter),
      Handler("apply_fix", &LintEnvironment::ApplyFix),
      Handler("submit_result", &LintEnvironment::Submit),
  };
  return kTools;
}

ToolOutcome LintEnvironment::RunLinter(const Json& args) {
  bool check_only = args.value("check_only", true);
  Json issues = Json::array();
  long fixable = 0;
  for (const lint::Issue& i : issues_) {
    Json item = IssueJson(i);
    if (i.fixable) {
      ++fixable;
      // Without check_only the linter also says how each finding would be fixed.
      if (!check_only) item["fix"] = lint::FindRule(i.code)->fix_title;
    }
    issues.push_back(std::move(item));
  }
  See(IssueView(issues_));
  Json result = Json::object();
  result["path"] = path_;
  result["issues"] = std::move(issues);
  result["issue_count"] = issues_.size();
  result["fixable_count"] = fixable;
  return {result, true};
}

ToolOutcome LintEnvironment::ApplyFix(const Json& args) {
  std::string code = args.at("issue_code").get<std::string>();
  long long line = args.at("line_number").get<long long>();
  const lint::RuleInfo* rule = lint::FindRule(code);
  if (rule == nullptr) return Failure(code, line, "unknown issue code '" + code + "'");
  if (!rule->fixable)
    return Failure(code, line, code + " (" + rule->summary + ") has no automatic fix; it must be edited by hand");
  std::optional<std::string> fixed =
      cache_ != nullptr ? cache_->FixLine(text_, code, static_cast<int>(line)) : lint::FixLine(text_, code, static_cast<int>(line));
  if (!fixed) {
    return Failure(code, line, "no " + code + " issue at line " + std::to_string(line) +
                                   " of the current file; line numbers may have changed, run run_linter again");
  }
  std::vector<lint::Issue> after = Analyze(*fixed);
  long removed = std::max(0L, CountCode(issues_, code) - CountCode(after, code));
  text_ = std::move(*fixed);
  issues_ = std::move(after);
  issues_fixed_ += static_cast<int>(removed);
  if (removed > 0 && std::find(fixed_codes_.begin(), fixed_codes_.end(), code) == fixed_codes_.end()) {
    fixed_codes_.push_back(code);
    std::sort(fixed_codes_.begin(), fixed_codes_.end());
  }
  Json result = Json::object();
  result["applied"] = true;
  result["issue_code"] = code;
  result["line_number"] = line;
  result["fixed"] = removed;
  result["remaining_issues"] = issues_.size();
  return {result, true};
}

Json LintEnvironment::Truth() const {
  std::set<std::string> remaining;
  for (const lint::Issue& i : issues_) remaining.insert(i.code);
  Json truth = Json::object();
  truth["issues_fixed"] = issues_fixed_;
  truth["issues_remaining"] = issues_.size();
  truth["changed_files"] = text_ == original_ ? Json::array() : Json::array({path_});
  truth["fixed_codes"] = fixed_codes_;
  truth["remaining_codes"] = Json(std::vector<std::string>(remaining.begin(), remaining.end()));
  return truth;
}

ToolOutcome LintEnvironment::Submit(const Json& args) const {
  return CheckClaims(args, Truth(), {"issues_fixed", "issues_remaining", "changed_files"});
}

}  // namespace trajc::domains::lint_domain
