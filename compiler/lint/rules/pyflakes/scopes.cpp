#include "lint/rules/pyflakes/scopes.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>
#include <string_view>

#include "python/children.h"
#include "python/node_kind.h"
#include "python/tokenize.h"

namespace trajc::lint {

namespace {

enum class Kind { kImport, kFuture, kAssignment, kNamedExpr, kBinding, kAnnotation, kArgument, kDefinition, kExport, kGlobal };

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

bool IsImportation(const Binding& b) { return b.kind == Kind::kImport || b.kind == Kind::kFuture; }
bool IsDefinition(const Binding& b) { return IsImportation(b) || b.kind == Kind::kDefinition; }
TSNode At(const Binding& b) { return ts_node_is_null(b.at) ? b.source : b.at; }

// pyflakes' Binding.redefines and its overrides.
bool Redefines(const Binding& value, const Binding& other) {
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

namespace kind = python::kind;
namespace field = python::field;

bool Is(TSNode n, const python::NodeKind& k) { return k.Of(n); }
TSNode Field(TSNode n, const python::FieldName& f) { return f.Of(n); }

// dir(builtins) of CPython 3.11 plus pyflakes' magic globals: a load of one of these
// never falls through to star imports.
const std::set<std::string_view>& Builtins() {
  static const std::set<std::string_view> kNames = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError",
    "__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__",
    "__package__", "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool",
    "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
    "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
    "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list",
    "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
    "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__file__",
    "__builtins__", "__annotations__", "WindowsError",
  };
  return kNames;
}

struct Deferred {
  TSNode node;
  std::vector<int> stack;
  int kind;  // 0 function body, 1 string annotation, 2 postponed annotation, 3 type comment
  std::string text{};  // kind 3: one part of the comment
  int row = 0;         // kind 3: where the comment starts (flake8's row, character column)
  int col = 0;
};

class Walker {
 public:
  Walker(const Source& src, const python::FlatTree& tree, bool package_init) : src_(src), flat_(tree), package_init_(package_init) {}

  ScopeReport Run() {
    TSNode root = src_.tree->root();
    DetectFutureAnnotations(root);
    CollectTypeComments(root);
    Push(ScopeType::kModule);
    VisitChildren(root);
    // Deferred work runs FIFO and may defer more.
    for (size_t i = 0; i < deferred_.size(); ++i) {
      Deferred d = deferred_[i];
      stack_ = d.stack;
      if (d.kind == 0) {
        RunFunction(d.node);
      } else if (d.kind == 1) {
        StringAnnotation(d.node);
      } else if (d.kind == 3) {
        TypeCommentPart(d);
      } else {
        bool saved = in_annotation_;
        in_annotation_ = true;
        VisitChildren(d.node);  // the `type` node itself would defer again
        in_annotation_ = saved;
      }
    }
    for (int fs : function_scopes_) {
      for (const auto& [name, idx] : scopes_[fs].names) {
        const Binding& b = bindings_[idx];
        if (b.used || name == "_" || scopes_[fs].uses_locals) continue;
        if (name == "__tracebackhide__" || name == "__traceback_info__" || name == "__traceback_supplement__") continue;
        if (b.kind != Kind::kAssignment && b.kind != Kind::kNamedExpr) continue;
        TSPoint p = ts_node_start_point(b.source);
        report_.unused_variables.push_back({static_cast<int>(p.row) + 1, static_cast<int>(p.column), name});
      }
    }
    for (size_t s = 0; s < scopes_.size(); ++s) {
      if (scopes_[s].type == ScopeType::kClass) continue;
      std::set<std::string, std::less<>> all;
      if (auto it = scopes_[s].names.find("__all__"); it != scopes_[s].names.end() && bindings_[it->second].kind == Kind::kExport) {
        const Binding& export_binding = bindings_[it->second];
        all.insert(export_binding.exports.begin(), export_binding.exports.end());
        std::vector<std::string> undefined;
        for (const std::string& name : export_binding.exports) {
          if (!scopes_[s].names.count(name) && !(s == 0 && Builtins().count(name))) undefined.push_back(name);
        }
        if (!undefined.empty() && !scopes_[s].import_starred && !package_init_) {
          for (const std::string& name : undefined) {
            Report("F822", export_binding.source, name, "undefined name '" + name + "' in __all__");
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
            Report("F405", export_binding.source, name,
                   "'" + name + "' may be undefined, or defined from star imports: " + JoinSorted(from));
          }
        }
      }
      for (const auto& [name, idx] : scopes_[s].names) {
        const Binding& b = bindings_[idx];
        if (!IsImportation(b)) continue;
        bool used = b.used || all.count(name);
        for (TSNode node : b.redefined) {
          if (!used) ReportRedefinition(node, b);
        }
        if (b.kind != Kind::kImport || used) continue;
        report_.unused_imports.push_back({b.source, b.item, b.full});
      }
    }
    return std::move(report_);
  }

