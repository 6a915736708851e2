#include "schema/format.h"

#include <stdexcept>

#include "schema/format_checks.h"
#include "schema/regex.h"

namespace trajc::schema {

namespace {

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 4122 string form, any version and variant (the suite accepts versions 0-15).
bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

bool IsRegex(std::string_view s) {
  try {
    Pattern pattern{std::string(s)};
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

using Checker = bool (*)(std::string_view);

struct Format {
  std::string_view name;
  Checker check;
};

// Sorted by name.
constexpr Format kFormats[] = {
    {"date", format::IsDate},
    {"date-time", format::IsDateTime},
    {"duration", format::IsDuration},
    {"email", [](std::string_view s) { return format::IsEmail(s, false); }},
    {"hostname", [](std::string_view s) { return format::IsHostname(s, false); }},
    {"idn-email", [](std::string_view s) { return format::IsEmail(s, true); }},
    {"idn-hostname", [](std::string_view s) { return format::IsHostname(s, true); }},
    {"ipv4", format::IsIpv4},
    {"ipv6", format::IsIpv6},
    {"iri", [](std::string_view s) { return format::IsUri(s, false, true); }},
    {"iri-reference", [](std::string_view s) { return format::IsUri(s, true, true); }},
    {"json-pointer", format::IsJsonPointer},
    {"regex", IsRegex},
    {"relative-json-pointer", format::IsRelativeJsonPointer},
    {"time", format::IsTime},
    {"uri", [](std::string_view s) { return format::IsUri(s, false, false); }},
    {"uri-reference", [](std::string_view s) { return format::IsUri(s, true, false); }},
    {"uri-template", format::IsUriTemplate},
    {"uuid", IsUuid},
};

}  // namespace

std::optional<bool> CheckFormat(std::string_view name, std::string_view value) {
  for (const Format& format : kFormats) {
    if (format.name == name) return format.check(value);
  }
  return std::nullopt;
}

}  // namespace trajc::schema
