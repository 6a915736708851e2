#include "domains/pytest/pytest_run.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "domains/pytest/canonical.h"
#include "python/children.h"

namespace trajc::domains::pytest {

namespace {

using python::SourceTree;
using python::Value;

std::string_view Type(TSNode n) { return ts_node_type(n); }

std::vector<TSNode> NamedChildren(TSNode node) {
  std::vector<TSNode> out;
  for (TSNode c : python::NamedChildren(node)) {
    if (Type(c) != "comment") out.push_back(c);
  }
  return out;
}

bool IsDocstring(TSNode stmt) {
  return Type(stmt) == "expression_statement" && ts_node_named_child_count(stmt) == 1 &&
         Type(ts_node_named_child(stmt, 0)) == "string";
}

// Names a test can use without importing them.
bool IsBuiltin(const std::string& name) {
  static const std::set<std::string> names = {"abs", "all", "any", "bool", "dict", "float", "frozenset", "int",
                                              "isinstance", "len", "list", "max", "min", "print", "range", "repr",
                                              "reversed", "round", "set", "sorted", "str", "sum", "tuple", "type"};
  return names.count(name) != 0;
}

// Thrown when the file leaves the subset this runner can decide; becomes the refusal.
struct Refusal {
  std::string reason;
};

// pytest's parametrize: argnames, one bound value set per case, and the cases' ids.
struct Parametrize {
  std::vector<std::string> names;
  std::vector<std::vector<Value>> cases;
  std::vector<std::string> ids;
};

struct TestFunction {
  std::string name;
  TSNode def{};
  std::vector<std::string> params;
  std::optional<Parametrize> parametrize;
};

struct Failure {
  int line = 0;
  std::string message, expected, actual;
  bool error = false;  // a setup error (pytest counts it as an error, not a failure)
};

class Runner {
 public:
  Runner(const Behaviour& b, const std::string& path, const SourceTree& tree) : b_(b), path_(path), tree_(tree) {}

  RunResult Run() {
    RunResult r;
    std::vector<TestFunction> tests;
    try {
      for (TSNode stmt : python::NamedChildren(tree_.root())) Collect(stmt, tests, r);
      if (!r.collection_errors.empty()) return r;
      for (const TestFunction& t : tests) RunTest(t, r);
    } catch (const Refusal& refusal) {
      RunResult refused;
      refused.refusal = refusal.reason;
      return refused;
    }
    return r;
  }

 private:
  [[noreturn]] void Refuse(TSNode at, const std::string& why) const {
    throw Refusal{path_ + ":" + std::to_string(python::LineOf(at)) + ": " + why};
  }
  std::string Text(TSNode n) const { return std::string(tree_.TextOf(n)); }

