// python/ — parsing Python source with tree-sitter-python.
//
// SourceTree owns both the source text and the tree-sitter tree built over it; nodes
// (TSNode) borrowed from it are valid as long as the SourceTree lives. Parsing never
// fails on bad Python (tree-sitter recovers with ERROR/MISSING nodes); use FirstSyntaxError
// to decide whether a file is clean. The only hard failure is a grammar whose ABI the
// runtime cannot load, reported as trajc::Error, and a tree nested deeper than trajc's
// walks allow (TooDeep, below).
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace trajc::python {

// How deep a syntax tree trajc accepts. Several walks over the tree (facts, lint's semantic
// model, the compile checks) recurse once per level, so the depth a file may reach is bounded
// by the stack: every tree is measured once, iteratively, right after parsing, and a deeper
// one is refused with a located error instead of overflowing the stack later. 20,000 levels
// hold everything CPython 3.11's parser accepts (about 3,000 nested expressions, 200 nested
// brackets, 100 indentation levels) except `and`/`or` chains longer than about 20,000 terms,
// which CPython keeps flat and tree-sitter nests one level per operator.
inline constexpr int kMaxTreeDepth = 20000;

// Stack one tree level may take in the deepest recursive walk, with margin (measured: about
// 2.9 KiB in a release build, python::FactsOf's visitor; sanitizers multiply frames).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr size_t kStackBytesPerLevel = 40 * 1024;
#else
inline constexpr size_t kStackBytesPerLevel = 12 * 1024;
#endif

// The depth limit on the calling thread: kMaxTreeDepth, or less when the thread's stack
// cannot hold that many levels (core/big_stack.h runs trajc's work on a large enough one).
int DepthLimit();

// A tree that nests deeper than DepthLimit(): `path:line:col: error: … too deep for trajc …`
// at the deepest node. The path is empty when Parse was not given one; In() relocates it.
class TooDeep : public Error {
 public:
  TooDeep(Location where, int depth, int limit);
  int depth() const { return depth_; }
  int limit() const { return limit_; }
  TooDeep In(std::string_view path) const;

 private:
  int depth_;
  int limit_;
};

class FlatTree;     // python/flat_tree.h
struct TreeDepth;   // python/flat_tree.h

class SourceTree {
 public:
  // Parses `source` from `path` (used only to locate errors). Throws TooDeep when the tree
  // nests deeper than DepthLimit(), and trajc::Error if the grammar cannot be loaded.
  static SourceTree Parse(std::string source, std::string_view path = {});
  // The same, and fills `flat` with the tree's FlatTree: the walk that builds it also
  // measures the depth, so a caller that needs the flat tree walks the tree once, not twice.
  // `flat` is left as it was when this throws.
  static SourceTree Parse(std::string source, std::string_view path, FlatTree& flat);

  TSNode root() const;
  const std::string& text() const { return *text_; }
  std::string_view TextOf(TSNode node) const;

  // The first ERROR or MISSING node in document order, located in `path`, with a message
  // such as "syntax error: unexpected ')'" or "syntax error: missing ':'".
  std::optional<Error> FirstSyntaxError(std::string_view path) const;

 private:
  static SourceTree ParseUnchecked(std::string source);  // no depth check yet
  static void CheckDepth(const TreeDepth& deepest, std::string_view path);  // throws TooDeep
  struct TreeDeleter {
    void operator()(TSTree* tree) const;
  };
  std::unique_ptr<std::string> text_;  // heap-held so the tree's offsets stay valid on move
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

// The first ERROR or MISSING node under `root` in document order, or nullopt.
std::optional<TSNode> FirstErrorNode(TSNode root);

// 1-based (line, column) of a node's start; column counts bytes like flake8's does for ASCII.
inline int LineOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).row) + 1; }
inline int ColumnOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).column) + 1; }

}  // namespace trajc::python
