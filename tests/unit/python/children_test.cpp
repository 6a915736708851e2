// python/children and python/node_kind give what the slow tree-sitter calls they replace
// give: for every node of real files and of snippets that exercise aliases, anonymous
// tokens spelt like named nodes and error recovery, NamedChildren/Children equal
// ts_node_named_child/ts_node_child by index, ForEachNamedChild and FlatTree give the
// nodes of a recursion over ts_node_named_child (also when skipping subtrees), FlatTree
// finds every named node and its children, NodeKind matches exactly the nodes whose ts_node_type is its name, and
// FieldName finds what ts_node_child_by_field_name finds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "python/children.h"
#include "python/flat_tree.h"
#include "python/node_kind.h"
#include "python/parse.h"

using namespace trajc::python;

namespace {

const char* const kSnippets[] = {
    "@overload\ndef f(a, /, b: int = 1, *args, c, **kw) -> 'X':\n    return lambda x=2: x\n",
    "type X = list[int]\nprint(type(x))\nawait = 1\nmatch = 2\nmatch x:\n    case [a, *rest] if a: pass\n"
    "    case Point(x=0) | {'k': v}: pass\n",
    "async def g():\n    await h()\n    yield (yield)\n    async with a as (b, c): pass\n",
    "x = f'{a!r:>{w}} {{}}' 'plain' rb'\\d'\nclass C(B, metaclass=M):\n    x: int\n",
    "try:\n    pass\nexcept* E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "from . import (a as b, c)\nfrom x import *\nimport a.b.c as d, e\nglobal g\ndel x, (y, z)\n",
    "if x:\n    pass\nelif y: z = 1\nelse:\n    w = [i for i in j if i]\n",
    "def broken(:\n    x = = 1\n  y = )\n",  // error recovery: ERROR and MISSING nodes
    "print >> f, x\nexec 'code'\n",             // Python 2 statements the grammar still knows
    "x = (a if b else c), not d, a is not b, a not in b, -x ** 2, ...\n",
};

std::vector<std::string> Sources() {
  std::vector<std::string> out(std::begin(kSnippets), std::end(kSnippets));
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(TRAJC_SOURCE_DIR) + "/fixtures/lint")) {
    if (e.path().extension() == ".py") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 10);
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

template <class F>
void EachNode(TSNode node, F&& f) {
  f(node);
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) EachNode(ts_node_child(node, i), f);
}

bool Same(TSNode a, TSNode b) {
  return ts_node_eq(a, b) && ts_node_symbol(a) == ts_node_symbol(b) && ts_node_start_byte(a) == ts_node_start_byte(b) &&
         ts_node_end_byte(a) == ts_node_end_byte(b) && ts_node_is_named(a) == ts_node_is_named(b);
}

// Preorder of named nodes through ForEachNamedChild, to compare with the index-based walk.
void Preorder(TSNode node, std::vector<TSNode>& out) {
  out.push_back(node);
  ForEachNamedChild(node, [&](TSNode c) { Preorder(c, out); });
}
// `prune` nodes are listed but not entered.
void PreorderByIndex(TSNode node, std::vector<TSNode>& out, const char* prune = "") {
  out.push_back(node);
  if (std::strcmp(ts_node_type(node), prune) == 0) return;
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) PreorderByIndex(ts_node_named_child(node, i), out, prune);
}

void RequireSame(const std::vector<TSNode>& a, const std::vector<TSNode>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) REQUIRE(Same(a[i], b[i]));
}

}  // namespace

