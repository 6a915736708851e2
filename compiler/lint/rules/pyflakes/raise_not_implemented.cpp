#include "lint/rules/pyflakes/raise_not_implemented.h"

#include <utility>
#include <vector>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;

TSNode Unparenthesize(const python::FlatTree& tree, TSNode n) {
  while (Is(n, kind::kParenthesizedExpression)) {
    TSNode inner{};
    int count = 0;
    tree.ForEachNamedChild(n, [&](TSNode c) {
      if (!Is(c, kind::kComment)) inner = c, ++count;
    });
    if (count != 1) break;
    n = inner;
  }
  return n;
}

bool IsNotImplemented(const Source& src, TSNode n) {
  return Is(n, kind::kIdentifier) && src.tree->TextOf(n) == "NotImplemented";
}

}  // namespace

void CheckRaiseNotImplemented(const Source& src, const python::FlatTree& tree, Findings& out) {
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!kind::kRaiseStatement.Matches(nodes[i].symbol)) continue;
    // The raised expression: the first named child that is neither a comment nor the cause.
    TSNode cause = python::Field(nodes[i].node, field::kCause);
    TSNode exc{};
    tree.ForEachChild(i, [&](const python::FlatTree::Node& c) {
      if (ts_node_is_null(exc) && !kind::kComment.Matches(c.symbol) && !ts_node_eq(c.node, cause)) exc = c.node;
    });
    if (ts_node_is_null(exc)) continue;
    exc = Unparenthesize(tree, exc);
    TSNode name = Is(exc, kind::kCall) ? Unparenthesize(tree, python::Field(exc, field::kFunction)) : exc;
    if (!IsNotImplemented(src, name)) continue;
    std::vector<Edit> edits{Edit{ts_node_start_byte(name), ts_node_end_byte(name), "NotImplementedError"}};
    TSPoint at = ts_node_start_point(nodes[i].node);
    Finding& f = Report(out, kRaiseNotImplemented, static_cast<int>(at.row) + 1, static_cast<int>(at.column), {},
                        std::move(edits));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace trajc::lint