 private:
  std::string_view Text(TSNode n) const { return src_.tree->TextOf(n); }

  void DetectFutureAnnotations(TSNode root) {
    for (TSNode c : flat_.NamedChildren(root)) {
      if (!Is(c, kind::kFutureImportStatement)) continue;
      for (TSNode item : flat_.NamedChildren(c)) {
        TSNode name = Is(item, kind::kAliasedImport) ? Field(item, field::kName) : item;
        if (Text(name) == "annotations") future_annotations_ = true;
      }
    }
  }

  int Push(ScopeType type) {
    scopes_.push_back(Scope{type, {}, false, false});
    int id = static_cast<int>(scopes_.size()) - 1;
    stack_.push_back(id);
    return id;
  }
  void Pop() { stack_.pop_back(); }
  Scope& Current() { return scopes_[stack_.back()]; }

  void AddBinding(Binding b, bool skip_generators = false) {
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
    bindings_.push_back(std::move(b));
    scopes_[target].names[bindings_.back().name] = static_cast<int>(bindings_.size()) - 1;
  }

  // pyflakes' addBinding check (F811): a name rebound while its definition or import was
  // never used, unless the two are on different branches of an if/try.
  void CheckRedefinition(const Binding& b) {
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
    // The cheap tests first: most rebindings are of a used name or a plain variable, and
    // DifferentForks / ParentIsFor walk up the tree with ts_node_parent.
    const bool same_scope = found == stack_.back();
    const bool flagged = same_scope ? !existing.used && Redefines(b, existing) && (b.name != "_" || IsImportation(existing)) && !existing.overload
                                    : IsImportation(existing) && Redefines(b, existing);
    if (!flagged) return;
    TSNode node = At(b);
    if (DifferentForks(node, At(existing))) return;
    if (IsImportation(existing) && ParentIsFor(b)) return;  // F402
    if (same_scope) {
      ReportRedefinition(node, existing);
    } else {
      existing.redefined.push_back(node);
    }
  }

  void ReportRedefinition(TSNode node, const Binding& existing) {
    int line = static_cast<int>(ts_node_start_point(At(existing)).row) + 1;
    Report("F811", node, existing.name, "redefinition of unused '" + existing.name + "' from line " + std::to_string(line));
  }

  static bool ParentIsFor(const Binding& b) {
    if (!Is(b.source, kind::kIdentifier)) return false;
    TSNode p = ts_node_parent(b.source);
    while (Is(p, kind::kPatternList) || Is(p, kind::kTuplePattern) || Is(p, kind::kListPattern) || Is(p, kind::kListSplatPattern) ||
           Is(p, kind::kTuple) || Is(p, kind::kList) || Is(p, kind::kParenthesizedExpression) || Is(p, kind::kExpressionList)) {
      p = ts_node_parent(p);
    }
    return Is(p, kind::kForStatement);
  }

  // The direct child of `ancestor` that contains `node`.
  static TSNode ChildToward(TSNode ancestor, TSNode node) {
    TSNode cur = node;
    for (TSNode p = ts_node_parent(cur); !ts_node_is_null(p); cur = p, p = ts_node_parent(p)) {
      if (ts_node_eq(p, ancestor)) return cur;
    }
    return TSNode{};
  }

  static bool Contains(TSNode outer, TSNode inner) {
    return ts_node_start_byte(outer) <= ts_node_start_byte(inner) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
  }

