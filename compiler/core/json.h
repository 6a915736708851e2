// The one JSON type of trajc. ordered_json keeps keys in insertion order, so every
// object that reaches output is serialised with the fixed key order it was built in.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace trajc {

using Json = nlohmann::ordered_json;

// Compact serialisation used for tool-call arguments, tool results and JSONL records.
// Invalid UTF-8 in strings is replaced (U+FFFD) rather than thrown on: inputs are
// checked for UTF-8 when loaded, so this is only a last guard.
inline std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Counts by name (manifest coverage, skip reasons) as an object, keys in the map's
// sorted order; an empty map is {}.
inline Json CountsJson(const std::map<std::string, uint64_t>& counts) {
  Json out = Json::object();
  for (const auto& [name, n] : counts) out[name] = n;
  return out;
}

}  // namespace trajc
