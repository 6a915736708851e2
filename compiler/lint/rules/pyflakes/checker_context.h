// lint/rules/pyflakes/checker_context — what pyflakes 2.5's Checker knows about each node
// of the flat tree when it visits it, for the rules that are patterns over the syntax tree.
//
// pyflakes' handlers ask three questions of a node's surroundings: which kind of scope is
// current (RETURN and YIELD complain in a module or class scope), whether a `break` or
// `continue` sits in a loop (CONTINUE walks up its parents), and — a consequence of the
// first — whether the node is visited at all: a `return`, `yield` or `await` reported as
// outside a function is not descended into, so nothing inside it is checked. All three
// are computed here in one pass over the nodes in document order (parents come before
// their children), so no rule walks up a chain of parents per node.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "python/flat_tree.h"

namespace trajc::lint {

class CheckerContext {
 public:
  // pyflakes' scope classes that matter here (DoctestScope never: flake8 leaves doctests off).
  enum class Scope : uint8_t { kModule, kClass, kFunction, kGenerator };

  explicit CheckerContext(const python::FlatTree& tree);

  // The index of entry i's parent, FlatTree::npos for the root.
  size_t Parent(size_t i) const { return parent_[i]; }
  // The scope current when pyflakes visits entry i: a function body or lambda body is a
  // function scope, a class body a class scope, every part of a comprehension a generator
  // scope; decorators, defaults, annotations and base classes belong to the enclosing one.
  Scope ScopeOf(size_t i) const { return scope_[i]; }
  // Whether pyflakes' RETURN/YIELD handlers report a node at i as outside a function.
  bool OutsideFunction(size_t i) const { return scope_[i] == Scope::kModule || scope_[i] == Scope::kClass; }
  // Whether a `break`/`continue` at i is in the body of a loop (pyflakes' CONTINUE: a
  // loop's `else:` does not count, a `def` or `class` ends the search; `async def` does
  // not, as pyflakes only tests for ast.FunctionDef).
  bool InLoop(size_t i) const { return in_loop_[i] != 0; }
  // Whether pyflakes visits entry i (false inside a return/yield/await it reports).
  bool Visited(size_t i) const { return visited_[i] != 0; }

 private:
  std::vector<size_t> parent_;
  std::vector<Scope> scope_;
  std::vector<uint8_t> in_loop_;
  std::vector<uint8_t> visited_;
};

}  // namespace trajc::lint
