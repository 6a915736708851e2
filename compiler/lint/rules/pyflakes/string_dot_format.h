// F521-F525 `'...'.format(...)`: the format string against the call's arguments.
//
// What it does: pyflakes 2.5's CALL check. For `s.format(...)` where `s` is an ast.Str
// (str_constant.h), the string is parsed as `string.Formatter().parse` does (CPython's
// MarkupIterator, ported in format_fields.h), then each replacement field's key — the
// field name before any `.attr` or `[index]`, an int when Python's `int()` takes it, an
// automatic number when empty — is collected, also from fields nested in format specs:
//   F521 the string (or a spec) does not parse: Python's ValueError text; a field nested
//        two deep: "Max string recursion exceeded". Nothing else is checked then;
//   F525 `{}` and `{0}` mixed (stops at the first);
//   with no `*args` or `**kwargs` in the call: F523 positional arguments no field uses,
//   F522 keyword arguments no field uses, F524 fields with no argument (each list
//   sorted as strings, joined by ", ").
// Reported at the start of the call, in UTF-8 byte columns.
// Not exact: a message that would print a character written `\N{name}` (other than
// printable ASCII) is not reported, and a string with a `\N{}` that may name a digit or a
// space is not checked (trajc has no Unicode name table; str_constant.h).
// Expressions inside string annotations, which pyflakes parses and checks, are not.
// Keyword names are compared as written (CPython NFKC-normalizes non-ASCII ones).
// Why is this bad: a missing argument raises IndexError or KeyError when the line runs,
// an unused one is usually a mistake.
// Example: `'{} {}'.format(a)`          Use instead: `'{} {}'.format(a, b)`
// No fix: the intended arguments are unknown.
#pragma once

#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kStringDotFormatInvalidFormat{
    .code = "F521",
    .message = "'...'.format(...) has invalid format string: {}",
    .summary = "'...'.format(...) has invalid format string",
};
inline constexpr Violation kStringDotFormatExtraNamedArguments{
    .code = "F522",
    .message = "'...'.format(...) has unused named argument(s): {}",
    .summary = "'...'.format(...) has unused named argument(s)",
};
inline constexpr Violation kStringDotFormatExtraPositionalArguments{
    .code = "F523",
    .message = "'...'.format(...) has unused arguments at position(s): {}",
    .summary = "'...'.format(...) has unused arguments at position(s)",
};
inline constexpr Violation kStringDotFormatMissingArgument{
    .code = "F524",
    .message = "'...'.format(...) is missing argument(s) for placeholder(s): {}",
    .summary = "'...'.format(...) is missing argument(s) for placeholder(s)",
};
inline constexpr Violation kStringDotFormatMixingAutomatic{
    .code = "F525",
    .message = "'...'.format(...) mixes automatic and manual numbering",
    .summary = "'...'.format(...) mixes automatic and manual numbering",
};

// `tree`: the flattened src.tree.
void CheckStringDotFormat(const Source& src, const python::FlatTree& tree, Findings& out);

}  // namespace trajc::lint
