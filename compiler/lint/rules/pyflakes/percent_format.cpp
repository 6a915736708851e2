#include "lint/rules/pyflakes/percent_format.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lint/rules/pyflakes/python_chars.h"
#include "lint/rules/pyflakes/str_constant.h"
#include "python/literal.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;
namespace field = python::field;

using python::Field;
using python::Is;

struct Placeholder {
  std::optional<std::u32string> key;  // `%(key)s`
  bool star = false;                  // a `*` width or precision
  bool star_twice = false;            // both are `*`
  char32_t conversion = 0;
};

// pyflakes' parse_percent_format, on code points: the placeholders of `s`, or nullopt when
// the string ends inside one (its ValueError). Each step mirrors one of its regexes.
std::optional<std::vector<Placeholder>> ParsePercentFormat(std::u32string_view s) {
  std::vector<Placeholder> out;
  const size_t n = s.size();
  size_t i = 0;
  auto at = [&](size_t k) -> char32_t { return k < n ? s[k] : 0; };
  auto digits = [&] {
    while (i < n && DecimalValue(s[i]) >= 0) ++i;  // `\d` matches every Nd digit
  };
  while (i < n) {
    size_t pct = s.find(U'%', i);
    if (pct == std::u32string_view::npos) break;
    i = pct + 1;
    if (i >= n) return std::nullopt;
    Placeholder p;
    if (at(i) == U'(') {  // MAPPING_KEY_RE \(([^()]*)\)
      size_t j = i + 1;
      while (j < n && s[j] != U'(' && s[j] != U')') ++j;
      if (j < n && s[j] == U')') {
        p.key = std::u32string(s.substr(i + 1, j - i - 1));
        i = j + 1;
      }
    }
    while (i < n && std::u32string_view(U"#0+ -").find(s[i]) != std::u32string_view::npos) ++i;
    int stars = 0;
    if (at(i) == U'*') {
      ++stars, ++i;
    } else {
      digits();
    }
    if (at(i) == U'.') {
      ++i;
      if (at(i) == U'*') {
        ++stars, ++i;
      } else {
        digits();
      }
    }
    if (at(i) == U'h' || at(i) == U'l' || at(i) == U'L') ++i;
    if (i >= n) return std::nullopt;
    p.conversion = s[i++];
    p.star = stars > 0;
    p.star_twice = stars == 2;
    out.push_back(std::move(p));
  }
  return out;
}

bool ValidConversion(char32_t c) { return c < 0x80 && std::string_view("diouxXeEfFgGcrsa%").find(static_cast<char>(c)) != std::string_view::npos; }

std::string Join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

class PercentCheck {
 public:
  PercentCheck(const Source& src, TSNode node, Findings& out) : src_(src), node_(node), out_(out) {}

  void Run(std::u32string_view format) {
    std::optional<std::vector<Placeholder>> placeholders = ParsePercentFormat(format);
    if (!placeholders) {
      Report(kPercentFormatInvalidFormat, {"incomplete format"});
      return;
    }
    for (const Placeholder& p : *placeholders) {
      if (p.conversion == U'%') continue;
      // An unnamed `\N{...}` character is printed by its repr: not reported (str_constant.h).
      if (!ValidConversion(p.conversion) && p.conversion != kUnnamedStart) {
        python::Value c;
        c.kind = python::Value::Kind::kStr;
        c.str = ToUtf8(std::u32string(1, p.conversion));
        Report(kPercentFormatUnsupportedFormatCharacter, {python::Repr(c)});
      }
      // The first placeholder (other than `%%`) decides which kind the format is.
      if (!positional_) positional_ = !p.key.has_value();
      for (int k = 0; k < (p.star_twice ? 2 : p.star ? 1 : 0); ++k) {
        if (!*positional_) {
          Report(kPercentFormatStarRequiresSequence);
        } else {
          ++positional_count_;
        }
      }
      if (*positional_ == p.key.has_value()) {
        Report(kPercentFormatMixedPositionalAndNamed);
        return;
      }
      if (*positional_) {
        ++positional_count_;
      } else {
        named_.insert(ToUtf8(*p.key));
      }
    }
    CheckRight(Unparenthesized(Field(node_, field::kRight)));
  }

