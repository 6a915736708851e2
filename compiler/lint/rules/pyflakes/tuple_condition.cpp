#include "lint/rules/pyflakes/tuple_condition.h"

#include <vector>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

// The named children of entry i other than comments, by index.
std::vector<size_t> Operands(const python::FlatTree& tree, size_t i) {
  std::vector<size_t> out;
  tree.ForEachChildIndex(i, [&](size_t c) {
    if (!kind::kComment.Matches(tree.nodes()[c].symbol)) out.push_back(c);
  });
  return out;
}

// ast.Tuple with elements: a tuple display, in any number of parentheses, not `()`.
bool IsNonEmptyTuple(const python::FlatTree& tree, size_t i) {
  while (kind::kParenthesizedExpression.Matches(tree.nodes()[i].symbol)) {
    std::vector<size_t> inner = Operands(tree, i);
    if (inner.size() != 1) return false;
    i = inner[0];
  }
  return kind::kTuple.Matches(tree.nodes()[i].symbol) && !Operands(tree, i).empty();
}

void Emit(const Violation& v, TSNode at_node, Findings& out) {
  TSPoint at = ts_node_start_point(at_node);
  Finding& f = Report(out, v, static_cast<int>(at.row) + 1, static_cast<int>(at.column));
  f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
}

}  // namespace

void CheckTupleCondition(const Source& /*src*/, const python::FlatTree& tree,
                         const CheckerContext& context, Findings& out) {
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    const TSSymbol s = nodes[i].symbol;
    if (kind::kAssertStatement.Matches(s)) {
      std::vector<size_t> parts = Operands(tree, i);
      if (!parts.empty() && IsNonEmptyTuple(tree, parts[0])) Emit(kAssertTuple, nodes[i].node, out);
    } else if (kind::kIfStatement.Matches(s) || kind::kElifClause.Matches(s)) {
      size_t test = tree.Find(python::Field(nodes[i].node, python::field::kCondition), i + 1);
      if (test != python::FlatTree::npos && IsNonEmptyTuple(tree, test)) Emit(kIfTuple, nodes[i].node, out);
    } else if (kind::kConditionalExpression.Matches(s) && context.Visited(i)) {
      std::vector<size_t> parts = Operands(tree, i);  // body, test, orelse
      if (parts.size() == 3 && IsNonEmptyTuple(tree, parts[1])) Emit(kIfTuple, nodes[i].node, out);
    }
  }
}

}  // namespace trajc::lint
