// domains/pytest/canonical — one spelling per Python statement, so that a statement the
// agent writes in a test and the doctest example it stands for compare equal however
// they were spaced or quoted: literals print as their repr, names bound by
// `pytest.mark.parametrize` print as the value they take in that case.
#pragma once

#include <map>
#include <string>

#include "python/literal.h"
#include "python/parse.h"

namespace trajc::domains::pytest {

using Bindings = std::map<std::string, python::Value>;

std::string Canonical(const python::SourceTree& tree, TSNode node, const Bindings& bindings = {});

// The name an expression starts from: `cart` for `cart.add(1)`, `merge` for `merge([])`;
// empty when it starts from a literal or anything else.
std::string RootName(const python::SourceTree& tree, TSNode node);

// Whether every argument of a call is a literal (after bindings).
bool LiteralArguments(const python::SourceTree& tree, TSNode call, const Bindings& bindings = {});

}  // namespace trajc::domains::pytest
