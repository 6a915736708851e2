// The walker's core: the run, the scope stack, bindings and their redefinitions, loads
// (pyflakes' handleNodeLoad) and stores read before assignment (handleNodeStore), and what
// is left unused when the run ends.
#include "lint/semantic/walker.h"

#include <algorithm>
#include <set>

#include "lint/semantic/branches.h"
#include "lint/semantic/builtins.h"
#include "python/node_kind.h"

namespace trajc::lint::semantic {

namespace {

// A star import's module: its binding prints as "module.*".
std::string StarModule(const Binding& b) { return b.full.substr(0, b.full.size() - 2); }

Place PlaceOf(TSNode node) {
  TSPoint p = ts_node_start_point(node);
  return {static_cast<int>(p.row) + 1, static_cast<int>(p.column)};
}

bool IsTracebackMagic(std::string_view name) {
  return name == "__tracebackhide__" || name == "__traceback_info__" || name == "__traceback_supplement__";
}

}  // namespace

Facts Analyze(const Source& src, const python::FlatTree& tree, bool package_init) {
  if (!src.tree) return {};
  return Walker(src, tree, package_init).Run();
}

Facts Walker::Run() {
  TSNode root = src_.tree->root();
  DetectFutureAnnotations(root);
  ScanFutureImports(root);
  CollectTypeComments(root);
  Push(ScopeType::kModule);
  VisitChildren(root);
  RunDeferred();
  CollectUnusedVariables();
  CollectExportsAndUnusedImports();
  return std::move(facts_);
}

void Walker::RunDeferred() {
  // FIFO, and a task may defer more: index, do not iterate.
  for (size_t i = 0; i < deferred_.size(); ++i) {
    Deferred d = deferred_[i];
    stack_ = d.stack;
    switch (d.task) {
      case Deferred::kFunctionBody:
        RunFunction(d.node);
        break;
      case Deferred::kStringAnnotation:
        StringAnnotation(d);
        break;
      case Deferred::kTypeComment:
        TypeCommentPart(d);
        break;
      case Deferred::kPostponedAnnotation: {
        bool saved = in_annotation_;
        in_annotation_ = true;
        if (Is(d.node, python::kind::kType)) {
          VisitChildren(d.node);  // the `type` node itself would defer again
        } else {
          Visit(d.node);
        }
        in_annotation_ = saved;
        break;
      }
    }
  }
}

void Walker::CollectUnusedVariables() {
  for (int fs : function_scopes_) {
    for (const auto& [name, idx] : scopes_[fs].names) {
      const Binding& b = bindings_[idx];
      if (b.used || name == "_" || scopes_[fs].uses_locals || IsTracebackMagic(name)) continue;
      if (b.kind != Kind::kAssignment && b.kind != Kind::kNamedExpr) continue;
      facts_.unused_variables.push_back({PlaceOf(b.source), name});
    }
  }
}

// pyflakes' checkDeadScopes: `__all__`'s names count as used, those it lists that the
// scope does not bind are undefined exports (or star-import uses), and the imports still
// unused are reported, with their rebindings in inner scopes.
void Walker::CollectExportsAndUnusedImports() {
  for (size_t s = 0; s < scopes_.size(); ++s) {
    if (scopes_[s].type == ScopeType::kClass) continue;
    std::set<std::string, std::less<>> all;
    if (auto it = scopes_[s].names.find("__all__");
        it != scopes_[s].names.end() && bindings_[it->second].kind == Kind::kExport) {
      const Binding& export_binding = bindings_[it->second];
      all.insert(export_binding.exports.begin(), export_binding.exports.end());
      std::vector<std::string> undefined;
      for (const std::string& name : export_binding.exports) {
        if (!scopes_[s].names.count(name) && !(s == 0 && IsBuiltin(name))) undefined.push_back(name);
      }
      if (!undefined.empty() && !scopes_[s].import_starred && !package_init_) {
        for (const std::string& name : undefined) {
          facts_.undefined_exports.push_back({Locate(export_binding.source), name});
        }
      }
      if (!undefined.empty() && scopes_[s].import_starred) {
        std::vector<std::string> from;
        for (auto& [n, idx] : scopes_[s].names) {
          if (!bindings_[idx].star) continue;
          bindings_[idx].used = true;
          from.push_back(StarModule(bindings_[idx]));
        }
        for (const std::string& name : undefined) {
          facts_.star_import_uses.push_back({Locate(export_binding.source), name, from});
        }
      }
    }
    for (const auto& [name, idx] : scopes_[s].names) {
      const Binding& b = bindings_[idx];
      if (!IsImportation(b)) continue;
      bool used = b.used || all.count(name);
      for (TSNode node : b.redefined) {
        if (!used) RecordRedefinition(node, b);
      }
      if (b.kind != Kind::kImport || used) continue;
      facts_.unused_imports.push_back({b.source, b.item, b.full});
    }
  }
}

int Walker::Push(ScopeType type) {
  scopes_.push_back(Scope{type, {}, false, false});
  int id = static_cast<int>(scopes_.size()) - 1;
  stack_.push_back(id);
  return id;
}

void Walker::AddBinding(Binding b, bool skip_generators) {
  CheckRedefinition(b);
  int target = stack_.back();
  if (skip_generators) {
    for (size_t i = stack_.size(); i-- > 0;) {
      target = stack_[i];
      if (scopes_[target].type != ScopeType::kGenerator) break;
    }
  }
  Scope& cur = Current();
  if (auto it = cur.names.find(b.name); it != cur.names.end()) {
    const Binding& old = bindings_[it->second];
    if (old.used) {
      b.used_scope = old.used_scope;
      b.used_at = old.used_at;
    }
    b.used = b.used || old.used;
    if (b.kind == Kind::kAnnotation) return;  // an annotation never replaces a value
  }
  // Only an import binds a typing module or one of its members (IsTypingMember).
  if (IsImportation(b) && b.full_name.find("typing") != std::string::npos) typing_imported_ = true;
  bindings_.push_back(std::move(b));
  scopes_[target].names[bindings_.back().name] = static_cast<int>(bindings_.size()) - 1;
}

// pyflakes' addBinding check: a name rebound while its definition or import was never
// used, unless the two are on different branches of an if/try.
void Walker::CheckRedefinition(const Binding& b) {
  int found = -1;
  int index = -1;
  for (size_t i = stack_.size(); i-- > 0;) {
    if (auto it = scopes_[stack_[i]].names.find(b.name); it != scopes_[stack_[i]].names.end()) {
      found = stack_[i];
      index = it->second;
      break;
    }
  }
  if (found < 0) return;
  Binding& existing = bindings_[index];
  // pyflakes' first test: an import (of any scope, used or not) rebound by a `for` target.
  if (IsImportation(existing) && b.kind == Kind::kBinding && ParentIsFor(b.source)) {
    if (!DifferentForks(At(b), At(existing))) {
      facts_.shadowed_imports.push_back({Locate(At(b)), b.name, PlaceOf(At(existing)).row});
    }
    return;
  }
  // The cheap tests first: most rebindings are of a used name or a plain variable, and
  // DifferentForks / ParentIsFor walk up the tree with ts_node_parent.
  const bool same_scope = found == stack_.back();
  const bool flagged = same_scope ? !existing.used && Redefines(b, existing) &&
                                        (b.name != "_" || IsImportation(existing)) && !existing.overload
                                  : IsImportation(existing) && Redefines(b, existing);
  if (!flagged) return;
  TSNode node = At(b);
  if (DifferentForks(node, At(existing))) return;
  if (same_scope) {
    RecordRedefinition(node, existing);
  } else {
    existing.redefined.push_back(node);
  }
}

void Walker::RecordRedefinition(TSNode node, const Binding& existing) {
  facts_.redefinitions.push_back({Locate(node), existing.name, PlaceOf(At(existing)).row});
}

// pyflakes' handleNodeLoad: the innermost binding wins; class scopes are seen only from
// their own body and from comprehensions directly in it; a bare annotation (`x: int`)
// is no binding outside postponed annotations.
void Walker::Load(std::string_view name, TSNode at) {
  if (!ts_node_is_null(string_annotation_)) at = string_annotation_;
  bool in_generators_known = false, in_generators = false;
  bool starred = false;
  for (size_t i = stack_.size(); i-- > 0;) {
    Scope& scope = scopes_[stack_[i]];
    if (scope.type == ScopeType::kClass) {
      if (name == "__class__") return;
      if (in_generators_known && !in_generators) continue;
    }
    auto it = scope.names.find(name);
    if (it != scope.names.end()) {
      Binding& b = bindings_[it->second];
      if (b.kind == Kind::kAnnotation && !postponed_ && !future_annotations_) continue;
      b.used = true;
      b.used_scope = stack_.back();
      b.used_at = at;
      // `import a as b` used also marks a submodule import binding `a` (pyflakes does).
      std::string_view last = std::string_view(b.full_name).substr(b.full_name.rfind('.') + 1);
      if (IsImportation(b) && !b.full_name.empty() && last != b.name) {
        if (auto sub = scope.names.find(b.full_name); sub != scope.names.end()) {
          bindings_[sub->second].used = true;
          bindings_[sub->second].used_scope = stack_.back();
          bindings_[sub->second].used_at = at;
        }
      }
      return;
    }
    if (i == 0 && IsBuiltin(name)) {
      builtin_used_[std::string(name)] = {stack_.back(), at};
      if (name == "print" && ts_node_is_null(string_annotation_) && override_row_ < 0)
        facts_.builtin_print_loads.push_back(at);
      return;
    }
    starred = starred || scope.import_starred;
    if (!in_generators_known || in_generators) {
      in_generators = scope.type == ScopeType::kGenerator;
      in_generators_known = true;
    }
  }
  if (starred) {
    std::vector<std::string> from;
    for (size_t i = stack_.size(); i-- > 0;) {
      for (auto& [n, idx] : scopes_[stack_[i]].names) {
        if (!bindings_[idx].star) continue;
        bindings_[idx].used = true;
        from.push_back(StarModule(bindings_[idx]));
      }
    }
    facts_.star_import_uses.push_back({Locate(at), std::string(name), std::move(from)});
    return;
  }
  if (name == "__path__" && package_init_) return;
  if ((name == "__module__" || name == "__qualname__") && Current().type == ScopeType::kClass) return;
  const std::vector<std::string>& guards = handlers_.back();
  if (std::find(guards.begin(), guards.end(), "NameError") != guards.end()) return;
  facts_.undefined_names.push_back({Locate(at), std::string(name)});
}

// pyflakes' handleNodeStore check: a name stored in a function after that function read
// it from an enclosing function or module scope, or as a builtin.
void Walker::CheckUndefinedLocal(const std::string& name) {
  int cur = stack_.back();
  if (scopes_[cur].type != ScopeType::kFunction || scopes_[cur].names.count(name)) return;
  if (IsTracebackMagic(name)) return;
  for (size_t i = 0; i + 1 < stack_.size(); ++i) {
    const Scope& scope = scopes_[stack_[i]];
    if (scope.type != ScopeType::kFunction && scope.type != ScopeType::kModule) continue;
    if (auto it = scope.names.find(name); it != scope.names.end()) {
      const Binding& b = bindings_[it->second];
      if (!b.used || b.used_scope != cur) continue;
      facts_.uses_before_assignment.push_back({Locate(b.used_at), name, PlaceOf(b.source).row});
      return;
    }
    if (i == 0 && IsBuiltin(name)) {
      auto bt = builtin_used_.find(name);
      if (bt == builtin_used_.end() || bt->second.first != cur) continue;
      facts_.uses_before_assignment.push_back({Locate(bt->second.second), name, 0});
      return;
    }
  }
}

const Binding* Walker::Innermost(std::string_view name) const {
  for (size_t i = stack_.size(); i-- > 0;) {
    auto it = scopes_[stack_[i]].names.find(name);
    if (it != scopes_[stack_[i]].names.end()) return &bindings_[it->second];
  }
  return nullptr;
}

Place Walker::Locate(TSNode at) const {
  if (override_row_ >= 0) return {override_row_, override_col_};
  return PlaceOf(at);
}

}  // namespace trajc::lint::semantic
