// lint/semantic/model — pyflakes 2.5's semantic model of one module, as facts for the
// pyflakes rules (rules/pyflakes/) to word.
//
// The model walks the tree-sitter tree like pyflakes' Checker (walker.h): scopes and
// their bindings, builtins, function bodies deferred until the module is done, `__all__`,
// string annotations and type comments. It records what pyflakes would report — unused
// imports and variables, loads that find no binding, star-import uses, redefinitions,
// imports shadowed by loop variables, late or unknown `__future__` features, star imports
// below module level, duplicate parameters, annotations that do not parse — with where
// pyflakes reports them, and no words: each rule owns its message. It never throws; on
// a tree with errors the caller should not run it (flake8 reports nothing from pyflakes
// for a file that does not parse).
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <vector>

#include "lint/source.h"
#include "python/flat_tree.h"

namespace trajc::lint::semantic {

// Where pyflakes reports a fact: a 1-based row, and the node's 0-based UTF-8 byte column
// (for a name read from a type comment, the character column of the comment's `#`).
struct Place {
  int row = 0;
  int col = 0;
};

// An import no load used (class-body imports are never recorded).
struct UnusedImport {
  TSNode statement;   // import_statement / import_from_statement
  TSNode item;        // the dotted_name / aliased_import naming it
  std::string name;   // as pyflakes prints it: "os.path", "a as b", ".x", "m.*"
};

// A function-local name bound by assignment (or walrus, or `except ... as e` at any
// scope) and never read.
struct UnusedVariable {
  Place at;           // the name (the `except` clause for `except ... as e`)
  std::string name;
};

// A name at a place: an undefined load or `del`, or an undefined name of `__all__`.
struct NameAt {
  Place at;
  std::string name;
};

// A module-level `from module import *`.
struct StarImport {
  Place at;
  std::string module;
};

// A name no scope binds while star imports are in reach (a load, or a name of `__all__`).
struct StarImportUse {
  Place at;
  std::string name;
  std::vector<std::string> modules;  // of every star import in reach, in no order
};

// A function, class or import rebound before anything used it.
struct Redefinition {
  Place at;              // the rebinding
  std::string name;
  int original_row = 0;  // where the unused binding was made
};

// A function that reads a name from an enclosing scope (or the builtins) and later
// binds it: the read would raise UnboundLocalError.
struct UseBeforeAssignment {
  Place at;              // the read
  std::string name;
  int defined_row = 0;   // the enclosing scope's binding; 0 for a builtin
};

// An import rebound by a `for` loop's target (pyflakes' ImportShadowedByLoopVar): the
// import may be of any enclosing scope, used or not.
struct ShadowedImport {
  Place at;              // the loop's target name
  std::string name;
  int import_row = 0;    // the import statement
};

// A `from m import *` inside a class or function (where Python 3 refuses it).
struct NestedStarImport {
  Place at;              // the import statement
  std::string module;    // with its leading dots, as pyflakes prints it: "..m", "."
};

// A string annotation or a part of a `# type:` comment that is not exactly one Python
// expression (pyflakes parses it with `ast.parse` and wants one expression statement).
struct AnnotationSyntaxError {
  Place at;
  std::string annotation;  // the string's value (escapes decoded) or the comment's part
};

struct Facts {
  std::vector<UnusedImport> unused_imports;
  std::vector<UnusedVariable> unused_variables;
  std::vector<StarImport> star_imports;
  std::vector<StarImportUse> star_import_uses;
  std::vector<Redefinition> redefinitions;
  std::vector<NameAt> undefined_names;    // loads and `del`s, unless guarded by `except NameError`
  std::vector<NameAt> undefined_exports;  // names of a static `__all__` (not in `__init__.py`, no star import)
  std::vector<UseBeforeAssignment> uses_before_assignment;
  std::vector<ShadowedImport> shadowed_imports;
  std::vector<Place> late_future_imports;         // `from __future__` after other code, or not at module level
  std::vector<NestedStarImport> nested_star_imports;
  std::vector<NameAt> undefined_future_features;  // at the import statement
  std::vector<AnnotationSyntaxError> forward_annotation_errors;  // string annotations
  std::vector<AnnotationSyntaxError> type_comment_errors;        // at the comment's `#` (character column)
  std::vector<NameAt> duplicate_arguments;        // at the `def`/`lambda`, once per repeat
  // Loads of `print` that find the builtin (identifiers, or the `print` of a tree-sitter
  // print_statement), for F633; none from string annotations or type comments.
  std::vector<TSNode> builtin_print_loads;
};

// `tree`: the flattened src.tree; `package_init`: the file is an `__init__.py` (pyflakes
// defines `__path__` there and does not check `__all__`).
Facts Analyze(const Source& src, const python::FlatTree& tree, bool package_init = false);

}  // namespace trajc::lint::semantic