TEST_CASE("NamedChildren, Children, ForEachNamedChild and FlatTree match tree-sitter's indexed access") {
  size_t nodes = 0;
  size_t pruned_away = 0;  // nodes the pruned walks skipped: pruning was exercised
  for (const std::string& text : Sources()) {
    SourceTree tree = SourceTree::Parse(text);
    const FlatTree flat(tree.root());
    EachNode(tree.root(), [&](TSNode node) {
      ++nodes;
      size_t at = flat.Find(node);
      REQUIRE((at != FlatTree::npos) == ts_node_is_named(node));
      if (at != FlatTree::npos) {
        REQUIRE(Same(flat.nodes()[at].node, node));
        std::vector<TSNode> children;
        flat.ForEachChild(at, [&](const FlatTree::Node& c) { children.push_back(c.node); });
        REQUIRE(children.size() == ts_node_named_child_count(node));
        for (uint32_t i = 0; i < children.size(); ++i) REQUIRE(Same(children[i], ts_node_named_child(node, i)));
      }
      std::vector<TSNode> named = NamedChildren(node);
      REQUIRE(named.size() == ts_node_named_child_count(node));
      for (uint32_t i = 0; i < named.size(); ++i) REQUIRE(Same(named[i], ts_node_named_child(node, i)));
      std::vector<TSNode> all = Children(node);
      REQUIRE(all.size() == ts_node_child_count(node));
      for (uint32_t i = 0; i < all.size(); ++i) REQUIRE(Same(all[i], ts_node_child(node, i)));
    });
    std::vector<TSNode> walked, indexed;
    Preorder(tree.root(), walked);
    PreorderByIndex(tree.root(), indexed);
    RequireSame(walked, indexed);
    std::vector<TSNode> flat_nodes;
    for (const FlatTree::Node& f : flat.nodes()) {
      flat_nodes.push_back(f.node);
      REQUIRE(f.symbol == ts_node_symbol(f.node));
      REQUIRE(f.start == ts_node_start_byte(f.node));
    }
    RequireSame(flat_nodes, indexed);
    for (const char* prune : {"string", "block", "call"}) {
      // Skipping to `end` at a node leaves out exactly its subtree.
      std::vector<TSNode> pruned, pruned_indexed;
      const std::vector<FlatTree::Node>& entries = flat.nodes();
      for (size_t i = 0; i < entries.size();) {
        pruned.push_back(entries[i].node);
        i = std::strcmp(ts_node_type(entries[i].node), prune) == 0 ? entries[i].end : i + 1;
      }
      PreorderByIndex(tree.root(), pruned_indexed, prune);
      INFO(prune);
      RequireSame(pruned, pruned_indexed);
      pruned_away += indexed.size() - pruned.size();
    }
  }
  CHECK(nodes > 10000);
  CHECK(pruned_away > 1000);
  CHECK(NamedChildren(TSNode{}).empty());
  CHECK(FlatTree(TSNode{}).nodes().empty());
  CHECK(FlatTree(TSNode{}).Find(TSNode{}) == FlatTree::npos);
  CHECK(Children(TSNode{}).empty());
}

TEST_CASE("NodeKind matches the nodes whose ts_node_type is its name, named or anonymous") {
  const char* const names[] = {"identifier", "lambda", "type", "await", "yield", "string", "string_start",
                               "assignment", "comment", "none", "true", "false", "ellipsis", "is", "is not",
                               "not in", "ERROR", "block", "print_statement", "except_group_clause"};
  std::vector<NodeKind> kinds;
  for (const char* name : names) kinds.emplace_back(name);
  std::vector<size_t> matched(std::size(names), 0);
  for (const std::string& text : Sources()) {
    SourceTree tree = SourceTree::Parse(text);
    EachNode(tree.root(), [&](TSNode node) {
      for (size_t k = 0; k < kinds.size(); ++k) {
        bool by_name = std::strcmp(ts_node_type(node), names[k]) == 0;
        INFO(names[k] << " at byte " << ts_node_start_byte(node));
        REQUIRE(kinds[k].Of(node) == by_name);
        matched[k] += by_name;
      }
    });
  }
  for (size_t k = 0; k < kinds.size(); ++k) {
    INFO(names[k]);
    CHECK(matched[k] > 0);  // each name occurs, so the test compares something
  }
  CHECK_FALSE(kinds[0].Of(TSNode{}));
}

TEST_CASE("FieldName finds what ts_node_child_by_field_name finds") {
  const char* const names[] = {"name", "left", "right", "body", "value", "type", "alias", "module_name",
                               "definition", "consequence", "alternative", "parameters", "return_type"};
  for (const std::string& text : Sources()) {
    SourceTree tree = SourceTree::Parse(text);
    EachNode(tree.root(), [&](TSNode node) {
      for (const char* name : names) {
        TSNode expected = ts_node_child_by_field_name(node, name, static_cast<uint32_t>(std::strlen(name)));
        TSNode got = FieldName(name).Of(node);
        INFO(name);
        REQUIRE(ts_node_is_null(got) == ts_node_is_null(expected));
        if (!ts_node_is_null(expected)) REQUIRE(Same(got, expected));
      }
    });
  }
}
