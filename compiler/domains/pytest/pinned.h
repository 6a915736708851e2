// domains/pytest/pinned — what a fixture's author pinned down about its code: the doctest
// examples of each function and method, read as steps with known outcomes. This is the
// only truth run_tests has (python3 -m doctest proves it in the project's tests), so a
// test statement whose outcome no example pins is refused, never guessed.
//
// A docstring whose examples all call its own function with literal arguments is
// *independent*: each example's outcome holds on its own (the project's tests run each
// one alone to prove it), so tests may use them in any order and combination. Any other
// docstring is a *sequence* (setup lines, state): its outcomes hold only after the
// examples before it, in order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "python/facts.h"
#include "python/literal.h"

namespace trajc::domains::pytest {

struct Outcome {
  enum class Kind { kStatement, kValue, kRaises };
  Kind kind = Kind::kStatement;
  std::string want;                    // the output as printed: repr of the value; "" for None
  std::optional<python::Value> value;  // `want` read as a literal (None when want is ""); nullopt: not a literal
  std::string exception;               // class name without the module's prefix
  std::string message;
};

struct Step {
  std::string source;     // as the author wrote it
  std::string canonical;  // see canonical.h
  Outcome outcome;
  int line = 0;           // in the fixture
  bool assignment = false;
  std::vector<std::string> assigned;  // names an assignment binds
};

struct Pinned {
  std::string target;     // qualified name: parse_duration, Cart.add
  std::string name;
  std::string owner;      // the class of a method; "" for a module function
  std::string kind;       // python::Definition kind
  std::vector<std::string> params;
  bool independent = false;
  int line = 0;
  std::vector<Step> steps;
  // The first problem of its examples (Behaviour::problems has them all): its short stable
  // reason and line. A function with a problem is no task node; "" when it has none.
  std::string refused;
  int refused_line = 0;
};

struct Behaviour {
  std::string module;                        // import name of the fixture
  std::vector<Pinned> pinned;                // in file order
  std::vector<std::string> exported;         // top-level functions and classes
  std::map<std::string, std::vector<std::string>> class_bases;  // top-level classes → bases
  std::map<std::string, std::pair<size_t, size_t>> calls;       // canonical → (pinned, step) of independent examples
  std::vector<Error> problems;               // what `fixtures check` reports
};

// `module`: the import name; `path`: for problems' locations.
Behaviour BehaviourOf(const std::string& path, const std::string& module, const python::ModuleFacts& facts);

// Import name of a fixture shown as `display_path` ("shop/cart.py" → "shop.cart").
std::string ModuleName(const std::string& display_path);

// Whether exception class `actual` is `expected` or derives from it, by Python's builtin
// hierarchy and the module's own classes.
bool IsSubclass(const Behaviour& b, const std::string& actual, const std::string& expected);
// How tracebacks name an exception class: "ValueError", "library_loans.LoanError".
std::string QualifiedName(const Behaviour& b, const std::string& name);
// How pytest names a class in "DID NOT RAISE <class '…'>".
std::string ClassRepr(const Behaviour& b, const std::string& name);

}  // namespace trajc::domains::pytest
