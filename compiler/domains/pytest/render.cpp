#include "domains/pytest/render.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "python/children.h"
#include "python/parse.h"

namespace trajc::domains::pytest {

namespace {

using python::Value;
using Kind = Outcome::Kind;

struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;
  std::string shape() const {
    std::string s = std::to_string(positional.size());
    for (const auto& [k, v] : keywords) s += "," + k;
    return s;
  }
};

std::optional<CallArgs> ArgsOf(const std::string& source) {
  python::SourceTree tree = python::SourceTree::Parse(source);
  TSNode stmt = ts_node_named_child(tree.root(), 0);
  if (ts_node_is_null(stmt) || ts_node_has_error(tree.root())) return std::nullopt;
  TSNode call = ts_node_named_child(stmt, 0);
  if (std::string_view(ts_node_type(call)) != "call") return std::nullopt;
  TSNode list = ts_node_child_by_field_name(call, "arguments", 9);
  CallArgs out;
  for (TSNode arg : python::NamedChildren(list)) {
    std::string_view type = ts_node_type(arg);
    if (type == "comment") continue;
    if (type == "keyword_argument") {
      auto v = python::LiteralOf(tree, ts_node_child_by_field_name(arg, "value", 5));
      if (!v) return std::nullopt;
      out.keywords.emplace_back(std::string(tree.TextOf(ts_node_child_by_field_name(arg, "name", 4))), std::move(*v));
    } else {
      auto v = python::LiteralOf(tree, arg);
      if (!v || !out.keywords.empty()) return std::nullopt;
      out.positional.push_back(std::move(*v));
    }
  }
  return out;
}

std::string Snake(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && name[i - 1] != '_' && !std::isupper(static_cast<unsigned char>(name[i - 1]))) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

bool Exported(const Behaviour& b, const std::string& name) {
  return std::find(b.exported.begin(), b.exported.end(), name) != b.exported.end();
}

// The top of a test file: pytest when a test needs it, then the module's names.
std::string Header(const Behaviour& b, bool needs_pytest, std::set<std::string> names) {
  std::string out;
  if (needs_pytest) out += "import pytest\n\n";
  std::vector<std::string> sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end(), [](const std::string& x, const std::string& y) {
    std::string lx = x, ly = y;
    for (char& c : lx) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : ly) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lx != ly ? lx < ly : x < y;
  });
  out += "from " + b.module + " import ";
  for (size_t i = 0; i < sorted.size(); ++i) out += (i ? ", " : "") + sorted[i];
  return out + "\n";
}

// The name a module function or class method is called by in an example.
std::string CallName(const Pinned& p) { return p.owner.empty() ? p.name : p.owner; }

std::vector<const Step*> ValueSteps(const Pinned& p, size_t limit) {
  std::vector<const Step*> out;
  for (const Step& s : p.steps)
    if (s.outcome.kind == Kind::kValue && s.outcome.value && s.source.find('\n') == std::string::npos && out.size() < limit)
      out.push_back(&s);
  return out;
}

std::string AssertLine(const Step& s, const std::string& want) {
  return want.empty() ? "    assert " + s.source + " is None\n" : "    assert " + s.source + " == " + want + "\n";
}

std::string ValueTest(const Pinned& p, const std::vector<const Step*>& steps, const std::string* wrong_for = nullptr,
                      const std::string& wrong = "") {
  std::string out = "\n\ndef " + TestName(p) + "():\n";
  for (const Step* s : steps) out += AssertLine(*s, wrong_for == &s->source ? wrong : s->outcome.want);
  return out;
}

