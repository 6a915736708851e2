#include "lint/rules/pycodestyle/continuation_state.h"

#include <algorithm>
#include <climits>

#include "lint/rules/pycodestyle/continuation_lines.h"

namespace trajc::lint::continuation {

void BracketState::Reset(int first_col, bool tabs) {
  depth_ = 0;
  valid_hangs_ = tabs ? std::vector<int>{kIndentSize, 2 * kIndentSize} : std::vector<int>{kIndentSize};
  indent_.assign(1, 0);
  stamp_.assign(1, 0);
  peaks_.clear();
  clock_ = 0;
  SetIndent(first_col);
  hangs_.assign(1, 0);
  chances_.clear();
  first_rel_.assign(1, 0);
  last_rel_.assign(1, 0);
  latest_row_.clear();
  latest_row_[{0, 0}] = 0;
  bracket_rel_.assign(1, 0);
}

Chance BracketState::ChanceAt(int col) const {
  auto it = chances_.find(col);
  return it == chances_.end() ? Chance{} : it->second;
}

Verdict BracketState::Decide(const RowStart& row, bool indent_next) const {
  const auto d = static_cast<size_t>(depth_);
  Verdict v;
  // "for open_row in reversed(open_rows[depth])": the latest opening row from which this
  // line hangs by a valid amount, else the hang from the first one.
  int hang = 0;
  int matched_row = -1;
  for (int h : valid_hangs_) {
    auto it = latest_row_.find({depth_, row.rel - h});
    if (it != latest_row_.end() && it->second > matched_row) {
      matched_row = it->second;
      hang = h;
    }
  }
  bool hanging_indent = matched_row >= 0;
  if (!hanging_indent) hang = row.rel - first_rel_[d];
  if (hangs_[d]) hanging_indent = hang == hangs_[d];
  if (!row.close && hang > 0) v.visual = ChanceAt(row.col);
  v.hang = hang;
  const int indent = indent_[d];
  if (row.close && indent) {
    if (row.col != indent) v.error = &kClosingBracketNotMatchingVisualIndent;
  } else if (row.close && !hang) {
    // the closing bracket matches the opening line's indentation (E133 only with hang_closing)
  } else if (indent && row.col < indent) {
    if (v.visual.kind != Chance::kTrue) v.error = &kContinuationUnderIndentedVisual;
  } else if (hanging_indent || (indent_next && row.rel == 2 * kIndentSize)) {
    if (row.close) v.error = &kClosingBracketNotMatchingOpeningLine;
    v.effect = Verdict::kSetHang;
  } else if (v.visual.kind == Chance::kTrue) {
    v.effect = Verdict::kSetVisualIndent;
  } else if (v.visual.kind == Chance::kStr || (v.visual.kind == Chance::kText && v.visual.text == row.text)) {
    // lined up with a string, a comment or the same operator on an earlier line
  } else if (hang <= 0) {
    v.error = &kContinuationMissingIndentation;
  } else if (indent) {
    v.error = &kContinuationOverIndentedVisual;
  } else if (!row.close && hangs_[d]) {
    v.error = &kContinuationUnalignedHanging;
  } else {
    v.effect = Verdict::kSetHang;
    v.error = hang > kIndentSize ? &kContinuationOverIndentedHanging : &kContinuationUnderIndentedHanging;
  }
  return v;
}

void BracketState::Apply(const Verdict& verdict, const RowStart& row) {
  if (verdict.effect == Verdict::kSetHang) hangs_[static_cast<size_t>(depth_)] = verdict.hang;
  if (verdict.effect == Verdict::kSetVisualIndent) SetIndent(row.col);
}

void BracketState::SetIndent(int col) {
  const auto d = static_cast<size_t>(depth_);
  indent_[d] = col;
  stamp_[d] = ++clock_;
  if (col > 0) {
    peaks_.push_back({col, depth_, clock_});
    std::push_heap(peaks_.begin(), peaks_.end());
  }
}

void BracketState::SetChance(int col, Chance c) { chances_[col] = c; }

void BracketState::ChanceIfAbsent(int col, Chance c) { chances_.emplace(col, c); }

void BracketState::AddOpenRow(int row, int rel) {
  const auto d = static_cast<size_t>(depth_);
  if (first_rel_.size() == d) {
    first_rel_.push_back(rel);
    last_rel_.push_back(rel);
  } else {
    last_rel_[d] = rel;
  }
  latest_row_[{depth_, rel}] = row;  // rows only grow: the latest is the last written
}

void BracketState::Open(int row, int rel) {
  ++depth_;
  indent_.push_back(0);
  stamp_.push_back(++clock_);
  hangs_.push_back(0);
  AddOpenRow(row, rel);
  bracket_rel_.push_back(rel);
}

void BracketState::ZeroIndentsAbove(int limit) {
  while (!peaks_.empty() && peaks_.front().value > limit) {
    std::pop_heap(peaks_.begin(), peaks_.end());
    const Peak p = peaks_.back();
    peaks_.pop_back();
    const auto slot = static_cast<size_t>(p.slot);
    if (slot < indent_.size() && stamp_[slot] == p.stamp) {
      indent_[slot] = 0;
      stamp_[slot] = ++clock_;
    }
  }
}

void BracketState::Close(int last_indent_col) {
  // "parent indents should not be more than this one"
  const int prev_indent = indent_.back() ? indent_.back() : last_indent_col;
  indent_.pop_back();
  stamp_.pop_back();
  hangs_.pop_back();
  ZeroIndentsAbove(prev_indent);
  chances_.erase(chances_.lower_bound(prev_indent), chances_.end());
  // del open_rows[depth + 1:]
  const auto keep = static_cast<size_t>(depth_) + 1;
  if (first_rel_.size() > keep) {
    first_rel_.resize(keep);
    last_rel_.resize(keep);
  }
  latest_row_.erase(latest_row_.lower_bound({depth_ + 1, INT_MIN}), latest_row_.end());
  bracket_rel_.pop_back();
  --depth_;
  if (depth_) chances_[indent_[static_cast<size_t>(depth_)]] = Chance{Chance::kTrue, {}};
}

}  // namespace trajc::lint::continuation
