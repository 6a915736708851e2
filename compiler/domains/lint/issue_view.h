// domains/lint/issue_view — lint findings as the JSON that tool results, facts and
// template views share, so that what the agent is shown and what templates loop over
// are the same data.
#pragma once

#include <vector>

#include "core/json.h"
#include "lint/lint.h"

namespace trajc::domains::lint_domain {

Json IssueJson(const lint::Issue& issue);

// {issues, fixable, unfixable, fix_targets (unique code+line of fixable findings, bottom-up
// so that applying them in order never shifts a later target), fix_targets_asc,
// fix_target_count, issue_count, fixable_count, unfixable_count, codes}
Json IssueView(const std::vector<lint::Issue>& issues);

}  // namespace trajc::domains::lint_domain
