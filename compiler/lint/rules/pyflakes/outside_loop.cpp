#include "lint/rules/pyflakes/outside_loop.h"

#include "python/node_kind.h"

namespace trajc::lint {

void CheckOutsideLoop(const Source& /*src*/, const python::FlatTree& tree,
                      const CheckerContext& context, Findings& out) {
  namespace kind = python::kind;
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    const bool is_break = kind::kBreakStatement.Matches(nodes[i].symbol);
    if (!is_break && !kind::kContinueStatement.Matches(nodes[i].symbol)) continue;
    if (context.InLoop(i)) continue;  // statements: never inside a skipped expression
    TSPoint at = ts_node_start_point(nodes[i].node);
    Finding& f = Report(out, is_break ? kBreakOutsideLoop : kContinueOutsideLoop, static_cast<int>(at.row) + 1,
                        static_cast<int>(at.column));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
