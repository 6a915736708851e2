// F704 'yield' outside function / F706 'return' outside function.
//
// What it does: finds `yield`, `yield from` and `await` (pyflakes 2.5 gives all three one
// handler and one message) and `return` evaluated in a module or class scope. The scope
// is pyflakes': a function's or lambda's body is a function scope, a comprehension a
// generator scope (so a `yield` inside one is not reported here, though CPython refuses
// it), while decorators, defaults, annotations and base classes belong to the enclosing
// scope. pyflakes does not look inside what it reports, so a `yield` in a reported
// `return` (or another reported `yield`) is not reported again.
// Why is this bad: CPython refuses to compile the module (SyntaxError), though `ast.parse`
// accepts it.
// Example: `return 1` at module level        Use instead: `sys.exit(1)`, or a function.
// Fix: none (what was meant cannot be known).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kYieldOutsideFunction{
    .code = "F704",
    .message = "'yield' outside function",
    .summary = "a yield or yield from statement outside of a function",
};

inline constexpr Violation kReturnOutsideFunction{
    .code = "F706",
    .message = "'return' outside function",
    .summary = "a return statement outside of a function/method",
};

// `tree`: the flattened src.tree.
void CheckOutsideFunction(const Source& src, const python::FlatTree& tree,
                          const CheckerContext& context, Findings& out);

}  // namespace trajc::lint
