// schema/json_pointer — RFC 6901 JSON pointer helpers used by the schema validator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::schema {

// Escapes one reference token: "~" -> "~0", "/" -> "~1".
std::string EscapePointerToken(std::string_view token);
void AppendPointerToken(std::string& pointer, std::string_view token);

// Splits a pointer ("" or "/a/b~1c") into unescaped tokens; nullopt when malformed
// (no leading '/', or '~' not followed by '0' or '1').
std::optional<std::vector<std::string>> ParsePointer(std::string_view pointer);

// Decodes %XX escapes of a URI fragment; nullopt when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text);

// Follows unescaped tokens from root; nullptr when a token does not resolve.
const Json* ResolvePointer(const Json& root, const std::vector<std::string>& tokens);

}  // namespace trajc::schema
