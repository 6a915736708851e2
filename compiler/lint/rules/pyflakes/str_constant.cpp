#include "lint/rules/pyflakes/str_constant.h"

#include "python/children.h"
#include "python/literal.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

using python::Is;

// A string part is a str unless its prefix holds `f` (JoinedStr) or `b` (bytes).
bool IsStrPart(const Source& src, TSNode str) {
  std::string_view text = src.tree->TextOf(str);
  for (char c : text) {
    if (c == '\'' || c == '"') return true;
    if (c == 'f' || c == 'F' || c == 'b' || c == 'B') return false;
  }
  return false;
}

}  // namespace

TSNode Unparenthesized(TSNode n) {
  while (Is(n, kind::kParenthesizedExpression) && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

bool IsStrConstant(const Source& src, TSNode n) {
  if (Is(n, kind::kString)) return IsStrPart(src, n);
  if (!Is(n, kind::kConcatenatedString)) return false;
  bool all = true;
  python::ForEachNamedChild(n, [&](TSNode c) {
    if (Is(c, kind::kString)) all = all && IsStrPart(src, c);
  });
  return all;
}

std::optional<std::string> StrConstantValue(const Source& src, TSNode n) {
  std::optional<python::Value> v = python::LiteralOf(*src.tree, n);
  if (!v || v->kind != python::Value::Kind::kStr) return std::nullopt;
  return std::move(v->str);
}

}  // namespace trajc::lint
