// lint/semantic/walker — the walk that builds the semantic model (model.h): pyflakes 2.5's
// Checker over the tree-sitter tree. Internal to semantic/.
//
// Class bodies are walked at once, function and lambda bodies deferred until the module
// is done (so a module import used only inside a function counts as used); a rebinding
// replaces the binding and inherits its `used`, `del` removes it, `global`/`nonlocal`
// mark names used, names in string annotations, type comments and `__all__` count.
// What it cannot see (doctests) it leaves alone rather than guess. Visit recurses with
// the tree's nesting, as pyflakes' visitor does.
//
// The methods are defined by topic: walker.cpp (scopes, bindings, loads, the end of the
// run), visit.cpp (the node dispatch, imports, definitions), statements.cpp (assignments,
// try/except, global, del, match), annotations.cpp (annotations, typing, type comments).
#pragma once

#include <tree_sitter/api.h>

#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/semantic/binding.h"
#include "lint/semantic/model.h"

namespace trajc::lint::semantic {

// Work the walker does after the module body, first in, first out (it may add more).
struct Deferred {
  enum Task { kFunctionBody, kStringAnnotation, kPostponedAnnotation, kTypeComment };
  TSNode node;
  std::vector<int> stack;  // the scope stack to run it in
  Task task;
  std::string text{};  // kTypeComment: one part of the comment
  TSNode report_at{};  // kStringAnnotation: where its syntax error is reported (null: at the string)
  int row = 0;         // kTypeComment: where the comment starts (flake8's row, character column)
  int col = 0;
};

class Walker {
 public:
  Walker(const Source& src, const python::FlatTree& tree, bool package_init)
      : src_(src), flat_(tree), package_init_(package_init) {}

  Facts Run();

 private:
  std::string_view Text(TSNode n) const { return src_.tree->TextOf(n); }

  // --- walker.cpp: scopes, bindings, loads, and what is left unused at the end -------------
  int Push(ScopeType type);
  void Pop() { stack_.pop_back(); }
  Scope& Current() { return scopes_[stack_.back()]; }
  void AddBinding(Binding b, bool skip_generators = false);
  void CheckRedefinition(const Binding& b);
  void RecordRedefinition(TSNode node, const Binding& existing);
  void Load(std::string_view name, TSNode at);
  void CheckUndefinedLocal(const std::string& name);
  const Binding* Innermost(std::string_view name) const;
  Place Locate(TSNode at) const;
  void RunDeferred();
  void CollectUnusedVariables();
  void CollectExportsAndUnusedImports();

  // --- visit.cpp: the dispatch, imports, definitions ----------------------------------------
  void VisitChildren(TSNode node);
  void Visit(TSNode node);
  void ImportStatement(TSNode node);
  void ImportFrom(TSNode node);
  void ScanFutureImports(TSNode root);
  bool IsStringStatement(TSNode stmt) const;
  void FutureImport(TSNode node, const std::vector<TSNode>& items);
  void DuplicateArguments(TSNode def, TSNode params);
  void ParameterHeads(TSNode params);
  void BindParameters(TSNode params);
  void BindParameter(TSNode p);
  void FunctionDef(TSNode node);
  bool HasOverloadDecorator(TSNode def);
  void Lambda(TSNode node);
  void RunFunction(TSNode node);
  void ClassDef(TSNode node);
  void Comprehension(TSNode node);

  // --- statements.cpp: assignments, exports, try/except, global, del, match -----------------
  void AssignmentStatement(TSNode node, bool nested);
  void VisitAssignedValue(TSNode value);
  void Assignment(TSNode node);
  void Store(TSNode target, TSNode stmt, Kind nested, bool top = true, TSNode value = {});
  void StoreName(TSNode name, Kind kind, TSNode stmt, TSNode value);
  void AddStrings(TSNode container, std::vector<std::string>& out);
  void CollectExports(TSNode value, std::vector<std::string>& out);
  void ExceptClause(TSNode node);
  void TryStatement(TSNode node);
  TSNode HandlerType(TSNode clause);
  void Global(TSNode node);
  void Delete(TSNode node);
  void DeleteTarget(TSNode target);
  void CaseClause(TSNode node);
  void Pattern(TSNode node);

  // --- annotations.cpp: annotations, typing's special forms, type comments ------------------
  void DetectFutureAnnotations(TSNode root);
  bool IsPlainString(TSNode node) const;
  void CollectStringContent(TSNode node, std::string& out);
  void Annotation(TSNode node);
  void StringAnnotation(const Deferred& d);
  void AnnotationNames(std::string text, TSNode at);
  void CollectTypeComments(TSNode root);
  void CollectTypeable(TSNode node, bool parent_is_assignment, std::map<int, TSNode>& out);
  void HandleTypeComments(TSNode node);
  void TypeCommentPart(const Deferred& d);
  bool IsNameOrAttr(TSNode n, std::string_view name) const;
  bool IsTypingMember(TSNode value) const;
  bool IsTypingName(TSNode expr, std::string_view name) const;
  void TypingCast(TSNode call);
  void Subscript(TSNode node);
  void GenericType(TSNode node);

  const Source& src_;
  const python::FlatTree& flat_;
  size_t visiting_ = python::FlatTree::npos;  // the flat_ entry VisitChildren is visiting
  bool package_init_ = false;
  std::deque<Scope> scopes_;
  std::vector<int> stack_;
  std::vector<Binding> bindings_;
  std::vector<Deferred> deferred_;
  std::vector<int> function_scopes_;
  bool future_annotations_ = false;
  // Some import so far names a module or member with "typing" in it: until one does, no
  // expression is a typing member, and calls skip that test (most files import no typing).
  bool typing_imported_ = false;
  std::set<uint32_t> timely_futures_;  // start bytes of the `from __future__` imports pyflakes allows
  TSNode annotation_owner_{};  // the def or annotated assignment whose annotations are being visited
  bool in_annotation_ = false;
  bool postponed_ = false;
  int override_row_ = -1;  // names of a type comment are reported at the comment
  int override_col_ = 0;
  std::map<uint32_t, std::vector<const python::Token*>> type_comments_;  // typeable node start -> comments
  TSNode string_annotation_{};  // names of a string annotation are reported at the string
  TSNode decorated_{};  // the decorated_definition whose definition is being visited
  std::vector<std::vector<std::string>> handlers_{{}};  // exception names guarding the code
  std::map<std::string, std::pair<int, TSNode>, std::less<>> builtin_used_;
  Facts facts_;
};

}  // namespace trajc::lint::semantic
