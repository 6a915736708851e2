#include "schema/ecma_pattern.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace trajc::schema {

namespace {

// ECMA-262 WhiteSpace and LineTerminator (what `\s` matches), as PCRE2 class contents.
constexpr std::string_view kWhitespace =
    "\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
// `.` matches everything but ECMA's line terminators.
constexpr std::string_view kDot = "[^\\n\\r\\x{2028}\\x{2029}]";

struct CategoryName {
  std::string_view name;  // long name or alias (Unicode PropertyValueAliases.txt)
  std::string_view pcre;  // PCRE2's name
};
// General_Category values: PCRE2 10.42 knows only the short names.
constexpr CategoryName kCategories[] = {
    {"Cased_Letter", "L&"}, {"LC", "L&"}, {"Close_Punctuation", "Pe"}, {"Connector_Punctuation", "Pc"},
    {"Control", "Cc"}, {"cntrl", "Cc"}, {"Currency_Symbol", "Sc"}, {"Dash_Punctuation", "Pd"},
    {"Decimal_Number", "Nd"}, {"digit", "Nd"}, {"Enclosing_Mark", "Me"}, {"Final_Punctuation", "Pf"},
    {"Format", "Cf"}, {"Initial_Punctuation", "Pi"}, {"Letter", "L"}, {"Letter_Number", "Nl"},
    {"Line_Separator", "Zl"}, {"Lowercase_Letter", "Ll"}, {"Mark", "M"}, {"Combining_Mark", "M"},
    {"Math_Symbol", "Sm"}, {"Modifier_Letter", "Lm"}, {"Modifier_Symbol", "Sk"}, {"Nonspacing_Mark", "Mn"},
    {"Number", "N"}, {"Open_Punctuation", "Ps"}, {"Other", "C"}, {"Other_Letter", "Lo"},
    {"Other_Number", "No"}, {"Other_Punctuation", "Po"}, {"Other_Symbol", "So"},
    {"Paragraph_Separator", "Zp"}, {"Private_Use", "Co"}, {"Punctuation", "P"}, {"punct", "P"},
    {"Separator", "Z"}, {"Space_Separator", "Zs"}, {"Spacing_Mark", "Mc"}, {"Surrogate", "Cs"},
    {"Symbol", "S"}, {"Titlecase_Letter", "Lt"}, {"Unassigned", "Cn"}, {"Uppercase_Letter", "Lu"},
};

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string Hex(uint32_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[value & 0xF]);
    value >>= 4;
  } while (value != 0);
  return "\\x{" + out + "}";
}

class Translator {
 public:
  explicit Translator(std::string_view ecma) : s_(ecma), target_(&out_) {}

  PcrePattern Run() {
    while (i_ < s_.size()) Term();
    return std::move(out_);
  }

 private:
  enum class Repeat { kNone, kQuantifier, kLazyQuantifier };

  [[noreturn]] static void Fail(const std::string& what, std::size_t at) {
    throw std::invalid_argument(what + " at offset " + std::to_string(at));
  }

  void Emit(std::string_view text, std::size_t at) {
    target_->source += text;
    target_->origin.insert(target_->origin.end(), text.size(), at);
  }

  void Term() {
    const std::size_t at = i_;
    const char c = s_[i_];
    if (c == '*' || c == '+' || c == '?') {
      Quantifier(at, 1);
      return;
    }
    if (c == '{') {
      if (std::size_t length = BraceQuantifierLength(at)) {
        Quantifier(at, length);
        return;
      }
    }
    repeat_ = Repeat::kNone;
    switch (c) {
      case '\\': Escape(false); return;
      case '[': Class(); return;
      case '(': Group(); return;
      case '.': Emit(kDot, at); break;
      case '{': Emit("\\{", at); break;  // not a quantifier: a literal brace (PCRE2 10.43 reads `{,n}` as one)
      case '}': Emit("\\}", at); break;
      default: Emit(s_.substr(at, 1), at); break;
    }
    ++i_;
  }

  // A quantifier after a quantifier is only ECMA's lazy `?`; PCRE2 would read `a++` or
  // `a?+` as possessive.
  void Quantifier(std::size_t at, std::size_t length) {
    if (repeat_ == Repeat::kQuantifier && length == 1 && s_[at] == '?') {
      repeat_ = Repeat::kLazyQuantifier;
    } else if (repeat_ != Repeat::kNone) {
      Fail("nothing to repeat before '" + std::string(s_.substr(at, length)) + "'", at);
    } else {
      repeat_ = Repeat::kQuantifier;
    }
    Emit(s_.substr(at, length), at);
    i_ += length;
  }

