// core/unified_diff — the difference of two texts as a unified diff (`diff -u`), for
// `trajc fix --diff`.
//
// Lines are split after each '\n' and compared with their terminators, so a "\r\n" file
// diffs as itself and a changed newline is a changed line. The output is what GNU diff -u
// prints for the same two files (`--- old_label`, `+++ new_label`, `@@ -l,n +l,n @@`
// hunks with `context` lines around each change, `\ No newline at end of file` after a
// last line without one), so `patch -p0` applies it. The edit script is a shortest one
// (Myers' O(ND) algorithm) after the common head and tail are set aside; when the
// texts differ in more than a few thousand lines, the lines found once on each side
// anchor them (as patience diff does) and each stretch between anchors is diffed alone,
// which is still a correct diff, only not always a minimal one. Never throws on any input.
#pragma once

#include <string>
#include <string_view>

namespace trajc {

// "" when the texts are equal; otherwise the headers and every hunk, each line ending "\n".
std::string UnifiedDiff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                        std::string_view new_label, int context = 3);

}  // namespace trajc
