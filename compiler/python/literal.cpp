#include "python/literal.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "core/utf8.h"
#include "python/children.h"

namespace trajc::python {

namespace {

using Kind = Value::Kind;

std::string_view Type(TSNode n) { return ts_node_type(n); }

std::optional<int64_t> ParseInt(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  int base = 10;
  std::string_view body = digits;
  if (body.size() > 1 && body[0] == '0' && std::strchr("xXoObB", body[1]) != nullptr) {
    base = body[1] == 'x' || body[1] == 'X' ? 16 : body[1] == 'o' || body[1] == 'O' ? 8 : 2;
    body.remove_prefix(2);
  }
  int64_t v = 0;
  auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), v, base);
  if (ec != std::errc() || end != body.data() + body.size() || body.empty()) return std::nullopt;
  return v;
}

std::optional<double> ParseFloat(std::string_view text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  if (digits.empty() || digits.back() == 'j' || digits.back() == 'J') return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (end != digits.data() + digits.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) return std::nullopt;
  if (ec == std::errc::result_out_of_range) return std::nullopt;
  return v;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of one string or bytes literal's text (prefix, quotes, body): UTF-8 for a
// str, the bytes themselves for bytes; nullopt for f-strings, and for escapes that need
// the Unicode name database (\N{…}) or make a lone surrogate.
std::optional<StringLiteral> Decode(std::string_view text) {
  size_t q = text.find_first_of("'\"");
  if (q == std::string_view::npos) return std::nullopt;
  std::string prefix;
  for (char c : text.substr(0, q)) prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool bytes = prefix.find('b') != std::string::npos;
  const bool raw = prefix.find('r') != std::string::npos;
  if (prefix != "" && prefix != "r" && prefix != "u" && prefix != "b" && prefix != "br" && prefix != "rb")
    return std::nullopt;
  size_t quote = text.size() >= q + 6 && text.substr(q, 3) == std::string(3, text[q]) ? 3 : 1;
  if (text.size() < q + 2 * quote) return std::nullopt;
  std::string_view body = text.substr(q + quote, text.size() - q - 2 * quote);
  StringLiteral lit{std::string(), bytes};
  if (raw) {
    lit.value = body;
    return lit;
  }
  std::string& out = lit.value;
  // A byte of a bytes literal, a code point of a str.
  auto append = [&](uint32_t cp) {
    if (bytes) out += static_cast<char>(cp & 0xFF);
    else AppendUtf8(out, cp);
  };
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
        if (bytes && e != 'x') {  // no \u escapes in bytes: kept as written
          out += '\\';
          out += e;
          break;
        }
        size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (size_t k = 1; k <= n; ++k) {
          int h = i + k < body.size() ? HexValue(body[i + k]) : -1;
          if (h < 0) return std::nullopt;
          cp = cp * 16 + static_cast<uint32_t>(h);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        append(cp);
        i += n;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t cp = 0;
          size_t k = 0;
          while (k < 3 && i + k < body.size() && body[i + k] >= '0' && body[i + k] <= '7') cp = cp * 8 + (body[i + k++] - '0');
          append(cp);
          i += k - 1;
        } else if (e == 'N' && !bytes) {
          return std::nullopt;
        } else {
          out += '\\';  // unknown escapes stay as written
          out += e;
        }
    }
  }
  return lit;
}

std::optional<std::string> StringValue(std::string_view text) {
  std::optional<StringLiteral> lit = Decode(text);
  if (!lit || lit->bytes) return std::nullopt;
  return std::move(lit->value);
}

std::optional<Value> Items(const SourceTree& tree, TSNode node, Kind kind) {
  Value v;
  v.kind = kind;
  for (TSNode child : NamedChildren(node)) {
    if (Type(child) == "comment") continue;
    if (kind == Kind::kDict) {
      if (Type(child) != "pair") return std::nullopt;
      auto key = LiteralOf(tree, ts_node_child_by_field_name(child, "key", 3));
      auto value = LiteralOf(tree, ts_node_child_by_field_name(child, "value", 5));
      if (!key || !value || key->kind == Kind::kList || key->kind == Kind::kDict || key->kind == Kind::kSet) return std::nullopt;
      bool replaced = false;  // {1: 'a', 1: 'b'} keeps the first key with the last value
      for (size_t k = 0; k < v.items.size(); k += 2)
        if (PyEqual(v.items[k], *key)) v.items[k + 1] = *value, replaced = true;
      if (!replaced) v.items.push_back(std::move(*key)), v.items.push_back(std::move(*value));
      continue;
    }
    auto item = LiteralOf(tree, child);
    if (!item) return std::nullopt;
    if (kind == Kind::kSet) {
      if (item->kind == Kind::kList || item->kind == Kind::kDict || item->kind == Kind::kSet) return std::nullopt;
      bool seen = false;
      for (const Value& x : v.items) seen = seen || PyEqual(x, *item);
      if (seen) continue;
    }
    v.items.push_back(std::move(*item));
  }
  return v;
}

