// python/compile_check_tree — what is read from tree-sitter's tree rather than the
// tokens: a parameter without a default after one with a default, and, when no rule
// explains an ERROR or MISSING node, "invalid syntax" at its first token.
#include <cstring>
#include <functional>

#include "python/children.h"
#include "python/compile_check_internal.h"
#include "python/node_kind.h"

namespace trajc::python::compile_check_internal {

// Parameters: a plain one after one with a default (before any `*`). Every file that
// tokenizes is checked, so this scans the flattened tree the pyflakes rules use too.
void Checker::TreeRules() {
  static const NodeKind kParameterList{"parameters"};
  static const NodeKind kLambdaParameterList{"lambda_parameters"};
  const std::vector<FlatTree::Node>& nodes = flat_->nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if ((kParameterList.Matches(nodes[i].symbol) || kLambdaParameterList.Matches(nodes[i].symbol)) &&
        DefaultBeforePlain(i))
      return;
  }
}

// Proposes "non-default argument follows default argument" for the parameter list at
// flat index `parameters` when it has one.
bool Checker::DefaultBeforePlain(size_t parameters) {
  bool seen_default = false, seen_star = false, found = false;
  flat_->ForEachChild(parameters, [&](const FlatTree::Node& p) {
    if (found) return;
    if (kind::kDefaultParameter.Matches(p.symbol) || kind::kTypedDefaultParameter.Matches(p.symbol)) {
      seen_default = true;
    } else if (kind::kListSplatPattern.Matches(p.symbol) || kind::kKeywordSeparator.Matches(p.symbol) ||
               kind::kDictionarySplatPattern.Matches(p.symbol)) {
      seen_star = true;
    } else if ((kind::kIdentifier.Matches(p.symbol) || kind::kTypedParameter.Matches(p.symbol)) && seen_default &&
               !seen_star) {
      size_t at = TokenAt(ts_node_start_point(p.node));
      if (at < t_.size())
        Propose(at, at, "SyntaxError", "non-default argument follows default argument", Severity::kSpecific);
      found = true;
    }
  });
  return found;
}

// The first token at or after a tree-sitter point.
size_t Checker::TokenAt(TSPoint p) const {
  int row = static_cast<int>(p.row) + 1, col = static_cast<int>(p.column);
  for (size_t i = 0; i < t_.size(); ++i) {
    if (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent) continue;
    if (t_[i].row > row || (t_[i].row == row && t_[i].col >= col)) return i;
  }
  return t_.size();
}

// tree-sitter found an error that no rule explains: "invalid syntax" at its first
// token, unless it is tree-sitter's own trouble with a bracketed line dedented below
// its block (tree-sitter-python #256), which CPython accepts.
void Checker::TreeFallback() {
  TSNode root = tree_->root();
  if (!ts_node_has_error(root)) return;
  std::optional<TSNode> bad;
  std::function<void(TSNode)> find = [&](TSNode node) {
    if (bad) return;
    if (ts_node_is_missing(node) || std::strcmp(ts_node_type(node), "ERROR") == 0) {
      bad = node;
      return;
    }
    if (!ts_node_has_error(node)) return;
    for (TSNode child : Children(node)) find(child);
  };
  find(root);
  if (!bad) return;
  if (DedentedContinuation()) return;
  size_t at = TokenAt(ts_node_start_point(*bad));
  if (at >= t_.size()) at = t_.size() - 1;
  Generic(at);
}

// A line inside brackets that starts left of its statement's first line.
bool Checker::DedentedContinuation() const {
  int indent = 0;
  for (size_t i = 0; i < t_.size(); ++i) {
    if (i == 0 || t_[i - 1].kind == CKind::kNewline || t_[i - 1].kind == CKind::kIndent ||
        t_[i - 1].kind == CKind::kDedent) {
      indent = t_[i].col;
    } else if (t_[i].level > 0 && t_[i].row != t_[i - 1].row && t_[i].col < indent) {
      return true;
    }
  }
  return false;
}

}  // namespace trajc::python::compile_check_internal
