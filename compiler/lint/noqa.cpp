#include "lint/noqa.h"

#include <algorithm>
#include <cctype>

#include "lint/rules/char_class.h"

namespace trajc::lint {

using python::TokenType;

namespace {

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// `# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?` searched in `text`; returns
// false when absent, sets `blanket` or fills `codes` (upper-cased as written... kept as written).
bool FindNoqa(std::string_view text, bool* blanket, std::vector<std::string>* codes) {
  for (size_t at = text.find('#'); at != std::string_view::npos; at = text.find('#', at + 1)) {
    if (!IEquals(text.substr(at, 6), "# noqa")) continue;
    size_t i = at + 6;
    *blanket = true;
    codes->clear();
    if (i < text.size() && text[i] == ':') {
      size_t j = i + 1;
      if (j < text.size() && IsPySpace(text[j])) ++j;
      // ([A-Z]+[0-9]+(?:[,\s]+)?)+ — greedy; each item needs letters then digits.
      size_t k = j;
      std::vector<std::string> found;
      while (true) {
        size_t a = k;
        while (a < text.size() && IsAlpha(text[a])) ++a;
        if (a == k) break;
        size_t d = a;
        while (d < text.size() && IsAsciiDigit(text[d])) ++d;
        if (d == a) break;
        found.emplace_back(text.substr(k, d - k));
        k = d;
        while (k < text.size() && (text[k] == ',' || IsPySpace(text[k]))) ++k;
      }
      if (!found.empty()) {
        *blanket = false;
        *codes = std::move(found);
      } else if (j != i + 1) {
        // `[\s]?` consumed a character but no code followed: the optional group fails as a whole.
      }
    }
    return true;
  }
  return false;
}

}  // namespace

NoqaMap::NoqaMap(const Source& src)
    : src_(src),
      range_(static_cast<size_t>(src.total_lines()) + 2, {0, 0}),
      comment_(static_cast<size_t>(src.total_lines()) + 2) {
  for (std::string_view line : src.lines) {
    size_t i = line.find_first_not_of(" \t\n\r\f\v");
    if (i == std::string_view::npos || line[i] != '#') continue;
    std::string_view rest = line.substr(i);
    if (!IEquals(rest.substr(0, 8), "# flake8")) continue;
    rest.remove_prefix(8);
    if (rest.empty() || (rest[0] != ':' && rest[0] != '=')) continue;
    rest.remove_prefix(1);
    size_t j = rest.find_first_not_of(" \t\n\r\f\v");
    if (j != std::string_view::npos && IEquals(rest.substr(j, 4), "noqa")) file_ignored_ = true;
  }
  if (!src.tokens.ok) return;
  int lo = src.total_lines() + 2, hi = -1;
  auto assign = [&] {
    for (int r = std::max(lo, 1); r <= hi && r <= src.total_lines(); ++r) range_[r] = {lo, hi};
  };
  for (const auto& t : src.tokens.tokens) {
    if (t.type == TokenType::kEndMarker) break;
    lo = std::min(lo, t.start_row);
    hi = std::max(hi, t.end_row);
    if (t.type == TokenType::kNl || t.type == TokenType::kNewline) {
      assign();
      lo = src.total_lines() + 2;
      hi = -1;
    }
  }
  if (hi != -1) assign();
}

const NoqaMap::Comment& NoqaMap::CommentOf(int lo, int hi) const {
  // Runs do not overlap, so a run is named by its first row; a row outside every run is a
  // run of its own (lo == hi). The last row is checked all the same, so that a slot is
  // never reused for other text.
  std::optional<Comment>& slot = comment_[static_cast<size_t>(lo)];
  if (!slot || slot->hi != hi) {
    std::string_view first = src_.Line(lo), last = src_.Line(hi);
    std::string_view text(first.data(), static_cast<size_t>(last.data() + last.size() - first.data()));
    Comment c;
    c.hi = hi;
    c.present = FindNoqa(text, &c.blanket, &c.codes);
    slot = std::move(c);
  }
  return *slot;
}

bool NoqaMap::Suppresses(int row, std::string_view code) const {
  if (row < 1 || row > src_.total_lines()) return false;  // no text, so no `# noqa`
  auto [lo, hi] = range_[row];
  if (lo == 0) lo = hi = row;  // linecache fallback: the physical line itself
  const Comment& c = CommentOf(lo, hi);
  if (!c.present) return false;
  if (c.blanket) return true;
  for (const std::string& listed : c.codes) {
    if (code == listed || code.substr(0, listed.size()) == listed) return true;
  }
  return false;
}

}  // namespace trajc::lint
