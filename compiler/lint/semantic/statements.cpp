// The walker's statements: assignments and what they bind (`__all__`'s names included),
// try/except (handlers guard their body; `except ... as e` unbinds `e` after it),
// `global`/`nonlocal`, `del`, and match/case captures.
#include <algorithm>
#include <string>

#include "lint/semantic/branches.h"
#include "lint/semantic/walker.h"
#include "python/node_kind.h"

namespace trajc::lint::semantic {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;
using python::Field;

bool HasElts(TSNode n) {
  return Is(n, kind::kPatternList) || Is(n, kind::kTuplePattern) || Is(n, kind::kListPattern) ||
         Is(n, kind::kExpressionList) || Is(n, kind::kTuple) || Is(n, kind::kList);
}

}  // namespace

// An assignment statement; `nested` when it is the right side of another assignment,
// whose type comment is the outer one's.
void Walker::AssignmentStatement(TSNode node, bool nested) {
  if (!nested) HandleTypeComments(node);
  Assignment(node);
}

// The right side of an assignment: its parent is known, so a nested assignment there
// (`a = b: int = 1` as tree-sitter recovers it) needs no ts_node_parent.
void Walker::VisitAssignedValue(TSNode value) {
  if (Is(value, kind::kAssignment)) {
    AssignmentStatement(value, true);
  } else {
    Visit(value);
  }
}

void Walker::Assignment(TSNode node) {
  // a = b = value: tree-sitter nests the chain to the right.
  std::vector<TSNode> targets;
  TSNode cur = node;
  TSNode type = Field(node, field::kType);
  while (Is(cur, kind::kAssignment)) {
    targets.push_back(Field(cur, field::kLeft));
    TSNode right = Field(cur, field::kRight);
    if (!Is(right, kind::kAssignment) || !ts_node_is_null(Field(right, field::kType))) {
      cur = right;
      break;
    }
    cur = right;
  }
  TSNode value = cur;
  bool literal_unpacking = !ts_node_is_null(value) && HasElts(value);
  for (TSNode t : targets) literal_unpacking = literal_unpacking && HasElts(t);
  if (!ts_node_is_null(type)) {
    TSNode target = targets.empty() ? TSNode{} : targets[0];
    bool has_value = !ts_node_is_null(value);
    if (Is(target, kind::kIdentifier)) {
      StoreName(target, has_value ? Kind::kAssignment : Kind::kAnnotation, node, value);
    } else {
      Store(target, node, Kind::kBinding);
    }
    TSNode saved_owner = annotation_owner_;
    annotation_owner_ = node;
    Visit(type);
    // pyflakes' ANNASSIGN: the value of `X: TypeAlias = ...` is an annotation too.
    const bool alias = has_value && ts_node_named_child_count(type) == 1 &&
                       IsTypingName(ts_node_named_child(type, 0), "TypeAlias");
    if (alias) Annotation(value);
    annotation_owner_ = saved_owner;
    if (has_value && !alias) VisitAssignedValue(value);
    return;
  }
  VisitAssignedValue(value);
  for (TSNode t : targets) Store(t, node, literal_unpacking ? Kind::kAssignment : Kind::kBinding, true, value);
}

// A store target; `direct` kind applies to a bare name, `nested` to names inside tuples.
void Walker::Store(TSNode target, TSNode stmt, Kind nested, bool top, TSNode value) {
  if (ts_node_is_null(target)) return;
  if (Is(target, kind::kIdentifier)) {
    Kind kind = nested;
    // A bare name directly under its statement (or `with ... as name`) is an Assignment.
    if (top && (Is(stmt, kind::kAssignment) || Is(stmt, kind::kAugmentedAssignment) || Is(stmt, kind::kWithItem))) {
      kind = Kind::kAssignment;
    }
    StoreName(target, kind, stmt, value);
  } else if (Is(target, kind::kPatternList) || Is(target, kind::kTuplePattern) || Is(target, kind::kListPattern) ||
             Is(target, kind::kListSplatPattern) || Is(target, kind::kParenthesizedExpression) ||
             Is(target, kind::kTuple) || Is(target, kind::kList) || Is(target, kind::kExpressionList)) {
    bool paren = Is(target, kind::kParenthesizedExpression);
    for (TSNode c : flat_.NamedChildren(target)) Store(c, stmt, nested, top && paren, value);
  } else {
    Visit(target);  // attribute / subscript: their objects are loads
  }
}

