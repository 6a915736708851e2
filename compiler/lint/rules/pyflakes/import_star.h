// F403 'from module import *' used; unable to detect undefined names.
// F405 'name' may be undefined, or defined from star imports: module, ...
//
// What it does: F403 marks every module-level `from m import *`; F405 marks each load of a
// name no scope binds while a star import is in reach (the modules listed sorted, from
// every enclosing scope), and each name of a static `__all__` the module does not bind
// (reported at the `__all__` assignment), as pyflakes 2.5 does. The semantic model
// (semantic/model.h) finds them; this rule words them.
// Why is this bad: a star import hides where names come from and defeats undefined-name
// checks.
// Example: `from os.path import *; join(a, b)`
// Use instead: `from os.path import join; join(a, b)`
// No fix: the names a star import provides are only known at run time.
#pragma once

#include "lint/rules/rule.h"
#include "lint/semantic/model.h"

namespace trajc::lint {

inline constexpr Violation kImportStar{
    .code = "F403",
    .message = "'from {} import *' used; unable to detect undefined names",
    .summary = "'from module import *' used; unable to detect undefined names",
    .fix = FixSafety::kNone,
};
inline constexpr Violation kImportStarUsage{
    .code = "F405",
    .message = "'{}' may be undefined, or defined from star imports: {}",
    .summary = "name may be undefined, or defined from star imports",
    .fix = FixSafety::kNone,
};

void CheckImportStar(const semantic::Facts& facts, Findings& out);

}  // namespace trajc::lint
