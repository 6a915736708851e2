#include "python/outline.h"

#include <cstring>

namespace trajc::python {

namespace {

bool Is(TSNode node, const char* type) { return strcmp(ts_node_type(node), type) == 0; }

std::string Field(const SourceTree& tree, TSNode node, const char* field) {
  TSNode child = ts_node_child_by_field_name(node, field, static_cast<uint32_t>(strlen(field)));
  return ts_node_is_null(child) ? std::string() : std::string(tree.TextOf(child));
}

class Walker {
 public:
  explicit Walker(const SourceTree& tree) : tree_(tree) {}

  void Visit(TSNode node, const std::string& scope, bool in_class) {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode child = ts_node_named_child(node, i);
      std::vector<std::string> decorators;
      TSNode def = child;
      if (Is(child, "decorated_definition")) {
        uint32_t m = ts_node_named_child_count(child);
        for (uint32_t k = 0; k < m; ++k) {
          TSNode d = ts_node_named_child(child, k);
          if (Is(d, "decorator")) {
            std::string text(tree_.TextOf(d));
            decorators.push_back(text.substr(text.find('@') + 1));
          }
        }
        def = ts_node_child_by_field_name(child, "definition", 10);
        if (ts_node_is_null(def)) continue;
      }
      if (Is(def, "function_definition") || Is(def, "class_definition")) {
        Definition d;
        bool is_class = Is(def, "class_definition");
        bool is_async = !is_class && tree_.TextOf(def).starts_with("async");
        d.kind = is_class ? "class" : in_class ? "method" : is_async ? "async_function" : "function";
        d.name = Field(tree_, def, "name");
        d.qualified_name = scope.empty() ? d.name : scope + "." + d.name;
        d.decorators = std::move(decorators);
        d.line = LineOf(def);
        d.end_line = static_cast<int>(ts_node_end_point(def).row) + 1;
        out_.definitions.push_back(d);
        TSNode body = ts_node_child_by_field_name(def, "body", 4);
        if (!ts_node_is_null(body)) Visit(body, d.qualified_name, is_class);
        continue;
      }
      if (Is(child, "import_statement") || Is(child, "import_from_statement")) {
        Imports(child);
        continue;
      }
      Visit(child, scope, false);
    }
  }

  Outline Take() { return std::move(out_); }

 private:
  void Imports(TSNode node) {
    Import imp;
    imp.line = LineOf(node);
    if (Is(node, "import_statement")) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        Import one = imp;
        one.module = std::string(tree_.TextOf(ts_node_named_child(node, i)));
        out_.imports.push_back(one);
      }
      return;
    }
    TSNode module = ts_node_child_by_field_name(node, "module_name", 11);
    imp.module = ts_node_is_null(module) ? "" : std::string(tree_.TextOf(module));
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; ++i) {
      TSNode child = ts_node_named_child(node, i);
      if (!ts_node_is_null(module) && ts_node_eq(child, module)) continue;
      if (Is(child, "wildcard_import")) imp.names.push_back("*");
      else if (Is(child, "dotted_name") || Is(child, "aliased_import")) imp.names.push_back(std::string(tree_.TextOf(child)));
    }
    out_.imports.push_back(imp);
  }

  const SourceTree& tree_;
  Outline out_;
};

}  // namespace

Outline OutlineOf(const SourceTree& tree) {
  Walker w(tree);
  w.Visit(tree.root(), "", false);
  return w.Take();
}

Json ToJson(const Outline& outline) {
  Json defs = Json::array();
  for (const Definition& d : outline.definitions) {
    defs.push_back({{"kind", d.kind}, {"name", d.name}, {"qualified_name", d.qualified_name},
                    {"decorators", d.decorators}, {"line", d.line}, {"end_line", d.end_line}});
  }
  Json imports = Json::array();
  for (const Import& i : outline.imports)
    imports.push_back({{"module", i.module}, {"names", i.names}, {"line", i.line}});
  return {{"definitions", defs}, {"imports", imports}};
}

}  // namespace trajc::python