  // pyflakes' differentForks: the nearest common ancestor is an `if` or `try` and the two
  // nodes sit in different alternatives (if: body vs the rest; try: body+else, each handler).
  static bool DifferentForks(TSNode a, TSNode b) {
    std::vector<TSNode> chain;
    for (TSNode cur = a; !ts_node_is_null(cur); cur = ts_node_parent(cur)) chain.push_back(cur);
    TSNode common{};
    for (TSNode cur = b; !ts_node_is_null(cur) && ts_node_is_null(common); cur = ts_node_parent(cur)) {
      for (TSNode c : chain) {
        if (ts_node_eq(c, cur)) {
          common = cur;
          break;
        }
      }
    }
    if (ts_node_is_null(common) || ts_node_eq(common, a) || ts_node_eq(common, b)) return false;
    while (Is(common, kind::kBlock) || Is(common, kind::kElifClause) || Is(common, kind::kElseClause) || Is(common, kind::kExceptClause) ||
           Is(common, kind::kFinallyClause)) {
      common = ts_node_parent(common);
    }
    if (Is(common, kind::kIfStatement)) {
      auto where = [&](TSNode n, int& level, bool& in_body) {
        TSNode child = ChildToward(common, n);
        level = 0;
        in_body = false;
        if (ts_node_eq(child, Field(common, field::kConsequence))) {
          in_body = true;
          return;
        }
        int elifs = 0;
        for (TSNode c : python::NamedChildren(common)) {
          if (Is(c, kind::kElifClause)) ++elifs;
          if (!ts_node_eq(c, child)) continue;
          if (Is(c, kind::kElifClause)) {
            level = elifs;
            TSNode body = Field(c, field::kConsequence);
            in_body = !ts_node_is_null(body) && Contains(body, n);
          } else if (Is(c, kind::kElseClause)) {
            level = elifs + 1;
          }
        }
      };
      int la = 0, lb = 0;
      bool ba = false, bb = false;
      where(a, la, ba);
      where(b, lb, bb);
      int m = std::min(la, lb);
      return (la == m && ba) != (lb == m && bb);
    }
    if (Is(common, kind::kTryStatement)) {
      const std::vector<TSNode> clauses = python::NamedChildren(common);
      for (TSNode c : clauses) {
        if (Is(c, kind::kExceptGroupClause)) return false;  // ast.TryStar has no forks
      }
      auto part = [&](TSNode n) {
        TSNode child = ChildToward(common, n);
        if (Is(child, kind::kFinallyClause)) return -1;
        int handler = 0;
        for (TSNode c : clauses) {
          if (Is(c, kind::kExceptClause)) ++handler;
          if (ts_node_eq(c, child)) return Is(c, kind::kExceptClause) ? handler : 0;
        }
        return 0;
      };
      return part(a) != part(b);
    }
    return false;
  }

  // pyflakes' handleNodeLoad: the innermost binding wins; class scopes are seen only from
  // their own body and from comprehensions directly in it; a bare annotation (`x: int`)
  // is no binding outside postponed annotations.
  void Load(std::string_view name, TSNode at) {
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
      if (i == 0 && Builtins().count(name)) {
        builtin_used_[std::string(name)] = {stack_.back(), at};
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
      Report("F405", at, name, "'" + std::string(name) + "' may be undefined, or defined from star imports: " + JoinSorted(from));
      return;
    }
    if (name == "__path__" && package_init_) return;
    if ((name == "__module__" || name == "__qualname__") && Current().type == ScopeType::kClass) return;
    const std::vector<std::string>& guards = handlers_.back();
    if (std::find(guards.begin(), guards.end(), "NameError") != guards.end()) return;
    Report("F821", at, name, "undefined name '" + std::string(name) + "'");
  }

  static std::string StarModule(const Binding& b) { return b.full.substr(0, b.full.size() - 2); }

  static std::string JoinSorted(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  void Report(const char* code, TSNode at, std::string_view name, std::string message) {
    TSPoint p = ts_node_start_point(at);
    int row = static_cast<int>(p.row) + 1, col = static_cast<int>(p.column);
    if (override_row_ >= 0) {
      row = override_row_;
      col = override_col_;
    }
    report_.names.push_back({code, row, col, std::string(name), std::move(message)});
  }

  // pyflakes' handleNodeStore check: a name stored in a function after that function read
  // it from an enclosing function or module scope (F823).
  void CheckUndefinedLocal(const std::string& name) {
    int cur = stack_.back();
    if (scopes_[cur].type != ScopeType::kFunction || scopes_[cur].names.count(name)) return;
    if (name == "__tracebackhide__" || name == "__traceback_info__" || name == "__traceback_supplement__") return;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Scope& scope = scopes_[stack_[i]];
      if (scope.type != ScopeType::kFunction && scope.type != ScopeType::kModule) continue;
      if (auto it = scope.names.find(name); it != scope.names.end()) {
        const Binding& b = bindings_[it->second];
        if (!b.used || b.used_scope != cur) continue;
        int line = static_cast<int>(ts_node_start_point(b.source).row) + 1;
        Report("F823", b.used_at, name,
               "local variable '" + name + "' defined in enclosing scope on line " + std::to_string(line) +
                   " referenced before assignment");
        return;
      }
      if (i == 0 && Builtins().count(name)) {
        auto bt = builtin_used_.find(name);
        if (bt == builtin_used_.end() || bt->second.first != cur) continue;
        Report("F823", bt->second.second, name, "local variable '" + name + "' defined as a builtin referenced before assignment");
        return;
      }
    }
  }

  // --- statements and expressions -------------------------------------------------------

