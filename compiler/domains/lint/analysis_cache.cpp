#include "domains/lint/analysis_cache.h"

namespace trajc::domains::lint_domain {

std::vector<lint::Issue> AnalysisCache::Analyze(const std::string& text) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = issues_.find(text);
    if (it != issues_.end()) return it->second;
  }
  std::vector<lint::Issue> issues = lint::Analyze(text);  // outside the lock: other jobs go on
  std::lock_guard<std::mutex> lock(mutex_);
  if (issues_.size() < kMaxEntries) issues_.emplace(text, issues);
  return issues;
}

std::optional<std::string> AnalysisCache::FixLine(const std::string& text, const std::string& code, int line) {
  auto key = std::make_tuple(text, code, line);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = fixes_.find(key);
    if (it != fixes_.end()) return it->second;
  }
  std::optional<std::string> fixed = lint::FixLine(text, code, line);
  std::lock_guard<std::mutex> lock(mutex_);
  if (fixes_.size() < kMaxEntries) fixes_.emplace(std::move(key), fixed);
  return fixed;
}

}  // namespace trajc::domains::lint_domain
