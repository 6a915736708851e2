// The one JSON type of trajc. ordered_json keeps keys in insertion order, so every
// object that reaches output is serialised with the fixed key order it was built in.
#pragma once

#include <nlohmann/json.hpp>

namespace trajc {

using Json = nlohmann::ordered_json;

// Compact serialisation used for tool-call arguments, tool results and JSONL records.
// Invalid UTF-8 in strings is replaced (U+FFFD) rather than thrown on: inputs are
// checked for UTF-8 when loaded, so this is only a last guard.
inline std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace trajc
