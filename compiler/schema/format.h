// schema/format — the `format` checkers of JSON Schema draft 2020-12 / draft-07 (validation
// spec §7.3): dates and times (RFC 3339), durations (RFC 3339 appendix A), e-mail addresses
// (RFC 5321/6531), host names (RFC 1123, IDNA2008 via libidn2), IP addresses, URIs and IRIs
// (RFC 3986/3987), URI templates (RFC 6570), UUIDs (RFC 4122), JSON pointers (RFC 6901),
// relative JSON pointers and ECMA-262 regular expressions (schema/regex.h).
// Pure functions of their arguments: thread-safe, no locale, no clock.
#pragma once

#include <optional>
#include <string_view>

namespace trajc::schema {

// Whether `value` is valid for format `name`; nullopt for a format it does not know.
std::optional<bool> CheckFormat(std::string_view name, std::string_view value);

}  // namespace trajc::schema
