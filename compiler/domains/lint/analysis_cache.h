// domains/lint/analysis_cache — memoised lint analysis and fixes, shared by every example
// of a run. Examples of one (template, fixture) pair differ only in phrasing, so they
// walk the same file states; analysing each state once makes compiling cost scale with
// the distinct states, not with --count. Bounded (entries beyond the limit are computed
// but not kept), so memory does not grow with --count, and thread-safe for --jobs. It
// only saves work: results are the analyzer's own, so output bytes do not depend on it.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "lint/lint.h"

namespace trajc::domains::lint_domain {

class AnalysisCache {
 public:
  std::vector<lint::Issue> Analyze(const std::string& text);
  std::optional<std::string> FixLine(const std::string& text, const std::string& code, int line);

 private:
  static constexpr size_t kMaxEntries = 16384;
  std::mutex mutex_;
  std::map<std::string, std::vector<lint::Issue>> issues_;
  std::map<std::tuple<std::string, std::string, int>, std::optional<std::string>> fixes_;
};

}  // namespace trajc::domains::lint_domain