  void Collect(TSNode stmt, std::vector<TestFunction>& tests, RunResult& r) {
    std::string_view type = Type(stmt);
    if (IsDocstring(stmt)) return;
    if (type == "import_statement") {
      for (TSNode name : python::NamedChildren(stmt)) {
        std::string module = Text(name);
        if (Type(name) != "dotted_name" || (module != "pytest" && module != b_.module))
          Refuse(stmt, "cannot run tests that import `" + module + "`; import pytest and names from " + b_.module);
        imported_.insert(module);
      }
      return;
    }
    if (type == "import_from_statement") {
      TSNode module_node = ts_node_child_by_field_name(stmt, "module_name", 11);
      std::string module = Text(module_node);
      if (module != b_.module) Refuse(stmt, "cannot run tests that import from `" + module + "`; only " + b_.module + " is known");
      for (TSNode name : python::NamedChildren(stmt)) {
        if (ts_node_eq(name, module_node)) continue;
        if (Type(name) != "dotted_name") Refuse(name, "cannot run `" + Text(name) + "`: import names without aliases");
        std::string n = Text(name);
        if (std::find(b_.exported.begin(), b_.exported.end(), n) == b_.exported.end()) {
          r.collection_errors.push_back("ImportError while importing test module '" + path_ + "': cannot import name '" + n +
                                        "' from '" + b_.module + "'");
          return;
        }
        imported_.insert(n);
      }
      return;
    }
    TSNode def = stmt;
    std::vector<TSNode> decorators;
    if (type == "decorated_definition") {
      for (TSNode c : python::NamedChildren(stmt))
        if (Type(c) == "decorator") decorators.push_back(c);
      def = ts_node_child_by_field_name(stmt, "definition", 10);
    }
    if (Type(def) != "function_definition") Refuse(stmt, "cannot run a top-level `" + std::string(Type(stmt)) + "`");
    TestFunction t;
    t.def = def;
    t.name = Text(ts_node_child_by_field_name(def, "name", 4));
    if (t.name.rfind("test", 0) != 0) Refuse(def, "cannot run helper function `" + t.name + "`; write the steps in the tests");
    for (TSNode p : python::NamedChildren(ts_node_child_by_field_name(def, "parameters", 10))) {
      if (Type(p) != "identifier") Refuse(p, "test parameters must be plain names");
      t.params.push_back(Text(p));
    }
    if (decorators.size() > 1) Refuse(stmt, "cannot run more than one decorator on a test");
    if (!decorators.empty()) {
      std::optional<std::string> error;
      t.parametrize = ReadParametrize(decorators[0], error);
      if (error) {
        r.collection_errors.push_back("In " + t.name + ": " + *error);
        return;
      }
      for (const std::string& n : t.parametrize->names)
        if (std::find(t.params.begin(), t.params.end(), n) == t.params.end()) {
          r.collection_errors.push_back("In " + t.name + ": function uses no argument '" + n + "'");
          return;
        }
    }
    tests.push_back(std::move(t));
  }

  Parametrize ReadParametrize(TSNode decorator, std::optional<std::string>& error) {
    TSNode call = ts_node_named_child(decorator, 0);
    if (Type(call) != "call" || Text(ts_node_child_by_field_name(call, "function", 8)) != "pytest.mark.parametrize")
      Refuse(decorator, "the only decorator trajc runs is @pytest.mark.parametrize");
    std::vector<TSNode> args = NamedChildren(ts_node_child_by_field_name(call, "arguments", 9));
    Parametrize p;
    std::optional<Value> names, values, ids;
    for (size_t i = 0; i < args.size(); ++i) {
      TSNode a = args[i];
      if (Type(a) == "keyword_argument") {
        std::string key = Text(ts_node_child_by_field_name(a, "name", 4));
        TSNode v = ts_node_child_by_field_name(a, "value", 5);
        if (key == "ids") ids = python::LiteralOf(tree_, v);
        else if (key == "argnames") names = python::LiteralOf(tree_, v);
        else if (key == "argvalues") values = python::LiteralOf(tree_, v);
        else Refuse(a, "cannot run parametrize's `" + key + "=`");
        if ((key == "ids" && !ids) || (key == "argvalues" && !values) || (key == "argnames" && !names))
          Refuse(a, "parametrize arguments must be literals");
      } else if (i == 0) {
        names = python::LiteralOf(tree_, a);
      } else if (i == 1) {
        values = python::LiteralOf(tree_, a);
        if (!values) Refuse(a, "parametrize values must be literals");
      }
    }
    if (!names || !values) Refuse(decorator, "parametrize needs argnames and argvalues");
    if (names->kind == Value::Kind::kStr) {
      std::string s = names->str;
      size_t start = 0;
      while (start <= s.size()) {
        size_t comma = s.find(',', start);
        if (comma == std::string::npos) comma = s.size();
        std::string n = s.substr(start, comma - start);
        n.erase(0, n.find_first_not_of(" \t"));
        n.erase(n.find_last_not_of(" \t") + 1);
        if (!n.empty()) p.names.push_back(n);
        start = comma + 1;
      }
    } else if (names->kind == Value::Kind::kList || names->kind == Value::Kind::kTuple) {
      for (const Value& v : names->items) {
        if (v.kind != Value::Kind::kStr) Refuse(decorator, "parametrize argnames must be strings");
        p.names.push_back(v.str);
      }
    } else {
      Refuse(decorator, "parametrize argnames must be a string or a list of strings");
    }
    if (values->kind != Value::Kind::kList && values->kind != Value::Kind::kTuple)
      Refuse(decorator, "parametrize argvalues must be a list");
    for (const Value& v : values->items) {
      if (p.names.size() == 1) {
        p.cases.push_back({v});
      } else if ((v.kind == Value::Kind::kTuple || v.kind == Value::Kind::kList) && v.items.size() == p.names.size()) {
        p.cases.push_back(v.items);
      } else {
        error = "wrong number of values in a parameter set: expected " + std::to_string(p.names.size());
        return p;
      }
    }
    std::vector<std::string> raw;
    for (size_t i = 0; i < p.cases.size(); ++i) {
      if (ids && i < ids->items.size() && ids->items[i].kind != Value::Kind::kNone) {
        const Value& id = ids->items[i];
        if (id.kind != Value::Kind::kStr) Refuse(decorator, "parametrize ids must be strings");
        raw.push_back(UnicodeEscapeId(id.str));
        continue;
      }
      std::string id;
      for (size_t k = 0; k < p.names.size(); ++k) id += (k ? "-" : "") + PytestIdPart(p.cases[i][k], p.names[k], i);
      raw.push_back(id);
    }
    // pytest 7: an id used more than once gets a counter, per id, in order.
    std::map<std::string, int> counts, next;
    for (const std::string& id : raw) ++counts[id];
    for (std::string& id : raw)
      if (counts[id] > 1) id += std::to_string(next[id]++);
    p.ids = raw;
    return p;
  }