int64_t AsInt(const Value& v) { return v.kind == Kind::kInt ? v.integer : (v.boolean ? 1 : 0); }

bool NumbersEqual(const Value& a, const Value& b) {
  if (a.kind != Kind::kFloat && b.kind != Kind::kFloat) return AsInt(a) == AsInt(b);
  const Value& f = a.kind == Kind::kFloat ? a : b;
  const Value& o = a.kind == Kind::kFloat ? b : a;
  if (o.kind == Kind::kFloat) return f.real == o.real;
  // Exact comparison of a double with an int, as Python does (no rounding of the int).
  double d = f.real;
  if (!std::isfinite(d) || d != std::floor(d) || d < -9.3e18 || d > 9.3e18) return false;
  return static_cast<int64_t>(d) == AsInt(o) && static_cast<double>(AsInt(o)) == d;
}

bool Printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp <= 0xA0) return false;
  if (cp == 0xAD || cp == 0x2028 || cp == 0x2029) return false;
  return true;
}

std::string Hex(uint32_t cp, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", width, cp);
  return buf;
}

std::string Join(const std::vector<Value>& items, size_t step, size_t first) {
  std::string out;
  for (size_t i = first; i < items.size(); i += step) {
    if (!out.empty()) out += ", ";
    out += Repr(items[i]);
    if (step == 2) out += ": " + Repr(items[i + 1]);
  }
  return out;
}

}  // namespace

std::optional<StringLiteral> DecodeStringLiteral(std::string_view text) { return Decode(text); }

std::string StrRepr(std::string_view s) {
  bool single = s.find('\'') != std::string_view::npos;
  bool dbl = s.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out(1, quote);
  for (size_t i = 0; i < s.size();) {
    CodePoint cp = DecodeUtf8(s, i);
    uint32_t c = cp.value;
    i += cp.length;
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (!Printable(c)) {
      out += c < 0x100 ? "\\x" + Hex(c, 2) : c < 0x10000 ? "\\u" + Hex(c, 4) : "\\U" + Hex(c, 8);
    } else {
      AppendUtf8(out, c);
    }
  }
  return out + quote;
}

std::string BytesRepr(std::string_view bytes) {
  bool single = bytes.find('\'') != std::string_view::npos;
  bool dbl = bytes.find('"') != std::string_view::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out = std::string("b") + quote;
  for (char ch : bytes) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      out += "\\x" + Hex(c, 2);
    } else {
      out += ch;
    }
  }
  return out + quote;
}

std::optional<std::string> StringLiteralValue(std::string_view text) { return StringValue(text); }

std::optional<Value> LiteralOf(const SourceTree& tree, TSNode node) {
  if (ts_node_is_null(node) || ts_node_has_error(node)) return std::nullopt;
  std::string_view type = Type(node);
  std::string_view text = tree.TextOf(node);
  Value v;
  if (type == "none") return v;
  if (type == "true" || type == "false") {
    v.kind = Kind::kBool;
    v.boolean = type == "true";
    return v;
  }
  if (type == "integer") {
    if (text.back() == 'j' || text.back() == 'J') return std::nullopt;
    auto i = ParseInt(text);
    if (!i) return std::nullopt;
    v.kind = Kind::kInt;
    v.integer = *i;
    return v;
  }
  if (type == "float") {
    auto d = ParseFloat(text);
    if (!d) return std::nullopt;
    v.kind = Kind::kFloat;
    v.real = *d;
    return v;
  }
  if (type == "string" || type == "concatenated_string") {
    v.kind = Kind::kStr;
    const std::vector<TSNode> parts = type == "string" ? std::vector<TSNode>{node} : NamedChildren(node);
    for (TSNode part : parts) {
      if (Type(part) == "comment") continue;
      auto s = StringValue(tree.TextOf(part));
      if (!s) return std::nullopt;
      v.str += *s;
    }
    if (FindInvalidUtf8(v.str) != std::string::npos) return std::nullopt;
    return v;
  }
  if (type == "parenthesized_expression") {
    TSNode inner = ts_node_named_child(node, 0);
    return ts_node_named_child_count(node) == 1 ? LiteralOf(tree, inner) : std::nullopt;
  }
  if (type == "unary_operator") {
    std::string_view op = tree.TextOf(ts_node_child_by_field_name(node, "operator", 8));
    auto arg = LiteralOf(tree, ts_node_child_by_field_name(node, "argument", 8));
    if (!arg || (op != "-" && op != "+")) return std::nullopt;
    if (arg->kind != Kind::kInt && arg->kind != Kind::kFloat) return std::nullopt;
    if (op == "-") {
      if (arg->kind == Kind::kFloat) arg->real = -arg->real;
      else if (arg->integer == std::numeric_limits<int64_t>::min()) return std::nullopt;
      else arg->integer = -arg->integer;
    }
    return arg;
  }
  if (type == "list") return Items(tree, node, Kind::kList);
  if (type == "tuple") return Items(tree, node, Kind::kTuple);
  if (type == "set") return Items(tree, node, Kind::kSet);
  if (type == "dictionary") return Items(tree, node, Kind::kDict);
  return std::nullopt;
}

