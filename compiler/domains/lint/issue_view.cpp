#include "domains/lint/issue_view.h"

#include <algorithm>
#include <set>

namespace trajc::domains::lint_domain {

Json IssueJson(const lint::Issue& issue) {
  return {{"code", issue.code}, {"line", issue.line}, {"column", issue.column},
          {"message", issue.message}, {"fixable", issue.fixable}};
}

Json IssueView(const std::vector<lint::Issue>& issues) {
  Json all = Json::array(), fixable = Json::array(), unfixable = Json::array();
  std::set<std::pair<int, std::string>> targets;
  std::set<std::string> codes;
  for (const lint::Issue& i : issues) {
    all.push_back(IssueJson(i));
    (i.fixable ? fixable : unfixable).push_back(IssueJson(i));
    if (i.fixable) targets.emplace(i.line, i.code);
    codes.insert(i.code);
  }
  Json asc = Json::array();
  for (const auto& [line, code] : targets) asc.push_back({{"code", code}, {"line", line}});
  Json desc = Json::array();
  // Bottom-up by line; on one line, the same code order as ascending.
  std::vector<std::pair<int, std::string>> ordered(targets.begin(), targets.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [line, code] : ordered) desc.push_back({{"code", code}, {"line", line}});
  Json view = Json::object();
  view["issues"] = all;
  view["fixable"] = fixable;
  view["unfixable"] = unfixable;
  view["fix_targets"] = desc;
  view["fix_targets_asc"] = asc;
  view["fix_target_count"] = desc.size();
  view["issue_count"] = all.size();
  view["fixable_count"] = fixable.size();
  view["unfixable_count"] = unfixable.size();
  view["codes"] = Json(std::vector<std::string>(codes.begin(), codes.end()));
  return view;
}

}  // namespace trajc::domains::lint_domain