  static std::string UnicodeEscapeId(const std::string& s) { return python::UnicodeEscape(s); }

  void RunTest(const TestFunction& t, RunResult& r) {
    std::string base = path_ + "::" + t.name;
    if (!t.parametrize) {
      r.tests.push_back(Execute(t, base, {}));
      return;
    }
    for (size_t i = 0; i < t.parametrize->cases.size(); ++i) {
      Bindings bindings;
      for (size_t k = 0; k < t.parametrize->names.size(); ++k) bindings[t.parametrize->names[k]] = t.parametrize->cases[i][k];
      r.tests.push_back(Execute(t, base + "[" + t.parametrize->ids[i] + "]", bindings));
    }
  }

  // One test's run: its statements in order, until the first failure.
  struct State {
    Bindings bindings;
    std::set<std::string> names;
    std::vector<std::string> trace;  // canonical statements executed so far
  };

  TestResult Execute(const TestFunction& t, const std::string& id, const Bindings& bindings) {
    TestResult result;
    result.id = id;
    for (const std::string& p : t.params) {
      if (!bindings.count(p)) {
        result.outcome = "error";
        result.line = python::LineOf(t.def);
        result.message = "fixture '" + p + "' not found";
        return result;
      }
    }
    State s;
    s.bindings = bindings;
    s.names = imported_;
    for (const auto& [name, value] : bindings) s.names.insert(name);
    std::optional<Failure> failure = Block(ts_node_child_by_field_name(t.def, "body", 4), s);
    if (!failure) {
      result.outcome = "passed";
      return result;
    }
    result.outcome = failure->error ? "error" : "failed";
    result.line = failure->line;
    result.message = failure->message;
    result.expected = failure->expected;
    result.actual = failure->actual;
    return result;
  }

  std::optional<Failure> Block(TSNode block, State& s) {
    for (TSNode stmt : python::NamedChildren(block)) {
      if (IsDocstring(stmt) || Type(stmt) == "pass_statement") continue;
      std::optional<Failure> f;
      if (Type(stmt) == "assert_statement") f = Assert(stmt, s);
      else if (Type(stmt) == "with_statement") f = Raises(stmt, s);
      else if (Type(stmt) == "expression_statement") f = Statement(stmt, s);
      else Refuse(stmt, "cannot run a `" + std::string(Type(stmt)) + "` in a test");
      if (f) return f;
    }
    return std::nullopt;
  }

