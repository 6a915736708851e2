#include "domains/pytest/pinned.h"

#include <algorithm>
#include <string_view>

#include "domains/pytest/canonical.h"
#include "python/doctest.h"

namespace trajc::domains::pytest {

namespace {

std::string_view Type(TSNode n) { return ts_node_type(n); }

// Python's builtin exception classes a fixture is likely to raise, each with its base.
const std::map<std::string, std::string>& BuiltinBases() {
  static const std::map<std::string, std::string> bases = {
      {"Exception", "BaseException"}, {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
      {"OverflowError", "ArithmeticError"}, {"FloatingPointError", "ArithmeticError"}, {"LookupError", "Exception"},
      {"KeyError", "LookupError"}, {"IndexError", "LookupError"}, {"ValueError", "Exception"},
      {"UnicodeError", "ValueError"}, {"TypeError", "Exception"}, {"AttributeError", "Exception"},
      {"NameError", "Exception"}, {"RuntimeError", "Exception"}, {"NotImplementedError", "RuntimeError"},
      {"RecursionError", "RuntimeError"}, {"AssertionError", "Exception"}, {"OSError", "Exception"},
      {"FileNotFoundError", "OSError"}, {"PermissionError", "OSError"}, {"StopIteration", "Exception"},
      {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"}, {"EOFError", "Exception"},
      {"MemoryError", "Exception"}, {"KeyboardInterrupt", "BaseException"}, {"SystemExit", "BaseException"},
      {"GeneratorExit", "BaseException"}};
  return bases;
}

// What one example is, read with tree-sitter: its canonical spelling, whether it binds
// names, and whether it is a call of `callee` with literal arguments only.
struct Reading {
  bool parsed = false;
  std::string canonical;
  bool assignment = false;
  std::vector<std::string> assigned;
  bool literal_call_of_callee = false;
  bool prints = false;
};

Reading Read(const std::string& source, const std::string& callee) {
  Reading r;
  python::SourceTree tree = python::SourceTree::Parse(source);
  TSNode root = tree.root();
  if (ts_node_has_error(root) || ts_node_named_child_count(root) != 1) return r;
  TSNode stmt = ts_node_named_child(root, 0);
  if (Type(stmt) != "expression_statement" || ts_node_named_child_count(stmt) != 1) return r;
  r.parsed = true;
  r.canonical = Canonical(tree, stmt);
  TSNode expr = ts_node_named_child(stmt, 0);
  if (Type(expr) == "assignment") {
    r.assignment = true;
    TSNode left = ts_node_child_by_field_name(expr, "left", 4);
    if (Type(left) == "identifier") r.assigned.emplace_back(tree.TextOf(left));
    return r;
  }
  if (Type(expr) == "call") {
    std::string fn = Canonical(tree, ts_node_child_by_field_name(expr, "function", 8));
    r.prints = fn == "print";
    r.literal_call_of_callee = fn == callee && LiteralArguments(tree, expr);
  }
  return r;
}

std::string StripModule(const std::string& type, const std::string& module) {
  if (type.size() > module.size() + 1 && type.compare(0, module.size() + 1, module + ".") == 0)
    return type.substr(module.size() + 1);
  return type;
}

}  // namespace

std::string ModuleName(const std::string& display_path) {
  std::string m = display_path;
  if (m.size() > 3 && m.compare(m.size() - 3, 3, ".py") == 0) m.resize(m.size() - 3);
  std::replace(m.begin(), m.end(), '/', '.');
  return m;
}

Behaviour BehaviourOf(const std::string& path, const std::string& module, const python::ModuleFacts& facts) {
  Behaviour b;
  b.module = module;
  for (const python::Definition& d : facts.definitions) {
    if (!d.parent.empty() || d.nested_in_function) continue;
    if (std::find(b.exported.begin(), b.exported.end(), d.name) == b.exported.end()) b.exported.push_back(d.name);
    if (d.is_class()) b.class_bases[d.name] = d.cls.bases;
  }
  for (const python::Definition& d : facts.definitions) {
    if (!d.docstring || d.is_class() || d.nested_in_function) continue;
    std::vector<python::DoctestExample> examples = python::ParseDoctests(d.docstring->raw);
    if (examples.empty()) continue;
    Pinned p;
    p.target = d.qualified_name;
    p.name = d.name;
    p.owner = d.parent;
    p.kind = d.kind;
    p.line = d.line;
    for (const python::Parameter& param : d.function.params) {
      bool receiver = &param == &d.function.params.front() && !d.parent.empty() && d.kind != "staticmethod";
      if (!receiver) p.params.push_back(param.name);
    }
    bool bound_call = !d.parent.empty() && d.kind != "staticmethod" && d.kind != "classmethod";
    std::string callee = d.parent.empty() ? d.name : d.parent + "." + d.name;
    bool independent = !bound_call;
    auto problem = [&](int line, const char* reason, const std::string& message) {
      b.problems.emplace_back(Location{path, line, 1}, d.qualified_name + ": " + message);
      if (p.refused.empty()) p.refused = reason, p.refused_line = line;
    };
    for (const python::DoctestExample& ex : examples) {
      Step s;
      s.source = ex.source;
      s.line = d.docstring->line + ex.line - 1;
      if (ex.has_directive) problem(s.line, "test: example uses a doctest directive", "doctest directives change how output compares; trajc reads outputs as reprs");
      if (ex.source.find('\\') != std::string::npos && d.docstring->prefix != "r")
        problem(s.line, "test: backslash in a non-raw docstring", "a backslash in a non-raw docstring is an escape; write the example without one");
      Reading r = Read(ex.source, callee);
      if (!r.parsed) {
        problem(s.line, "test: example is not a statement trajc reads", "example `" + ex.source + "` is not one Python statement trajc can read");
        independent = false;
        continue;
      }
      if (r.prints) problem(s.line, "test: example prints", "print() output is text, not a value a test can assert; show the value itself");
      s.canonical = r.canonical;
      s.assignment = r.assignment;
      s.assigned = r.assigned;
      if (ex.exception) {
        s.outcome.kind = Outcome::Kind::kRaises;
        s.outcome.exception = StripModule(ex.exception->type, module);
        s.outcome.message = ex.exception->message;
      } else if (!r.assignment) {
        s.outcome.kind = Outcome::Kind::kValue;
        s.outcome.want = ex.want;
        s.outcome.value = ex.want.empty() ? std::optional<python::Value>(python::Value{}) : python::ParseLiteral(ex.want);
      } else if (!ex.want.empty()) {
        problem(s.line, "test: assignment with expected output", "an assignment prints nothing, yet the example expects output");
      }
      independent = independent && r.literal_call_of_callee && !ex.has_directive;
      p.steps.push_back(std::move(s));
    }
    p.independent = independent && !p.steps.empty();
    if (p.independent) {
      for (size_t i = 0; i < p.steps.size(); ++i) {
        const Step& s = p.steps[i];
        if (s.outcome.kind == Outcome::Kind::kValue && !s.outcome.value)
          problem(s.line, "test: output is not a literal", "output `" + s.outcome.want + "` is not a Python literal, so no test can assert it");
        auto [it, fresh] = b.calls.emplace(s.canonical, std::make_pair(b.pinned.size(), i));
        if (!fresh) {
          // The first spelling may be an earlier step of this same function, which is not
          // in b.pinned yet.
          const auto [owner, step] = it->second;
          const Step& other = owner == b.pinned.size() ? p.steps[step] : b.pinned[owner].steps[step];
          if (other.outcome.want != s.outcome.want || other.outcome.exception != s.outcome.exception)
            problem(s.line, "test: example pinned twice with different outcomes", "`" + s.source + "` is pinned twice with different outcomes");
        }
      }
    }
    b.pinned.push_back(std::move(p));
  }
  return b;
}

namespace {

// `budget` bounds the classes visited in all: bases may form a cycle (`class A(B)` and
// `class B(A)` parse, and fail only when run) or a wide diamond.
bool IsSubclassWithin(const Behaviour& b, const std::string& actual, const std::string& expected, int& budget) {
  std::string current = actual;
  while (!current.empty() && budget-- > 0) {
    if (current == expected) return true;
    auto own = b.class_bases.find(current);
    if (own != b.class_bases.end()) {
      for (const std::string& base : own->second)
        if (base != current && IsSubclassWithin(b, base, expected, budget)) return true;
      return false;
    }
    auto builtin = BuiltinBases().find(current);
    current = builtin == BuiltinBases().end() ? "" : builtin->second;
  }
  return false;
}

}  // namespace

bool IsSubclass(const Behaviour& b, const std::string& actual, const std::string& expected) {
  int budget = 256;
  return IsSubclassWithin(b, actual, expected, budget);
}

std::string QualifiedName(const Behaviour& b, const std::string& name) {
  bool builtin = name == "BaseException" || BuiltinBases().count(name) != 0;
  return builtin || !b.class_bases.count(name) ? name : b.module + "." + name;
}

std::string ClassRepr(const Behaviour& b, const std::string& name) { return "<class '" + QualifiedName(b, name) + "'>"; }

}  // namespace trajc::domains::pytest
