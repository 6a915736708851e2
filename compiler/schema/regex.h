// schema/regex — ECMA-262 `pattern` support on top of std::regex (ECMAScript grammar).
//
// Matching is an unanchored search over code points: ASCII subjects are searched as bytes,
// others as UTF-32 with std::wregex, so `.` and counted repetitions see code points.
// Guards: libstdc++'s backtracking matcher recurses once per consumed character, so long
// subjects are matched on a helper thread with a stack sized for them (and refused past
// kMaxSubjectLength); patterns with a repeated group whose body is itself only a
// repetition (`(a+)+`, `(\w+\s?)*`), the classic exponential-time shape, are refused at
// compile time.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace trajc::schema {

class Pattern {
 public:
  enum class Result { kMatch, kNoMatch, kUnmatchable };
  static constexpr std::size_t kMaxSubjectLength = 100000;  // code units

  // Throws std::invalid_argument with a reason for an unusable pattern.
  explicit Pattern(std::string source);

  Result Search(std::string_view subject) const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::regex bytes_;
  std::wregex wide_;
};

// Why the pattern is rejected as catastrophic, or nullopt.
std::optional<std::string> FindCatastrophicRepetition(std::string_view pattern);

}  // namespace trajc::schema
