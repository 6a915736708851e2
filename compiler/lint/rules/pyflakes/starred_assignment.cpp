#include "lint/rules/pyflakes/starred_assignment.h"

#include <vector>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

// Tuples and lists as tree-sitter spells them in targets and in expressions.
bool IsSequence(TSSymbol s) {
  return kind::kTuple.Matches(s) || kind::kList.Matches(s) || kind::kTuplePattern.Matches(s) ||
         kind::kListPattern.Matches(s) || kind::kPatternList.Matches(s);
}

bool IsStarred(TSSymbol s) { return kind::kListSplat.Matches(s) || kind::kListSplatPattern.Matches(s); }

// Nodes whose children a target passes its Store context on to.
bool PassesStore(TSSymbol s) {
  return IsSequence(s) || IsStarred(s) || kind::kParenthesizedExpression.Matches(s);
}

// Whether entry i, a child of entry p, is a target: the left side of `=`, of a `for`
// statement or clause (their first named child, so the entry right after p), or what
// `with ... as` names.
bool IsTarget(const python::FlatTree& tree, size_t p, size_t i) {
  const TSSymbol ps = tree.nodes()[p].symbol;
  if (kind::kAssignment.Matches(ps) || kind::kForStatement.Matches(ps) || kind::kForInClause.Matches(ps))
    return i == p + 1;
  return kind::kAsPatternTarget.Matches(ps);
}

void Emit(const Violation& v, TSNode at_node, Findings& out) {
  TSPoint at = ts_node_start_point(at_node);
  Finding& f = Report(out, v, static_cast<int>(at.row) + 1, static_cast<int>(at.column));
  f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
}

// pyflakes' TUPLE for a Store context, over the elements of entry i.
void CheckTarget(const python::FlatTree& tree, size_t i, Findings& out) {
  constexpr long long kMaxBefore = 1LL << 8;
  constexpr long long kMaxAfter = 1LL << 24;
  long long count = 0, star_loc = -1;
  bool has_starred = false, reported_two = false;
  tree.ForEachChild(i, [&](const python::FlatTree::Node& c) {
    if (kind::kComment.Matches(c.symbol)) return;
    if (IsStarred(c.symbol)) {
      if (has_starred && !reported_two) {
        Emit(kTwoStarredExpressions, tree.nodes()[i].node, out);
        reported_two = true;  // pyflakes stops looking after the second
      }
      if (!has_starred) star_loc = count;
      has_starred = true;
    }
    ++count;
  });
  if (star_loc >= kMaxBefore || count - star_loc - 1 >= kMaxAfter)
    Emit(kTooManyExpressionsInStarredAssignment, tree.nodes()[i].node, out);
}

}  // namespace

void CheckStarredAssignment(const Source& /*src*/, const python::FlatTree& tree,
                            const CheckerContext& context, Findings& out) {
  const auto& nodes = tree.nodes();
  std::vector<uint8_t> store(nodes.size(), 0);  // the entry is in a Store context
  for (size_t i = 1; i < nodes.size(); ++i) {
    const size_t p = context.Parent(i);
    store[i] = IsTarget(tree, p, i) || (store[p] && PassesStore(nodes[p].symbol));
    if (store[i] && IsSequence(nodes[i].symbol) && context.Visited(i)) CheckTarget(tree, i, out);
  }
}

}  // namespace trajc::lint
