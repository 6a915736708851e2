#include "lint/rules/pyflakes/str_constant.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "python/children.h"
#include "python/literal.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

using python::Is;

// A string part is a str unless its prefix holds `f` (JoinedStr) or `b` (bytes).
bool IsStrPart(const Source& src, TSNode str) {
  std::string_view text = src.tree->TextOf(str);
  for (char c : text) {
    if (c == '\'' || c == '"') return true;
    if (c == 'f' || c == 'F' || c == 'b' || c == 'B') return false;
  }
  return false;
}

// The Unicode names of the printable ASCII characters, sorted (`\N{}` ignores case).
constexpr std::array<std::pair<std::string_view, char>, 95> kAsciiNames = {{
    {"AMPERSAND", 0x26},
    {"APOSTROPHE", 0x27},
    {"ASTERISK", 0x2A},
    {"CIRCUMFLEX ACCENT", 0x5E},
    {"COLON", 0x3A},
    {"COMMA", 0x2C},
    {"COMMERCIAL AT", 0x40},
    {"DIGIT EIGHT", 0x38},
    {"DIGIT FIVE", 0x35},
    {"DIGIT FOUR", 0x34},
    {"DIGIT NINE", 0x39},
    {"DIGIT ONE", 0x31},
    {"DIGIT SEVEN", 0x37},
    {"DIGIT SIX", 0x36},
    {"DIGIT THREE", 0x33},
    {"DIGIT TWO", 0x32},
    {"DIGIT ZERO", 0x30},
    {"DOLLAR SIGN", 0x24},
    {"EQUALS SIGN", 0x3D},
    {"EXCLAMATION MARK", 0x21},
    {"FULL STOP", 0x2E},
    {"GRAVE ACCENT", 0x60},
    {"GREATER-THAN SIGN", 0x3E},
    {"HYPHEN-MINUS", 0x2D},
    {"LATIN CAPITAL LETTER A", 0x41},
    {"LATIN CAPITAL LETTER B", 0x42},
    {"LATIN CAPITAL LETTER C", 0x43},
    {"LATIN CAPITAL LETTER D", 0x44},
    {"LATIN CAPITAL LETTER E", 0x45},
    {"LATIN CAPITAL LETTER F", 0x46},
    {"LATIN CAPITAL LETTER G", 0x47},
    {"LATIN CAPITAL LETTER H", 0x48},
    {"LATIN CAPITAL LETTER I", 0x49},
    {"LATIN CAPITAL LETTER J", 0x4A},
    {"LATIN CAPITAL LETTER K", 0x4B},
    {"LATIN CAPITAL LETTER L", 0x4C},
    {"LATIN CAPITAL LETTER M", 0x4D},
    {"LATIN CAPITAL LETTER N", 0x4E},
    {"LATIN CAPITAL LETTER O", 0x4F},
    {"LATIN CAPITAL LETTER P", 0x50},
    {"LATIN CAPITAL LETTER Q", 0x51},
    {"LATIN CAPITAL LETTER R", 0x52},
    {"LATIN CAPITAL LETTER S", 0x53},
    {"LATIN CAPITAL LETTER T", 0x54},
    {"LATIN CAPITAL LETTER U", 0x55},
    {"LATIN CAPITAL LETTER V", 0x56},
    {"LATIN CAPITAL LETTER W", 0x57},
    {"LATIN CAPITAL LETTER X", 0x58},
    {"LATIN CAPITAL LETTER Y", 0x59},
    {"LATIN CAPITAL LETTER Z", 0x5A},
    {"LATIN SMALL LETTER A", 0x61},
    {"LATIN SMALL LETTER B", 0x62},
    {"LATIN SMALL LETTER C", 0x63},
    {"LATIN SMALL LETTER D", 0x64},
    {"LATIN SMALL LETTER E", 0x65},
    {"LATIN SMALL LETTER F", 0x66},
    {"LATIN SMALL LETTER G", 0x67},
    {"LATIN SMALL LETTER H", 0x68},
    {"LATIN SMALL LETTER I", 0x69},
    {"LATIN SMALL LETTER J", 0x6A},
    {"LATIN SMALL LETTER K", 0x6B},
    {"LATIN SMALL LETTER L", 0x6C},
    {"LATIN SMALL LETTER M", 0x6D},
    {"LATIN SMALL LETTER N", 0x6E},
    {"LATIN SMALL LETTER O", 0x6F},
    {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71},
    {"LATIN SMALL LETTER R", 0x72},
    {"LATIN SMALL LETTER S", 0x73},
    {"LATIN SMALL LETTER T", 0x74},
    {"LATIN SMALL LETTER U", 0x75},
    {"LATIN SMALL LETTER V", 0x76},
    {"LATIN SMALL LETTER W", 0x77},
    {"LATIN SMALL LETTER X", 0x78},
    {"LATIN SMALL LETTER Y", 0x79},
    {"LATIN SMALL LETTER Z", 0x7A},
    {"LEFT CURLY BRACKET", 0x7B},
    {"LEFT PARENTHESIS", 0x28},
    {"LEFT SQUARE BRACKET", 0x5B},
    {"LESS-THAN SIGN", 0x3C},
    {"LOW LINE", 0x5F},
    {"NUMBER SIGN", 0x23},
    {"PERCENT SIGN", 0x25},
    {"PLUS SIGN", 0x2B},
    {"QUESTION MARK", 0x3F},
    {"QUOTATION MARK", 0x22},
    {"REVERSE SOLIDUS", 0x5C},
    {"RIGHT CURLY BRACKET", 0x7D},
    {"RIGHT PARENTHESIS", 0x29},
    {"RIGHT SQUARE BRACKET", 0x5D},
    {"SEMICOLON", 0x3B},
    {"SOLIDUS", 0x2F},
    {"SPACE", 0x20},
    {"TILDE", 0x7E},
    {"VERTICAL LINE", 0x7C}
}};