 private:
  bool Positional() const { return positional_.value_or(false); }

  void CheckRight(TSNode right) {
    if (Is(right, kind::kTuple) || Is(right, kind::kList)) {
      int count = 0;
      for (TSNode e : python::NamedChildren(right)) {
        if (Is(e, kind::kListSplat) || Is(e, kind::kParenthesizedListSplat)) return;  // `(*a, b)`: count unknown
        if (!Is(e, kind::kComment)) ++count;
      }
      if (Positional() && positional_count_ != count) {
        std::string want = std::to_string(positional_count_), got = std::to_string(count);
        Report(kPercentFormatPositionalCountMismatch, {want, got});
      } else if (!Positional()) {
        Report(kPercentFormatExpectedMapping);
      }
      return;
    }
    if (Is(right, kind::kDictionary)) CheckDict(right);
  }

  // A dict literal whose keys are all str literals; `**x` has no key (pyflakes: None).
  void CheckDict(TSNode dict) {
    std::set<std::string> keys;
    bool exact = true;
    for (TSNode e : python::NamedChildren(dict)) {
      if (Is(e, kind::kComment)) continue;
      if (!Is(e, kind::kPair)) return;
      TSNode key = Unparenthesized(Field(e, field::kKey));
      if (!IsStrConstant(src_, key)) return;
      std::optional<std::string> value = StrConstantValue(src_, key);
      if (value) {
        keys.insert(std::move(*value));
      } else {
        exact = false;
      }
    }
    if (Positional() && positional_count_ > 1) {
      Report(kPercentFormatExpectedSequence);
      return;
    }
    if (Positional() || !exact) return;  // a key trajc cannot decode: its sets are unknown
    std::set<std::string> extra, missing;
    for (const std::string& k : keys) {
      if (!named_.contains(k)) extra.insert(k);
    }
    for (const std::string& k : named_) {
      if (!keys.contains(k)) missing.insert(k);
    }
    if (!extra.empty()) Report(kPercentFormatExtraNamedArguments, {Join(extra)});
    if (!missing.empty()) Report(kPercentFormatMissingArgument, {Join(missing)});
  }

  void Report(const Violation& v, std::initializer_list<std::string_view> args = {}) {
    for (std::string_view a : args) {
      if (MentionsUnnamed(a)) return;  // a character trajc cannot print (str_constant.h)
    }
    TSPoint at = ts_node_start_point(node_);
    Finding& f = lint::Report(out_, v, static_cast<int>(at.row) + 1, static_cast<int>(at.column), args);
    f.col_is_chars = true;  // pyflakes: UTF-8 byte columns, printed as they are
  }

  const Source& src_;
  TSNode node_;
  Findings& out_;
  std::optional<bool> positional_;  // pyflakes' `positional`: None until a placeholder
  int positional_count_ = 0;
  std::set<std::string> named_;
};

bool IsModulo(TSNode binop) {
  TSNode op = Field(binop, field::kOperator);
  return !ts_node_is_null(op) && std::string_view(ts_node_type(op)) == "%";
}

}  // namespace

void CheckPercentFormat(const Source& src, const python::FlatTree& tree, Findings& out) {
  for (const python::FlatTree::Node& n : tree.nodes()) {
    if (!kind::kBinaryOperator.Matches(n.symbol) || !IsModulo(n.node)) continue;
    TSNode left = Unparenthesized(Field(n.node, field::kLeft));
    if (!IsStrConstant(src, left)) continue;
    std::optional<std::string> format = StrConstantValue(src, left);
    if (!format) continue;  // `\N{...}` or a lone surrogate: the value is not known here
    PercentCheck(src, n.node, out).Run(ToCodePoints(*format));
  }
}

}  // namespace trajc::lint
