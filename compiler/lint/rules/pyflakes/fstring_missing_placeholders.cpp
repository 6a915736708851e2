#include "lint/rules/pyflakes/fstring_missing_placeholders.h"

#include <cstring>

namespace trajc::lint {

namespace {

bool Is(TSNode n, const char* type) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), type) == 0; }

// The `string_start` of a string node, or a null node.
TSNode StartOf(TSNode str) {
  uint32_t n = ts_node_named_child_count(str);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(str, i);
    if (Is(c, "string_start")) return c;
  }
  return TSNode{};
}

bool IsFString(const Source& src, TSNode str) {
  TSNode start = StartOf(str);
  if (ts_node_is_null(start)) return false;
  std::string_view prefix = src.tree->TextOf(start);
  for (char c : prefix) {
    if (c == 'f' || c == 'F') return true;
    if (c == '\'' || c == '"') break;
  }
  return false;
}

bool HasInterpolation(TSNode str) {
  uint32_t n = ts_node_named_child_count(str);
  for (uint32_t i = 0; i < n; ++i) {
    if (Is(ts_node_named_child(str, i), "interpolation")) return true;
  }
  return false;
}

// `{{` and `}}` inside the string's content become single braces once the `f` is gone.
void Undouble(const Source& src, TSNode node, std::vector<Edit>& edits) {
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) {
    TSNode c = ts_node_named_child(node, i);
    if (Is(c, "escape_interpolation")) {
      std::string_view text = src.tree->TextOf(c);
      edits.push_back(Edit{ts_node_start_byte(c), ts_node_end_byte(c), std::string(text.substr(0, 1))});
    } else if (Is(c, "string_content")) {
      Undouble(src, c, edits);
    }
  }
}

void RemovePrefix(const Source& src, TSNode str, std::vector<Edit>& edits) {
  TSNode start = StartOf(str);
  std::string_view prefix = src.tree->TextOf(start);
  size_t base = ts_node_start_byte(start);
  for (size_t i = 0; i < prefix.size() && prefix[i] != '\'' && prefix[i] != '"'; ++i) {
    if (prefix[i] == 'f' || prefix[i] == 'F') edits.push_back(Edit{base + i, base + i + 1, ""});
  }
  Undouble(src, str, edits);
}

void Check(const Source& src, TSNode node, Findings& out) {
  bool single = Is(node, "string");
  if (single || Is(node, "concatenated_string")) {
    std::vector<TSNode> parts;
    if (single) {
      parts.push_back(node);
    } else {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_named_child(node, i);
        if (Is(c, "string")) parts.push_back(c);
      }
    }
    bool any_f = false, placeholders = false;
    for (TSNode p : parts) {
      any_f = any_f || IsFString(src, p);
      placeholders = placeholders || HasInterpolation(p);
    }
    if (any_f && !placeholders) {
      std::vector<Edit> edits;
      for (TSNode p : parts) {
        if (IsFString(src, p)) RemovePrefix(src, p, edits);
      }
      TSPoint at = ts_node_start_point(node);
      out.push_back({"F541", static_cast<int>(at.row) + 1, static_cast<int>(at.column), true,  // pyflakes: UTF-8 byte columns
                     "f-string is missing placeholders", std::move(edits)});
    }
    // Placeholders of a JoinedStr are not checked again (pyflakes' `_in_fstring`); a
    // plain string has none.
    return;
  }
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; ++i) Check(src, ts_node_named_child(node, i), out);
}

}  // namespace

void CheckFStringMissingPlaceholders(const Source& src, Findings& out) {
  if (!src.tree) return;
  Check(src, src.tree->root(), out);
}

}  // namespace trajc::lint
