// F707 default 'except:' must be last.
//
// What it does: finds a bare `except:` followed by another handler of the same `try`
// (pyflakes 2.5's TRY, reported at the `except` keyword). `try`/`except*` cannot hold a
// bare handler (the parser refuses `except*:`), so only plain `try` statements qualify.
// Why is this bad: the handlers after it can never run; CPython refuses to compile the
// module (SyntaxError), though `ast.parse` accepts it.
// Example: `except: ...` then `except ValueError: ...`   Use instead: the bare one last.
// Fix: none (moving handlers changes which one runs).
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kDefaultExceptNotLast{
    .code = "F707",
    .message = "default 'except:' must be last",
    .summary = "an except: block as not the last exception handler",
};

// `tree`: the flattened src.tree.
void CheckDefaultExceptNotLast(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