// A plausible mistaken expectation for `v`, never equal to it: off by one, a word
// capitalised, a flag flipped, an element forgotten.
std::optional<Value> Mistaken(const Value& v) {
  Value w = v;
  switch (v.kind) {
    case Value::Kind::kBool: w.boolean = !v.boolean; break;
    case Value::Kind::kInt: w.integer = v.integer + 1; break;
    case Value::Kind::kFloat: w.real = v.real + 1.0; break;
    case Value::Kind::kStr:
      if (v.str.empty()) return std::nullopt;
      if (std::islower(static_cast<unsigned char>(v.str[0]))) w.str[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(v.str[0])));
      else w.str += "s";
      break;
    case Value::Kind::kList:
    case Value::Kind::kTuple:
      if (v.items.empty()) return std::nullopt;
      w.items.pop_back();
      break;
    default: return std::nullopt;
  }
  if (python::PyEqual(w, v)) return std::nullopt;
  return w;
}

std::string ExceptionName(const Behaviour& b, const std::string& exception, std::set<std::string>& names) {
  if (Exported(b, exception)) names.insert(exception);
  return exception;
}

}  // namespace

std::string TestPath(const Behaviour& b) {
  std::string m = b.module;
  std::replace(m.begin(), m.end(), '.', '_');
  return "tests/test_" + m + ".py";
}

std::string TestName(const Pinned& p) {
  std::string name = Snake(p.name);
  while (!name.empty() && name[0] == '_') name.erase(0, 1);
  return p.owner.empty() ? "test_" + name : "test_" + Snake(p.owner) + "_" + name;
}

std::optional<std::string> HappyTest(const Behaviour& b, const Pinned& p, size_t limit) {
  if (!p.independent) return std::nullopt;
  std::vector<const Step*> steps = ValueSteps(p, limit);
  if (steps.empty()) return std::nullopt;
  return Header(b, false, {CallName(p)}) + ValueTest(p, steps);
}

std::optional<std::string> ParametrizedTest(const Behaviour& b, const Pinned& p, size_t& cases, size_t limit) {
  cases = 0;
  if (!p.independent) return std::nullopt;
  std::map<std::string, std::vector<std::pair<const Step*, CallArgs>>> groups;
  std::vector<std::string> order;
  for (const Step* s : ValueSteps(p, p.steps.size())) {
    auto args = ArgsOf(s->source);
    if (!args || args->positional.size() > p.params.size()) continue;
    std::string shape = args->shape();
    if (!groups.count(shape)) order.push_back(shape);
    groups[shape].emplace_back(s, std::move(*args));
  }
  const std::vector<std::pair<const Step*, CallArgs>>* best = nullptr;
  for (const std::string& shape : order)
    if (best == nullptr || groups[shape].size() > best->size()) best = &groups[shape];
  if (best == nullptr || best->size() < 2) return std::nullopt;
  const CallArgs& first = best->front().second;
  std::vector<std::string> names;
  for (size_t i = 0; i < first.positional.size(); ++i) names.push_back(p.params[i]);
  for (const auto& [k, v] : first.keywords) names.push_back(k);
  std::string expected = "expected";
  while (std::find(names.begin(), names.end(), expected) != names.end()) expected += "_value";
  std::string argnames, call_args;
  for (size_t i = 0; i < names.size(); ++i) {
    argnames += "\"" + names[i] + "\", ";
    bool keyword = i >= first.positional.size();
    call_args += (i ? ", " : "") + (keyword ? names[i] + "=" : "") + names[i];
  }
  argnames += "\"" + expected + "\"";
  std::string out = Header(b, true, {CallName(p)});
  out += "\n\n@pytest.mark.parametrize(\n    (" + argnames + "),\n    [\n";
  for (const auto& [step, args] : *best) {
    if (cases == limit) break;
    std::string row;
    for (const Value& v : args.positional) row += python::Repr(v) + ", ";
    for (const auto& [k, v] : args.keywords) row += python::Repr(v) + ", ";
    row += step->outcome.want.empty() ? "None" : python::Repr(*step->outcome.value);
    out += "        (" + row + "),\n";
    ++cases;
  }
  std::string params;
  for (const std::string& n : names) params += n + ", ";
  out += "    ],\n)\ndef " + TestName(p) + "(" + params + expected + "):\n";
  out += "    assert " + CallName(p) + (p.owner.empty() ? "" : "." + p.name) + "(" + call_args + ") == " + expected + "\n";
  return out;
}

