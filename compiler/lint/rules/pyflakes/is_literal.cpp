#include "lint/rules/pyflakes/is_literal.h"

#include <cstring>

namespace trajc::lint {

namespace {

bool Is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

TSNode Unparenthesize(TSNode n) {
  while (Is(n, "parenthesized_expression") && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

bool IsPlainString(const Source& src, TSNode str) {
  uint32_t n = ts_node_named_child_count(str);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(str, i);
    if (Is(c, "interpolation")) return false;
    if (Is(c, "string_start")) {
      for (char ch : src.tree->TextOf(c)) {
        if (ch == 'f' || ch == 'F') return false;
        if (ch == '\'' || ch == '"') break;
      }
    }
  }
  return true;
}

bool IsSingleton(TSNode n) { return Is(n, "true") || Is(n, "false") || Is(n, "none") || Is(n, "ellipsis"); }

// ast.Constant, or a tuple of constants.
bool IsConstant(const Source& src, TSNode n) {
  n = Unparenthesize(n);
  if (Is(n, "integer") || Is(n, "float") || IsSingleton(n)) return true;
  if (Is(n, "string")) return IsPlainString(src, n);
  if (Is(n, "concatenated_string")) {
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (Is(c, "string") && !IsPlainString(src, c)) return false;
    }
    return true;
  }
  if (Is(n, "tuple")) {
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_named_child(n, i);
      if (Is(c, "comment")) continue;
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
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_child(node, i);
    if (ts_node_is_named(c)) {
      if (!Is(c, "comment")) operands.push_back(c);
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
    out.push_back({"F632", static_cast<int>(at.row) + 1, static_cast<int>(at.column), true,  // pyflakes: UTF-8 byte columns
                   "use ==/!= to compare constant literals (str, bytes, int, float, tuple)", std::move(edits)});
  }
}

void Check(const Source& src, TSNode node, Findings& out) {
  if (Is(node, "comparison_operator")) CheckComparison(src, node, out);
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) Check(src, ts_node_named_child(node, i), out);
}

}  // namespace

void CheckIsLiteral(const Source& src, Findings& out) {
  if (!src.tree) return;
  Check(src, src.tree->root(), out);
}

}  // namespace trajc::lint