  // The pinned outcome of a statement or expression after the statements in `s.trace`.
  Outcome Evaluate(TSNode node, TSNode stmt_for_line, State& s, std::optional<Failure>& name_error) {
    std::string root = RootName(tree_, Type(node) == "assignment" ? ts_node_child_by_field_name(node, "right", 5) : node);
    if (root.empty()) Refuse(stmt_for_line, "cannot run `" + Text(node) + "`: no example pins it");
    if (!s.names.count(root) && !IsBuiltin(root)) {
      name_error = Failure{python::LineOf(stmt_for_line), "NameError: name '" + root + "' is not defined", "", "", false};
      return {};
    }
    std::string canonical = Canonical(tree_, node, s.bindings);
    const Outcome* found = nullptr;
    auto call = b_.calls.find(canonical);
    if (call != b_.calls.end() && !s.bindings.count(root)) {
      found = &b_.pinned[call->second.first].steps[call->second.second].outcome;
    } else {
      for (const Pinned& p : b_.pinned) {
        if (p.independent || p.steps.size() <= s.trace.size()) continue;
        bool prefix = true;
        for (size_t i = 0; i < s.trace.size() && prefix; ++i) prefix = p.steps[i].canonical == s.trace[i];
        if (prefix && p.steps[s.trace.size()].canonical == canonical) {
          const Step& step = p.steps[s.trace.size()];
          for (const std::string& n : step.assigned) s.names.insert(n);
          found = &step.outcome;
          break;
        }
      }
    }
    if (found == nullptr)
      Refuse(stmt_for_line, "cannot run `" + Text(node) + "`: no doctest example of " + b_.module + " pins its outcome" +
                                (s.trace.empty() ? "" : " after the statements before it"));
    s.trace.push_back(canonical);
    return *found;
  }

  Failure Raised(int line, const Outcome& o) const {
    std::string text = QualifiedName(b_, o.exception) + (o.message.empty() ? "" : ": " + o.message);
    return Failure{line, text, "no exception", text, false};
  }

  std::optional<Failure> Statement(TSNode stmt, State& s) {
    TSNode expr = ts_node_named_child(stmt, 0);
    std::optional<Failure> name_error;
    Outcome o = Evaluate(expr, stmt, s, name_error);
    if (name_error) return name_error;
    if (o.kind == Outcome::Kind::kRaises) return Raised(python::LineOf(stmt), o);
    return std::nullopt;
  }

  std::optional<Failure> Assert(TSNode stmt, State& s) {
    std::vector<TSNode> parts = NamedChildren(stmt);
    TSNode cond = parts.empty() ? stmt : parts[0];
    if (Type(cond) != "comparison_operator" || ts_node_named_child_count(cond) != 2)
      Refuse(stmt, "cannot run `" + Text(stmt) + "`: assert with ==, !=, is None or is not None");
    TSNode left = ts_node_named_child(cond, 0);
    TSNode right = ts_node_named_child(cond, 1);
    std::string op;
    for (TSNode c : python::Children(cond)) {
      if (!ts_node_is_named(c)) op += (op.empty() ? "" : " ") + Text(c);
    }
    std::optional<Value> expected = Type(right) == "identifier" && s.bindings.count(Text(right))
                                        ? std::optional<Value>(s.bindings.at(Text(right)))
                                        : python::LiteralOf(tree_, right);
    if (!expected) Refuse(right, "cannot run `" + Text(stmt) + "`: compare with a literal");
    bool identity = op == "is" || op == "is not";
    if (identity && expected->kind != Value::Kind::kNone) Refuse(stmt, "cannot run `" + Text(stmt) + "`: use `is` only with None");
    if (op != "==" && op != "!=" && !identity) Refuse(stmt, "cannot run `" + Text(stmt) + "`: assert with ==, !=, is None or is not None");
    std::optional<Failure> name_error;
    Outcome o = Evaluate(left, stmt, s, name_error);
    int line = python::LineOf(stmt);
    if (name_error) return name_error;
    if (o.kind == Outcome::Kind::kRaises) return Raised(line, o);
    if (o.kind != Outcome::Kind::kValue) Refuse(stmt, "cannot assert on a statement");
    if (!o.value) Refuse(stmt, "cannot compare `" + o.want + "`: the pinned output is not a literal");
    std::string actual = o.want.empty() ? "None" : o.want;
    bool equal = identity ? o.value->kind == Value::Kind::kNone : python::PyEqual(*o.value, *expected);
    bool holds = (op == "==" || op == "is") ? equal : !equal;
    if (holds) return std::nullopt;
    std::string expected_text = python::Repr(*expected);
    return Failure{line, "assert " + actual + " " + op + " " + expected_text, (op == "!=" || op == "is not" ? "not " : "") + expected_text,
                   actual, false};
  }