void Walker::StoreName(TSNode name, Kind kind, TSNode stmt, TSNode value) {
  std::string n(Text(name));
  CheckUndefinedLocal(n);
  if (n == "__all__" && Current().type == ScopeType::kModule &&
      (kind == Kind::kAssignment || kind == Kind::kAnnotation) &&
      (Is(stmt, kind::kAssignment) || Is(stmt, kind::kAugmentedAssignment))) {
    Binding b{n, Kind::kExport, false, name, {}, {}, {}};
    if (Is(stmt, kind::kAugmentedAssignment)) {
      if (auto it = Current().names.find("__all__");
          it != Current().names.end() && bindings_[it->second].kind == Kind::kExport) {
        b.exports = bindings_[it->second].exports;
      }
      value = Field(stmt, field::kRight);
    }
    CollectExports(value, b.exports);
    AddBinding(std::move(b));
    return;
  }
  AddBinding(Binding{n, kind, false, name, {}, {}, {}});
}

void Walker::AddStrings(TSNode container, std::vector<std::string>& out) {
  for (TSNode c : flat_.NamedChildren(container)) {
    if (Is(c, kind::kString) && IsPlainString(c)) {
      std::string s;
      CollectStringContent(c, s);
      out.push_back(s);
    }
  }
}

void Walker::CollectExports(TSNode value, std::vector<std::string>& out) {
  if (Is(value, kind::kList) || Is(value, kind::kTuple)) {
    AddStrings(value, out);
    return;
  }
  std::vector<std::string> names;
  TSNode cur = value;
  while (Is(cur, kind::kBinaryOperator)) {
    TSNode right = Field(cur, field::kRight);
    if (!Is(right, kind::kList) && !Is(right, kind::kTuple)) break;
    std::vector<std::string> part;
    AddStrings(right, part);
    names.insert(names.begin(), part.begin(), part.end());
    TSNode left = Field(cur, field::kLeft);
    if (Is(left, kind::kList) || Is(left, kind::kTuple)) {
      std::vector<std::string> lp;
      AddStrings(left, lp);
      names.insert(names.begin(), lp.begin(), lp.end());
      break;
    }
    cur = left;
  }
  out.insert(out.end(), names.begin(), names.end());
}

void Walker::ExceptClause(TSNode node) {
  TSNode alias = Field(node, field::kAlias);
  TSNode value = Field(node, field::kValue);
  TSNode whole_value = value;
  if (Is(value, kind::kAsPattern)) {
    // `except E as e` parses as an as_pattern in the value field.
    TSNode target{};
    TSNode expr{};
    for (TSNode c : flat_.NamedChildren(value)) {
      if (Is(c, kind::kAsPatternTarget)) {
        target = ts_node_named_child_count(c) ? ts_node_named_child(c, 0) : TSNode{};
      } else if (ts_node_is_null(expr)) {
        expr = c;
      }
    }
    alias = target;
    value = expr;
  }
  if (!Is(alias, kind::kIdentifier)) {
    VisitChildren(node);
    return;
  }
  Visit(value);
  std::string name(Text(alias));
  Scope& scope = Current();
  int prev = -1;
  if (auto it = scope.names.find(name); it != scope.names.end()) {
    prev = it->second;
    scope.names.erase(it);
  }
  CheckUndefinedLocal(name);
  AddBinding(Binding{name, Kind::kAssignment, false, node, {}, {}, {}});
  for (TSNode c : flat_.NamedChildren(node)) {
    if (!ts_node_eq(c, alias) && !ts_node_eq(c, whole_value)) Visit(c);
  }
  Scope& after = Current();
  if (auto it = after.names.find(name); it != after.names.end()) {
    if (!bindings_[it->second].used) {
      TSPoint p = ts_node_start_point(node);
      facts_.unused_variables.push_back({Place{static_cast<int>(p.row) + 1, static_cast<int>(p.column)}, name});
    }
    after.names.erase(it);
  }
  if (prev >= 0) after.names[name] = prev;
}

// pyflakes' TRY: names caught by the handlers guard the body (`except NameError`).
void Walker::TryStatement(TSNode node) {
  std::vector<std::string> names;
  TSNode body = Field(node, field::kBody);
  const std::vector<TSNode> children = flat_.NamedChildren(node);
  for (TSNode c : children) {
    if (!Is(c, kind::kExceptClause) && !Is(c, kind::kExceptGroupClause)) continue;
    TSNode type = HandlerType(c);
    while (Is(type, kind::kParenthesizedExpression) && ts_node_named_child_count(type) == 1) {
      type = ts_node_named_child(type, 0);
    }
    if (Is(type, kind::kTuple)) {
      for (TSNode e : flat_.NamedChildren(type)) {
        if (Is(e, kind::kIdentifier)) names.emplace_back(Text(e));
      }
    } else if (Is(type, kind::kIdentifier)) {
      names.emplace_back(Text(type));
    }
  }
  handlers_.push_back(std::move(names));
  Visit(body);
  handlers_.pop_back();
  for (TSNode c : children) {
    if (!ts_node_eq(c, body)) Visit(c);
  }
}

