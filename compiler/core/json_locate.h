// core/json_locate — where a JSON pointer's value starts in the JSON text it was parsed from.
//
// nlohmann's parser keeps no source positions, so a problem found after parsing (a schema
// keyword that does not compile, an instance value that fails validation) is located by
// walking the text again along the pointer's tokens. Only called on the error path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trajc {

// Byte offset of the first character of the value that `tokens` (unescaped RFC 6901
// reference tokens) lead to in `text`, which must be valid JSON; npos when a token does
// not resolve. With duplicate keys the first occurrence is taken.
size_t LocateJsonValue(std::string_view text, const std::vector<std::string>& tokens);

// A JSON number that a double cannot hold (1e309, -1e400, 400 digits): nlohmann's parser
// throws out_of_range (406, "number overflow") on it without saying where, and could
// only keep it as ±inf, which it writes back as null. Every JSON reader of trajc makes it
// a located error instead: `offset` is where the number starts (npos when `text` holds
// none), `message` the error's text, "number out of range: 1e309 is beyond what
// a double holds (magnitude up to 1.8e308)".
struct OutOfRangeNumber {
  size_t offset;
  std::string message;
};
OutOfRangeNumber FindOutOfRangeNumber(std::string_view text);

}  // namespace trajc
