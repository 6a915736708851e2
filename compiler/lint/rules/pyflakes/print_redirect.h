// F633 use of >> is invalid with print function.
//
// What it does: finds the builtin `print` as an operand of `>>` — Python 2's
// `print >> sys.stderr, "text"`, which Python 3 parses as a tuple holding a shift. As in
// pyflakes 2.5 (handleNodeLoad), the name must resolve to the builtin (not a local, an
// import or a module-level rebinding made before the use), and tuples, lists, sets,
// starred items, attributes and subscripts between the name and the `>>` do not matter
// (`print.x >> y` is reported too). Reported at `print`.
// Why is this bad: `print >> f` raises TypeError at run time.
// Example: `print >> sys.stderr, "oops"`     Use instead: `print("oops", file=sys.stderr)`
// Fix: none (rewriting the call is more than a local edit).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "lint/semantic/model.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kInvalidPrintSyntax{
    .code = "F633",
    .message = "use of >> is invalid with print function",
    .summary = "use of >> is invalid with print function",
};

// `tree`: the flattened src.tree; `facts`: its semantic model (the builtin `print` loads).
void CheckPrintRedirect(const Source& src, const python::FlatTree& tree,
                        const CheckerContext& context, const semantic::Facts& facts,
                        Findings& out);

}  // namespace trajc::lint
