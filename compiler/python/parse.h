// python/ — parsing Python source with tree-sitter-python.
//
// SourceTree owns both the source text and the tree-sitter tree built over it; nodes
// (TSNode) borrowed from it are valid as long as the SourceTree lives. Parsing never
// fails on bad Python (tree-sitter recovers with ERROR/MISSING nodes); use FirstSyntaxError
// to decide whether a file is clean. The only hard failure is a grammar whose ABI the
// runtime cannot load, reported as trajc::Error.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace trajc::python {

class SourceTree {
 public:
  // Parses `source`. Throws trajc::Error if the grammar cannot be loaded.
  static SourceTree Parse(std::string source);

  TSNode root() const;
  const std::string& text() const { return *text_; }
  std::string_view TextOf(TSNode node) const;

  // The first ERROR or MISSING node in document order, located in `path`, with a message
  // such as "syntax error: unexpected ')'" or "syntax error: missing ':'".
  std::optional<Error> FirstSyntaxError(std::string_view path) const;

 private:
  struct TreeDeleter {
    void operator()(TSTree* tree) const;
  };
  std::unique_ptr<std::string> text_;  // heap-held so the tree's offsets stay valid on move
  std::unique_ptr<TSTree, TreeDeleter> tree_;
};

// 1-based (line, column) of a node's start; column counts bytes like flake8's does for ASCII.
inline int LineOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).row) + 1; }
inline int ColumnOf(TSNode node) { return static_cast<int>(ts_node_start_point(node).column) + 1; }

}  // namespace trajc::python
