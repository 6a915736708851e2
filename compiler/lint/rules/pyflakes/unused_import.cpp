#include "lint/rules/pyflakes/unused_import.h"

#include <map>

#include "python/children.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Is;

// The imported items of a statement, in source order (the module of a from-import excluded).
std::vector<TSNode> Items(TSNode stmt) {
  std::vector<TSNode> items;
  TSNode module = field::kModuleName.Of(stmt);
  for (TSNode c : python::NamedChildren(stmt)) {
    if (!ts_node_is_null(module) && ts_node_eq(c, module)) continue;
    if (Is(c, kind::kDottedName) || Is(c, kind::kAliasedImport)) items.push_back(c);
  }
  return items;
}

bool OnlyBlanks(std::string_view s) { return s.find_first_not_of(" \t\f\v") == std::string_view::npos; }

std::vector<Edit> RemoveStatement(const Source& src, TSNode stmt) {
  size_t begin = ts_node_start_byte(stmt), end = ts_node_end_byte(stmt);
  TSNode parent = ts_node_parent(stmt);
  int statements = 0;
  for (TSNode c : python::NamedChildren(parent)) statements += !Is(c, kind::kComment);
  if (Is(parent, kind::kBlock) && statements == 1) return {Edit{begin, end, "pass"}};
  int row = static_cast<int>(ts_node_start_point(stmt).row) + 1;
  int end_row = static_cast<int>(ts_node_end_point(stmt).row) + 1;
  size_t line_start = src.Offset(row, 0);
  std::string_view after = src.Line(end_row);
  size_t end_line_start = src.Offset(end_row, 0);
  std::string_view rest = after.substr(std::min(end - end_line_start, after.size()));
  size_t hash = rest.find('#');
  std::string_view code_after = hash == std::string_view::npos ? rest : rest.substr(0, hash);
  while (!code_after.empty() && (code_after.back() == '\n' || code_after.back() == '\r')) code_after.remove_suffix(1);
  if (OnlyBlanks(std::string_view(src.text).substr(line_start, begin - line_start)) && OnlyBlanks(code_after)) {
    return {Edit{line_start, src.Offset(end_row + 1, 0), ""}};
  }
  return {Edit{begin, end, "pass"}};
}

std::vector<Edit> RemoveItems(const std::vector<TSNode>& items, const std::vector<bool>& unused) {
  std::vector<Edit> edits;
  int last_kept = -1;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!unused[i]) last_kept = static_cast<int>(i);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (!unused[i]) continue;
    if (static_cast<int>(i) < last_kept) {
      edits.push_back(Edit{ts_node_start_byte(items[i]), ts_node_start_byte(items[i + 1]), ""});
    }
  }
  if (last_kept >= 0 && static_cast<size_t>(last_kept) + 1 < items.size()) {
    edits.push_back(Edit{ts_node_end_byte(items[last_kept]), ts_node_end_byte(items.back()), ""});
  }
  return edits;
}

}  // namespace

void CheckUnusedImports(const Source& src, const semantic::Facts& facts, Findings& out) {
  std::map<uint32_t, std::vector<const semantic::UnusedImport*>> by_statement;
  for (const auto& u : facts.unused_imports) by_statement[ts_node_start_byte(u.statement)].push_back(&u);
  for (const auto& [start, unused] : by_statement) {
    TSNode stmt = unused.front()->statement;
    std::vector<TSNode> items = Items(stmt);
    std::vector<bool> flags(items.size(), false);
    size_t count = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      for (const semantic::UnusedImport* u : unused) {
        if (ts_node_eq(u->item, items[i])) {
          flags[i] = true;
          ++count;
          break;
        }
      }
    }
    std::vector<Edit> fix = count == items.size() ? RemoveStatement(src, stmt) : RemoveItems(items, flags);
    TSPoint p = ts_node_start_point(stmt);
    for (const semantic::UnusedImport* u : unused) {
      Report(out, kUnusedImport, static_cast<int>(p.row) + 1, static_cast<int>(p.column), {u->name}, fix);
    }
  }
}

}  // namespace trajc::lint
