#include "lint/rules/pyflakes/print_redirect.h"

#include <string_view>
#include <vector>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

// Nodes pyflakes' getParent looks through (ast nodes with `elts` or `ctx`), and the
// parentheses ast does not have.
bool LookedThrough(TSSymbol s) {
  return kind::kTuple.Matches(s) || kind::kList.Matches(s) || kind::kSet.Matches(s) ||
         kind::kListSplat.Matches(s) || kind::kAttribute.Matches(s) || kind::kSubscript.Matches(s) ||
         kind::kParenthesizedExpression.Matches(s) || kind::kExpressionList.Matches(s);
}

bool IsRightShift(TSNode n) {
  if (!python::Is(n, kind::kBinaryOperator)) return false;
  TSNode op = python::Field(n, field::kOperator);
  return !ts_node_is_null(op) && std::string_view(ts_node_type(op)) == ">>";
}

}  // namespace

void CheckPrintRedirect(const Source& /*src*/, const python::FlatTree& tree,
                        const CheckerContext& context, const semantic::Facts& facts,
                        Findings& out) {
  if (facts.builtin_print_loads.empty()) return;
  const auto& nodes = tree.nodes();
  // The nearest ancestor that is not looked through, for every entry, top-down.
  std::vector<size_t> holder(nodes.size(), python::FlatTree::npos);
  for (size_t i = 1; i < nodes.size(); ++i) {
    const size_t p = context.Parent(i);
    holder[i] = LookedThrough(nodes[p].symbol) ? holder[p] : p;
  }
  for (TSNode load : facts.builtin_print_loads) {
    const size_t i = tree.Find(load);
    if (i == python::FlatTree::npos || !context.Visited(i)) continue;
    bool invalid = false;
    if (kind::kPrintStatement.Matches(nodes[i].symbol)) {
      // `print >> f, x` as tree-sitter reads it: the chevron is the shift.
      tree.ForEachChild(i, [&](const python::FlatTree::Node& c) {
        invalid = invalid || kind::kChevron.Matches(c.symbol);
      });
    } else {
      invalid = holder[i] != python::FlatTree::npos && IsRightShift(nodes[holder[i]].node);
    }
    if (!invalid) continue;
    TSPoint at = ts_node_start_point(nodes[i].node);
    Finding& f = Report(out, kInvalidPrintSyntax, static_cast<int>(at.row) + 1, static_cast<int>(at.column));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
