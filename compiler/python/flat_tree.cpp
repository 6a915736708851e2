#include "python/flat_tree.h"

#include <algorithm>

namespace trajc::python {

TreeDepth DeepestNode(TSNode root) {
  TreeDepth out;
  if (ts_node_is_null(root)) return out;
  // Iterative: this walk must not itself depend on the depth it measures.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  int depth = 1;
  for (;;) {
    if (depth > out.depth) {
      out.depth = depth;
      out.at = ts_node_start_point(ts_tree_cursor_current_node(&cursor));
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return out;
      }
      --depth;
    }
  }
}

FlatTree::FlatTree(TSNode root, TreeDepth* deepest) {
  if (deepest != nullptr) *deepest = TreeDepth{};
  if (ts_node_is_null(root)) return;
  // Python source has about one named node per 9 bytes: reserve that, not regrow a large array.
  nodes_.reserve(ts_node_end_byte(root) / 8 + 16);
  std::vector<uint32_t> open;  // the entered nodes whose subtrees are being walked, innermost last
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (deepest != nullptr) {
      // Every entered node is named and open: the cursor's node is open.size() + 1 deep.
      const int depth = static_cast<int>(open.size()) + 1;
      if (depth > deepest->depth) *deepest = TreeDepth{depth, ts_node_start_point(node)};
    }
    if (ts_node_is_named(node)) {  // tokens are left out, and never entered
      const auto index = static_cast<uint32_t>(nodes_.size());
      nodes_.push_back(Node{node, ts_node_start_byte(node), ts_node_symbol(node), index + 1});
      if (ts_tree_cursor_goto_first_child(&cursor)) {
        open.push_back(index);
        continue;
      }
    } else if (deepest != nullptr && ts_node_child_count(node) > 0) {
      // An anonymous node with children (the grammar's `not in` and `is not`): not entered
      // here, but its tokens count for the depth.
      TreeDepth inside = DeepestNode(node);
      const int depth = static_cast<int>(open.size()) + inside.depth;
      if (depth > deepest->depth) *deepest = TreeDepth{depth, inside.at};
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      nodes_[open.back()].end = static_cast<uint32_t>(nodes_.size());
      open.pop_back();
    }
  }
}

std::vector<TSNode> FlatTree::NamedChildren(TSNode node) const {
  std::vector<TSNode> out;
  ForEachNamedChild(node, [&](TSNode c) { out.push_back(c); });
  return out;
}

size_t FlatTree::Find(TSNode node) const {
  if (ts_node_is_null(node)) return npos;
  const uint32_t start = ts_node_start_byte(node);
  auto it = std::partition_point(nodes_.begin(), nodes_.end(), [&](const Node& n) { return n.start < start; });
  // Nested nodes can start at the same byte (a call and its callee): few, so scan them.
  for (; it != nodes_.end() && it->start == start; ++it) {
    if (ts_node_eq(it->node, node)) return static_cast<size_t>(it - nodes_.begin());
  }
  return npos;
}

}  // namespace trajc::python
