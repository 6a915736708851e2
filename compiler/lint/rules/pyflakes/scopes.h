// lint/rules/pyflakes/scopes — pyflakes 2.5's binding model over the tree-sitter tree.
//
// Walks the module like pyflakes' Checker: class bodies at once, function and lambda
// bodies deferred until the module is done (so a module import used only inside a
// function counts as used), a rebinding replaces the binding and inherits its `used`,
// `del` removes it, `global`/`nonlocal` mark names used, names in string annotations and
// in `__all__` count. Loads that find no binding are reported as pyflakes does (undefined,
// or maybe from a star import, unless guarded by `except NameError`), and so are stores
// that shadow a name already read from an enclosing scope. What it cannot see (doctests,
// type comments) it leaves alone rather than guess. It never throws; on a tree with errors the caller
// should not run it (flake8 reports nothing from pyflakes for a file that does not parse).
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <vector>

#include "lint/source.h"
#include "python/flat_tree.h"

namespace trajc::lint {

struct UnusedImport {
  TSNode statement;   // import_statement / import_from_statement
  TSNode item;        // the dotted_name / aliased_import naming it
  std::string name;   // as pyflakes prints it: "os.path", "a as b", ".x"
};

struct UnusedVariable {
  int row = 0;
  int col = 0;        // byte column of the name (or of `except`)
  std::string name;
};

// A pyflakes message about names (F403, F405, F821, F822, F823), located and worded as
// pyflakes does.
struct NameMessage {
  std::string code;
  int row = 0;
  int col = 0;        // byte column
  std::string name;   // the name concerned (the module for F403)
  std::string message;
};

struct ScopeReport {
  std::vector<UnusedImport> unused_imports;
  std::vector<UnusedVariable> unused_variables;
  std::vector<NameMessage> names;
};

// `tree`: the flattened src.tree; `package_init`: the file is an `__init__.py`.
ScopeReport AnalyzeScopes(const Source& src, const python::FlatTree& tree, bool package_init = false);

}  // namespace trajc::lint