// The exception type of an except clause, or a null node for a bare `except:`.
TSNode Walker::HandlerType(TSNode clause) {
  TSNode value = Field(clause, field::kValue);
  if (Is(value, kind::kAsPattern)) {
    for (TSNode c : flat_.NamedChildren(value)) {
      if (!Is(c, kind::kAsPatternTarget)) return c;
    }
    return TSNode{};
  }
  if (!ts_node_is_null(value)) return value;
  for (TSNode c : flat_.NamedChildren(clause)) {
    if (!Is(c, kind::kBlock) && !Is(c, kind::kComment)) return c;
  }
  return TSNode{};
}

void Walker::Global(TSNode node) {
  if (stack_.size() <= 1) return;
  for (TSNode id : flat_.NamedChildren(node)) {
    if (!Is(id, kind::kIdentifier)) continue;
    std::string name(Text(id));
    // pyflakes drops the undefined-name reports already made for a name declared global.
    std::erase_if(facts_.undefined_names, [&](const NameAt& u) { return u.name == name; });
    bindings_.push_back(Binding{name, Kind::kGlobal, true, node, {}, {}, {}});
    bindings_.back().used_scope = stack_[0];
    bindings_.back().used_at = node;
    int idx = static_cast<int>(bindings_.size()) - 1;
    scopes_[stack_[0]].names.emplace(name, idx);
    for (size_t s = 1; s < stack_.size(); ++s) scopes_[stack_[s]].names[name] = idx;
  }
}

void Walker::Delete(TSNode node) {
  for (TSNode c : flat_.NamedChildren(node)) DeleteTarget(c);
}

void Walker::DeleteTarget(TSNode target) {
  if (Is(target, kind::kIdentifier)) {
    if (OnConditionalBranch(target)) return;
    if (Current().names.erase(std::string(Text(target))) == 0) {
      facts_.undefined_names.push_back({Locate(target), std::string(Text(target))});
    }
  } else if (Is(target, kind::kExpressionList) || Is(target, kind::kTuple) || Is(target, kind::kList) ||
             Is(target, kind::kParenthesizedExpression)) {
    for (TSNode c : flat_.NamedChildren(target)) DeleteTarget(c);
  } else {
    Visit(target);
  }
}

// match/case: a bare name in a pattern captures, a dotted one is a value.
void Walker::CaseClause(TSNode node) {
  for (TSNode c : flat_.NamedChildren(node)) {
    if (Is(c, kind::kCasePattern)) {
      Pattern(c);
    } else {
      Visit(c);
    }
  }
}

void Walker::Pattern(TSNode node) {
  if (Is(node, kind::kDottedName)) {
    if (ts_node_named_child_count(node) == 1) {
      TSNode id = ts_node_named_child(node, 0);
      if (Text(id) != "_") CheckUndefinedLocal(std::string(Text(id)));
      if (Text(id) != "_") AddBinding(Binding{std::string(Text(id)), Kind::kBinding, false, id, {}, {}, {}});
    } else {
      Load(Text(ts_node_named_child(node, 0)), ts_node_named_child(node, 0));
    }
    return;
  }
  if (Is(node, kind::kIdentifier)) {
    if (Text(node) != "_") CheckUndefinedLocal(std::string(Text(node)));
    if (Text(node) != "_") AddBinding(Binding{std::string(Text(node)), Kind::kBinding, false, node, {}, {}, {}});
    return;
  }
  if (Is(node, kind::kClassPattern)) {
    const std::vector<TSNode> children = flat_.NamedChildren(node);
    for (size_t i = 0; i < children.size(); ++i) {
      TSNode c = children[i];
      if (i == 0 && Is(c, kind::kDottedName)) {
        Load(Text(ts_node_named_child(c, 0)), ts_node_named_child(c, 0));
      } else {
        Pattern(c);
      }
    }
    return;
  }
  if (Is(node, kind::kKeywordPattern)) {
    const std::vector<TSNode> children = flat_.NamedChildren(node);
    for (size_t i = 1; i < children.size(); ++i) Pattern(children[i]);
    return;
  }
  if (Is(node, kind::kString) || Is(node, kind::kInteger) || Is(node, kind::kFloat)) return;
  for (TSNode c : flat_.NamedChildren(node)) Pattern(c);
}

}  // namespace trajc::lint::semantic
