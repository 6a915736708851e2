// F701 'break' outside loop / F702 'continue' not properly in loop.
//
// What it does: finds a `break` or `continue` that no loop body encloses, as pyflakes
// 2.5's CONTINUE handler decides it: walking out from the statement, a `for`/`while`
// whose body (not its `else:`) holds it makes it fine; a `def` or `class` ends the search.
// pyflakes tests for ast.FunctionDef only, so an `async def` inside a loop does not end
// it (CPython rejects that code; pyflakes stays silent, and so does this rule). Since
// Python 3.8 a `continue` in a `finally:` is allowed and not reported.
// Why is this bad: CPython refuses to compile the module (SyntaxError), though `ast.parse`
// accepts it.
// Example: `for x in xs: pass` then `else: break`   Use instead: a flag, or restructure.
// Fix: none (what was meant cannot be known).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kBreakOutsideLoop{
    .code = "F701",
    .message = "'break' outside loop",
    .summary = "a break statement outside of a while or for loop",
};

inline constexpr Violation kContinueOutsideLoop{
    .code = "F702",
    .message = "'continue' not properly in loop",
    .summary = "a continue statement outside of a while or for loop",
};

// `tree`: the flattened src.tree.
void CheckOutsideLoop(const Source& src, const python::FlatTree& tree, const CheckerContext& context, Findings& out);

}  // namespace trajc::lint
