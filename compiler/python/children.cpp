#include "python/children.h"

namespace trajc::python {

namespace {

// One cursor per thread, reset onto each node: ts_tree_cursor_new allocates its stack.
class ThreadCursor {
 public:
  ~ThreadCursor() {
    if (live_) ts_tree_cursor_delete(&cursor_);
  }
  TSTreeCursor* At(TSNode node) {
    if (live_) {
      ts_tree_cursor_reset(&cursor_, node);
    } else {
      cursor_ = ts_tree_cursor_new(node);
      live_ = true;
    }
    return &cursor_;
  }

 private:
  TSTreeCursor cursor_{};
  bool live_ = false;
};

}  // namespace

namespace detail {

void AppendChildren(TSNode node, bool named_only, std::vector<TSNode>& out) {
  if (ts_node_is_null(node)) return;
  thread_local ThreadCursor cursors;
  TSTreeCursor* cursor = cursors.At(node);
  if (!ts_tree_cursor_goto_first_child(cursor)) return;
  do {
    TSNode child = ts_tree_cursor_current_node(cursor);
    if (!named_only || ts_node_is_named(child)) out.push_back(child);
  } while (ts_tree_cursor_goto_next_sibling(cursor));
}

std::vector<TSNode>& ChildStack() {
  thread_local std::vector<TSNode> stack;
  return stack;
}

}  // namespace detail

std::vector<TSNode> NamedChildren(TSNode node) {
  std::vector<TSNode> out;
  detail::AppendChildren(node, true, out);
  return out;
}

std::vector<TSNode> Children(TSNode node) {
  std::vector<TSNode> out;
  detail::AppendChildren(node, false, out);
  return out;
}

}  // namespace trajc::python
