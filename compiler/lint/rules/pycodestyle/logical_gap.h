// The whitespace between two tokens of a logical line, as a source span.
//
// pycodestyle's regex rules (E201-E203, E221-E224, E241/E242) find whitespace in the
// logical line, where whitespace only ever stands for the gap between two tokens (strings
// are muted, comments dropped): the gap between tokens on one row verbatim, a gap across
// rows as one space. GapAt maps a whitespace offset of the logical line back to that gap
// so that a rule can delete it or replace it with one space.
#pragma once

#include <optional>
#include <string_view>

#include "lint/rules/rule.h"

namespace trajc::lint {

// Normalized byte span [begin, end) between the tokens around logical offset `offset`;
// nullopt when `offset` is not inside a gap. `same_row` tells whether both tokens are on
// one row; `commented` whether a comment sits in the gap (deleting it would lose or
// misplace the comment).
struct LogicalGap {
  size_t begin = 0;
  size_t end = 0;
  bool same_row = true;
  bool commented = false;
};
std::optional<LogicalGap> GapAt(const Source& src, const LogicalLine& ll, int offset);

// An edit that turns the gap at `offset` into `replacement` (empty: delete it), or
// nothing when that cannot be done by whitespace changes alone: the gap holds a comment,
// or (for a non-empty replacement) spans rows.
std::vector<Edit> GapEdit(const Source& src, const LogicalLine& ll, int offset, std::string_view replacement);

}  // namespace trajc::lint