constexpr bool NamesSorted() {
  for (size_t i = 1; i < kAsciiNames.size(); ++i) {
    if (!(kAsciiNames[i - 1].first < kAsciiNames[i].first)) return false;
  }
  return true;
}
static_assert(NamesSorted(), "kAsciiNames: sorted and unique, for the binary search");

// A name that may be of a decimal digit or a space (or of an ASCII control that int()
// takes for a space): every such name or alias has one of these words, or is a short
// abbreviation ("LF", "NBSP", "NNBSP").
bool MayBeDigitOrSpace(std::string_view name) {
  for (std::string_view word : {"DIGIT", "SPACE", "QUAD", "SEPARATOR", "TABULATION", "LINE", "FEED", "RETURN"}) {
    if (name.find(word) != std::string_view::npos) return true;
  }
  return name.size() <= 5 && name.find_first_of(" -") == std::string_view::npos;
}

// The literal's text with each `\N{name}` replaced by escapes StringLiteralValue reads,
// or nullopt (see StrConstantValue).
std::optional<std::string> ResolveNamedEscapes(std::string_view text) {
  size_t q = text.find_first_of("'\"");
  if (q == std::string_view::npos || text.substr(0, q).find_first_of("rR") != std::string_view::npos) return std::string(text);
  std::string out(text.substr(0, q));
  for (size_t i = q; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    if (text.compare(i + 1, 2, "N{") != 0) {  // another escape, `\\` included: kept as it is
      out += text.substr(i, 2);
      ++i;
      continue;
    }
    size_t close = text.find('}', i + 3);
    if (close == std::string_view::npos) return std::nullopt;
    std::string name(text.substr(i + 3, close - i - 3));
    for (char& ch : name) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-')) return std::nullopt;
    }
    auto it = std::lower_bound(kAsciiNames.begin(), kAsciiNames.end(), name,
                               [](const auto& entry, const std::string& key) { return entry.first < key; });
    if (it != kAsciiNames.end() && it->first == name) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(it->second));
      out += hex;
    } else if (MayBeDigitOrSpace(name)) {
      return std::nullopt;
    } else {
      out += "\\ufdd0" + name + "\\ufdd1";
    }
    i = close;
  }
  return out;
}

}  // namespace

TSNode Unparenthesized(TSNode n) {
  while (Is(n, kind::kParenthesizedExpression) && ts_node_named_child_count(n) == 1) n = ts_node_named_child(n, 0);
  return n;
}

bool IsStrConstant(const Source& src, TSNode n) {
  if (Is(n, kind::kString)) return IsStrPart(src, n);
  if (!Is(n, kind::kConcatenatedString)) return false;
  bool all = true;
  python::ForEachNamedChild(n, [&](TSNode c) {
    if (Is(c, kind::kString)) all = all && IsStrPart(src, c);
  });
  return all;
}

std::optional<std::string> StrConstantValue(const Source& src, TSNode n) {
  std::string value;
  bool ok = true;
  auto add = [&](TSNode part) {
    std::optional<std::string> text = ResolveNamedEscapes(src.tree->TextOf(part));
    std::optional<std::string> part_value = text ? python::StringLiteralValue(*text) : std::nullopt;
    if (part_value) {
      value += *part_value;
    } else {
      ok = false;
    }
  };
  if (Is(n, kind::kString)) {
    add(n);
  } else {
    python::ForEachNamedChild(n, [&](TSNode c) {
      if (Is(c, kind::kString)) add(c);
    });
  }
  if (!ok) return std::nullopt;
  return value;
}

bool MentionsUnnamed(std::string_view text) { return text.find("\xEF\xB7\x90") != std::string_view::npos; }

}  // namespace trajc::lint
