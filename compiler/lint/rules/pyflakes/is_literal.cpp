#include "lint/rules/pyflakes/is_literal.h"

#include "python/children.h"
#include "python/node_kind.h"


namespace trajc::lint {

namespace {

namespace kind = python::kind;

using python::Is;

TSNode Unparenthesize(TSNode n) {
  while (Is(n, kind::kParenthesizedExpression) && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

bool IsPlainString(const Source& src, TSNode str) {
  for (TSNode c : python::NamedChildren(str)) {
    if (Is(c, kind::kInterpolation)) return false;
    if (Is(c, kind::kStringStart)) {
      for (char ch : src.tree->TextOf(c)) {
        if (ch == 'f' || ch == 'F') return false;
        if (ch == '\'' || ch == '"') break;
      }
    }
  }
  return true;
}

bool IsSingleton(TSNode n) { return Is(n, kind::kTrue) || Is(n, kind::kFalse) || Is(n, kind::kNone) || Is(n, kind::kEllipsis); }

// ast.Constant, or a tuple of constants.
bool IsConstant(const Source& src, TSNode n) {
  n = Unparenthesize(n);
  if (Is(n, kind::kInteger) || Is(n, kind::kFloat) || IsSingleton(n)) return true;
  if (Is(n, kind::kString)) return IsPlainString(src, n);
  if (Is(n, kind::kConcatenatedString)) {
    for (TSNode c : python::NamedChildren(n)) {
      if (Is(c, kind::kString) && !IsPlainString(src, c)) return false;
    }
    return true;
  }
  if (Is(n, kind::kTuple)) {
    for (TSNode c : python::NamedChildren(n)) {
      if (Is(c, kind::kComment)) continue;
      if (!IsConstant(src, c)) return false;
    }
    return true;
  }
  return false;
}

bool IsConstNonSingleton(const Source& src, TSNode n) { return IsConstant(src, n) && !IsSingleton(Unparenthesize(n)); }

void CheckComparison(const Source& src, TSNode node, Findings& out) {
  // Operands are the named children; operators the anonymous ones between them.
  std::vector<TSNode> operands;
  std::vector<TSNode> ops;
  for (TSNode c : python::Children(node)) {
    if (ts_node_is_named(c)) {
      if (!Is(c, kind::kComment)) operands.push_back(c);
    } else {
      ops.push_back(c);
    }
  }
  TSPoint at = ts_node_start_point(node);
  for (size_t i = 0; i < ops.size() && i + 1 < operands.size(); ++i) {
    std::string_view op = ts_node_type(ops[i]);
    if (op != "is" && op != "is not") continue;
    if (!IsConstNonSingleton(src, operands[i]) && !IsConstNonSingleton(src, operands[i + 1])) continue;
    std::vector<Edit> edits{Edit{ts_node_start_byte(ops[i]), ts_node_end_byte(ops[i]), op == "is" ? "==" : "!="}};
    Finding& f =
        Report(out, kIsLiteral, static_cast<int>(at.row) + 1, static_cast<int>(at.column), {}, std::move(edits));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace

void CheckIsLiteral(const Source& src, const python::FlatTree& tree, Findings& out) {
  for (const python::FlatTree::Node& n : tree.nodes()) {
    if (kind::kComparisonOperator.Matches(n.symbol)) CheckComparison(src, n.node, out);
  }
}

}  // namespace trajc::lint
