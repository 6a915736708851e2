// python/literal — Python literal values (what `ast.literal_eval` accepts, minus bytes,
// complex numbers and ints beyond 64 bits) read from source, compared with Python's `==`
// and printed with Python's `repr`. The test domain uses them to decide whether an
// assertion written by the agent holds against the output a doctest pinned down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "python/parse.h"

namespace trajc::python {

struct Value {
  enum class Kind { kNone, kBool, kInt, kFloat, kStr, kList, kTuple, kDict, kSet };
  Kind kind = Kind::kNone;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0.0;
  std::string str;                            // UTF-8
  std::vector<Value> items;                   // list, tuple, set; dict: key, value, key, value …
  bool numeric() const { return kind == Kind::kBool || kind == Kind::kInt || kind == Kind::kFloat; }
};

// The literal value of an expression node, or nullopt when it is not a literal trajc
// evaluates (names, calls, f-strings, bytes, complex, ints that overflow 64 bits …).
std::optional<Value> LiteralOf(const SourceTree& tree, TSNode node);
// The same for a whole text holding exactly one expression ("[1, 2]", "'a'").
std::optional<Value> ParseLiteral(std::string_view text);

// One string or bytes literal (prefix, quotes and body, as written): its value as UTF-8
// for a str, its bytes for bytes; nullopt for f-strings and for escapes trajc does not
// decode (\N{…}, lone surrogates).
struct StringLiteral {
  std::string value;
  bool bytes = false;
};
std::optional<StringLiteral> DecodeStringLiteral(std::string_view text);
// Python's repr() of a str given as UTF-8 (printable as Repr says), and of a bytes value.
std::string StrRepr(std::string_view utf8);
std::string BytesRepr(std::string_view bytes);
// The value of one string literal's text (prefix, quotes, body): nullopt for bytes,
// f-strings, `\N{…}` escapes and lone surrogates.
std::optional<std::string> StringLiteralValue(std::string_view text);

// Python's `==` between literal values (1 == 1.0 == True; list != tuple; dicts and sets
// compare without order).
bool PyEqual(const Value& a, const Value& b);
// Python's repr(); for non-ASCII strings, code points are taken as printable except C0/C1
// controls, U+00AD, line/paragraph separators and surrogates (Python consults its Unicode
// database; the fixtures stay within that approximation).
std::string Repr(const Value& v);
// Python's str() for None, bool, int, float and str (repr for containers).
std::string Str(const Value& v);
// What Python's "unicode_escape" codec makes of a string (pytest builds test ids with it).
std::string UnicodeEscape(std::string_view utf8);
// repr() of a double as Python prints it: shortest round-trip digits, exponent form
// below 1e-4 and from 1e16 on, "inf"/"nan".
std::string FloatRepr(double d);

}  // namespace trajc::python