  // Length of `{n}`, `{n,}` or `{n,m}` at `at`, or 0 when the brace is a literal.
  std::size_t BraceQuantifierLength(std::size_t at) const {
    std::size_t j = at + 1;
    const std::size_t min_start = j;
    while (j < s_.size() && IsDigit(s_[j])) ++j;
    if (j == min_start || j >= s_.size()) return 0;
    if (s_[j] == ',') {
      ++j;
      while (j < s_.size() && IsDigit(s_[j])) ++j;
    }
    if (j >= s_.size() || s_[j] != '}') return 0;
    return j + 1 - at;
  }

  void Group() {
    const std::size_t at = i_;
    std::string_view rest = s_.substr(at + 1);
    if (!rest.empty() && rest[0] == '*') Fail("nothing to repeat before '*'", at + 1);  // PCRE2 verbs: (*LIMIT_MATCH=...)
    if (rest.empty() || rest[0] != '?') {
      Emit("(", at);
      ++i_;
      return;
    }
    std::size_t length = 0;
    if (rest.rfind("?:", 0) == 0 || rest.rfind("?=", 0) == 0 || rest.rfind("?!", 0) == 0) {
      length = 3;
    } else if (rest.rfind("?<=", 0) == 0 || rest.rfind("?<!", 0) == 0) {
      length = 4;
    } else if (rest.rfind("?<", 0) == 0) {
      std::size_t close = rest.find('>');
      if (close == std::string_view::npos || close == 2) Fail("invalid group name", at);
      length = close + 2;
    } else {
      Fail("'(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>'", at);
    }
    Emit(s_.substr(at, length), at);
    i_ += length;
  }

  // `[...]`. ECMA's `[]` matches nothing and `[^]` anything (PCRE2_ALLOW_EMPTY_CLASS agrees).
  // `\S` inside a class has no PCRE2 class spelling with ECMA's whitespace, so such a class
  // becomes an alternation (or a lookahead when negated).
  void Class() {
    const std::size_t at = i_++;
    bool negated = false;
    if (i_ < s_.size() && s_[i_] == '^') {
      negated = true;
      ++i_;
    }
    PcrePattern body;
    PcrePattern* outer = target_;
    target_ = &body;
    bool non_space = false;
    for (;;) {
      if (i_ >= s_.size()) Fail("missing ']' for the character class", at);
      const char c = s_[i_];
      if (c == ']') {
        ++i_;
        break;
      }
      if (c == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == 'S') {
        non_space = true;
        i_ += 2;
      } else if (c == '\\') {
        Escape(true);
      } else {
        // `[` and `^` escaped: PCRE2 reads `[:alpha:]` as a POSIX class; a leading `^` in
        // a rewritten class would negate it.
        Emit(c == '[' ? "\\[" : c == '^' ? "\\^" : s_.substr(i_, 1), i_);
        ++i_;
      }
    }
    target_ = outer;
    const std::string whitespace = "[" + std::string(kWhitespace) + "]";
    const std::string not_whitespace = "[^" + std::string(kWhitespace) + "]";
    auto emit_body = [&](std::string_view open) {
      Emit(open, at);
      target_->source += body.source;
      target_->origin.insert(target_->origin.end(), body.origin.begin(), body.origin.end());
      Emit("]", at);
    };
    if (!non_space) {
      emit_body(negated ? "[^" : "[");
    } else if (body.source.empty()) {
      Emit(negated ? whitespace : not_whitespace, at);
    } else if (!negated) {
      emit_body("(?:[");
      Emit("|" + not_whitespace + ")", at);
    } else {
      emit_body("(?:(?![");
      Emit(")" + whitespace + ")", at);
    }
  }

