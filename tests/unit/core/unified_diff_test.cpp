// core/unified_diff: the hunks GNU `diff -u` prints for the same texts.
#include <catch2/catch.hpp>

#include "core/unified_diff.h"

using trajc::UnifiedDiff;

TEST_CASE("unified diff of equal texts is empty") {
  CHECK(UnifiedDiff("", "", "a", "b").empty());
  CHECK(UnifiedDiff("x\ny\n", "x\ny\n", "a", "b").empty());
}

TEST_CASE("unified diff: one changed line with context, and ranges of one line") {
  CHECK(UnifiedDiff("a\nb\nc\n", "a\nB\nc\n", "f.py", "f.py") ==
        "--- f.py\n+++ f.py\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(UnifiedDiff("a\n", "b\n", "x", "y") == "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n");
}

TEST_CASE("unified diff: insertion into and deletion from an empty side") {
  CHECK(UnifiedDiff("", "a\nb\n", "x", "x") == "--- x\n+++ x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(UnifiedDiff("a\nb\n", "", "x", "x") == "--- x\n+++ x\n@@ -1,2 +0,0 @@\n-a\n-b\n");
  // Lines inserted after line 2 of a longer file: the empty old range names line 2.
  CHECK(UnifiedDiff("1\n2\n", "1\n2\nz\n", "x", "x") == "--- x\n+++ x\n@@ -1,2 +1,3 @@\n 1\n 2\n+z\n");
}

TEST_CASE("unified diff: a last line without a newline is marked") {
  CHECK(UnifiedDiff("a\nb", "a\nb\n", "x", "x") ==
        "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  CHECK(UnifiedDiff("a\nb\n\n\n", "a\nb\n", "x", "x") == "--- x\n+++ x\n@@ -1,4 +1,2 @@\n a\n b\n-\n-\n");
}

TEST_CASE("unified diff: changes further apart than twice the context get their own hunks") {
  std::string before, near_after, far_after;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  near_after = before;
  near_after.replace(near_after.find("2\n"), 2, "two\n");
  near_after.replace(near_after.find("\n8\n") + 1, 2, "eight\n");  // 5 unchanged lines between: one hunk
  CHECK(UnifiedDiff(before, near_after, "x", "x") ==
        "--- x\n+++ x\n@@ -1,11 +1,11 @@\n 1\n-2\n+two\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n 9\n 10\n 11\n");
  far_after = before;
  far_after.replace(far_after.find("2\n"), 2, "two\n");
  far_after.replace(far_after.find("\n18\n") + 1, 3, "eighteen\n");
  CHECK(UnifiedDiff(before, far_after, "x", "x") ==
        "--- x\n+++ x\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
        "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n");
}

TEST_CASE("unified diff: CRLF lines are compared and printed as they are") {
  CHECK(UnifiedDiff("a\r\nb \r\n", "a\r\nb\r\n", "x", "x") == "--- x\n+++ x\n@@ -1,2 +1,2 @@\n a\r\n-b \r\n+b\r\n");
}

TEST_CASE("unified diff: interleaved insertions and deletions are minimal") {
  // Myers finds the 2-edit script; a line-by-line replacement would take 6.
  CHECK(UnifiedDiff("a\nb\nc\nd\n", "x\na\nb\nc\n", "x", "x") == "--- x\n+++ x\n@@ -1,4 +1,4 @@\n+x\n a\n b\n c\n-d\n");
}
