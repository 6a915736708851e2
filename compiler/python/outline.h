// python/outline — the structure of a module as tree-sitter sees it: its functions,
// methods and classes with their line spans, and its imports. The full per-node facts
// (parameters, docstrings, raises …) build on this.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "python/parse.h"

namespace trajc::python {

struct Definition {
  std::string kind;            // function | async_function | method | class
  std::string name;
  std::string qualified_name;  // Outer.inner for nested classes and methods
  std::vector<std::string> decorators;
  int line = 0;                // of the def/class keyword (after decorators)
  int end_line = 0;
};

struct Import {
  std::string module;               // "os.path"; "" for `from . import x`
  std::vector<std::string> names;   // bound names as written (`a as b` → "a as b"); empty for `import m`
  int line = 0;
};

struct Outline {
  std::vector<Definition> definitions;  // document order
  std::vector<Import> imports;          // document order, at any depth
};

Outline OutlineOf(const SourceTree& tree);
Json ToJson(const Outline& outline);

}  // namespace trajc::python
