// schema/json_value — value semantics JSON Schema needs beyond nlohmann's: numeric
// comparison across integer/float representations, order-insensitive object equality,
// code point length, and the compact value rendering used in messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/json.h"

namespace trajc::schema {

// Both arguments must be numbers. Exact for every int64/uint64/double combination.
int CompareNumbers(const Json& a, const Json& b);

// JSON Schema equality: 1 == 1.0, objects compare regardless of key order, true != 1.
bool JsonEqual(const Json& a, const Json& b);
// A total order in which JsonEqual values, and only they, are equivalent (numbers by
// value, objects by their sorted keys and the values under them): uniqueItems sorts by it
// and compares neighbours, O(n log n) where comparing every pair was O(n^2).
int CompareJson(const Json& a, const Json& b);

// An integer-valued number (1 and 1.0, not 1.5).
bool IsIntegerValue(const Json& value);

// Length of a UTF-8 string in code points.
std::size_t CodePointLength(std::string_view utf8);

// Compact, Python-repr-like rendering: strings in single quotes, ", " and ": "
// separators, true/false/null as in JSON; cut to about `limit` characters with "...".
std::string Repr(const Json& value, std::size_t limit = 60);

}  // namespace trajc::schema
