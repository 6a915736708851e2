// schema/format_checks — the checkers behind CheckFormat (schema/format.h), one function per
// format, grouped by family in format_datetime.cpp, format_network.cpp, format_uri.cpp and
// format_pointer.cpp; shared here because e-mail and URI validation reuse host and address
// checks. Internal to schema/.
#pragma once

#include <string_view>

namespace trajc::schema::format {

// RFC 3339 full-date, full-time (leap second only at 23:59 UTC) and date-time.
bool IsDate(std::string_view s);
bool IsTime(std::string_view s);
bool IsDateTime(std::string_view s);
// RFC 3339 appendix A (ISO 8601) duration, e.g. P3Y6M4DT12H30M5S or P2W.
bool IsDuration(std::string_view s);

// Dotted quad, no leading zeros.
bool IsIpv4(std::string_view s);
// RFC 4291 §2.2 text forms, no zone index or prefix length.
bool IsIpv6(std::string_view s);
// RFC 1123 LDH labels (A-labels checked as Punycode); `idn` also accepts U-labels that
// are valid IDNA2008 (RFC 5891/5892 incl. CONTEXTJ/CONTEXTO rules, via libidn2).
bool IsHostname(std::string_view s, bool idn);
// RFC 5321 Mailbox (RFC 6531 with `idn`): dot-atom or quoted local part, host name or
// [IPv4]/[IPv6:...] address literal.
bool IsEmail(std::string_view s, bool idn);

// RFC 3986 URI / URI-reference; with `iri`, RFC 3987 IRI / IRI-reference.
bool IsUri(std::string_view s, bool reference, bool iri);
// RFC 6570 URI Template (any level).
bool IsUriTemplate(std::string_view s);

// RFC 6901 JSON Pointer (string form).
bool IsJsonPointer(std::string_view s);
// Relative JSON Pointer (draft-bhutton-relative-json-pointer-00, with index manipulation).
bool IsRelativeJsonPointer(std::string_view s);

}  // namespace trajc::schema::format