  std::optional<Failure> Raises(TSNode stmt, State& s) {
    TSNode clause = ts_node_named_child(stmt, 0);
    std::vector<TSNode> items = NamedChildren(clause);
    TSNode call = items.size() == 1 ? ts_node_named_child(items[0], 0) : TSNode{};
    if (items.size() != 1 || Type(call) != "call" || Text(ts_node_child_by_field_name(call, "function", 8)) != "pytest.raises")
      Refuse(stmt, "the only `with` trajc runs is `with pytest.raises(Error):`");
    std::vector<TSNode> args = NamedChildren(ts_node_child_by_field_name(call, "arguments", 9));
    if (args.size() != 1 || Type(args[0]) != "identifier") Refuse(call, "cannot run pytest.raises with other arguments than one exception class");
    std::string expected = Text(args[0]);
    if (!s.names.count(expected) && !IsSubclass(b_, expected, "BaseException"))
      return Failure{python::LineOf(stmt), "NameError: name '" + expected + "' is not defined", "", "", false};
    for (TSNode inner : python::NamedChildren(ts_node_child_by_field_name(stmt, "body", 4))) {
      if (Type(inner) == "pass_statement") continue;
      if (Type(inner) != "expression_statement") Refuse(inner, "inside pytest.raises, write the call that raises");
      std::optional<Failure> name_error;
      Outcome o = Evaluate(ts_node_named_child(inner, 0), inner, s, name_error);
      if (name_error) return name_error;
      if (o.kind != Outcome::Kind::kRaises) continue;
      if (IsSubclass(b_, o.exception, expected)) return std::nullopt;
      return Raised(python::LineOf(inner), o);
    }
    return Failure{python::LineOf(stmt), "Failed: DID NOT RAISE " + ClassRepr(b_, expected), expected, "no exception", false};
  }

  const Behaviour& b_;
  const std::string& path_;
  const SourceTree& tree_;
  std::set<std::string> imported_;
};

}  // namespace

int RunResult::count(std::string_view outcome) const {
  return static_cast<int>(std::count_if(tests.begin(), tests.end(), [&](const TestResult& t) { return t.outcome == outcome; }));
}

std::string PytestIdPart(const Value& value, const std::string& argname, size_t index) {
  switch (value.kind) {
    case Value::Kind::kStr: return python::UnicodeEscape(value.str);
    case Value::Kind::kNone:
    case Value::Kind::kBool:
    case Value::Kind::kInt:
    case Value::Kind::kFloat: return python::Str(value);
    default: return argname + std::to_string(index);
  }
}

RunResult RunTestFile(const Behaviour& behaviour, const std::string& test_path, const std::string& content) {
  SourceTree tree = SourceTree::Parse(content);
  if (auto error = tree.FirstSyntaxError(test_path)) {
    RunResult r;
    r.collection_errors.push_back(std::string(error->what()));
    return r;
  }
  return Runner(behaviour, test_path, tree).Run();
}

}  // namespace trajc::domains::pytest
