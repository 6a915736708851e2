#include "python/parse.h"

#include <algorithm>
#include <cstring>

#include "core/big_stack.h"
#include "python/flat_tree.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace trajc::python {

namespace {

// Stack kept free for everything that is not a per-level frame (the command, tree-sitter,
// the C++ runtime, a sanitizer's own work).
constexpr size_t kStackReserve = size_t{2} << 20;

std::string TooDeepMessage(int depth, int limit) {
  return "too deep for trajc: the syntax tree nests " + std::to_string(depth) + " levels here, the limit is " +
         std::to_string(limit) + "; split the expression or statement, e.g. with intermediate variables";
}

}  // namespace

int DepthLimit() {
  size_t stack = CurrentThreadStackBytes();
  size_t usable = stack > kStackReserve ? stack - kStackReserve : 0;
  return static_cast<int>(std::min<size_t>(kMaxTreeDepth, usable / kStackBytesPerLevel));
}

TooDeep::TooDeep(Location where, int depth, int limit)
    : Error(std::move(where), TooDeepMessage(depth, limit)), depth_(depth), limit_(limit) {}

TooDeep TooDeep::In(std::string_view path) const {
  return TooDeep({std::string(path), where().line, where().column}, depth_, limit_);
}

void SourceTree::TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }

SourceTree SourceTree::ParseUnchecked(std::string source) {
  SourceTree out;
  out.text_ = std::make_unique<std::string>(std::move(source));
  TSParser* parser = ts_parser_new();
  // An ABI mismatch leaves the parser without a language and every tree empty: fail loudly.
  if (!ts_parser_set_language(parser, tree_sitter_python())) {
    ts_parser_delete(parser);
    throw Error({"tree-sitter-python", 0, 0},
                "grammar ABI " + std::to_string(ts_language_version(tree_sitter_python())) +
                    " cannot be loaded by this libtree-sitter; rebuild with tree-sitter-python 0.23.6");
  }
  out.tree_.reset(ts_parser_parse_string(parser, nullptr, out.text_->data(),
                                         static_cast<uint32_t>(out.text_->size())));
  ts_parser_delete(parser);
  return out;
}

void SourceTree::CheckDepth(const TreeDepth& deepest, std::string_view path) {
  int limit = DepthLimit();
  if (deepest.depth > limit)
    throw TooDeep({std::string(path), static_cast<int>(deepest.at.row) + 1, static_cast<int>(deepest.at.column) + 1},
                  deepest.depth, limit);
}

SourceTree SourceTree::Parse(std::string source, std::string_view path) {
  SourceTree out = ParseUnchecked(std::move(source));
  CheckDepth(DeepestNode(out.root()), path);
  return out;
}

SourceTree SourceTree::Parse(std::string source, std::string_view path, FlatTree& flat) {
  SourceTree out = ParseUnchecked(std::move(source));
  TreeDepth deepest;
  FlatTree walked(out.root(), &deepest);
  CheckDepth(deepest, path);  // before anything recursive sees the tree
  flat = std::move(walked);
  return out;
}

TSNode SourceTree::root() const { return ts_tree_root_node(tree_.get()); }

std::string_view SourceTree::TextOf(TSNode node) const {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  return std::string_view(*text_).substr(start, end - start);
}

// A cursor walk that skips subtrees without errors (iterative: the tree may be deep).
std::optional<TSNode> FirstErrorNode(TSNode root) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::optional<TSNode> found;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_missing(node) || strcmp(ts_node_type(node), "ERROR") == 0) {
      found = node;
      break;
    }
    if (ts_node_has_error(node) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

std::optional<Error> SourceTree::FirstSyntaxError(std::string_view path) const {
  TSNode root_node = root();
  if (!ts_node_has_error(root_node)) return std::nullopt;
  std::optional<TSNode> bad = FirstErrorNode(root_node);
  if (!bad) bad = root_node;
  Location loc{std::string(path), LineOf(*bad), ColumnOf(*bad)};
  std::string message;
  if (ts_node_is_missing(*bad)) {
    message = std::string("syntax error: missing '") + ts_node_type(*bad) + "'";
  } else {
    std::string_view snippet = TextOf(*bad);
    size_t nl = snippet.find('\n');
    if (nl != std::string_view::npos) snippet = snippet.substr(0, nl);
    if (snippet.size() > 40) snippet = snippet.substr(0, 40);
    message = snippet.empty() ? std::string("syntax error")
                              : "syntax error: cannot parse '" + std::string(snippet) + "'";
  }
  message += "; the file must be valid Python 3";
  return Error(std::move(loc), std::move(message));
}

}  // namespace trajc::python
