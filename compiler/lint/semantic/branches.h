// lint/semantic/branches — where a node sits among the branches of its statements, as
// pyflakes asks it of the AST's parents: two bindings on different forks of an `if` or
// `try` do not redefine each other; a `del` inside a conditional removes nothing; a loop
// variable shadowing an import is F402's business, not F811's.
//
// These walk up with ts_node_parent, which searches down from the root each time: callers
// ask them after their cheaper tests.
#pragma once

#include <tree_sitter/api.h>

namespace trajc::lint::semantic {

// pyflakes' differentForks: the nearest common ancestor of `a` and `b` is an `if` or `try`
// and the two sit in different alternatives (if: body vs the rest; try: body+else, each
// handler). Never true under `try ... except*` (ast.TryStar has no forks).
bool DifferentForks(TSNode a, TSNode b);

// `source` is an identifier bound as (part of) a `for` loop's target.
bool ParentIsFor(TSNode source);

// `node` is inside an `if`, `while` or conditional expression.
bool OnConditionalBranch(TSNode node);

}  // namespace trajc::lint::semantic
