// domains/docstring/check — what check_docstring reports: whether a definition's current
// docstring documents exactly what its code has, in the requested style. The same check
// proves authored fixtures complete (`trajc fixtures check --domain docstring`).
//
// Codes: missing_docstring, style_mismatch, layout, missing_summary, summary_punctuation,
// unreadable (a part the parser could not read), missing_parameter, unknown_parameter,
// missing_returns, unexpected_returns, missing_yields, unexpected_yields, missing_raises,
// unknown_raises, missing_attribute, unknown_attribute, unexpected_parameters (a class
// docstring documenting parameters).
#pragma once

#include <string>
#include <vector>

#include "python/docstring.h"
#include "python/facts.h"

namespace trajc::domains::docstring {

struct Problem {
  std::string code;
  std::string message;  // one sentence naming what is wrong, e.g. "parameter 'limit' is not documented"
};

std::vector<Problem> CheckDocstring(const python::Definition& def, python::DocstringStyle style);

// The public attributes a class docstring's attributes section must list.
std::vector<const python::Attribute*> PublicAttributes(const python::Definition& def);

}  // namespace trajc::domains::docstring
