#include "core/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text_lines.h"

namespace trajc {

namespace {

enum class OpKind { kEqual, kDelete, kInsert };

struct Op {
  OpKind kind;
  size_t old_index;  // the old line (kEqual, kDelete)
  size_t new_index;  // the new line (kEqual, kInsert)
};

// Beyond this many differing lines the middle is deleted and inserted wholesale: the
// trace Myers keeps grows with the square of the distance.
constexpr long kMaxDistance = 4000;

// A shortest edit script turning a[lo_a, hi_a) into b[lo_b, hi_b) (Myers 1986), appended to
// ops; false, with nothing appended, when the distance exceeds kMaxDistance.
bool Myers(const std::vector<std::string_view>& a, size_t lo_a, size_t hi_a, const std::vector<std::string_view>& b,
           size_t lo_b, size_t hi_b, std::vector<Op>& ops) {
  const long n = static_cast<long>(hi_a - lo_a), m = static_cast<long>(hi_b - lo_b);
  auto A = [&](long x) { return a[lo_a + static_cast<size_t>(x)]; };
  auto B = [&](long y) { return b[lo_b + static_cast<size_t>(y)]; };
  const long max = std::min(n + m, kMaxDistance);
  const long offset = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  // trace[d] holds v[k] for k in [-d-1, d+1] as it was when step d began.
  std::vector<std::vector<long>> trace;
  long found_d = -1;
  for (long d = 0; d <= max && found_d < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) return false;
  std::vector<Op> reversed;
  long x = n, y = m;
  for (long d = found_d; d >= 0; --d) {
    const std::vector<long>& t = trace[static_cast<size_t>(d)];
    auto at = [&](long k) { return t[static_cast<size_t>(k + d + 1)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    long prev_x = d == 0 ? 0 : at(prev_k);
    long prev_y = d == 0 ? 0 : prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      reversed.push_back({OpKind::kEqual, lo_a + static_cast<size_t>(x), lo_b + static_cast<size_t>(y)});
    }
    if (d > 0) {
      if (x == prev_x) reversed.push_back({OpKind::kInsert, 0, lo_b + static_cast<size_t>(prev_y)});
      else reversed.push_back({OpKind::kDelete, lo_a + static_cast<size_t>(prev_x), 0});
    }
    x = prev_x;
    y = prev_y;
  }
  ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
  return true;
}

// a[lo_a, hi_a) into b[lo_b, hi_b): Myers' shortest script when the distance is within
// kMaxDistance. Past it (`trajc fix` on a long file changes thousands of lines) the lines
// that occur once on each side anchor the texts (the longest run of them in the same
// order, as patience diff takes it) and each stretch between anchors is diffed alone, so
// the diff stays hunk by hunk; a stretch still too different (or any, when `anchor` is
// false: one level of anchors, so no input chooses a depth) goes and comes back whole.
void DiffRange(const std::vector<std::string_view>& a, size_t lo_a, size_t hi_a,
               const std::vector<std::string_view>& b, size_t lo_b, size_t hi_b, std::vector<Op>& ops,
               bool anchor) {
  if (Myers(a, lo_a, hi_a, b, lo_b, hi_b, ops)) return;
  auto wholesale = [&] {
    for (size_t x = lo_a; x < hi_a; ++x) ops.push_back({OpKind::kDelete, x, 0});
    for (size_t y = lo_b; y < hi_b; ++y) ops.push_back({OpKind::kInsert, 0, y});
  };
  if (!anchor) return wholesale();
  std::unordered_map<std::string_view, std::pair<size_t, size_t>> seen;  // line -> (count in a, count in b)
  std::unordered_map<std::string_view, size_t> where_b;
  for (size_t i = lo_a; i < hi_a; ++i) ++seen[a[i]].first;
  for (size_t j = lo_b; j < hi_b; ++j) {
    auto it = seen.find(b[j]);
    if (it != seen.end() && ++it->second.second == 1) where_b[b[j]] = j;
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // (index in a, index in b) of each unique line, by a
  for (size_t i = lo_a; i < hi_a; ++i) {
    const auto& [in_a, in_b] = seen[a[i]];
    if (in_a == 1 && in_b == 1) pairs.emplace_back(i, where_b[a[i]]);
  }
  // The longest subsequence of pairs increasing in b (patience sorting, O(p log p)).
  std::vector<size_t> tails, prev(pairs.size(), SIZE_MAX);
  for (size_t p = 0; p < pairs.size(); ++p) {
    auto at = std::lower_bound(tails.begin(), tails.end(), pairs[p].second,
                               [&](size_t q, size_t bj) { return pairs[q].second < bj; });
    if (at != tails.begin()) prev[p] = *std::prev(at);
    if (at == tails.end()) tails.push_back(p);
    else *at = p;
  }
  std::vector<std::pair<size_t, size_t>> anchors;
  for (size_t p = tails.empty() ? SIZE_MAX : tails.back(); p != SIZE_MAX; p = prev[p]) anchors.push_back(pairs[p]);
  std::reverse(anchors.begin(), anchors.end());
  if (anchors.empty()) return wholesale();
  size_t ia = lo_a, ib = lo_b;
  for (const auto& [xa, xb] : anchors) {
    DiffRange(a, ia, xa, b, ib, xb, ops, false);
    ops.push_back({OpKind::kEqual, xa, xb});
    ia = xa + 1;
    ib = xb + 1;
  }
  DiffRange(a, ia, hi_a, b, ib, hi_b, ops, false);
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// GNU's range: "l" for one line, "l,n" otherwise; an empty range names the line before it.
std::string Range(size_t before, size_t count) {
  size_t start = count == 0 ? before : before + 1;
  return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

std::string UnifiedDiff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                        std::string_view new_label, int context) {
  if (old_text == new_text) return "";
  const std::vector<std::string_view> a = SplitLines(old_text), b = SplitLines(new_text);
  size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Op> ops;
  ops.reserve(a.size() + b.size());
  for (size_t i = 0; i < head; ++i) ops.push_back({OpKind::kEqual, i, i});
  DiffRange(a, head, a.size() - tail, b, head, b.size() - tail, ops, true);
  for (size_t i = tail; i > 0; --i) ops.push_back({OpKind::kEqual, a.size() - i, b.size() - i});

  const size_t ctx = static_cast<size_t>(std::max(context, 0));
  std::string out;
  out += "--- ";
  out.append(old_label);
  out += "\n+++ ";
  out.append(new_label);
  out += "\n";
  // Old and new lines before ops[i], for the hunk headers.
  std::vector<size_t> old_before(ops.size() + 1, 0), new_before(ops.size() + 1, 0);
  for (size_t i = 0; i < ops.size(); ++i) {
    old_before[i + 1] = old_before[i] + (ops[i].kind != OpKind::kInsert ? 1 : 0);
    new_before[i + 1] = new_before[i] + (ops[i].kind != OpKind::kDelete ? 1 : 0);
  }
  size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].kind == OpKind::kEqual) ++i;
    if (i == ops.size()) break;
    size_t first = i, last = i;  // first and last change of this hunk
    for (size_t j = i + 1; j < ops.size(); ++j) {
      if (ops[j].kind == OpKind::kEqual) continue;
      if (j - last - 1 > 2 * ctx) break;
      last = j;
    }
    size_t begin = first >= ctx ? first - ctx : 0;
    size_t end = std::min(ops.size(), last + 1 + ctx);
    out += "@@ -" + Range(old_before[begin], old_before[end] - old_before[begin]) + " +" +
           Range(new_before[begin], new_before[end] - new_before[begin]) + " @@\n";
    for (size_t j = begin; j < end; ++j) {
      const Op& op = ops[j];
      if (op.kind == OpKind::kEqual) AppendLine(out, ' ', a[op.old_index]);
      else if (op.kind == OpKind::kDelete) AppendLine(out, '-', a[op.old_index]);
      else AppendLine(out, '+', b[op.new_index]);
    }
    i = end;
  }
  return out;
}

}  // namespace trajc
