#include "domains/pytest/canonical.h"

#include <string_view>

#include "python/children.h"

namespace trajc::domains::pytest {

namespace {

std::string_view Type(TSNode n) { return ts_node_type(n); }

std::optional<python::Value> Bound(const python::SourceTree& tree, TSNode node, const Bindings& bindings) {
  if (Type(node) == "identifier") {
    auto it = bindings.find(std::string(tree.TextOf(node)));
    if (it != bindings.end()) return it->second;
    return std::nullopt;
  }
  return python::LiteralOf(tree, node);
}

}  // namespace

std::string Canonical(const python::SourceTree& tree, TSNode node, const Bindings& bindings) {
  if (auto v = Bound(tree, node, bindings)) return python::Repr(*v);
  std::string_view type = Type(node);
  if (type == "identifier") return std::string(tree.TextOf(node));
  if (type == "expression_statement" && ts_node_named_child_count(node) == 1)
    return Canonical(tree, ts_node_named_child(node, 0), bindings);
  if (type == "parenthesized_expression" && ts_node_named_child_count(node) == 1)
    return Canonical(tree, ts_node_named_child(node, 0), bindings);
  if (type == "argument_list") {
    std::string out = "(";
    bool first = true;
    for (TSNode arg : python::NamedChildren(node)) {
      if (Type(arg) == "comment") continue;
      out += (first ? "" : ", ") + Canonical(tree, arg, bindings);
      first = false;
    }
    return out + ")";
  }
  if (type == "keyword_argument") {
    return std::string(tree.TextOf(ts_node_child_by_field_name(node, "name", 4))) + "=" +
           Canonical(tree, ts_node_child_by_field_name(node, "value", 5), bindings);
  }
  if (type == "attribute") {
    return Canonical(tree, ts_node_child_by_field_name(node, "object", 6), bindings) + "." +
           std::string(tree.TextOf(ts_node_child_by_field_name(node, "attribute", 9)));
  }
  if (type == "call") {
    return Canonical(tree, ts_node_child_by_field_name(node, "function", 8), bindings) +
           Canonical(tree, ts_node_child_by_field_name(node, "arguments", 9), bindings);
  }
  if (ts_node_child_count(node) == 0) return std::string(tree.TextOf(node));
  // Anything else: its tokens, one space apart, comments left out.
  std::string out;
  for (TSNode child : python::Children(node)) {
    if (Type(child) == "comment") continue;
    std::string part = Canonical(tree, child, bindings);
    if (part.empty()) continue;
    out += (out.empty() ? "" : " ") + part;
  }
  return out;
}

std::string RootName(const python::SourceTree& tree, TSNode node) {
  while (!ts_node_is_null(node)) {
    std::string_view type = Type(node);
    if (type == "identifier") return std::string(tree.TextOf(node));
    if (type == "call") node = ts_node_child_by_field_name(node, "function", 8);
    else if (type == "attribute") node = ts_node_child_by_field_name(node, "object", 6);
    else if (type == "subscript") node = ts_node_child_by_field_name(node, "value", 5);
    else if (type == "expression_statement" || type == "parenthesized_expression") node = ts_node_named_child(node, 0);
    else return "";
  }
  return "";
}

bool LiteralArguments(const python::SourceTree& tree, TSNode call, const Bindings& bindings) {
  TSNode args = ts_node_child_by_field_name(call, "arguments", 9);
  if (ts_node_is_null(args) || Type(args) != "argument_list") return false;
  for (TSNode arg : python::NamedChildren(args)) {
    if (Type(arg) == "comment") continue;
    if (Type(arg) == "keyword_argument") arg = ts_node_child_by_field_name(arg, "value", 5);
    if (!Bound(tree, arg, bindings)) return false;
  }
  return true;
}

}  // namespace trajc::domains::pytest
