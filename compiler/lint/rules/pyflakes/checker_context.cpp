#include "lint/rules/pyflakes/checker_context.h"

#include <string_view>

#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

bool IsComprehension(TSSymbol s) {
  return kind::kListComprehension.Matches(s) || kind::kSetComprehension.Matches(s) ||
         kind::kDictionaryComprehension.Matches(s) || kind::kGeneratorExpression.Matches(s);
}

// `async def` is a function_definition whose first token is `async`.
bool IsAsync(TSNode def) {
  return ts_node_child_count(def) > 0 && std::string_view(ts_node_type(ts_node_child(def, 0))) == "async";
}

}  // namespace

CheckerContext::CheckerContext(const python::FlatTree& tree) {
  const auto& nodes = tree.nodes();
  const size_t n = nodes.size();
  parent_.assign(n, python::FlatTree::npos);
  scope_.assign(n, Scope::kModule);
  in_loop_.assign(n, 0);
  visited_.assign(n, 1);
  std::vector<size_t> open;  // the ancestors of the entry at hand, innermost last
  size_t skip_end = 0;       // entries before this index lie inside a reported return/yield/await
  std::vector<uint8_t> async_def(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (kind::kFunctionDefinition.Matches(nodes[i].symbol)) async_def[i] = IsAsync(nodes[i].node);
    while (!open.empty() && i >= nodes[open.back()].end) open.pop_back();
    if (!open.empty()) {
      const size_t p = open.back();
      parent_[i] = p;
      const TSSymbol ps = nodes[p].symbol;
      scope_[i] = scope_[p];
      in_loop_[i] = in_loop_[p];
      // A def's or class's body is its one block child; a lambda's body is its child
      // other than the parameters (comments aside).
      const TSSymbol cs = nodes[i].symbol;
      if (kind::kFunctionDefinition.Matches(ps)) {
        if (kind::kBlock.Matches(cs)) scope_[i] = Scope::kFunction;
        // A `break` anywhere in a plain `def` is judged without the loops around it.
        if (!async_def[p]) in_loop_[i] = 0;
      } else if (kind::kLambda.Matches(ps)) {
        if (!kind::kLambdaParameters.Matches(cs) && !kind::kComment.Matches(cs)) scope_[i] = Scope::kFunction;
      } else if (kind::kClassDefinition.Matches(ps)) {
        if (kind::kBlock.Matches(cs)) scope_[i] = Scope::kClass;
        in_loop_[i] = 0;
      } else if (IsComprehension(ps)) {
        scope_[i] = Scope::kGenerator;
      } else if (kind::kForStatement.Matches(ps) || kind::kWhileStatement.Matches(ps)) {
        if (!kind::kElseClause.Matches(nodes[i].symbol)) in_loop_[i] = 1;
      }
    }
    if (i < skip_end) {
      visited_[i] = 0;
    } else {
      const TSSymbol s = nodes[i].symbol;
      if ((kind::kReturnStatement.Matches(s) || kind::kYield.Matches(s) || kind::kAwait.Matches(s)) &&
          OutsideFunction(i)) {
        skip_end = nodes[i].end;
      }
    }
    open.push_back(i);
  }
}

}  // namespace trajc::lint
