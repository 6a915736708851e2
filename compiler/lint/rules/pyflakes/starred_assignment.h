// F621 too many expressions in star-unpacking assignment / F622 two starred expressions
// in assignment.
//
// What it does: checks every tuple or list that is assigned to (`=` targets, `for` and
// comprehension targets, `with ... as` targets, and the tuples and lists nested in them),
// as pyflakes 2.5's TUPLE/LIST handler does for a Store context: a second starred target
// is F622 (reported once per tuple, however many follow); F621 when the first starred
// target comes after 255 others, or when 2**24 or more targets follow it (or, with no
// starred target, when there are 2**24 targets or more). Reported at the tuple or list.
// Why is this bad: CPython refuses to compile the module (SyntaxError), though `ast.parse`
// accepts it.
// Example: `a, *b, *c = values`              Use instead: `a, *b = values`
// Fix: none (which starred target was meant cannot be known).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kTooManyExpressionsInStarredAssignment{
    .code = "F621",
    .message = "too many expressions in star-unpacking assignment",
    .summary = "too many expressions in an assignment with star-unpacking",
};

inline constexpr Violation kTwoStarredExpressions{
    .code = "F622",
    .message = "two starred expressions in assignment",
    .summary = "two or more starred expressions in an assignment (a, *b, *c = d)",
};

// `tree`: the flattened src.tree.
void CheckStarredAssignment(const Source& src, const python::FlatTree& tree,
                            const CheckerContext& context, Findings& out);

}  // namespace trajc::lint
