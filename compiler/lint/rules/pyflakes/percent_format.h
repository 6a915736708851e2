// F501-F509 `'...' % ...`: the format string against its right operand.
//
// What it does: pyflakes 2.5's BINOP check. For `left % right` where `left` is an ast.Str
// (str_constant.h: plain strings and their implicit concatenations; not f-strings, not
// bytes), the string is parsed as pyflakes does (its `parse_percent_format`, from
// pyupgrade: `%`, an optional `(key)`, flags `[#0+ -]*`, width `*` or digits, precision,
// a length `[hlL]`, then one conversion character), then:
//   F501 the string ends inside a placeholder ("incomplete format"; nothing else checked);
//   F509 a conversion outside `diouxXeEfFgGcrsa%` (one report each, `%r` of the character);
//   F508 a `*` width or precision in a mapping format;
//   F506 positional and named placeholders mixed (the first placeholder decides; stops);
//   right a tuple or list literal without `*x`: F507 counts differ (a `*` counts as one),
//     F502 when the format is named (or has no placeholder);
//   right a dict literal whose keys are all str literals (no `**x`): F503 when the format
//     is positional with more than one placeholder, else F504 unused keys and F505
//     missing keys (sorted, joined by ", ").
// Anything else on the right (a name, a call) is not checked. Reported at the start of the
// `%` expression, in UTF-8 byte columns.
// Not exact: a message that would print a character written `\N{name}` (other than
// printable ASCII) is not reported, and a string with a `\N{}` that may name a digit or a
// space is not checked (trajc has no Unicode name table; str_constant.h).
// Expressions inside string annotations, which pyflakes parses and checks, are not.
// Why is this bad: each of these raises TypeError or ValueError when the line runs.
// Example: `'%s %s' % (a,)`          Use instead: `'%s %s' % (a, b)`
// No fix: the intended arguments are unknown.
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kPercentFormatInvalidFormat{
    .code = "F501",
    .message = "'...' % ... has invalid format string: {}",
    .summary = "'...' % ... has invalid format string",
};
inline constexpr Violation kPercentFormatExpectedMapping{
    .code = "F502",
    .message = "'...' % ... expected mapping but got sequence",
    .summary = "'...' % ... expected mapping but got sequence",
};
inline constexpr Violation kPercentFormatExpectedSequence{
    .code = "F503",
    .message = "'...' % ... expected sequence but got mapping",
    .summary = "'...' % ... expected sequence but got mapping",
};
inline constexpr Violation kPercentFormatExtraNamedArguments{
    .code = "F504",
    .message = "'...' % ... has unused named argument(s): {}",
    .summary = "'...' % ... has unused named argument(s)",
};
inline constexpr Violation kPercentFormatMissingArgument{
    .code = "F505",
    .message = "'...' % ... is missing argument(s) for placeholder(s): {}",
    .summary = "'...' % ... is missing argument(s) for placeholder(s)",
};
inline constexpr Violation kPercentFormatMixedPositionalAndNamed{
    .code = "F506",
    .message = "'...' % ... has mixed positional and named placeholders",
    .summary = "'...' % ... has mixed positional and named placeholders",
};
inline constexpr Violation kPercentFormatPositionalCountMismatch{
    .code = "F507",
    .message = "'...' % ... has {} placeholder(s) but {} substitution(s)",
    .summary = "'...' % ... has a different number of placeholders and substitutions",
};
inline constexpr Violation kPercentFormatStarRequiresSequence{
    .code = "F508",
    .message = "'...' % ... `*` specifier requires sequence",
    .summary = "'...' % ... `*` specifier requires sequence",
};
inline constexpr Violation kPercentFormatUnsupportedFormatCharacter{
    .code = "F509",
    .message = "'...' % ... has unsupported format character {}",
    .summary = "'...' % ... has unsupported format character",
};

// `tree`: the flattened src.tree.
void CheckPercentFormat(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
