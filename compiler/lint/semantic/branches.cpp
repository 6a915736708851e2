#include "lint/semantic/branches.h"

#include <algorithm>
#include <vector>

#include "python/children.h"
#include "python/node_kind.h"

namespace trajc::lint::semantic {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;

// The direct child of `ancestor` that contains `node`.
TSNode ChildToward(TSNode ancestor, TSNode node) {
  TSNode cur = node;
  for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
    if (ts_node_eq(p, ancestor)) return cur;
  }
  return TSNode{};
}

bool Contains(TSNode outer, TSNode inner) {
  return ts_node_start_byte(outer) <= ts_node_start_byte(inner) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

}  // namespace

bool DifferentForks(TSNode a, TSNode b) {
  std::vector<TSNode> chain;
  for (TSNode cur = a; !ts_node_is_null(cur); cur = ts_node_parent(cur)) chain.push_back(cur);
  TSNode common{};
  for (TSNode cur = b; !ts_node_is_null(cur) && ts_node_is_null(common); cur = ts_node_parent(cur)) {
    for (TSNode c : chain) {
      if (ts_node_eq(c, cur)) {
        common = cur;
        break;
      }
    }
  }
  if (ts_node_is_null(common) || ts_node_eq(common, a) || ts_node_eq(common, b)) return false;
  while (Is(common, kind::kBlock) || Is(common, kind::kElifClause) || Is(common, kind::kElseClause) ||
         Is(common, kind::kExceptClause) || Is(common, kind::kFinallyClause)) {
    common = ts_node_parent(common);
  }
  if (Is(common, kind::kIfStatement)) {
    auto where = [&](TSNode n, int& level, bool& in_body) {
      TSNode child = ChildToward(common, n);
      level = 0;
      in_body = false;
      if (ts_node_eq(child, field::kConsequence.Of(common))) {
        in_body = true;
        return;
      }
      int elifs = 0;
      for (TSNode c : python::NamedChildren(common)) {
        if (Is(c, kind::kElifClause)) ++elifs;
        if (!ts_node_eq(c, child)) continue;
        if (Is(c, kind::kElifClause)) {
          level = elifs;
          TSNode body = field::kConsequence.Of(c);
          in_body = !ts_node_is_null(body) && Contains(body, n);
        } else if (Is(c, kind::kElseClause)) {
          level = elifs + 1;
        }
      }
    };
    int la = 0, lb = 0;
    bool ba = false, bb = false;
    where(a, la, ba);
    where(b, lb, bb);
    int m = std::min(la, lb);
    return (la == m && ba) != (lb == m && bb);
  }
  if (Is(common, kind::kTryStatement)) {
    const std::vector<TSNode> clauses = python::NamedChildren(common);
    for (TSNode c : clauses) {
      if (Is(c, kind::kExceptGroupClause)) return false;  // ast.TryStar has no forks
    }
    auto part = [&](TSNode n) {
      TSNode child = ChildToward(common, n);
      if (Is(child, kind::kFinallyClause)) return -1;
      int handler = 0;
      for (TSNode c : clauses) {
        if (Is(c, kind::kExceptClause)) ++handler;
        if (ts_node_eq(c, child)) return Is(c, kind::kExceptClause) ? handler : 0;
      }
      return 0;
    };
    return part(a) != part(b);
  }
  return false;
}

bool ParentIsFor(TSNode source) {
  if (!Is(source, kind::kIdentifier)) return false;
  TSNode p = ts_node_parent(source);
  while (Is(p, kind::kPatternList) || Is(p, kind::kTuplePattern) || Is(p, kind::kListPattern) ||
         Is(p, kind::kListSplatPattern) || Is(p, kind::kTuple) || Is(p, kind::kList) ||
         Is(p, kind::kParenthesizedExpression) || Is(p, kind::kExpressionList)) {
    p = ts_node_parent(p);
  }
  return Is(p, kind::kForStatement);
}

bool OnConditionalBranch(TSNode node) {
  for (TSNode cur = ts_node_parent(node); !ts_node_is_null(cur); cur = ts_node_parent(cur)) {
    if (Is(cur, kind::kIfStatement) || Is(cur, kind::kWhileStatement) || Is(cur, kind::kConditionalExpression)) {
      return true;
    }
  }
  return false;
}

}  // namespace trajc::lint::semantic
