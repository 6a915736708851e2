#include "cli/fix_signature.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "python/children.h"
#include "python/parse.h"

namespace trajc::cli {

namespace {

// The signature of a parsed text; `tokens`, when given, receives each held token's range.
std::string SignatureOf(const python::SourceTree& tree, std::vector<std::pair<size_t, size_t>>* tokens) {
  std::string sig;
  TSTreeCursor cursor = ts_tree_cursor_new(tree.root());
  bool enter = true;
  for (;;) {
    if (enter) {
      TSNode node = ts_tree_cursor_current_node(&cursor);
      std::string_view type = ts_node_type(node);
      bool whole = type == "string_content" || ts_node_child_count(node) == 0;
      if (type != "comment" && type != ";" && whole) {
        sig.append(type);
        sig += '\x1f';
        sig.append(tree.TextOf(node));
        sig += '\x1e';
        if (tokens != nullptr) tokens->emplace_back(ts_node_start_byte(node), ts_node_end_byte(node));
      }
      if (type != "comment" && !whole && ts_tree_cursor_goto_first_child(&cursor)) continue;
    }
    if (ts_tree_cursor_goto_next_sibling(&cursor)) {
      enter = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&cursor)) break;
    enter = false;
  }
  ts_tree_cursor_delete(&cursor);
  return sig;
}

}  // namespace

std::string CodeSignature(const std::string& text) { return SignatureOf(python::SourceTree::Parse(text), nullptr); }

SignatureGuard::SignatureGuard(std::string text) : text_(std::move(text)) {
  python::SourceTree tree = python::SourceTree::Parse(text_);
  std::vector<std::pair<size_t, size_t>> tokens;
  signature_ = SignatureOf(tree, &tokens);
  if (ts_node_has_error(tree.root())) return;
  tokens_ = std::move(tokens);
  bounds_.push_back(0);
  bool first = true;
  for (TSNode child : python::NamedChildren(tree.root())) {
    if (std::string_view(ts_node_type(child)) == "comment") continue;  // an extra: it has no statement of its own
    if (!first) bounds_.push_back(ts_node_start_byte(child));
    first = false;
  }
  bounds_.push_back(text_.size());
}

bool SignatureGuard::CutsToken(const std::vector<lint::AppliedSpan>& ranges) const {
  for (const lint::AppliedSpan& r : ranges) {
    // The first token ending after the edit's start. An edit inside it, short of the whole
    // token, changes its text; an edit across tokens may only move them (E203 moves a
    // comma over a comment), which the parse has to judge.
    auto t = std::upper_bound(tokens_.begin(), tokens_.end(), r.old_begin,
                              [](size_t v, const std::pair<size_t, size_t>& tok) { return v < tok.second; });
    if (t == tokens_.end() || t->first > r.old_begin || r.old_end > t->second) continue;
    const bool inside = r.old_begin == r.old_end ? t->first < r.old_begin
                                                 : t->first < r.old_begin || r.old_end < t->second;
    if (inside) return true;
  }
  return false;
}

bool SignatureGuard::Keeps(const lint::BatchFix& batch) const {
  if (bounds_.size() < 3) return KeepsWhole(batch.text);  // no regions, or only one
  const size_t regions = bounds_.size() - 1;
  auto region_of = [&](size_t offset) {  // the region holding byte `offset`
    size_t r = static_cast<size_t>(std::upper_bound(bounds_.begin(), bounds_.end(), offset) - bounds_.begin());
    return std::min(r == 0 ? 0 : r - 1, regions - 1);
  };
  // Runs of regions [lo, hi] to compare: each edit's regions and one more either side
  // (an edit at a statement's end may join it to the next), merged when they touch.
  std::vector<std::pair<size_t, size_t>> runs;
  for (const lint::AppliedSpan& s : batch.spans) {
    size_t lo = region_of(s.old_begin), hi = region_of(s.old_end);
    lo = lo == 0 ? 0 : lo - 1;
    hi = std::min(hi + 1, regions - 1);
    if (!runs.empty() && lo <= runs.back().second + 1) {
      runs.back().second = std::max(runs.back().second, hi);
    } else {
      runs.emplace_back(lo, hi);
    }
  }
  // A run's bounds lie outside every edit, so an old offset x maps to the new text by the
  // last edit that ends at or before it.
  auto to_new = [&](size_t x) {
    auto after = std::upper_bound(batch.spans.begin(), batch.spans.end(), x,
                                  [](size_t v, const lint::AppliedSpan& s) { return v < s.old_end; });
    if (after == batch.spans.begin()) return x;
    const lint::AppliedSpan& s = *std::prev(after);
    return s.new_end + (x - s.old_end);
  };
  for (const auto& [lo, hi] : runs) {
    const size_t old_begin = bounds_[lo], old_end = bounds_[hi + 1];
    const size_t new_begin = to_new(old_begin), new_end = to_new(old_end);
    if (new_end < new_begin || new_end > batch.text.size()) return KeepsWhole(batch.text);
    const std::string before = lo == 0 && hi == regions - 1 ? signature_ : CodeSignature(text_.substr(old_begin, old_end - old_begin));
    if (CodeSignature(batch.text.substr(new_begin, new_end - new_begin)) != before) return false;
  }
  return true;
}

}  // namespace trajc::cli
