#include "python/facts.h"

#include <algorithm>
#include <cstring>

#include "python/children.h"

namespace trajc::python {

namespace {

bool Is(TSNode node, const char* type) { return strcmp(ts_node_type(node), type) == 0; }

TSNode FieldOf(TSNode node, const char* field) {
  return ts_node_child_by_field_name(node, field, static_cast<uint32_t>(strlen(field)));
}

int EndLineOf(TSNode node) { return static_cast<int>(ts_node_end_point(node).row) + 1; }

// The first named child that is not a comment: a block's first statement, a return's value.
TSNode FirstNamed(TSNode block) {
  for (TSNode child : NamedChildren(block)) {
    if (!Is(child, "comment")) return child;
  }
  return TSNode{};
}

// A docstring is a plain (not f-) string literal as the body's first statement.
std::optional<Docstring> DocstringOf(const SourceTree& tree, TSNode body) {
  if (ts_node_is_null(body)) return std::nullopt;
  TSNode first = FirstNamed(body);
  if (ts_node_is_null(first) || !Is(first, "expression_statement") || ts_node_named_child_count(first) != 1)
    return std::nullopt;
  TSNode literal = ts_node_named_child(first, 0);
  if (!Is(literal, "string")) return std::nullopt;
  std::string_view text = tree.TextOf(literal);
  size_t quote_at = text.find_first_of("\"'");
  if (quote_at == std::string_view::npos) return std::nullopt;
  Docstring d;
  d.prefix = std::string(text.substr(0, quote_at));
  if (d.prefix.find_first_of("fFbB") != std::string::npos) return std::nullopt;  // not a docstring in Python
  char q = text[quote_at];
  d.quote = text.substr(quote_at).starts_with(std::string(3, q)) ? std::string(3, q) : std::string(1, q);
  size_t open = quote_at + d.quote.size();
  if (text.size() < open + d.quote.size()) return std::nullopt;
  d.raw = std::string(text.substr(open, text.size() - open - d.quote.size()));
  d.line = LineOf(first);
  d.end_line = EndLineOf(first);
  d.column = ColumnOf(literal);
  d.parsed = ParseDocstring(d.raw);
  return d;
}

std::string DecoratorText(const SourceTree& tree, TSNode decorator) {
  for (TSNode child : NamedChildren(decorator)) {
    if (!Is(child, "comment")) return std::string(tree.TextOf(child));
  }
  std::string text(tree.TextOf(decorator));
  return text.substr(text.find('@') + 1);
}

// Collapses the whitespace of multi-line annotations and defaults to single spaces.
std::string OneLine(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string FieldText(const SourceTree& tree, TSNode node, const char* field) {
  TSNode child = FieldOf(node, field);
  return ts_node_is_null(child) ? std::string() : OneLine(tree.TextOf(child));
}

// The identifier inside a splat pattern or a typed parameter.
std::string InnerName(const SourceTree& tree, TSNode node) {
  for (TSNode child : NamedChildren(node)) {
    if (Is(child, "identifier")) return std::string(tree.TextOf(child));
    if (Is(child, "list_splat_pattern") || Is(child, "dictionary_splat_pattern")) return InnerName(tree, child);
  }
  return std::string();
}

std::vector<Parameter> ParametersOf(const SourceTree& tree, TSNode list) {
  std::vector<Parameter> out;
  if (ts_node_is_null(list)) return out;
  bool keyword_only = false;
  for (TSNode p : NamedChildren(list)) {
    if (Is(p, "comment")) continue;
    if (Is(p, "positional_separator")) {
      for (Parameter& earlier : out) earlier.kind = ParamKind::kPositionalOnly;
      continue;
    }
    if (Is(p, "keyword_separator")) {
      keyword_only = true;
      continue;
    }
    Parameter param;
    param.kind = keyword_only ? ParamKind::kKeywordOnly : ParamKind::kNormal;
    TSNode shape = p;  // the node that says whether this is *args/**kwargs
    if (Is(p, "identifier")) {
      param.name = std::string(tree.TextOf(p));
    } else if (Is(p, "typed_parameter")) {
      param.annotation = FieldText(tree, p, "type");
      param.name = InnerName(tree, p);
      shape = ts_node_named_child(p, 0);
    } else if (Is(p, "default_parameter") || Is(p, "typed_default_parameter")) {
      param.name = FieldText(tree, p, "name");
      param.annotation = FieldText(tree, p, "type");
      param.default_value = FieldText(tree, p, "value");
      param.has_default = true;
    } else if (Is(p, "list_splat_pattern") || Is(p, "dictionary_splat_pattern")) {
      param.name = InnerName(tree, p);
    } else {
      continue;  // Python 2 tuple parameters and the like: not parameters of Python 3
    }
    if (Is(shape, "list_splat_pattern")) {
      param.kind = ParamKind::kVarPositional;
      keyword_only = true;
    } else if (Is(shape, "dictionary_splat_pattern")) {
      param.kind = ParamKind::kVarKeyword;
    }
    out.push_back(std::move(param));
  }
  return out;
}

bool IsScopeBoundary(TSNode node) {
  return Is(node, "function_definition") || Is(node, "class_definition") || Is(node, "lambda") ||
         Is(node, "decorated_definition");
}

// raise / yield / return facts of one body, not descending into nested scopes.
void ScanBody(const SourceTree& tree, TSNode node, FunctionFacts& facts) {
  for (TSNode child : NamedChildren(node)) {
    if (IsScopeBoundary(child)) continue;
    if (Is(child, "yield")) facts.yields = true;
    if (Is(child, "return_statement")) {
      TSNode value = FirstNamed(child);
      if (!ts_node_is_null(value) && !Is(value, "none")) facts.returns_value = true;
    }
    if (Is(child, "raise_statement")) {
      TSNode exc = FirstNamed(child);
      TSNode cause = FieldOf(child, "cause");
      if (!ts_node_is_null(exc) && (ts_node_is_null(cause) || !ts_node_eq(exc, cause))) {
        TSNode callee = Is(exc, "call") ? FieldOf(exc, "function") : exc;
        std::string name = OneLine(tree.TextOf(callee));
        if (std::find(facts.raises.begin(), facts.raises.end(), name) == facts.raises.end())
          facts.raises.push_back(std::move(name));
      }
    }
    ScanBody(tree, child, facts);
  }
}

bool IsAsync(TSNode def) {
  TSNode first = ts_node_child(def, 0);
  return !ts_node_is_null(first) && Is(first, "async");
}

bool EndsWith(const std::string& s, std::string_view suffix) { return s.size() >= suffix.size() && s.ends_with(suffix); }

std::string MethodKind(const std::vector<std::string>& decorators, bool is_async) {
  for (const std::string& d : decorators) {
    if (d == "staticmethod") return "staticmethod";
    if (d == "classmethod") return "classmethod";
    if (d == "property" || d == "functools.cached_property" || d == "cached_property" || EndsWith(d, ".getter"))
      return "property";
  }
  return is_async ? "async_method" : "method";
}

class Extractor {
 public:
  explicit Extractor(const SourceTree& tree) : tree_(tree) {}

  ModuleFacts Run() {
    ModuleFacts m;
    m.docstring = DocstringOf(tree_, tree_.root());
    Visit(tree_.root(), nullptr, false);
    m.definitions = std::move(defs_);
    m.imports = std::move(imports_);
    return m;
  }

 private:
  // `parent` is the index of the enclosing definition in defs_ (or null at module level).
  void Visit(TSNode node, const size_t* parent, bool in_function) {
    for (TSNode child : NamedChildren(node)) {
      TSNode def = child;
      std::vector<std::string> decorators;
      int decorated_line = LineOf(child);
      if (Is(child, "decorated_definition")) {
        for (TSNode d : NamedChildren(child)) {
          if (Is(d, "decorator")) decorators.push_back(DecoratorText(tree_, d));
        }
        def = FieldOf(child, "definition");
        if (ts_node_is_null(def)) continue;
      }
      if (Is(def, "function_definition") || Is(def, "class_definition")) {
        size_t index = Add(def, std::move(decorators), decorated_line, parent, in_function);
        bool is_function = !defs_[index].is_class();
        Visit(FieldOf(def, "body"), &index, in_function || is_function);
        continue;
      }
      if (IsScopeBoundary(child)) continue;  // lambdas: no definitions worth naming inside
      if (Is(child, "import_statement") || Is(child, "import_from_statement")) {
        Imports(child);
        continue;
      }
      Visit(child, parent, in_function);
    }
  }

  size_t Add(TSNode def, std::vector<std::string> decorators, int decorated_line, const size_t* parent, bool in_function) {
    Definition d;
    d.name = FieldText(tree_, def, "name");
    if (parent != nullptr) {
      d.parent = defs_[*parent].qualified_name;
      d.qualified_name = d.parent + "." + d.name;
    } else {
      d.qualified_name = d.name;
    }
    d.nested_in_function = in_function;
    d.decorators = std::move(decorators);
    d.line = LineOf(def);
    d.decorated_line = d.decorators.empty() ? d.line : decorated_line;
    d.end_line = EndLineOf(def);
    TSNode body = FieldOf(def, "body");
    Header(def, body, d);
    d.docstring = DocstringOf(tree_, body);
    bool in_class = parent != nullptr && defs_[*parent].is_class();
    if (Is(def, "class_definition")) {
      d.kind = "class";
      TSNode bases = FieldOf(def, "superclasses");
      if (!ts_node_is_null(bases)) {
        for (TSNode b : NamedChildren(bases)) {
          if (!Is(b, "comment")) d.cls.bases.push_back(OneLine(tree_.TextOf(b)));
        }
      }
      Attributes(body, d.cls.attributes);
    } else {
      d.function.is_async = IsAsync(def);
      d.kind = in_class ? MethodKind(d.decorators, d.function.is_async) : d.function.is_async ? "async_function" : "function";
      d.function.params = ParametersOf(tree_, FieldOf(def, "parameters"));
      d.function.return_annotation = FieldText(tree_, def, "return_type");
      if (!ts_node_is_null(body)) ScanBody(tree_, body, d.function);
    }
    defs_.push_back(std::move(d));
    return defs_.size() - 1;
  }

  void Header(TSNode def, TSNode body, Definition& d) {
    for (TSNode c : Children(def)) {
      if (!ts_node_is_named(c) && Is(c, ":")) d.header_end_line = LineOf(c);
    }
    TSNode first = ts_node_is_null(body) ? TSNode{} : FirstNamed(body);
    if (!ts_node_is_null(first)) {
      d.body_line = LineOf(first);
      d.body_column = ColumnOf(first);
    }
    d.body_on_header_line = d.body_line != 0 && d.body_line == d.header_end_line;
  }

  // Class-body assignments, then self.X assignments anywhere in __init__ (not nested).
  void Attributes(TSNode body, std::vector<Attribute>& out) {
    if (ts_node_is_null(body)) return;
    auto add = [&](Attribute a) {
      for (const Attribute& have : out)
        if (have.name == a.name) return;
      out.push_back(std::move(a));
    };
    TSNode init{};
    for (TSNode statement : NamedChildren(body)) {
      if (Is(statement, "expression_statement")) {
        TSNode assignment = ts_node_named_child(statement, 0);
        if (!ts_node_is_null(assignment) && Is(assignment, "assignment")) {
          TSNode left = FieldOf(assignment, "left");
          if (!ts_node_is_null(left) && Is(left, "identifier")) add(AttributeOf(assignment, std::string(tree_.TextOf(left)), false));
        }
      }
      TSNode def = Is(statement, "decorated_definition") ? FieldOf(statement, "definition") : statement;
      if (!ts_node_is_null(def) && Is(def, "function_definition") && FieldText(tree_, def, "name") == "__init__") init = def;
    }
    if (ts_node_is_null(init)) return;
    std::vector<Parameter> params = ParametersOf(tree_, FieldOf(init, "parameters"));
    if (params.empty()) return;
    SelfAssignments(FieldOf(init, "body"), params[0].name, add);
  }

  template <typename Add>
  void SelfAssignments(TSNode node, const std::string& self, Add& add) {
    if (ts_node_is_null(node)) return;
    for (TSNode child : NamedChildren(node)) {
      if (IsScopeBoundary(child)) continue;
      if (Is(child, "assignment")) {
        TSNode left = FieldOf(child, "left");
        if (!ts_node_is_null(left) && Is(left, "attribute")) {
          TSNode object = FieldOf(left, "object");
          TSNode attr = FieldOf(left, "attribute");
          if (!ts_node_is_null(object) && !ts_node_is_null(attr) && Is(object, "identifier") && tree_.TextOf(object) == self)
            add(AttributeOf(child, std::string(tree_.TextOf(attr)), true));
        }
      }
      SelfAssignments(child, self, add);
    }
  }

  Attribute AttributeOf(TSNode assignment, std::string name, bool instance) {
    Attribute a;
    a.name = std::move(name);
    a.annotation = FieldText(tree_, assignment, "type");
    TSNode right = FieldOf(assignment, "right");
    // `a = b = 1`: the value is the innermost right-hand side.
    while (!ts_node_is_null(right) && Is(right, "assignment")) right = FieldOf(right, "right");
    if (!ts_node_is_null(right)) {
      a.default_value = OneLine(tree_.TextOf(right));
      a.has_default = true;
    }
    a.instance = instance;
    a.line = LineOf(assignment);
    return a;
  }

  void Imports(TSNode node) {
    Import imp;
    imp.line = LineOf(node);
    if (Is(node, "import_statement")) {
      for (TSNode child : NamedChildren(node)) {
        if (Is(child, "comment")) continue;
        Import one = imp;
        one.module = std::string(tree_.TextOf(child));
        imports_.push_back(std::move(one));
      }
      return;
    }
    TSNode module = FieldOf(node, "module_name");
    imp.module = ts_node_is_null(module) ? "" : std::string(tree_.TextOf(module));
    for (TSNode child : NamedChildren(node)) {
      if (!ts_node_is_null(module) && ts_node_eq(child, module)) continue;
      if (Is(child, "wildcard_import")) imp.names.push_back("*");
      else if (Is(child, "dotted_name") || Is(child, "aliased_import")) imp.names.push_back(std::string(tree_.TextOf(child)));
    }
    imports_.push_back(std::move(imp));
  }

  const SourceTree& tree_;
  std::vector<Definition> defs_;
  std::vector<Import> imports_;
};

Json DocstringJson(const Docstring& d) {
  Json out = Json::object();
  out["line"] = d.line;
  out["end_line"] = d.end_line;
  Json parsed = ToJson(d.parsed);  // named: a range-for over a temporary's items() dangles
  for (const auto& item : parsed.items()) out[item.key()] = item.value();
  return out;
}

}  // namespace

std::string_view ParamKindName(ParamKind kind) {
  switch (kind) {
    case ParamKind::kPositionalOnly: return "positional_only";
    case ParamKind::kNormal: return "normal";
    case ParamKind::kVarPositional: return "var_positional";
    case ParamKind::kKeywordOnly: return "keyword_only";
    case ParamKind::kVarKeyword: return "var_keyword";
  }
  return "normal";
}

bool Definition::is_overload() const {
  return std::any_of(decorators.begin(), decorators.end(),
                     [](const std::string& d) { return d == "overload" || d == "typing.overload"; });
}

ModuleFacts FactsOf(const SourceTree& tree) { return Extractor(tree).Run(); }

Json ToJson(const Definition& d) {
  Json out = Json::object();
  out["kind"] = d.kind;
  out["name"] = d.name;
  out["qualified_name"] = d.qualified_name;
  if (!d.decorators.empty()) out["decorators"] = d.decorators;
  out["line"] = d.line;
  out["end_line"] = d.end_line;
  if (d.decorated_line != d.line) out["decorated_line"] = d.decorated_line;
  if (d.is_class()) {
    if (!d.cls.bases.empty()) out["bases"] = d.cls.bases;
    Json attributes = Json::array();
    for (const Attribute& a : d.cls.attributes) {
      Json j = {{"name", a.name}};
      if (!a.annotation.empty()) j["annotation"] = a.annotation;
      if (a.has_default) j["default"] = a.default_value;
      if (a.instance) j["instance"] = true;
      j["line"] = a.line;
      attributes.push_back(std::move(j));
    }
    if (!attributes.empty()) out["attributes"] = std::move(attributes);
  } else {
    Json params = Json::array();
    for (const Parameter& p : d.function.params) {
      Json j = {{"name", p.name}, {"kind", ParamKindName(p.kind)}};
      if (!p.annotation.empty()) j["annotation"] = p.annotation;
      if (p.has_default) j["default"] = p.default_value;
      params.push_back(std::move(j));
    }
    out["parameters"] = std::move(params);
    if (!d.function.return_annotation.empty()) out["returns"] = d.function.return_annotation;
    if (!d.function.raises.empty()) out["raises"] = d.function.raises;
    out["yields"] = d.function.yields;
    out["returns_value"] = d.function.returns_value;
  }
  out["docstring"] = d.docstring ? DocstringJson(*d.docstring) : Json(nullptr);
  return out;
}

Json ToJson(const ModuleFacts& m) {
  Json defs = Json::array();
  for (const Definition& d : m.definitions) defs.push_back(ToJson(d));
  Json out = Json::object();
  out["docstring"] = m.docstring ? DocstringJson(*m.docstring) : Json(nullptr);
  out["definitions"] = std::move(defs);
  Json imports = Json::array();
  for (const Import& i : m.imports) imports.push_back({{"module", i.module}, {"names", i.names}, {"line", i.line}});
  out["imports"] = std::move(imports);
  return out;
}

}  // namespace trajc::python
