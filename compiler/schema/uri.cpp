#include "schema/uri.h"

#include <uriparser/Uri.h>

#include <memory>

namespace trajc::schema {

namespace {

// Owns a parsed UriUriA, freeing its members when it goes out of scope.
struct ParsedUri {
  UriUriA uri{};
  bool ok = false;
  explicit ParsedUri(std::string_view text) {
    const char* error = nullptr;
    ok = uriParseSingleUriExA(&uri, text.data(), text.data() + text.size(), &error) == URI_SUCCESS;
  }
  ParsedUri() = default;
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;
  ~ParsedUri() { uriFreeUriMembersA(&uri); }
};

std::optional<std::string> ToString(const UriUriA& uri) {
  int chars = 0;
  if (uriToStringCharsRequiredA(&uri, &chars) != URI_SUCCESS) return std::nullopt;
  std::string out(static_cast<std::size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), &uri, chars + 1, nullptr) != URI_SUCCESS) return std::nullopt;
  out.resize(static_cast<std::size_t>(chars));
  return out;
}

}  // namespace

std::optional<std::string> ResolveUri(std::string_view base, std::string_view reference) {
  ParsedUri parsed_base(base);
  ParsedUri parsed_ref(reference);
  if (!parsed_base.ok || !parsed_ref.ok || parsed_base.uri.scheme.first == nullptr) return std::nullopt;
  ParsedUri resolved;
  if (uriAddBaseUriA(&resolved.uri, &parsed_ref.uri, &parsed_base.uri) != URI_SUCCESS) return std::nullopt;
  if (uriNormalizeSyntaxA(&resolved.uri) != URI_SUCCESS) return std::nullopt;
  auto text = ToString(resolved.uri);
  // uriparser drops an empty fragment ("x#"); the caller splits fragments itself.
  return text;
}

std::pair<std::string_view, std::string_view> SplitFragment(std::string_view uri) {
  auto hash = uri.find('#');
  if (hash == std::string_view::npos) return {uri, {}};
  return {uri.substr(0, hash), uri.substr(hash + 1)};
}

}  // namespace trajc::schema
