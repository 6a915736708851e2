// lint/noqa — flake8's `# noqa` handling.
//
// A finding on row R is matched against the text flake8 associates with R: all physical
// lines of the token run (NL/NEWLINE to NL/NEWLINE) containing R, so a `# noqa` after a
// multi-line string covers every line of it. The regex and code matching are flake8 5's:
// `# noqa` (case-insensitive, exactly one space), optional `:CODES` (`[A-Z]+[0-9]+` list);
// a code is suppressed if listed or if it starts with a listed prefix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/source.h"

namespace trajc::lint {

class NoqaMap {
 public:
  explicit NoqaMap(const Source& src);
  bool Suppresses(int row, std::string_view code) const;
  // `# flake8: noqa` on a line of its own: flake8 skips the whole file.
  bool FileIgnored() const { return file_ignored_; }

 private:
  // What a run's `# noqa` says, found once per run: a finding-by-finding scan of the run's
  // text would be O(findings x run length), quadratic on one long line.
  struct Comment {
    int hi = 0;  // the run's last row
    bool present = false;
    bool blanket = false;
    std::vector<std::string> codes;
  };
  const Comment& CommentOf(int lo, int hi) const;

  const Source& src_;
  std::vector<std::pair<int, int>> range_;  // per row: the first and last row of its run
  mutable std::vector<std::optional<Comment>> comment_;  // per first row of a run, filled lazily
  bool file_ignored_ = false;
};

}  // namespace trajc::lint