  void VisitChildren(TSNode node) {
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

  void Visit(TSNode node) {
    if (ts_node_is_null(node)) return;
    const TSSymbol symbol = ts_node_symbol(node);
    if (kind::kIdentifier.Matches(symbol)) {
      Load(Text(node), node);
    } else if (kind::kComment.Matches(symbol) || kind::kStringContent.Matches(symbol) || kind::kEscapeSequence.Matches(symbol)) {
    } else if (kind::kImportStatement.Matches(symbol)) {
      ImportStatement(node);
    } else if (kind::kImportFromStatement.Matches(symbol)) {
      ImportFrom(node);
    } else if (kind::kFutureImportStatement.Matches(symbol)) {
      FutureImport(node);
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
    } else if (kind::kListComprehension.Matches(symbol) || kind::kSetComprehension.Matches(symbol) || kind::kDictionaryComprehension.Matches(symbol) || kind::kGeneratorExpression.Matches(symbol)) {
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
      if (Is(name, kind::kIdentifier)) CheckUndefinedLocal(std::string(Text(name)));
      if (Is(name, kind::kIdentifier)) AddBinding(Binding{std::string(Text(name)), Kind::kNamedExpr, false, name, {}, {}, {}}, true);
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
      TSNode fn = Field(node, field::kFunction);
      if (Is(fn, kind::kIdentifier) && Text(fn) == "locals" && Current().type == ScopeType::kFunction) Current().uses_locals = true;
      VisitChildren(node);
    } else if (kind::kType.Matches(symbol)) {
      Annotation(node);
    } else if (kind::kString.Matches(symbol) || kind::kConcatenatedString.Matches(symbol)) {
      if (in_annotation_ && IsPlainString(node)) {
        deferred_.push_back({node, stack_, 1});
      } else {
        VisitChildren(node);
      }
    } else if (kind::kCaseClause.Matches(symbol)) {
      CaseClause(node);
    } else if (kind::kKeywordSeparator.Matches(symbol) || kind::kPositionalSeparator.Matches(symbol) || kind::kImportPrefix.Matches(symbol)) {
    } else {
      VisitChildren(node);
    }
  }

  bool IsPlainString(TSNode node) const {
    if (Is(node, kind::kConcatenatedString)) {
      for (TSNode c : flat_.NamedChildren(node)) {
        if (!IsPlainString(c)) return false;
      }
      return true;
    }
    for (TSNode c : flat_.NamedChildren(node)) {
      if (Is(c, kind::kInterpolation)) return false;
    }
    return true;
  }

  void Annotation(TSNode node) {
    if (future_annotations_) {
      deferred_.push_back({node, stack_, 2});
      return;
    }
    bool saved = in_annotation_;
    in_annotation_ = true;
    VisitChildren(node);
    in_annotation_ = saved;
  }

  // Names in a string annotation: tokenize its contents, every NAME not after a '.' loads.
  void StringAnnotation(TSNode node) {
    std::string content;
    CollectStringContent(node, content);
    std::string text = content + "\n";
    auto lines = python::SplitLines(text);
    python::Tokens toks = python::Tokenize(lines);
    std::string_view prev;
    bool saved = postponed_;
    postponed_ = true;
    string_annotation_ = node;
    for (const auto& tok : toks.tokens) {
      if (tok.type == python::TokenType::kName && prev != ".") Load(tok.text, node);
      if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline) prev = tok.text;
    }
    postponed_ = saved;
    string_annotation_ = TSNode{};
  }

  // pyflakes' type comments: a `# type:` comment (not `# type: ignore`) belongs to the
  // last Assign/For/With/def starting on its line or before; its parts (`(args) -> ret`
  // split in two) are read like string annotations, deferred, and reported at the `#`.
  void CollectTypeComments(TSNode root) {
    std::vector<const python::Token*> comments;
    for (const python::Token& tok : src_.tokens.tokens) {
      if (tok.type != python::TokenType::kComment) continue;
      std::string_view text = tok.text;
      size_t i = 1;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f' || text[i] == '\v')) ++i;
      if (text.substr(0, 1) != "#" || text.substr(i, 5) != "type:") continue;
      size_t j = i + 5;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\f' || text[j] == '\v')) ++j;
      if (text.substr(j, 6) == "ignore") {
        bool alnum_after = j + 6 < text.size() && (std::isalnum(static_cast<unsigned char>(text[j + 6])) != 0 ||
                                                   static_cast<unsigned char>(text[j + 6]) >= 0x80);
        if (!alnum_after) continue;
      }
      comments.push_back(&tok);
    }
    if (comments.empty()) return;  // the common case: no need to walk the tree
    std::map<int, TSNode> typeable;  // start row -> last typeable node starting there
    CollectTypeable(root, false, typeable);
    for (const python::Token* tok : comments) {
      auto it = typeable.upper_bound(tok->start_row);
      if (it == typeable.begin()) continue;
      --it;
      type_comments_[ts_node_start_byte(it->second)].push_back(tok);
    }
  }

