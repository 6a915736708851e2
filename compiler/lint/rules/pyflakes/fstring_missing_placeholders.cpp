#include "lint/rules/pyflakes/fstring_missing_placeholders.h"

#include "python/flat_tree.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

using python::Is;

// The `string_start` of a string node, or a null node.
TSNode StartOf(const python::FlatTree& tree, TSNode str) {
  TSNode start{};
  tree.ForEachNamedChild(str, [&](TSNode c) {
    if (ts_node_is_null(start) && Is(c, kind::kStringStart)) start = c;
  });
  return start;
}

bool IsFString(const Source& src, const python::FlatTree& tree, TSNode str) {
  TSNode start = StartOf(tree, str);
  if (ts_node_is_null(start)) return false;
  std::string_view prefix = src.tree->TextOf(start);
  for (char c : prefix) {
    if (c == 'f' || c == 'F') return true;
    if (c == '\'' || c == '"') break;
  }
  return false;
}

bool HasInterpolation(const python::FlatTree& tree, TSNode str) {
  bool found = false;
  tree.ForEachNamedChild(str, [&](TSNode c) { found = found || Is(c, kind::kInterpolation); });
  return found;
}

// `{{` and `}}` inside the string's content become single braces once the `f` is gone.
void Undouble(const Source& src, const python::FlatTree& tree, TSNode node, std::vector<Edit>& edits) {
  for (TSNode c : tree.NamedChildren(node)) {
    if (Is(c, kind::kEscapeInterpolation)) {
      std::string_view text = src.tree->TextOf(c);
      edits.push_back(Edit{ts_node_start_byte(c), ts_node_end_byte(c), std::string(text.substr(0, 1))});
    } else if (Is(c, kind::kStringContent)) {
      Undouble(src, tree, c, edits);
    }
  }
}

void RemovePrefix(const Source& src, const python::FlatTree& tree, TSNode str, std::vector<Edit>& edits) {
  TSNode start = StartOf(tree, str);
  std::string_view prefix = src.tree->TextOf(start);
  size_t base = ts_node_start_byte(start);
  for (size_t i = 0; i < prefix.size() && prefix[i] != '\'' && prefix[i] != '"'; ++i) {
    if (prefix[i] == 'f' || prefix[i] == 'F') edits.push_back(Edit{base + i, base + i + 1, ""});
  }
  Undouble(src, tree, str, edits);
}

// A string or concatenation of strings: F541 when it is an f-string without placeholders.
void CheckString(const Source& src, const python::FlatTree& tree, TSNode node, Findings& out) {
  bool single = Is(node, kind::kString);
  std::vector<TSNode> parts;
  if (single) {
    parts.push_back(node);
  } else {
    for (TSNode c : tree.NamedChildren(node)) {
      if (Is(c, kind::kString)) parts.push_back(c);
    }
  }
  bool any_f = false, placeholders = false;
  for (TSNode p : parts) {
    any_f = any_f || IsFString(src, tree, p);
    placeholders = placeholders || HasInterpolation(tree, p);
  }
  if (any_f && !placeholders) {
    std::vector<Edit> edits;
    for (TSNode p : parts) {
      if (IsFString(src, tree, p)) RemovePrefix(src, tree, p, edits);
    }
    TSPoint at = ts_node_start_point(node);
    Finding& f = Report(out, kFStringMissingPlaceholders, static_cast<int>(at.row) + 1, static_cast<int>(at.column), {},
                        std::move(edits));
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }
}

}  // namespace

void CheckFStringMissingPlaceholders(const Source& src, const python::FlatTree& tree, Findings& out) {
  const std::vector<python::FlatTree::Node>& nodes = tree.nodes();
  for (size_t i = 0; i < nodes.size();) {
    const python::FlatTree::Node& n = nodes[i];
    if (!kind::kString.Matches(n.symbol) && !kind::kConcatenatedString.Matches(n.symbol)) {
      ++i;
      continue;
    }
    CheckString(src, tree, n.node, out);
    // Placeholders of a JoinedStr are not checked again (pyflakes' `_in_fstring`); a
    // plain string has none.
    i = n.end;
  }
}

}  // namespace trajc::lint