std::optional<Value> ParseLiteral(std::string_view text) {
  SourceTree tree = SourceTree::Parse(std::string(text));
  TSNode root = tree.root();
  if (ts_node_has_error(root) || ts_node_named_child_count(root) != 1) return std::nullopt;
  TSNode stmt = ts_node_named_child(root, 0);
  if (Type(stmt) != "expression_statement" || ts_node_named_child_count(stmt) != 1) return std::nullopt;
  return LiteralOf(tree, ts_node_named_child(stmt, 0));
}

bool PyEqual(const Value& a, const Value& b) {
  if (a.numeric() && b.numeric()) return NumbersEqual(a, b);
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::kNone: return true;
    case Kind::kStr: return a.str == b.str;
    case Kind::kList:
    case Kind::kTuple:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!PyEqual(a.items[i], b.items[i])) return false;
      return true;
    case Kind::kSet:
    case Kind::kDict: {
      if (a.items.size() != b.items.size()) return false;
      size_t step = a.kind == Kind::kDict ? 2 : 1;
      for (size_t i = 0; i < a.items.size(); i += step) {
        bool found = false;
        for (size_t j = 0; j < b.items.size() && !found; j += step)
          found = PyEqual(a.items[i], b.items[j]) && (step == 1 || PyEqual(a.items[i + 1], b.items[j + 1]));
        if (!found) return false;
      }
      return true;
    }
    default: return false;
  }
}

std::string FloatRepr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  (void)ec;
  std::string sci(buf, end);  // "-d.ddde±XX"
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  int exponent = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  int point = exponent + 1;  // digits before the decimal point
  if (exponent < -4 || exponent >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
  } else if (point <= 0) {
    out = "0." + std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(point) - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(point)) + "." + digits.substr(static_cast<size_t>(point));
  }
  return negative ? "-" + out : out;
}

// Sets print in insertion order; Python prints them in hash order, so a set's repr is
// only for messages, never compared with Python's text.
std::string Repr(const Value& v) {
  switch (v.kind) {
    case Kind::kNone: return "None";
    case Kind::kBool: return v.boolean ? "True" : "False";
    case Kind::kInt: return std::to_string(v.integer);
    case Kind::kFloat: return FloatRepr(v.real);
    case Kind::kStr: return StrRepr(v.str);
    case Kind::kList: return "[" + Join(v.items, 1, 0) + "]";
    case Kind::kTuple: return "(" + Join(v.items, 1, 0) + (v.items.size() == 1 ? ",)" : ")");
    case Kind::kDict: return "{" + Join(v.items, 2, 0) + "}";
    case Kind::kSet: return v.items.empty() ? "set()" : "{" + Join(v.items, 1, 0) + "}";
  }
  return "None";
}

std::string Str(const Value& v) { return v.kind == Kind::kStr ? v.str : Repr(v); }

std::string UnicodeEscape(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    CodePoint cp = DecodeUtf8(utf8, i);
    uint32_t c = cp.value;
    i += cp.length;
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) out += c < 0x100 ? "\\x" + Hex(c, 2) : c < 0x10000 ? "\\u" + Hex(c, 4) : "\\U" + Hex(c, 8);
    else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace trajc::python
