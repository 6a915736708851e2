// python/compile_check_tree — what is read from tree-sitter's tree rather than the
// tokens: a parameter without a default after one with a default, a starred expression
// where the grammar has none, and, when no rule
// explains an ERROR or MISSING node, "invalid syntax" at its first token.
#include <exception>
#include <string_view>
#include <utility>
#include <vector>

#include "python/compile_check_internal.h"
#include "python/node_kind.h"
#include "python/parse.h"

namespace trajc::python::compile_check_internal {

// Parameters: a plain one after one with a default (before any `*`). Every file that
// tokenizes is checked, so this scans the flattened tree the pyflakes rules use too.
void Checker::TreeRules() {
  static const NodeKind kParameterList{"parameters"};
  static const NodeKind kLambdaParameterList{"lambda_parameters"};
  const std::vector<FlatTree::Node>& nodes = flat_->nodes();
  Starred();
  // On a tree with errors tree-sitter may have glued strings of two statements together:
  // the fallback judges both rules on its error-free copy.
  if (!ts_node_has_error(tree_->root())) {
    MixedBytes(*tree_, *flat_);
    StatementBoundaries(*flat_);
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    if ((kParameterList.Matches(nodes[i].symbol) || kLambdaParameterList.Matches(nodes[i].symbol)) &&
        DefaultBeforePlain(i))
      return;
  }
}

// A starred expression where CPython's grammar has no `*`: alone in parentheses ("cannot
// use starred expression here"), a dictionary's value, a comprehension's element (each
// with its own message), or the operand of an operator or `await`, a lambda's body, a
// keyword argument's value, a conditional's condition or alternative, and any `**x`
// outside dicts and calls (tree-sitter reads it as `*(*x)`) ("invalid syntax"); all at
// the `*`. (A starred left operand, `*a or b`, fails elsewhere in
// CPython: not proposed.) Parents are tracked with a stack over the preorder array.
void Checker::Starred() {
  static const NodeKind kListSplat{"list_splat"};
  static const NodeKind kTuple{"tuple"};
  static const NodeKind kUnaryOperator{"unary_operator"};
  static const NodeKind kNotOperator{"not_operator"};
  static const NodeKind kBooleanOperator{"boolean_operator"};
  static const NodeKind kComparisonOperator{"comparison_operator"};
  static const NodeKind kConditionalExpression{"conditional_expression"};
  static const NodeKind kPair{"pair"};
  static const NodeKind kAwait{"await"};
  const std::vector<FlatTree::Node>& nodes = flat_->nodes();
  std::vector<size_t> parents;
  for (size_t i = 0; i < nodes.size(); ++i) {
    while (!parents.empty() && nodes[parents.back()].end <= i) parents.pop_back();
    if (kListSplat.Matches(nodes[i].symbol) && !parents.empty()) {
      const FlatTree::Node& p = nodes[parents.back()];
      const bool first = parents.back() + 1 == i;  // the parent's first named child
      bool alone = false, operand = false;
      std::string_view message;  // when more specific than "invalid syntax"
      TSNode star = nodes[i].node;  // where the `*` (or `**`) token starts
      // `**x` (or `**x.y`) read as `*(*x)`: CPython's `**` token fits only dicts and calls.
      size_t outer = parents.size();
      while (outer > 0 && nodes[parents[outer - 1]].start + 1 >= nodes[i].start) {
        --outer;
        if (kListSplat.Matches(nodes[parents[outer]].symbol) && nodes[parents[outer]].start + 1 == nodes[i].start) break;
      }
      if (outer < parents.size() && kListSplat.Matches(nodes[parents[outer]].symbol) &&
          nodes[parents[outer]].start + 1 == nodes[i].start) {
        operand = true;
        star = nodes[parents[outer]].node;
      } else if (kTuple.Matches(p.symbol) || kind::kParenthesizedExpression.Matches(p.symbol)) {
        alone = nodes[i].end == p.end && first;
        for (uint32_t k = 0; alone && k < ts_node_child_count(p.node); ++k) {
          alone = std::string_view(ts_node_type(ts_node_child(p.node, k))) != ",";
        }
      } else if (kPair.Matches(p.symbol)) {
        operand = !first;
        message = "cannot use a starred expression in a dictionary value";
      } else if (kind::kListComprehension.Matches(p.symbol) || kind::kSetComprehension.Matches(p.symbol) ||
                 kind::kGeneratorExpression.Matches(p.symbol)) {
        operand = ts_node_eq(Field(p.node, field::kBody), nodes[i].node);
        message = "iterable unpacking cannot be used in comprehension";
      } else if (kUnaryOperator.Matches(p.symbol) || kNotOperator.Matches(p.symbol) || kAwait.Matches(p.symbol)) {
        operand = true;
      } else if (kind::kBinaryOperator.Matches(p.symbol) || kBooleanOperator.Matches(p.symbol) ||
                 kComparisonOperator.Matches(p.symbol) || kConditionalExpression.Matches(p.symbol)) {
        operand = !first;
      } else if (kind::kLambda.Matches(p.symbol) || kind::kKeywordArgument.Matches(p.symbol)) {
        operand = ts_node_eq(Field(p.node, kind::kLambda.Matches(p.symbol) ? field::kBody : field::kValue), nodes[i].node);
      }
      if (alone || operand) {
        size_t at = TokenAt(ts_node_start_point(star));
        if (at < t_.size() && alone) {
          Propose(at, at, "SyntaxError", "cannot use starred expression here", Severity::kSpecific);
        } else if (at < t_.size() && !message.empty()) {
          Propose(at, at, "SyntaxError", std::string(message), Severity::kSpecific);
        } else if (at < t_.size()) {
          Generic(at);
        }
      }
    }
    parents.push_back(i);
  }
}

// Implicit concatenation of bytes with str ("cannot mix bytes and nonbytes literals"),
// which CPython reports at the token after the last string.
void Checker::MixedBytes(const SourceTree& tree, const FlatTree& flat) {
  static const NodeKind kConcatenated{"concatenated_string"};
  const std::vector<FlatTree::Node>& nodes = flat.nodes();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!kConcatenated.Matches(nodes[i].symbol)) continue;
    int bytes = 0, total = 0;
    flat.ForEachChild(i, [&](const FlatTree::Node& c) {
      if (!kind::kString.Matches(c.symbol)) return;
      std::string_view text = tree.TextOf(c.node);
      std::string_view prefix = text.substr(0, text.find_first_of("'\""));
      ++total;
      if (prefix.find_first_of("bB") != std::string_view::npos) ++bytes;
    });
    if (bytes == 0 || bytes == total) continue;
    TSPoint end = ts_node_end_point(nodes[i].node);
    size_t at = TokenAt(end);
    if (at >= t_.size()) continue;
    Propose(at, at, "SyntaxError", "cannot mix bytes and nonbytes literals", Severity::kSpecific);
    return;
  }
}