  void Escape(bool in_class) {
    const std::size_t at = i_++;
    if (i_ >= s_.size()) Fail("'\\' at end of pattern", at);
    const char e = s_[i_++];
    switch (e) {
      case 'd': case 'D': case 'w': case 'W': case 'f': case 'n': case 'r': case 't':
        Emit(s_.substr(at, 2), at);
        return;
      case 'v': Emit("\\x{0b}", at); return;  // PCRE2's \v is any vertical whitespace
      case 'b':
        Emit(in_class ? "\\x{08}" : "\\b", at);
        return;
      case 'B':
        if (in_class) Fail("'\\B' inside a character class", at);
        Emit("\\B", at);
        return;
      case 's':
        Emit(in_class ? std::string(kWhitespace) : "[" + std::string(kWhitespace) + "]", at);
        return;
      case 'S': Emit("[^" + std::string(kWhitespace) + "]", at); return;  // in a class: see Class()
      case 'c': {
        if (i_ >= s_.size() || !IsAsciiAlnum(s_[i_]) || IsDigit(s_[i_])) Fail("'\\c' must be followed by a letter", at);
        Emit(Hex(static_cast<uint32_t>(s_[i_]) % 32), at);
        ++i_;
        return;
      }
      case 'x': {
        if (i_ + 2 > s_.size() || !IsHex(s_[i_]) || !IsHex(s_[i_ + 1])) Fail("'\\x' must be followed by two hex digits", at);
        Emit(Hex(static_cast<uint32_t>(std::stoul(std::string(s_.substr(i_, 2)), nullptr, 16))), at);
        i_ += 2;
        return;
      }
      case 'u': Emit(Hex(UnicodeEscape(at)), at); return;
      case '0':
        if (i_ < s_.size() && IsDigit(s_[i_])) Fail("octal escapes are not ECMA-262", at);
        Emit("\\x{0}", at);
        return;
      case 'k': {
        std::size_t close = s_.find('>', i_);
        if (i_ >= s_.size() || s_[i_] != '<' || close == std::string_view::npos) Fail("'\\k' must be followed by '<name>'", at);
        Emit(s_.substr(at, close + 1 - at), at);
        i_ = close + 1;
        return;
      }
      case 'p': case 'P': Property(at, e == 'P'); return;
      default: break;
    }
    if (IsDigit(e)) {  // a backreference (octal escapes are not ECMA-262 in Unicode mode)
      if (in_class) Fail("backreference inside a character class", at);
      std::size_t end = i_;
      while (end < s_.size() && IsDigit(s_[end])) ++end;
      Emit("\\g{" + std::string(s_.substr(at + 1, end - at - 1)) + "}", at);
      i_ = end;
      return;
    }
    if (IsAsciiAlnum(e)) Fail("'\\" + std::string(1, e) + "' is not an ECMA-262 escape", at);
    if (static_cast<unsigned char>(e) >= 0x80) {
      Emit(s_.substr(at + 1, 1), at);  // identity escape of a non-ASCII character: the character itself
    } else {
      Emit(s_.substr(at, 2), at);
    }
  }

  // After `\u`: `XXXX` (a surrogate pair `\uD83D\uDC32` is one code point) or `{X...}`.
  uint32_t UnicodeEscape(std::size_t at) {
    auto four_hex = [&](std::size_t from) -> long {
      if (from + 4 > s_.size()) return -1;
      for (std::size_t k = from; k < from + 4; ++k) {
        if (!IsHex(s_[k])) return -1;
      }
      return std::stol(std::string(s_.substr(from, 4)), nullptr, 16);
    };
    if (i_ < s_.size() && s_[i_] == '{') {
      std::size_t close = s_.find('}', i_);
      std::string_view digits = close == std::string_view::npos ? "" : s_.substr(i_ + 1, close - i_ - 1);
      if (digits.empty() || digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), IsHex)) {
        Fail("'\\u{' must be followed by hex digits and '}'", at);
      }
      uint32_t value = static_cast<uint32_t>(std::stoul(std::string(digits), nullptr, 16));
      if (value > 0x10FFFF) Fail("code point above U+10FFFF", at);
      if (value >= 0xD800 && value <= 0xDFFF) Fail("a lone surrogate never occurs in UTF-8 text", at);
      i_ = close + 1;
      return value;
    }
    long high = four_hex(i_);
    if (high < 0) Fail("'\\u' must be followed by four hex digits", at);
    i_ += 4;
    if (high >= 0xD800 && high <= 0xDBFF && i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
      long low = four_hex(i_ + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i_ += 6;
        return 0x10000 + ((static_cast<uint32_t>(high) - 0xD800) << 10) + (static_cast<uint32_t>(low) - 0xDC00);
      }
    }
    if (high >= 0xD800 && high <= 0xDFFF) Fail("a lone surrogate never occurs in UTF-8 text", at);
    return static_cast<uint32_t>(high);
  }

  // `\p{Name}`, `\p{General_Category=Name}`, `\p{Script=Name}`, ...: General_Category long
  // names become short ones; scripts and binary properties PCRE2 knows under ECMA's names.
  void Property(std::size_t at, bool negated) {
    std::size_t close = s_.find('}', i_);
    if (i_ >= s_.size() || s_[i_] != '{' || close == std::string_view::npos) {
      Fail("'\\" + std::string(negated ? "P" : "p") + "' must be followed by '{name}'", at);
    }
    std::string_view name = s_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    for (std::string_view prefix : {"General_Category=", "gc="}) {
      if (name.rfind(prefix, 0) == 0) name.remove_prefix(prefix.size());
    }
    std::string pcre(name);
    for (const CategoryName& category : kCategories) {
      if (category.name == name) pcre = category.pcre;
    }
    if (name == "Assigned") {  // not a PCRE2 name: the complement of Unassigned
      negated = !negated;
      pcre = "Cn";
    }
    Emit(std::string(negated ? "\\P{" : "\\p{") + pcre + "}", at);
  }

  std::string_view s_;
  std::size_t i_ = 0;
  PcrePattern out_;
  PcrePattern* target_;
  Repeat repeat_ = Repeat::kNone;
};

}  // namespace

PcrePattern TranslateEcmaPattern(std::string_view ecma) { return Translator(ecma).Run(); }

}  // namespace trajc::schema
