#include "schema/json_value.h"

#include "core/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace trajc::schema {

namespace {

bool IsIntegerRepr(const Json& v) { return v.is_number_integer(); }  // int64 or uint64

int Sign(long double d) { return d < 0 ? -1 : (d > 0 ? 1 : 0); }

template <typename T>
int Cmp(T a, T b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

// long double has a 64-bit mantissa on x86-64, so every int64/uint64/double is exact.
long double AsLongDouble(const Json& v) {
  if (v.is_number_unsigned()) return static_cast<long double>(v.get<std::uint64_t>());
  if (v.is_number_integer()) return static_cast<long double>(v.get<std::int64_t>());
  return static_cast<long double>(v.get<double>());
}

}  // namespace

int CompareNumbers(const Json& a, const Json& b) {
  if (IsIntegerRepr(a) && IsIntegerRepr(b)) {
    bool au = a.is_number_unsigned();
    bool bu = b.is_number_unsigned();
    if (au && bu) return Cmp(a.get<std::uint64_t>(), b.get<std::uint64_t>());
    if (!au && !bu) return Cmp(a.get<std::int64_t>(), b.get<std::int64_t>());
    if (au) {
      auto bi = b.get<std::int64_t>();
      if (bi < 0) return 1;
      return Cmp(a.get<std::uint64_t>(), static_cast<std::uint64_t>(bi));
    }
    auto ai = a.get<std::int64_t>();
    if (ai < 0) return -1;
    return Cmp(static_cast<std::uint64_t>(ai), b.get<std::uint64_t>());
  }
  return Sign(AsLongDouble(a) - AsLongDouble(b));
}

bool JsonEqual(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return CompareNumbers(a, b) == 0;
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!JsonEqual(a[i], b[i])) return false;
      }
      return true;
    }
    case Json::value_t::object: {
      if (a.size() != b.size()) return false;
      for (auto it = a.begin(); it != a.end(); ++it) {
        auto other = b.find(it.key());
        if (other == b.end() || !JsonEqual(it.value(), *other)) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}

namespace {

// Numbers share a rank: 1 and 1.0 are equal.
int TypeRank(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return 0;
    case Json::value_t::boolean: return 1;
    case Json::value_t::string: return 3;
    case Json::value_t::array: return 4;
    case Json::value_t::object: return 5;
    default: return 2;  // the number types (and discarded, which a parsed value never is)
  }
}

std::vector<const std::string*> SortedKeys(const Json& object) {
  std::vector<const std::string*> keys;
  keys.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(&it.key());
  std::sort(keys.begin(), keys.end(), [](const std::string* x, const std::string* y) { return *x < *y; });
  return keys;
}

}  // namespace

int CompareJson(const Json& a, const Json& b) {
  const int ra = TypeRank(a), rb = TypeRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0: return 0;
    case 1: return Cmp(a.get<bool>(), b.get<bool>());
    case 2: return CompareNumbers(a, b);
    case 3: {
      const int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case 4: {
      for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        if (int c = CompareJson(a[i], b[i]); c != 0) return c;
      }
      return Cmp(a.size(), b.size());
    }
    default: {
      if (a.size() != b.size()) return Cmp(a.size(), b.size());
      const std::vector<const std::string*> ka = SortedKeys(a), kb = SortedKeys(b);
      for (std::size_t i = 0; i < ka.size(); ++i) {
        const int c = ka[i]->compare(*kb[i]);
        if (c != 0) return c < 0 ? -1 : 1;
      }
      for (const std::string* key : ka) {
        if (int c = CompareJson(a.at(*key), b.at(*key)); c != 0) return c;
      }
      return 0;
    }
  }
}

bool IsIntegerValue(const Json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  double d = value.get<double>();
  return std::isfinite(d) && std::floor(d) == d;
}

std::size_t CodePointLength(std::string_view utf8) { return CountCodePoints(utf8); }

namespace {

void ReprString(std::string_view s, std::string& out, std::size_t stop) {
  out.push_back('\'');
  for (char c : s) {
    if (out.size() > stop) return;
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20 || u == 0x7F) {
          static const char* kHex = "0123456789abcdef";
          out += "\\x";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 0xF]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('\'');
}

// Appends until out grows past `stop`; the caller cuts and adds "...".
void ReprInto(const Json& v, std::string& out, std::size_t stop) {
  if (out.size() > stop) return;
  switch (v.type()) {
    case Json::value_t::string:
      ReprString(v.get_ref<const std::string&>(), out, stop);
      return;
    case Json::value_t::array: {
      out.push_back('[');
      bool first = true;
      for (const Json& item : v) {
        if (out.size() > stop) return;
        if (!first) out += ", ";
        first = false;
        ReprInto(item, out, stop);
      }
      out.push_back(']');
      return;
    }
    case Json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (out.size() > stop) return;
        if (!first) out += ", ";
        first = false;
        ReprString(it.key(), out, stop);
        out += ": ";
        ReprInto(it.value(), out, stop);
      }
      out.push_back('}');
      return;
    }
    default:
      out += Dump(v);
      return;
  }
}

}  // namespace

std::string Repr(const Json& value, std::size_t limit) {
  std::string out;
  ReprInto(value, out, limit + 8);
  return ShortenUtf8(std::move(out), limit);
}

}  // namespace trajc::schema