std::optional<std::string> ExceptionTest(const Behaviour& b, const Pinned& p) {
  if (!p.independent) return std::nullopt;
  std::vector<const Step*> values = ValueSteps(p, 2);
  std::vector<const Step*> raising;
  for (const Step& s : p.steps)
    if (s.outcome.kind == Kind::kRaises && raising.size() < 2 && s.source.find('\n') == std::string::npos) raising.push_back(&s);
  if (raising.empty()) return std::nullopt;
  std::set<std::string> names = {CallName(p)};
  std::string body = values.empty() ? "" : ValueTest(p, values);
  std::set<std::string> seen;
  for (const Step* s : raising) {
    std::string exception = ExceptionName(b, s->outcome.exception, names);
    std::string test = TestName(p) + "_raises_" + Snake(exception);
    if (!seen.insert(test).second) test += "_" + std::to_string(seen.size());
    body += "\n\ndef " + test + "():\n    with pytest.raises(" + exception + "):\n        " + s->source + "\n";
  }
  return Header(b, true, names) + body;
}

std::optional<WrongExpectation> WrongTest(const Behaviour& b, const Pinned& p) {
  if (!p.independent) return std::nullopt;
  std::vector<const Step*> steps = ValueSteps(p, 4);
  for (const Step* s : steps) {
    if (s->outcome.want.empty()) continue;
    std::optional<Value> wrong = Mistaken(*s->outcome.value);
    if (!wrong) continue;
    WrongExpectation w;
    w.expected = python::Repr(*wrong);
    w.file = Header(b, false, {CallName(p)}) + ValueTest(p, steps, &s->source, w.expected);
    w.call = s->source;
    w.actual = s->outcome.want;
    return w;
  }
  return std::nullopt;
}

std::optional<std::string> SequenceTest(const Behaviour& b, const Pinned& p) {
  if (p.independent) return std::nullopt;
  std::set<std::string> names;
  bool needs_pytest = false;
  bool asserts = false;
  std::string body = "\n\ndef " + TestName(p) + "():\n";
  std::set<std::string> local;
  for (const Step& s : p.steps) {
    if (s.source.find('\n') != std::string::npos) return std::nullopt;
    python::SourceTree tree = python::SourceTree::Parse(s.source);
    std::string root;
    for (TSNode n = ts_node_named_child(tree.root(), 0); !ts_node_is_null(n);) {
      std::string_view type = ts_node_type(n);
      if (type == "identifier") {
        root = std::string(tree.TextOf(n));
        break;
      }
      if (type == "assignment") n = ts_node_child_by_field_name(n, "right", 5);
      else if (type == "call") n = ts_node_child_by_field_name(n, "function", 8);
      else if (type == "attribute") n = ts_node_child_by_field_name(n, "object", 6);
      else if (type == "expression_statement") n = ts_node_named_child(n, 0);
      else break;
    }
    if (!root.empty() && !local.count(root) && Exported(b, root)) names.insert(root);
    for (const std::string& a : s.assigned) local.insert(a);
    switch (s.outcome.kind) {
      case Kind::kStatement: body += "    " + s.source + "\n"; break;
      case Kind::kValue:
        if (!s.outcome.want.empty() && s.outcome.value) {
          body += AssertLine(s, s.outcome.want);
          asserts = true;
        } else {
          body += "    " + s.source + "\n";
        }
        break;
      case Kind::kRaises:
        needs_pytest = true;
        asserts = true;
        body += "    with pytest.raises(" + ExceptionName(b, s.outcome.exception, names) + "):\n        " + s.source + "\n";
        break;
    }
  }
  if (!asserts || names.empty()) return std::nullopt;
  return Header(b, needs_pytest, names) + body;
}

}  // namespace trajc::domains::pytest
