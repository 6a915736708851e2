// lint/semantic/binding — pyflakes' Binding and Scope: what a name is bound to, and where.
//
// A Binding records what bound a name (an import, a definition, an assignment, ...),
// whether a load used it, and what pyflakes needs later to report it (the import's
// printed name, `__all__`'s names, rebindings in inner scopes). A Scope maps names to
// bindings; the walker keeps every binding and scope for the whole run.
#pragma once

#include <tree_sitter/api.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace trajc::lint::semantic {

// pyflakes' Binding subclasses: Importation (kImport; a star import is one too),
// FutureImportation, Assignment, NamedExprAssignment, Binding (loop targets, unpacking,
// `with ... as`, match captures), Annotation (`x: int`), Argument, Definition
// (FunctionDefinition, ClassDefinition), ExportBinding (`__all__`), GlobalScope names.
enum class Kind {
  kImport, kFuture, kAssignment, kNamedExpr, kBinding, kAnnotation, kArgument, kDefinition, kExport, kGlobal
};

struct Binding {
  std::string name;
  Kind kind = Kind::kBinding;
  bool used = false;
  TSNode source{};  // import statement, or the name node
  TSNode item{};
  std::string full;  // printed name of an import
  std::vector<std::string> exports;
  bool star = false;
  int used_scope = -1;  // the scope of the last load that found it (pyflakes' used[0])
  TSNode used_at{};     // and that load (used[1])
  TSNode at{};          // the statement pyflakes reports a redefinition at, when not `source`
  std::string full_name{};  // an import's module path ("os.path", "m.x", the module of a star)
  bool submodule = false; // `import a.b` (binds `a`)
  bool overload = false;  // a function decorated with `overload`
  std::vector<TSNode> redefined{};  // rebinding in inner scopes while this import was unused
};

inline bool IsImportation(const Binding& b) { return b.kind == Kind::kImport || b.kind == Kind::kFuture; }
inline bool IsDefinition(const Binding& b) { return IsImportation(b) || b.kind == Kind::kDefinition; }
inline TSNode At(const Binding& b) { return ts_node_is_null(b.at) ? b.source : b.at; }

// pyflakes' Binding.redefines and its overrides.
inline bool Redefines(const Binding& value, const Binding& other) {
  if (value.kind == Kind::kAnnotation) return false;
  if (IsImportation(value)) {
    if (value.submodule && IsImportation(other)) return value.full_name == other.full_name;
    if (other.submodule) return value.full_name == other.full_name;
  }
  return IsDefinition(other) && value.name == other.name;
}

enum class ScopeType { kModule, kClass, kFunction, kGenerator };

struct Scope {
  ScopeType type;
  std::map<std::string, int, std::less<>> names;  // name -> binding index
  bool uses_locals = false;
  bool import_starred = false;
};

}  // namespace trajc::lint::semantic
