// F601 dictionary key %r repeated with different values / F602 dictionary key variable %s
// repeated with different values.
//
// What it does: in a dictionary display, finds keys that are equal as pyflakes 2.5's DICT
// compares them (convert_to_value, see dict_key_value.h: literals by value as Python's
// `==` sees them, names by name) and whose values differ: a group of equal keys is
// reported when one of its values occurs exactly once in the group, and then every key
// of the group is reported, at the key, with the first key's repr (F601) or name (F602).
// Why is this bad: only the last value is kept; the others are silently lost.
// Example: `{"a": 1, "a": 2}`                Use instead: one key `"a"`.
// Fix: none (which value was meant cannot be known).
#pragma once

#include "lint/rules/pyflakes/checker_context.h"
#include "lint/rules/rule.h"
#include "python/flat_tree.h"

namespace trajc::lint {

inline constexpr Violation kMultiValueRepeatedKeyLiteral{
    .code = "F601",
    .message = "dictionary key {} repeated with different values",
    .summary = "dictionary key name repeated with different values",
};

inline constexpr Violation kMultiValueRepeatedKeyVariable{
    .code = "F602",
    .message = "dictionary key variable {} repeated with different values",
    .summary = "dictionary key variable name repeated with different values",
};

// `tree`: the flattened src.tree.
void CheckRepeatedDictKey(const Source& src, const python::FlatTree& tree,
                          const CheckerContext& context, Findings& out);

}  // namespace trajc::lint