  void CollectTypeable(TSNode node, bool parent_is_assignment, std::map<int, TSNode>& out) {
    const bool assignment = Is(node, kind::kAssignment);
    bool typeable = Is(node, kind::kForStatement) || Is(node, kind::kWithStatement) || Is(node, kind::kFunctionDefinition) ||
                    (assignment && !parent_is_assignment && ts_node_is_null(Field(node, field::kType)));
    if (typeable) out[static_cast<int>(ts_node_start_point(node).row) + 1] = node;
    flat_.ForEachNamedChild(node, [&](TSNode c) { CollectTypeable(c, assignment, out); });
  }

  void HandleTypeComments(TSNode node) {
    auto it = type_comments_.find(ts_node_start_byte(node));
    if (it == type_comments_.end()) return;
    for (const python::Token* tok : it->second) {
      std::string_view text = tok->text;
      std::string comment(text.substr(text.find(':') + 1));
      size_t b = comment.find_first_not_of(" \t\f\v");
      size_t e = comment.find_last_not_of(" \t\f\v\r\n");
      comment = b == std::string::npos ? std::string() : comment.substr(b, e - b + 1);
      std::vector<std::string> parts;
      size_t arrow = comment.find("->");
      if (!comment.empty() && comment[0] == '(' && arrow != std::string::npos && comment.rfind(')', arrow) != std::string::npos) {
        std::string args = comment.substr(0, comment.rfind(')', arrow) + 1);
        std::erase(args, '*');
        std::string ret = comment.substr(arrow + 2);
        size_t rb = ret.find_first_not_of(" \t");
        parts.push_back(args);
        parts.push_back(rb == std::string::npos ? std::string() : ret.substr(rb));
      } else {
        parts.push_back(comment);
      }
      int row = tok->start_row;
      int col = src_.CharColumn(row, tok->start_col);
      for (std::string& part : parts) {
        Deferred d{node, stack_, 3};
        d.text = std::move(part);
        d.row = row;
        d.col = col;
        deferred_.push_back(std::move(d));
      }
    }
  }

  void TypeCommentPart(const Deferred& d) {
    std::string text = d.text + "\n";
    auto lines = python::SplitLines(text);
    python::Tokens toks = python::Tokenize(lines);
    if (!toks.ok) return;
    // A part that is not one expression is F723 and binds nothing; two names in a row is
    // the common way a comment fails to parse.
    const python::Token* last = nullptr;
    for (const auto& tok : toks.tokens) {
      if (tok.type == python::TokenType::kErrorToken) return;
      if (last != nullptr && last->type == python::TokenType::kName && tok.type == python::TokenType::kName && !IsKeyword(last->text) && !IsKeyword(tok.text)) return;
      if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline && tok.type != python::TokenType::kEndMarker) last = &tok;
    }
    override_row_ = d.row;
    override_col_ = d.col;
    std::string_view prev;
    for (const auto& tok : toks.tokens) {
      if (tok.type == python::TokenType::kName && prev != "." && !IsKeyword(tok.text)) Load(tok.text, d.node);
      if (tok.type != python::TokenType::kNl && tok.type != python::TokenType::kNewline) prev = tok.text;
    }
    override_row_ = -1;
  }

  static bool IsKeyword(std::string_view w) {
    static const std::set<std::string_view> kKeywords = {
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
        "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield"};
    return kKeywords.count(w) != 0;
  }

  void CollectStringContent(TSNode node, std::string& out) {
    for (TSNode c : flat_.NamedChildren(node)) {
      if (Is(c, kind::kStringContent) || Is(c, kind::kEscapeSequence)) {
        out += Text(c);
      } else if (Is(c, kind::kString)) {
        CollectStringContent(c, out);
      }
    }
  }

  // --- imports ------------------------------------------------------------------------------

  static std::string Dotted(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r') out.push_back(c);
    }
    return out;
  }

