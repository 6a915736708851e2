// python/flat_tree — the named nodes of a parsed tree in one array, walked once.
//
// A tree-sitter cursor step costs hundreds of instructions (it climbs through the
// grammar's hidden nodes), so a lint pass that walks the tree once per rule pays for it
// again and again. FlatTree walks it once: rules that look at every node scan the array,
// and a walker holding a node finds its entry by binary search on the start byte, then
// reaches the node's named children in O(1) each.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "python/children.h"

namespace trajc::python {

// The deepest node of a tree (the root is at depth 1, a token one below its parent) and
// where it starts: the first such node in document order.
struct TreeDepth {
  int depth = 0;
  TSPoint at{0, 0};
};

// The same measure taken by a cursor walk of `root`'s whole subtree, every node counted.
TreeDepth DeepestNode(TSNode root);

class FlatTree {
 public:
  struct Node {
    TSNode node;
    uint32_t start;   // ts_node_start_byte(node): entries are ordered by it
    TSSymbol symbol;  // ts_node_symbol(node)
    uint32_t end;     // index just past the node's last descendant
  };
  static constexpr size_t npos = static_cast<size_t>(-1);

  FlatTree() = default;  // empty
  // `root` and its named descendants in document order (preorder); anonymous nodes
  // (tokens) are left out. A null root gives an empty tree. With `deepest`, the same walk
  // also measures DeepestNode(root) into it: a caller that needs both walks the tree once.
  explicit FlatTree(TSNode root, TreeDepth* deepest = nullptr);

  const std::vector<Node>& nodes() const { return nodes_; }
  // The index of `node` (ts_node_eq), or npos for a node that is not a named node of the tree.
  size_t Find(TSNode node) const;
  // The same, trying `hint` (an index the caller expects, or npos) before searching.
  size_t Find(TSNode node, size_t hint) const {
    return hint < nodes_.size() && ts_node_eq(nodes_[hint].node, node) ? hint : Find(node);
  }
  // Calls f(j) for the index j of each named child of entry i, in order.
  template <class F>
  void ForEachChildIndex(size_t i, F&& f) const {
    for (size_t j = i + 1; j < nodes_[i].end; j = nodes_[j].end) f(j);
  }
  // Calls f(entry) for each named child of entry i, in order.
  template <class F>
  void ForEachChild(size_t i, F&& f) const {
    ForEachChildIndex(i, [&](size_t j) { f(nodes_[j]); });
  }
  // The same for any node: f(child) for each named child, found through the array when
  // the node is in it (python::ForEachNamedChild otherwise).
  template <class F>
  void ForEachNamedChild(TSNode node, F&& f) const {
    if (size_t i = Find(node); i != npos) {
      ForEachChild(i, [&](const Node& c) { f(c.node); });
    } else {
      python::ForEachNamedChild(node, f);
    }
  }
  // python::NamedChildren, through the array.
  std::vector<TSNode> NamedChildren(TSNode node) const;

 private:
  std::vector<Node> nodes_;
};

}  // namespace trajc::python
