#include "lint/rules/pyflakes/outside_function.h"

#include "python/node_kind.h"

namespace trajc::lint {

void CheckOutsideFunction(const Source& /*src*/, const python::FlatTree& tree,
                          const CheckerContext& context, Findings& out) {
  namespace kind = python::kind;
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    const TSSymbol s = nodes[i].symbol;
    const bool is_return = kind::kReturnStatement.Matches(s);
    if (!is_return && !kind::kYield.Matches(s) && !kind::kAwait.Matches(s)) continue;
    if (!context.OutsideFunction(i) || !context.Visited(i)) continue;
    TSPoint at = ts_node_start_point(nodes[i].node);
    Finding& f = Report(out, is_return ? kReturnOutsideFunction : kYieldOutsideFunction, static_cast<int>(at.row) + 1,
                        static_cast<int>(at.column));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