  void ImportStatement(TSNode node) {
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

  void ImportFrom(TSNode node) {
    TSNode module = Field(node, field::kModuleName);
    std::string mod = Dotted(Text(module));
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
        if (Current().type != ScopeType::kModule) continue;  // F406, a SyntaxError in Python 3
        Current().import_starred = true;
        Report("F403", node, mod, "'from " + mod + " import *' used; unable to detect undefined names");
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

  void FutureImport(TSNode node) {
    for (TSNode item : flat_.NamedChildren(node)) {
      TSNode name = Is(item, kind::kAliasedImport) ? Field(item, field::kAlias) : item;
      Binding b{Dotted(Text(name)), Kind::kFuture, true, node, item, {}, {}};
      b.full_name = "__future__." + Dotted(Text(Is(item, kind::kAliasedImport) ? Field(item, field::kName) : item));
      AddBinding(std::move(b));
    }
  }

  // --- definitions --------------------------------------------------------------------------

  // Defaults and annotations run in the enclosing scope at definition time.
  void ParameterHeads(TSNode params) {
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

  void BindParameters(TSNode params) {
    if (ts_node_is_null(params)) return;
    for (TSNode c : flat_.NamedChildren(params)) BindParameter(c);
  }

  void BindParameter(TSNode p) {
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

  void FunctionDef(TSNode node) {
    ParameterHeads(Field(node, field::kParameters));
    if (TSNode r = Field(node, field::kReturnType); !ts_node_is_null(r)) Visit(r);
    deferred_.push_back({node, stack_, 0});
    TSNode name = Field(node, field::kName);
    if (ts_node_is_null(name)) return;
    Binding b{std::string(Text(name)), Kind::kDefinition, false, name, {}, {}, {}};
    b.at = node;
    b.overload = HasOverloadDecorator(node);
    AddBinding(std::move(b));
  }

  bool HasOverloadDecorator(TSNode def) {
    // The decorated_definition being visited is def's parent when def is its definition
    // (ts_node_parent would search down from the root).
    TSNode parent = decorated_;
    if (ts_node_is_null(parent) || !ts_node_eq(Field(parent, field::kDefinition), def)) return false;
    for (TSNode c : flat_.NamedChildren(parent)) {
      if (!Is(c, kind::kDecorator) || ts_node_named_child_count(c) == 0) continue;
      TSNode e = ts_node_named_child(c, 0);
      if ((Is(e, kind::kIdentifier) && Text(e) == "overload") || (Is(e, kind::kAttribute) && Text(Field(e, field::kAttribute)) == "overload")) return true;
    }
    return false;
  }

  void Lambda(TSNode node) {
    ParameterHeads(Field(node, field::kParameters));
    deferred_.push_back({node, stack_, 0});
  }

  void RunFunction(TSNode node) {
    int id = Push(ScopeType::kFunction);
    function_scopes_.push_back(id);
    HandleTypeComments(node);
    BindParameters(Field(node, field::kParameters));
    Visit(Field(node, field::kBody));
    Pop();
  }

  void ClassDef(TSNode node) {
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

  void Comprehension(TSNode node) {
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

  // --- assignments --------------------------------------------------------------------------

  static bool HasElts(TSNode n) {
    return Is(n, kind::kPatternList) || Is(n, kind::kTuplePattern) || Is(n, kind::kListPattern) || Is(n, kind::kExpressionList) ||
           Is(n, kind::kTuple) || Is(n, kind::kList);
  }

  // An assignment statement; `nested` when it is the right side of another assignment,
  // whose type comment is the outer one's.
  void AssignmentStatement(TSNode node, bool nested) {
    if (!nested) HandleTypeComments(node);
    Assignment(node);
  }

  // The right side of an assignment: its parent is known, so a nested assignment there
  // (`a = b: int = 1` as tree-sitter recovers it) needs no ts_node_parent.
  void VisitAssignedValue(TSNode value) {
    if (Is(value, kind::kAssignment)) {
      AssignmentStatement(value, true);
    } else {
      Visit(value);
    }
  }

  void Assignment(TSNode node) {
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
      Visit(type);
      if (has_value) VisitAssignedValue(value);
      return;
    }
    VisitAssignedValue(value);
    for (TSNode t : targets) Store(t, node, literal_unpacking ? Kind::kAssignment : Kind::kBinding, true, value);
  }

  // A store target; `direct` kind applies to a bare name, `nested` to names inside tuples.
  void Store(TSNode target, TSNode stmt, Kind nested, bool top = true, TSNode value = {}) {
    if (ts_node_is_null(target)) return;
    if (Is(target, kind::kIdentifier)) {
      Kind kind = nested;
      // A bare name directly under its statement (or `with ... as name`) is an Assignment.
      if (top && (Is(stmt, kind::kAssignment) || Is(stmt, kind::kAugmentedAssignment) || Is(stmt, kind::kWithItem))) kind = Kind::kAssignment;
      StoreName(target, kind, stmt, value);
    } else if (Is(target, kind::kPatternList) || Is(target, kind::kTuplePattern) || Is(target, kind::kListPattern) ||
               Is(target, kind::kListSplatPattern) || Is(target, kind::kParenthesizedExpression) || Is(target, kind::kTuple) ||
               Is(target, kind::kList) || Is(target, kind::kExpressionList)) {
      bool paren = Is(target, kind::kParenthesizedExpression);
      for (TSNode c : flat_.NamedChildren(target)) Store(c, stmt, nested, top && paren, value);
    } else {
      Visit(target);  // attribute / subscript: their objects are loads
    }
  }

  void StoreName(TSNode name, Kind kind, TSNode stmt, TSNode value) {
    std::string n(Text(name));
    CheckUndefinedLocal(n);
    if (n == "__all__" && Current().type == ScopeType::kModule && (kind == Kind::kAssignment || kind == Kind::kAnnotation) &&
        (Is(stmt, kind::kAssignment) || Is(stmt, kind::kAugmentedAssignment))) {
      Binding b{n, Kind::kExport, false, name, {}, {}, {}};
      if (Is(stmt, kind::kAugmentedAssignment)) {
        if (auto it = Current().names.find("__all__"); it != Current().names.end() && bindings_[it->second].kind == Kind::kExport) {
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

  void AddStrings(TSNode container, std::vector<std::string>& out) {
    for (TSNode c : flat_.NamedChildren(container)) {
      if (Is(c, kind::kString) && IsPlainString(c)) {
        std::string s;
        CollectStringContent(c, s);
        out.push_back(s);
      }
    }
  }

  void CollectExports(TSNode value, std::vector<std::string>& out) {
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

  // --- other statements ---------------------------------------------------------------------

  void ExceptClause(TSNode node) {
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
        report_.unused_variables.push_back({static_cast<int>(p.row) + 1, static_cast<int>(p.column), name});
      }
      after.names.erase(it);
    }
    if (prev >= 0) after.names[name] = prev;
  }

  bool IsNameOrAttr(TSNode n, std::string_view name) const {
    return (Is(n, kind::kIdentifier) && Text(n) == name) || (Is(n, kind::kAttribute) && Text(Field(n, field::kAttribute)) == name);
  }

  const Binding* Innermost(std::string_view name) const {
    for (size_t i = stack_.size(); i-- > 0;) {
      auto it = scopes_[stack_[i]].names.find(name);
      if (it != scopes_[stack_[i]].names.end()) return &bindings_[it->second];
    }
    return nullptr;
  }

  static bool IsTypingModule(std::string_view m) { return m == "typing" || m == "typing_extensions"; }

  // pyflakes' _is_any_typing_member: `X` from `from typing import X`, or `typing.X`.
  bool IsTypingMember(TSNode value) const {
    if (Is(value, kind::kIdentifier)) {
      const Binding* b = Innermost(Text(value));
      if (b == nullptr || b->kind != Kind::kImport || !Is(b->source, kind::kImportFromStatement)) return false;
      size_t dot = b->full_name.rfind('.');
      return dot != std::string::npos && IsTypingModule(std::string_view(b->full_name).substr(0, dot));
    }
    if (Is(value, kind::kAttribute) && Is(Field(value, field::kObject), kind::kIdentifier)) {
      const Binding* b = Innermost(Text(Field(value, field::kObject)));
      return b != nullptr && IsImportation(*b) && IsTypingModule(b->full_name);
    }
    return false;
  }

  // pyflakes' SUBSCRIPT: strings in `Literal[...]` and in the metadata of `Annotated[T, ...]`
  // are values, not forward references.
  void Subscript(TSNode node) {
    TSNode value = Field(node, field::kValue);
    bool saved = in_annotation_;
    if (IsNameOrAttr(value, "Literal")) {
      in_annotation_ = false;
      VisitChildren(node);
      in_annotation_ = saved;
      return;
    }
    if (!IsNameOrAttr(value, "Annotated")) {
      // `Optional["X"]` anywhere: a member of typing makes its subscript an annotation.
      if (IsTypingMember(value)) in_annotation_ = true;
      VisitChildren(node);
      in_annotation_ = saved;
      return;
    }
    Visit(value);
    std::vector<TSNode> elts;
    for (TSNode c : flat_.NamedChildren(node)) {
      if (!ts_node_eq(c, value) && !Is(c, kind::kComment)) elts.push_back(c);
    }
    if (elts.size() == 1 && Is(elts[0], kind::kTuple)) {
      TSNode tuple = elts[0];
      elts.clear();
      for (TSNode c : flat_.NamedChildren(tuple)) {
        if (!Is(c, kind::kComment)) elts.push_back(c);
      }
    }
    if (elts.size() < 2) {
      for (TSNode e : elts) Visit(e);
      return;
    }
    Visit(elts[0]);
    in_annotation_ = false;
    for (size_t i = 1; i < elts.size(); ++i) Visit(elts[i]);
    in_annotation_ = saved;
  }

  // `Literal[...]` / `Annotated[...]` as tree-sitter parses them in a type position.
  void GenericType(TSNode node) {
    TSNode head{};
    std::vector<TSNode> elts;
    for (TSNode c : flat_.NamedChildren(node)) {
      if (Is(c, kind::kIdentifier) && ts_node_is_null(head)) {
        head = c;
      } else if (Is(c, kind::kTypeParameter)) {
        for (TSNode t : flat_.NamedChildren(c)) {
          if (Is(t, kind::kType)) elts.push_back(t);
        }
      }
    }
    Visit(head);
    bool saved = in_annotation_;
    auto value = [&](TSNode type) {
      in_annotation_ = false;
      VisitChildren(type);
      in_annotation_ = saved;
    };
    std::string_view name = ts_node_is_null(head) ? std::string_view() : Text(head);
    if (name == "Literal") {
      for (TSNode e : elts) value(e);
      return;
    }
    if (name == "Annotated" && elts.size() >= 2) {
      Visit(elts[0]);
      for (size_t i = 1; i < elts.size(); ++i) value(elts[i]);
      return;
    }
    for (TSNode e : elts) Visit(e);
  }

  // pyflakes' TRY: names caught by the handlers guard the body (`except NameError`).
  void TryStatement(TSNode node) {
    std::vector<std::string> names;
    TSNode body = Field(node, field::kBody);
    const std::vector<TSNode> children = flat_.NamedChildren(node);
    for (TSNode c : children) {
      if (!Is(c, kind::kExceptClause) && !Is(c, kind::kExceptGroupClause)) continue;
      TSNode type = HandlerType(c);
      while (Is(type, kind::kParenthesizedExpression) && ts_node_named_child_count(type) == 1) type = ts_node_named_child(type, 0);
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
  TSNode HandlerType(TSNode clause) {
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

  void Global(TSNode node) {
    if (stack_.size() <= 1) return;
    for (TSNode id : flat_.NamedChildren(node)) {
      if (!Is(id, kind::kIdentifier)) continue;
      std::string name(Text(id));
      std::erase_if(report_.names, [&](const NameMessage& m) { return m.code == "F821" && m.name == name; });
      bindings_.push_back(Binding{name, Kind::kGlobal, true, node, {}, {}, {}});
      bindings_.back().used_scope = stack_[0];
      bindings_.back().used_at = node;
      int idx = static_cast<int>(bindings_.size()) - 1;
      scopes_[stack_[0]].names.emplace(name, idx);
      for (size_t s = 1; s < stack_.size(); ++s) scopes_[stack_[s]].names[name] = idx;
    }
  }

  bool OnConditionalBranch(TSNode node) {
    for (TSNode cur = ts_node_parent(node); !ts_node_is_null(cur); cur = ts_node_parent(cur)) {
      if (Is(cur, kind::kIfStatement) || Is(cur, kind::kWhileStatement) || Is(cur, kind::kConditionalExpression)) return true;
    }
    return false;
  }

  void Delete(TSNode node) {
    for (TSNode c : flat_.NamedChildren(node)) DeleteTarget(c);
  }

  void DeleteTarget(TSNode target) {
    if (Is(target, kind::kIdentifier)) {
      if (OnConditionalBranch(target)) return;
      if (Current().names.erase(std::string(Text(target))) == 0) {
        Report("F821", target, Text(target), "undefined name '" + std::string(Text(target)) + "'");
      }
    } else if (Is(target, kind::kExpressionList) || Is(target, kind::kTuple) || Is(target, kind::kList) ||
               Is(target, kind::kParenthesizedExpression)) {
      for (TSNode c : flat_.NamedChildren(target)) DeleteTarget(c);
    } else {
      Visit(target);
    }
  }

  // match/case: a bare name in a pattern captures, a dotted one is a value.
  void CaseClause(TSNode node) {
    for (TSNode c : flat_.NamedChildren(node)) {
      if (Is(c, kind::kCasePattern)) {
        Pattern(c);
      } else {
        Visit(c);
      }
    }
  }

  void Pattern(TSNode node) {
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
  bool in_annotation_ = false;
  bool postponed_ = false;
  int override_row_ = -1;  // names of a type comment are reported at the comment
  int override_col_ = 0;
  std::map<uint32_t, std::vector<const python::Token*>> type_comments_;  // typeable node start -> comments
  TSNode string_annotation_{};
  TSNode decorated_{};  // the decorated_definition whose definition is being visited  // names of a string annotation are reported at the string
  std::vector<std::vector<std::string>> handlers_{{}};  // exception names guarding the code
  std::map<std::string, std::pair<int, TSNode>, std::less<>> builtin_used_;
  ScopeReport report_;
};

}  // namespace

ScopeReport AnalyzeScopes(const Source& src, const python::FlatTree& tree, bool package_init) {
  if (!src.tree) return {};
  return Walker(src, tree, package_init).Run();
}

}  // namespace trajc::lint
