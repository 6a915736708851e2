// python/children — a node's children in O(1) per step.
//
// ts_node_named_child(node, i) and ts_node_child(node, i) restart from the first child on
// every call, and ts_node_next_sibling / ts_node_parent restart from the root (in the
// tree-sitter 0.20 runtime), so loops over them are quadratic. These walk the children
// once with a tree cursor and give the same nodes (ts_node_eq holds) in the same order.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <vector>

namespace trajc::python {

// The named children of `node`, as ts_node_named_child(node, 0 .. count-1); none for null.
std::vector<TSNode> NamedChildren(TSNode node);
// Every child, named and anonymous, as ts_node_child(node, 0 .. count-1); none for null.
std::vector<TSNode> Children(TSNode node);

namespace detail {
void AppendChildren(TSNode node, bool named_only, std::vector<TSNode>& out);
// The children of every ForEachNamedChild call in progress on this thread, innermost last:
// one buffer for a whole recursive walk, so visiting a tree allocates nothing per node.
std::vector<TSNode>& ChildStack();
}  // namespace detail

// Calls f(child) for each named child of `node` in order; f may recurse into ForEachNamedChild.
template <class F>
void ForEachNamedChild(TSNode node, F&& f) {
  std::vector<TSNode>& stack = detail::ChildStack();
  const size_t begin = stack.size();
  struct Pop {  // drops this call's children, also when f throws
    std::vector<TSNode>& stack;
    size_t begin;
    ~Pop() { stack.resize(begin); }
  } pop{stack, begin};
  detail::AppendChildren(node, true, stack);
  const size_t end = stack.size();
  for (size_t i = begin; i < end; ++i) {
    const TSNode child = stack[i];  // a copy: f may grow (and move) the buffer
    f(child);
  }
}

}  // namespace trajc::python
