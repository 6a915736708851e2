#include <idn2.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "core/utf8.h"
#include "schema/format_checks.h"

namespace trajc::schema::format {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}
bool StartsWithXn(std::string_view label) {
  return label.size() >= 4 && (label[0] == 'x' || label[0] == 'X') && (label[1] == 'n' || label[1] == 'N') &&
         label[2] == '-' && label[3] == '-';
}

// An LDH label: letters, digits and hyphens, 1-63, no hyphen at either end. A label with
// "--" in positions 3-4 is reserved for A-labels (RFC 5891 §4.2.3.1), which must decode as
// IDNA2008 (libidn2 checks the Punycode and the decoded U-label).
bool IsAsciiLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  if (label.size() >= 4 && label[2] == '-' && label[3] == '-') {
    if (!StartsWithXn(label)) return false;
    char* unicode = nullptr;
    const std::string text(label);
    const int rc = idn2_lookup_u8(reinterpret_cast<const uint8_t*>(text.c_str()), reinterpret_cast<uint8_t**>(&unicode), 0);
    std::free(unicode);
    return rc == IDN2_OK;
  }
  return true;
}

// A U-label valid for registration under IDNA2008: NFC, PVALID/CONTEXTJ/CONTEXTO code
// points with their context rules, hyphen rules, Bidi rule, A-label of at most 63 octets.
// Adds the A-label's length to `ascii_length`.
bool IsUnicodeLabel(std::string_view label, std::size_t& ascii_length) {
  char* alabel = nullptr;
  const std::string text(label);
  const int rc = idn2_register_u8(reinterpret_cast<const uint8_t*>(text.c_str()), nullptr,
                                  reinterpret_cast<uint8_t**>(&alabel), 0);
  if (rc == IDN2_OK && alabel != nullptr) ascii_length += std::string_view(alabel).size();
  std::free(alabel);
  return rc == IDN2_OK;
}

// IDNA2008 label separators besides "." (RFC 3490 §3.1, kept by UTS #46): U+3002, U+FF0E, U+FF61.
std::string NormalizeDots(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::string_view rest = s.substr(i);
    if (rest.rfind("\xE3\x80\x82", 0) == 0 || rest.rfind("\xEF\xBC\x8E", 0) == 0 || rest.rfind("\xEF\xBD\xA1", 0) == 0) {
      out += '.';
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// RFC 5321 atext (RFC 6531 adds UTF8-non-ascii).
bool IsAtext(char c) {
  return IsAlnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool IsLocalPart(std::string_view s, bool idn) {
  if (s.empty() || s.size() > 64) return false;
  if (idn && FindInvalidUtf8(s) != std::string_view::npos) return false;
  if (s.front() == '"') {  // Quoted-string: qtextSMTP / quoted-pairSMTP
    if (s.size() < 2 || s.back() != '"') return false;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == '\\') {
        ++i;
        if (i + 1 >= s.size() || static_cast<unsigned char>(s[i]) < 32 || static_cast<unsigned char>(s[i]) > 126) return false;
      } else if (c == '"' || c < 32 || c == 127 || (c >= 0x80 && !idn)) {
        return false;
      }
    }
    return true;
  }
  // Dot-string = Atom *("." Atom)
  bool atom_empty = true;
  for (char c : s) {
    if (c == '.') {
      if (atom_empty) return false;
      atom_empty = true;
    } else if (IsAtext(c) || (idn && static_cast<unsigned char>(c) >= 0x80)) {
      atom_empty = false;
    } else {
      return false;
    }
  }
  return !atom_empty;
}

}  // namespace

bool IsIpv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  for (;;) {
    const std::size_t start = i;
    int value = 0;
    while (i < s.size() && IsDigit(s[i]) && i - start < 3) value = value * 10 + (s[i++] - '0');
    if (i == start || value > 255 || (s[start] == '0' && i - start > 1)) return false;
    if (++parts == 4) return i == s.size();
    if (i >= s.size() || s[i] != '.') return false;
    ++i;
  }
}

bool IsIpv6(std::string_view s) {
  int groups = 0;          // 16-bit groups, an IPv4 tail counting two
  bool compressed = false; // "::" seen
  std::size_t i = 0;
  if (s.rfind("::", 0) == 0) {
    compressed = true;
    i = 2;
    if (i == s.size()) return true;
  } else if (!s.empty() && s[0] == ':') {
    return false;
  }
  for (;;) {
    const std::size_t start = i;
    while (i < s.size() && IsHex(s[i]) && i - start < 5) ++i;
    if (i < s.size() && s[i] == '.') {  // IPv4 tail: the last 32 bits
      if (!IsIpv4(s.substr(start))) return false;
      groups += 2;
      break;
    }
    if (i == start || i - start > 4) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    if (i + 1 < s.size() && s[i + 1] == ':') {
      if (compressed) return false;
      compressed = true;
      i += 2;
      if (i == s.size()) break;
    } else {
      ++i;
      if (i == s.size()) return false;  // trailing single ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

bool IsHostname(std::string_view s, bool idn) {
  std::string normalized;
  if (idn) {
    if (FindInvalidUtf8(s) != std::string_view::npos) return false;
    normalized = NormalizeDots(s);
    s = normalized;
  }
  if (s.empty()) return false;
  std::size_t ascii_length = 0;  // the host name in A-labels, dots included
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = s.find('.', start);
    std::string_view label = s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (IsAscii(label)) {
      if (!IsAsciiLabel(label)) return false;
      ascii_length += label.size();
    } else if (!idn || !IsUnicodeLabel(label, ascii_length)) {
      return false;
    }
    if (dot == std::string_view::npos) break;
    ++ascii_length;
    start = dot + 1;
  }
  return ascii_length <= 253;
}

bool IsEmail(std::string_view s, bool idn) {
  const std::size_t at = s.rfind('@');
  if (at == std::string_view::npos) return false;
  if (!IsLocalPart(s.substr(0, at), idn)) return false;
  std::string_view domain = s.substr(at + 1);
  if (domain.size() >= 2 && domain.front() == '[' && domain.back() == ']') {
    std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.rfind("IPv6:", 0) == 0) return IsIpv6(literal.substr(5));
    return IsIpv4(literal);
  }
  return IsHostname(domain, idn);
}

}  // namespace trajc::schema::format
