// The walker's dispatch over node kinds (pyflakes' handleChildren and its visitors),
// imports and definitions: what binds a name as it is met, and what is deferred.
#include <algorithm>
#include <string>

#include "lint/semantic/walker.h"
#include "python/children.h"
#include "python/node_kind.h"

namespace trajc::lint::semantic {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;
using python::Field;

// __future__.all_feature_names of CPython 3.11.
bool IsFutureFeature(std::string_view name) {
  for (std::string_view f : {"nested_scopes", "generators", "division", "absolute_import", "with_statement",
                             "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"}) {
    if (name == f) return true;
  }
  return false;
}

std::string Dotted(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

}  // namespace

void Walker::VisitChildren(TSNode node) {
  // Usually `node` is the entry being visited: no search for it then.
  size_t i = flat_.Find(node, visiting_);
  if (i == python::FlatTree::npos) {
    python::ForEachNamedChild(node, [this](TSNode c) { Visit(c); });
    return;
  }
  flat_.ForEachChildIndex(i, [this](size_t child) {
    size_t saved = visiting_;
    visiting_ = child;
    Visit(flat_.nodes()[child].node);
    visiting_ = saved;
  });
}

void Walker::Visit(TSNode node) {
  if (ts_node_is_null(node)) return;
  // From VisitChildren the node is flat_'s entry visiting_, whose symbol is in the array:
  // reading it there spares ts_node_symbol a trip into the tree's scattered subtrees.
  const auto& nodes = flat_.nodes();
  const TSSymbol symbol = visiting_ < nodes.size() && ts_node_eq(nodes[visiting_].node, node) ? nodes[visiting_].symbol
                                                                                             : ts_node_symbol(node);
  if (kind::kIdentifier.Matches(symbol)) {
    Load(Text(node), node);
  } else if (kind::kComment.Matches(symbol) || kind::kStringContent.Matches(symbol) ||
             kind::kEscapeSequence.Matches(symbol)) {
  } else if (kind::kImportStatement.Matches(symbol)) {
    ImportStatement(node);
  } else if (kind::kImportFromStatement.Matches(symbol)) {
    ImportFrom(node);
  } else if (kind::kFutureImportStatement.Matches(symbol)) {
    FutureImport(node, flat_.NamedChildren(node));
  } else if (kind::kDecoratedDefinition.Matches(symbol)) {
    flat_.ForEachNamedChild(node, [this](TSNode c) {
      if (Is(c, kind::kDecorator)) VisitChildren(c);
    });
    TSNode saved = decorated_;
    decorated_ = node;
    Visit(Field(node, field::kDefinition));
    decorated_ = saved;
  } else if (kind::kFunctionDefinition.Matches(symbol)) {
    FunctionDef(node);
  } else if (kind::kLambda.Matches(symbol)) {
    Lambda(node);
  } else if (kind::kClassDefinition.Matches(symbol)) {
    ClassDef(node);
  } else if (kind::kListComprehension.Matches(symbol) || kind::kSetComprehension.Matches(symbol) ||
             kind::kDictionaryComprehension.Matches(symbol) || kind::kGeneratorExpression.Matches(symbol)) {
    Comprehension(node);
  } else if (kind::kAssignment.Matches(symbol)) {
    AssignmentStatement(node, false);
  } else if (kind::kAugmentedAssignment.Matches(symbol)) {
    TSNode left = Field(node, field::kLeft);
    if (Is(left, kind::kIdentifier)) Load(Text(left), left);
    Visit(Field(node, field::kRight));
    Store(left, node, Kind::kAssignment);
  } else if (kind::kNamedExpression.Matches(symbol)) {
    Visit(Field(node, field::kValue));
    TSNode name = Field(node, field::kName);
    if (Is(name, kind::kIdentifier)) {
      CheckUndefinedLocal(std::string(Text(name)));
      AddBinding(Binding{std::string(Text(name)), Kind::kNamedExpr, false, name, {}, {}, {}}, true);
    }
  } else if (kind::kForStatement.Matches(symbol)) {
    HandleTypeComments(node);
    Visit(Field(node, field::kRight));
    Store(Field(node, field::kLeft), node, Kind::kBinding);
    Visit(Field(node, field::kBody));
    Visit(Field(node, field::kAlternative));
  } else if (kind::kWithItem.Matches(symbol)) {
    TSNode value = Field(node, field::kValue);
    if (Is(value, kind::kAsPattern)) {
      for (TSNode c : flat_.NamedChildren(value)) {
        if (Is(c, kind::kAsPatternTarget)) {
          for (TSNode target : flat_.NamedChildren(c)) Store(target, node, Kind::kBinding);
        } else {
          Visit(c);
        }
      }
    } else {
      Visit(value);
    }
  } else if (kind::kSubscript.Matches(symbol)) {
    Subscript(node);
  } else if (kind::kGenericType.Matches(symbol)) {
    GenericType(node);
  } else if (kind::kWithStatement.Matches(symbol)) {
    HandleTypeComments(node);
    VisitChildren(node);
  } else if (kind::kTryStatement.Matches(symbol)) {
    TryStatement(node);
  } else if (kind::kExceptClause.Matches(symbol) || kind::kExceptGroupClause.Matches(symbol)) {
    ExceptClause(node);
  } else if (kind::kGlobalStatement.Matches(symbol) || kind::kNonlocalStatement.Matches(symbol)) {
    Global(node);
  } else if (kind::kDeleteStatement.Matches(symbol)) {
    Delete(node);
  } else if (kind::kKeywordArgument.Matches(symbol)) {
    Visit(Field(node, field::kValue));
  } else if (kind::kAttribute.Matches(symbol)) {
    Visit(Field(node, field::kObject));
  } else if (kind::kCall.Matches(symbol)) {
    // pyflakes' NAME: `locals` whose parent is the Call — as the function called, or as
    // a positional argument (`exec(code, globals, locals)`) — keeps the function's
    // variables from being reported unused.
    if (Current().type == ScopeType::kFunction) {
      TSNode fn = Field(node, field::kFunction);
      bool uses = Is(fn, kind::kIdentifier) && Text(fn) == "locals";
      TSNode args = Field(node, field::kArguments);
      if (!uses && Is(args, kind::kArgumentList)) {
        flat_.ForEachNamedChild(args, [&](TSNode a) {
          uses = uses || (Is(a, kind::kIdentifier) && Text(a) == "locals");
        });
      }
      if (uses) Current().uses_locals = true;
    }
    TypingCast(node);
    VisitChildren(node);
  } else if (kind::kType.Matches(symbol)) {
    Annotation(node);
  } else if (kind::kString.Matches(symbol) || kind::kConcatenatedString.Matches(symbol)) {
    if (in_annotation_ && IsPlainString(node)) {
      deferred_.push_back({node, stack_, Deferred::kStringAnnotation});
    } else {
      VisitChildren(node);
    }
  } else if (kind::kCaseClause.Matches(symbol)) {
    CaseClause(node);
  } else if (kind::kReturnStatement.Matches(symbol) || kind::kYield.Matches(symbol) ||
             kind::kAwait.Matches(symbol)) {
    // pyflakes' RETURN and YIELD report one in a module or class scope (F706, F704) and
    // do not look inside it: names there are neither used nor undefined.
    if (Current().type == ScopeType::kModule || Current().type == ScopeType::kClass) return;
    VisitChildren(node);
  } else if (kind::kPrintStatement.Matches(symbol)) {
    // tree-sitter reads `print >> f, x` (valid Python 3: a tuple holding `print >> f`) as
    // Python 2's print statement; its `print` is a load all the same.
    Load("print", node);
    VisitChildren(node);
  } else if (kind::kKeywordSeparator.Matches(symbol) || kind::kPositionalSeparator.Matches(symbol) ||
             kind::kImportPrefix.Matches(symbol)) {
  } else {
    VisitChildren(node);
  }
}

void Walker::ImportStatement(TSNode node) {
  for (TSNode item : flat_.NamedChildren(node)) {
    if (Is(item, kind::kDottedName)) {
      std::string full = Dotted(Text(item));
      std::string name = full.substr(0, full.find('.'));
      Binding b{name, Kind::kImport, false, node, item, full, {}};
      b.full_name = full;
      b.submodule = full.find('.') != std::string::npos;
      AddBinding(std::move(b));
    } else if (Is(item, kind::kAliasedImport)) {
      std::string full = Dotted(Text(Field(item, field::kName)));
      std::string alias(Text(Field(item, field::kAlias)));
      size_t dot = full.rfind('.');
      std::string last = dot == std::string::npos ? full : full.substr(dot + 1);
      Binding b{alias, Kind::kImport, false, node, item, last == alias ? full : full + " as " + alias, {}};
      b.full_name = full;
      AddBinding(std::move(b));
    }
  }
}

void Walker::ImportFrom(TSNode node) {
  TSNode module = Field(node, field::kModuleName);
  std::string mod = Dotted(Text(module));
  // `from .__future__ import x`: pyflakes compares the module without its dots.
  if (mod.find_first_not_of('.') != std::string::npos && mod.substr(mod.find_first_not_of('.')) == "__future__") {
    std::vector<TSNode> items;
    for (TSNode item : flat_.NamedChildren(node)) {
      if (!ts_node_eq(item, module)) items.push_back(item);
    }
    FutureImport(node, items);
    return;
  }
  for (TSNode item : flat_.NamedChildren(node)) {
    if (ts_node_eq(item, module)) continue;
    std::string real, alias;
    if (Is(item, kind::kDottedName)) {
      real = Dotted(Text(item));
      alias = real;
    } else if (Is(item, kind::kAliasedImport)) {
      real = Dotted(Text(Field(item, field::kName)));
      alias = std::string(Text(Field(item, field::kAlias)));
    } else if (Is(item, kind::kWildcardImport)) {
      if (Current().type != ScopeType::kModule) {  // a SyntaxError only when CPython compiles it
        facts_.nested_star_imports.push_back({Locate(node), mod});
        continue;
      }
      Current().import_starred = true;
      facts_.star_imports.push_back({Locate(node), mod});
      Binding b{mod + ".*", Kind::kImport, false, node, item, mod + ".*", {}};
      b.star = true;
      b.full_name = mod;
      AddBinding(std::move(b));
      continue;
    } else {
      continue;
    }
    std::string full = (!mod.empty() && mod.back() == '.') ? mod + real : mod + "." + real;
    Binding b{alias, Kind::kImport, false, node, item, real != alias ? full + " as " + alias : full, {}};
    b.full_name = full;
    AddBinding(std::move(b));
  }
}

// pyflakes' futuresAllowed: a `from __future__` import is timely while every module-level
// statement before it is one too, or a string statement (each counts as a docstring).
// What is not at module level is never timely.
void Walker::ScanFutureImports(TSNode root) {
  for (TSNode c : flat_.NamedChildren(root)) {
    if (Is(c, kind::kComment)) continue;
    if (Is(c, kind::kFutureImportStatement)) {
      timely_futures_.insert(ts_node_start_byte(c));
      continue;
    }
    if (!IsStringStatement(c)) return;
  }
}

bool Walker::IsStringStatement(TSNode stmt) const {
  if (!Is(stmt, kind::kExpressionStatement) || ts_node_named_child_count(stmt) != 1) return false;
  TSNode e = ts_node_named_child(stmt, 0);
  while (Is(e, kind::kParenthesizedExpression) && ts_node_named_child_count(e) == 1) e = ts_node_named_child(e, 0);
  if (!Is(e, kind::kString) && !Is(e, kind::kConcatenatedString)) return false;
  // ast.Str: a str constant (no f-string, no bytes).
  for (TSNode part : Is(e, kind::kString) ? std::vector<TSNode>{e} : flat_.NamedChildren(e)) {
    std::string_view text = Text(part);
    std::string_view prefix = text.substr(0, text.find_first_of("'\""));
    if (prefix.find_first_of("bBfF") != std::string_view::npos) return false;
  }
  return true;
}

void Walker::FutureImport(TSNode node, const std::vector<TSNode>& items) {
  if (!timely_futures_.count(ts_node_start_byte(node)) || stack_.size() > 1) {
    facts_.late_future_imports.push_back(Locate(node));
  }
  for (TSNode item : items) {
    TSNode real = Is(item, kind::kAliasedImport) ? Field(item, field::kName) : item;
    TSNode name = Is(item, kind::kAliasedImport) ? Field(item, field::kAlias) : item;
    std::string feature = Dotted(Text(real));
    if (!IsFutureFeature(feature)) facts_.undefined_future_features.push_back({Locate(node), feature});
    Binding b{Dotted(Text(name)), Kind::kFuture, true, node, item, {}, {}};
    b.full_name = "__future__." + feature;
    AddBinding(std::move(b));
  }
}

// Defaults and annotations run in the enclosing scope at definition time.
void Walker::ParameterHeads(TSNode params) {
  if (ts_node_is_null(params)) return;
  for (TSNode p : flat_.NamedChildren(params)) {
    if (Is(p, kind::kDefaultParameter) || Is(p, kind::kTypedDefaultParameter)) {
      if (TSNode ty = Field(p, field::kType); !ts_node_is_null(ty)) Visit(ty);
      Visit(Field(p, field::kValue));
    } else if (Is(p, kind::kTypedParameter)) {
      Visit(Field(p, field::kType));
    }
  }
}

void Walker::BindParameters(TSNode params) {
  if (ts_node_is_null(params)) return;
  for (TSNode c : flat_.NamedChildren(params)) BindParameter(c);
}

void Walker::BindParameter(TSNode p) {
  if (Is(p, kind::kIdentifier)) {
    AddBinding(Binding{std::string(Text(p)), Kind::kArgument, false, p, {}, {}, {}});
  } else if (Is(p, kind::kDefaultParameter) || Is(p, kind::kTypedDefaultParameter)) {
    BindParameter(Field(p, field::kName));
  } else if (Is(p, kind::kTypedParameter) || Is(p, kind::kListSplatPattern) || Is(p, kind::kDictionarySplatPattern) ||
             Is(p, kind::kTuplePattern)) {
    for (TSNode c : flat_.NamedChildren(p)) {
      if (!Is(c, kind::kType)) BindParameter(c);
    }
  }
}

// pyflakes' LAMBDA: each parameter name met again is reported at the definition, once
// per repeat (CPython's parser accepts them; its symbol table refuses).
void Walker::DuplicateArguments(TSNode def, TSNode params) {
  if (ts_node_is_null(params)) return;
  std::vector<std::string_view> names;
  std::vector<TSNode> work = flat_.NamedChildren(params);
  std::reverse(work.begin(), work.end());
  while (!work.empty()) {  // parameters nest two levels at most, but a loop costs nothing
    TSNode p = work.back();
    work.pop_back();
    if (Is(p, kind::kIdentifier)) {
      names.push_back(Text(p));
    } else if (Is(p, kind::kDefaultParameter) || Is(p, kind::kTypedDefaultParameter)) {
      work.push_back(Field(p, field::kName));
    } else if (Is(p, kind::kTypedParameter) || Is(p, kind::kListSplatPattern) || Is(p, kind::kDictionarySplatPattern)) {
      std::vector<TSNode> inner = flat_.NamedChildren(p);
      for (size_t i = inner.size(); i-- > 0;) {
        if (!Is(inner[i], kind::kType)) work.push_back(inner[i]);
      }
    }
  }
  std::sort(names.begin(), names.end());
  for (size_t i = 1; i < names.size(); ++i) {
    if (names[i] == names[i - 1]) facts_.duplicate_arguments.push_back({Locate(def), std::string(names[i])});
  }
}

void Walker::FunctionDef(TSNode node) {
  TSNode saved_owner = annotation_owner_;
  annotation_owner_ = node;
  DuplicateArguments(node, Field(node, field::kParameters));
  ParameterHeads(Field(node, field::kParameters));
  if (TSNode r = Field(node, field::kReturnType); !ts_node_is_null(r)) Visit(r);
  annotation_owner_ = saved_owner;
  deferred_.push_back({node, stack_, Deferred::kFunctionBody});
  TSNode name = Field(node, field::kName);
  if (ts_node_is_null(name)) return;
  Binding b{std::string(Text(name)), Kind::kDefinition, false, name, {}, {}, {}};
  b.at = node;
  b.overload = HasOverloadDecorator(node);
  AddBinding(std::move(b));
}

bool Walker::HasOverloadDecorator(TSNode def) {
  // The decorated_definition being visited is def's parent when def is its definition
  // (ts_node_parent would search down from the root).
  TSNode parent = decorated_;
  if (ts_node_is_null(parent) || !ts_node_eq(Field(parent, field::kDefinition), def)) return false;
  for (TSNode c : flat_.NamedChildren(parent)) {
    if (!Is(c, kind::kDecorator) || ts_node_named_child_count(c) == 0) continue;
    TSNode e = ts_node_named_child(c, 0);
    if ((Is(e, kind::kIdentifier) && Text(e) == "overload") ||
        (Is(e, kind::kAttribute) && Text(Field(e, field::kAttribute)) == "overload")) {
      return true;
    }
  }
  return false;
}

void Walker::Lambda(TSNode node) {
  DuplicateArguments(node, Field(node, field::kParameters));
  ParameterHeads(Field(node, field::kParameters));
  deferred_.push_back({node, stack_, Deferred::kFunctionBody});
}

void Walker::RunFunction(TSNode node) {
  int id = Push(ScopeType::kFunction);
  function_scopes_.push_back(id);
  HandleTypeComments(node);
  BindParameters(Field(node, field::kParameters));
  Visit(Field(node, field::kBody));
  Pop();
}

void Walker::ClassDef(TSNode node) {
  Visit(Field(node, field::kSuperclasses));
  Push(ScopeType::kClass);
  Visit(Field(node, field::kBody));
  Pop();
  TSNode name = Field(node, field::kName);
  if (ts_node_is_null(name)) return;
  Binding b{std::string(Text(name)), Kind::kDefinition, false, name, {}, {}, {}};
  b.at = node;
  AddBinding(std::move(b));
}

void Walker::Comprehension(TSNode node) {
  Push(ScopeType::kGenerator);
  for (TSNode c : flat_.NamedChildren(node)) {
    if (Is(c, kind::kForInClause)) {
      Visit(Field(c, field::kRight));
      Store(Field(c, field::kLeft), c, Kind::kBinding);
    } else if (Is(c, kind::kIfClause)) {
      VisitChildren(c);
    }
  }
  Visit(Field(node, field::kBody));
  Pop();
}

}  // namespace trajc::lint::semantic
