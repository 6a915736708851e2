// domains/lint/fix_claims — what the lint subagent may be told about fixes, derived from
// the analyzer's code table for the codes the domain reports (lint::DefaultCodes). The
// system prompt of tool_schemas/lint.yaml states these sentences word for word, and a
// test holds it to them, so that adding a rule or a fix cannot leave the prompt saying
// something the environment no longer does.
#pragma once

#include <string>

namespace trajc::domains::lint_domain {

// "These codes have no automatic fix, apply_fix refuses them: E101, E111-E114, …." — every
// reported code without a fix.
std::string NoFixClaim();

// "The fixes of E401, E711, … change the code itself, not only its layout." — every
// reported code whose fix the code table marks unsafe (apply_fix applies it all the same).
std::string UnsafeFixClaim();

}  // namespace trajc::domains::lint_domain