// Proposes "non-default argument follows default argument" for the parameter list at
// flat index `parameters` when it has one.
bool Checker::DefaultBeforePlain(size_t parameters) {
  bool seen_default = false, seen_star = false, found = false;
  // `*args: T` and `**kw: T` are typed_parameters around the splat pattern.
  auto is_star = [&](const FlatTree::Node& p) {
    if (kind::kListSplatPattern.Matches(p.symbol) || kind::kKeywordSeparator.Matches(p.symbol) ||
        kind::kDictionarySplatPattern.Matches(p.symbol))
      return true;
    if (!kind::kTypedParameter.Matches(p.symbol)) return false;
    const size_t self = static_cast<size_t>(&p - flat_->nodes().data());
    bool star = false, first_child = true;
    flat_->ForEachChild(self, [&](const FlatTree::Node& c) {
      if (first_child)
        star = kind::kListSplatPattern.Matches(c.symbol) || kind::kDictionarySplatPattern.Matches(c.symbol);
      first_child = false;
    });
    return star;
  };
  flat_->ForEachChild(parameters, [&](const FlatTree::Node& p) {
    if (found) return;
    if (kind::kDefaultParameter.Matches(p.symbol) || kind::kTypedDefaultParameter.Matches(p.symbol)) {
      seen_default = true;
    } else if (is_star(p)) {
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
  if (DedentedContinuation()) return;
  // tree-sitter refuses some text CPython parses: judge a copy with those spots replaced
  // by text of the same length that tree-sitter takes (positions stay the same).
  std::optional<SourceTree> patched;
  std::optional<FlatTree> patched_flat;
  if (std::string text = PatchedForTreeSitter(); !text.empty()) {
    try {
      patched.emplace(SourceTree::Parse(std::move(text)));
      root = patched->root();
      patched_flat.emplace(root);
    } catch (const std::exception&) {
      patched.reset();
      patched_flat.reset();
      root = tree_->root();
    }
    if (patched && !ts_node_has_error(root)) {  // what tree-sitter refused is explained; the rest must hold
      MixedBytes(*patched, *patched_flat);
      StatementBoundaries(*patched_flat);
      return;
    }
  }
  const FlatTree& flat = patched_flat ? *patched_flat : *flat_;  // the tree `root` is of
  std::optional<TSNode> bad = FirstErrorNode(root);
  if (!bad) {  // only a hidden MISSING newline: a statement glued to the next
    StatementBoundaries(flat);
    return;
  }
  if (!ts_node_is_missing(*bad)) {
    StatementBoundaries(flat, ts_node_start_byte(*bad), ts_node_end_byte(*bad));
    if (best_) return;
  }
  size_t at = TokenAt(ts_node_start_point(*bad));
  if (at >= t_.size()) at = t_.size() - 1;
  Generic(at);
}

// The tree's text with what tree-sitter's grammar refuses but CPython's accepts made
// acceptable, or "" when there is nothing of the kind:
//   a starred item outside calls (`*a, b = c`, `x = *"s", 1`, `for (*a,) in b`): the
//   star becomes a space (Stars() has checked where it stands);
//   `from __future__ import *` (only the compiler refuses it): the star becomes `_`;
//   an f-string field's format spec that starts with `=` (`{x:=^9}`, which tree-sitter
//   reads as a walrus): the `=` becomes a space (Strings() has checked the field);
//   a subscripted name in an annotation (`x: D[s] + 1`, `-> D[s][t]`), which tree-sitter
//   reads as a generic type that no operator may follow: the name becomes digits, a
//   subscripted number to tree-sitter and as much an expression as the name.
std::string Checker::PatchedForTreeSitter() const {
  static const NodeKind kGenericType{"generic_type"};
  std::vector<TreePatch> patches = tree_patches_;
  for (size_t i : accepted_stars_) patches.push_back(TreePatch{i, 0, '*', ' '});
  for (size_t i = 0; i + 4 < t_.size(); ++i)
    if (IsWord(t_[i], "__future__") && FutureImportStar(i)) patches.push_back(TreePatch{i + 2, 0, '*', '_'});
  std::vector<std::pair<uint32_t, uint32_t>> generic_names;  // byte ranges
  for (const FlatTree::Node& n : flat_->nodes()) {
    if (!kGenericType.Matches(n.symbol) || ts_node_child_count(n.node) == 0) continue;
    TSNode name = ts_node_child(n.node, 0);
    generic_names.emplace_back(ts_node_start_byte(name), ts_node_end_byte(name));
  }
  if (patches.empty() && generic_names.empty()) return {};
  std::string text = tree_->text();
  if (lines_.empty()) return {};
  for (auto [from, to] : generic_names) {
    for (uint32_t k = from; k < to && k < text.size(); ++k) text[k] = '0';
  }
  // Token texts view the lines, which view one text laid out as the tree's.
  const char* base = lines_.front().data();
  for (const TreePatch& p : patches) {
    const char* where = StringOrTokenStart(p.token) + p.offset;
    if (where < base) continue;
    size_t at = static_cast<size_t>(where - base);
    if (at < text.size() && text[at] == p.from) text[at] = p.to;
  }
  return text;
}

// Where token i starts in the text the lines view.
const char* Checker::StringOrTokenStart(size_t i) const {
  return lines_[static_cast<size_t>(t_[i].row) - 1].data() + t_[i].col;
}

// Whether token i, `__future__`, is the module of a `from __future__ import *` statement
// (`from` starts a statement, wherever it stands: after `;` or a header's `:` too).
bool Checker::FutureImportStar(size_t i) const {
  return i > 0 && i + 3 < t_.size() && IsWord(t_[i - 1], "from") && IsWord(t_[i], "__future__") &&
         IsWord(t_[i + 1], "import") && IsOp(t_[i + 2], "*") &&
         (t_[i + 3].kind == CKind::kNewline || IsOp(t_[i + 3], ";"));
}

// A line inside brackets that starts left of its statement's first line, in columns
// with tabs expanded to multiples of 8 as both tokenizers count indentation.
bool Checker::DedentedContinuation() const {
  auto column = [&](const CToken& t) {
    int c = 0;
    for (char ch : lines_[static_cast<size_t>(t.row) - 1].substr(0, static_cast<size_t>(t.col))) c = ch == '\t' ? (c / 8 + 1) * 8 : c + 1;
    return c;
  };
  int indent = 0;
  for (size_t i = 0; i < t_.size(); ++i) {
    if (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent || t_[i].kind == CKind::kEndMarker) continue;
    if (i == 0 || t_[i - 1].kind == CKind::kNewline || t_[i - 1].kind == CKind::kIndent ||
        t_[i - 1].kind == CKind::kDedent) {
      indent = column(t_[i]);
    } else if (t_[i].level > 0 && t_[i].row != t_[i - 1].row && column(t_[i]) < indent) {
      return true;
    }
  }
  return false;
}

}  // namespace trajc::python::compile_check_internal
