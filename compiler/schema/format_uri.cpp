#include "core/utf8.h"
#include "schema/format_checks.h"

namespace trajc::schema::format {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsUnreserved(char c) { return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }
bool IsSubDelim(char c) { return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos; }

// RFC 3987 ucschar and (query only) iprivate.
bool IsUcschar(uint32_t c) {
  if ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF)) return true;
  if (c >= 0xE1000 && c <= 0xEFFFD) return true;
  return c >= 0x10000 && c <= 0xDFFFD && (c & 0xFFFF) <= 0xFFFD;
}
bool IsIprivate(uint32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

// Checks that every character of `s` is unreserved, pct-encoded, a sub-delim or one of
// `extra`; with `iri`, non-ASCII characters must be ucschar (or iprivate when `private_ok`).
bool AllOf(std::string_view s, std::string_view extra, bool iri, bool private_ok = false) {
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      i += 3;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      if (!iri) return false;
      CodePoint cp = DecodeUtf8(s, i);
      if (!cp.valid || !(IsUcschar(cp.value) || (private_ok && IsIprivate(cp.value)))) return false;
      i += cp.length;
    } else if (IsUnreserved(c) || IsSubDelim(c) || extra.find(c) != std::string_view::npos) {
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

bool IsScheme(std::string_view s) {
  if (s.empty() || !IsAlpha(s[0])) return false;
  for (char c : s) {
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool IsAuthority(std::string_view s, bool iri) {
  const std::size_t at = s.find('@');
  if (at != std::string_view::npos) {
    if (!AllOf(s.substr(0, at), ":", iri)) return false;
    s.remove_prefix(at + 1);
  }
  std::string_view port;
  if (!s.empty() && s[0] == '[') {  // IP-literal = "[" ( IPv6address / IPvFuture ) "]"
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view literal = s.substr(1, close - 1);
    if (!literal.empty() && (literal[0] == 'v' || literal[0] == 'V')) {
      const std::size_t dot = literal.find('.');
      if (dot == std::string_view::npos || dot == 1 || dot + 1 == literal.size()) return false;
      for (char c : literal.substr(1, dot - 1)) {
        if (!IsHex(c)) return false;
      }
      std::string_view rest = literal.substr(dot + 1);
      if (rest.find('%') != std::string_view::npos || !AllOf(rest, ":", false)) return false;
    } else if (!IsIpv6(literal)) {
      return false;
    }
    s.remove_prefix(close + 1);
    if (!s.empty()) {
      if (s[0] != ':') return false;
      port = s.substr(1);
    }
  } else {  // reg-name (an IPv4 address is one too), which has no ':'
    const std::size_t colon = s.find(':');
    if (colon != std::string_view::npos) port = s.substr(colon + 1);
    if (!AllOf(s.substr(0, colon), "", iri)) return false;
  }
  for (char c : port) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

// URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
// relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
// hier-part / relative-part = "//" authority path-abempty / path-absolute / path-rootless
//                             (path-noscheme) / path-empty
bool IsUri(std::string_view s, bool reference, bool iri) {
  if (iri && FindInvalidUtf8(s) != std::string_view::npos) return false;
  const std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!AllOf(s.substr(hash + 1), ":@/?", iri)) return false;
    s = s.substr(0, hash);
  }
  const std::size_t question = s.find('?');
  if (question != std::string_view::npos) {
    if (!AllOf(s.substr(question + 1), ":@/?", iri, true)) return false;
    s = s.substr(0, question);
  }
  // A ':' before the first '/' ends a scheme; a relative reference's first segment has none.
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon < s.find('/')) {
    if (!IsScheme(s.substr(0, colon))) return false;
    s.remove_prefix(colon + 1);
  } else if (!reference) {
    return false;
  }
  if (s.rfind("//", 0) == 0) {
    const std::size_t path = s.find('/', 2);
    if (!IsAuthority(s.substr(2, path == std::string_view::npos ? std::string_view::npos : path - 2), iri)) return false;
    s = path == std::string_view::npos ? std::string_view() : s.substr(path);
  }
  return AllOf(s, ":@/", iri);
}

// URI-Template = *( literals / expression ), RFC 6570 §2.
bool IsUriTemplate(std::string_view s) {
  if (FindInvalidUtf8(s) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '{') {
      const std::size_t close = s.find('}', i);
      if (close == std::string_view::npos) return false;
      std::string_view expression = s.substr(i + 1, close - i - 1);
      i = close + 1;
      if (!expression.empty() && std::string_view("+#./;?&").find(expression[0]) != std::string_view::npos) {
        expression.remove_prefix(1);
      }
      // variable-list = varspec *( "," varspec ); varspec = varname [ ":" max-length / "*" ]
      std::size_t start = 0;
      for (;;) {
        const std::size_t comma = expression.find(',', start);
        std::string_view varspec = expression.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        std::string_view name = varspec;
        const std::size_t modifier = varspec.find_first_of(":*");
        if (modifier != std::string_view::npos) {
          name = varspec.substr(0, modifier);
          std::string_view rest = varspec.substr(modifier);
          if (rest != "*") {  // prefix = ":" max-length, 1-9999
            if (rest[0] != ':' || rest.size() < 2 || rest.size() > 5 || rest[1] == '0') return false;
            for (char d : rest.substr(1)) {
              if (!IsDigit(d)) return false;
            }
          }
        }
        // varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
        if (name.empty() || name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos) return false;
        for (std::size_t k = 0; k < name.size(); ++k) {
          if (name[k] == '%') {
            if (k + 2 >= name.size() || !IsHex(name[k + 1]) || !IsHex(name[k + 2])) return false;
            k += 2;
          } else if (!IsAlpha(name[k]) && !IsDigit(name[k]) && name[k] != '_' && name[k] != '.') {
            return false;
          }
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
    } else if (c == '%') {
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return false;
      i += 3;
    } else if (c <= 0x20 || c == 0x7F || std::string_view("\"'<>\\^`|}").find(static_cast<char>(c)) != std::string_view::npos) {
      return false;  // CTL, SP and the characters RFC 6570 §2.1 excludes from literals
    } else if (c >= 0x80) {
      CodePoint cp = DecodeUtf8(s, i);
      if (!IsUcschar(cp.value) && !IsIprivate(cp.value)) return false;
      i += cp.length;
    } else {
      ++i;
    }
  }
  return true;
}

}  // namespace trajc::schema::format
