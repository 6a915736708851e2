// schema/uri — RFC 3986 reference resolution for `$id` and `$ref` (uriparser does the work).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trajc::schema {

// `reference` resolved against the absolute URI `base`, normalised; nullopt when either
// is not a valid URI (reference) or `base` is not absolute.
std::optional<std::string> ResolveUri(std::string_view base, std::string_view reference);

// Splits "uri#fragment" at the first '#': {"uri", "fragment"}; fragment is empty without '#'.
std::pair<std::string_view, std::string_view> SplitFragment(std::string_view uri);

}  // namespace trajc::schema
