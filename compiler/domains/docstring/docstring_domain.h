// domains/docstring/docstring_domain — the `docstring` domain. Fixtures are complete,
// documented Python; a task removes the docstring of one definition (a function, method,
// property, or a class with its methods) and asks for it back in Google, NumPy or Sphinx
// style; the answer is rendered from the author's text and the code's facts. Every
// documented definition also gives a `documented` node: a task on code that already has
// its docstring, in the author's style, which only needs a check.
//
// Node ids are `Qualified.name@style` (`@documented` for the latter). A fixture whose
// authored docstrings trajc cannot render is refused with a located error; `fixtures
// check` lists every such problem.
#pragma once

#include "domains/domain.h"

namespace trajc::domains {

const Domain& DocstringDomain();

}  // namespace trajc::domains
