// E711 comparison to None / E712 comparison to True or False.
//
// What it does: finds `== None`, `!= None`, `== True`, `!= False` and the mirrored forms.
// Why is this bad: None is a singleton, compare by identity; `== True` is redundant and
// can call a surprising __eq__.
// Example: `if x == None:`          Use instead: `if x is None:`
// Fix (unsafe for E712, as in ruff: `is True` is stricter than `== True`): replace the
// operator with `is` / `is not`.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckComparisonToSingleton(const Source& src, const LogicalLine& ll, Findings& out);

}  // namespace trajc::lint
