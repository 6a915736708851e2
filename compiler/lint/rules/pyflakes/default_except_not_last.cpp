#include "lint/rules/pyflakes/default_except_not_last.h"

#include <vector>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

// A handler without an exception type: its only named children are the block and comments.
bool IsBare(const python::FlatTree& tree, size_t clause) {
  bool bare = true;
  tree.ForEachChild(clause, [&](const python::FlatTree::Node& c) {
    if (!kind::kBlock.Matches(c.symbol) && !kind::kComment.Matches(c.symbol)) bare = false;
  });
  return bare;
}

}  // namespace

void CheckDefaultExceptNotLast(const Source& /*src*/, const python::FlatTree& tree, Findings& out) {
  const auto& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!kind::kTryStatement.Matches(nodes[i].symbol)) continue;
    std::vector<size_t> handlers;
    tree.ForEachChildIndex(i, [&](size_t c) {
      if (kind::kExceptClause.Matches(nodes[c].symbol) || kind::kExceptGroupClause.Matches(nodes[c].symbol))
        handlers.push_back(c);
    });
    for (size_t h = 0; h + 1 < handlers.size(); ++h) {
      if (!kind::kExceptClause.Matches(nodes[handlers[h]].symbol) || !IsBare(tree, handlers[h])) continue;
      TSPoint at = ts_node_start_point(nodes[handlers[h]].node);
      Finding& f = Report(out, kDefaultExceptNotLast, static_cast<int>(at.row) + 1, static_cast<int>(at.column));
      f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
    }
  }
}

}  // namespace trajc::lint
