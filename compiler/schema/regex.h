// schema/regex — ECMA-262 `pattern` support on PCRE2 (8-bit, UTF mode, JIT when available).
//
// The ECMA-262 source is first rewritten into PCRE2 syntax (schema/ecma_pattern.h); `\d`,
// `\w` and `\b` stay ASCII as in ECMA-262 (PCRE2_UCP is not set), `$` matches only at the
// very end (PCRE2_DOLLAR_ENDONLY). Matching is an unanchored search over code points.
// Guards: PCRE2's match limit bounds the backtracking of a catastrophic pattern such as
// `(a+)+$`, and its heap limit bounds memory, so Search returns kUnmatchable instead of
// hanging; nothing recurses on the C stack, so long subjects need no special thread.
// A Pattern is immutable after construction; Search may be called from many threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct pcre2_real_code_8;

namespace trajc::schema {

class Pattern {
 public:
  // kUnmatchable: PCRE2 gave up (match or heap limit reached) before deciding.
  enum class Result { kMatch, kNoMatch, kUnmatchable };

  // Throws std::invalid_argument with a reason (and the offset in `source`) for a pattern
  // that is not valid ECMA-262 or that PCRE2 cannot compile.
  explicit Pattern(std::string source);

  // Invalid UTF-8 in `subject` is matched as if each bad byte were U+FFFD.
  Result Search(std::string_view subject) const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::shared_ptr<const pcre2_real_code_8> code_;
};

}  // namespace trajc::schema
