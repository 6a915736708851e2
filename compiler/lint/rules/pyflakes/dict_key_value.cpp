#include "lint/rules/pyflakes/dict_key_value.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <utility>

#include "python/literal.h"
#include "python/node_kind.h"

namespace trajc::lint {

namespace {

namespace kind = python::kind;

// Past this many digits a non-decimal integer literal is left unhandled: converting it to
// decimal is quadratic, and Python itself refuses to print ints of more than 4300 digits.
constexpr size_t kMaxRadixDigits = 4000;

// A non-negative big integer as base-1e9 limbs, least significant first.
using Limbs = std::vector<uint32_t>;
constexpr uint32_t kLimbBase = 1000000000;

void MultiplyAdd(Limbs& n, uint32_t factor, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& limb : n) {
    uint64_t v = static_cast<uint64_t>(limb) * factor + carry;
    limb = static_cast<uint32_t>(v % kLimbBase);
    carry = v / kLimbBase;
  }
  while (carry > 0) {
    n.push_back(static_cast<uint32_t>(carry % kLimbBase));
    carry /= kLimbBase;
  }
}

std::string Decimal(const Limbs& n) {
  if (n.empty()) return "0";
  std::string out = std::to_string(n.back());
  for (size_t i = n.size() - 1; i-- > 0;) {
    std::string part = std::to_string(n[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

std::string Digits(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '_') out += c;
  return out;
}

// The decimal digits of an integer literal (no sign, no leading zeros); nullopt past
// kMaxRadixDigits for hex, octal and binary.
std::optional<std::string> IntegerDecimal(std::string_view text) {
  std::string digits = Digits(text);
  uint32_t base = 10;
  if (digits.size() > 1 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos) {
    base = digits[1] == 'x' || digits[1] == 'X' ? 16 : digits[1] == 'o' || digits[1] == 'O' ? 8 : 2;
    digits.erase(0, 2);
  }
  if (base == 10) {
    size_t first = digits.find_first_not_of('0');
    return first == std::string::npos ? "0" : digits.substr(first);
  }
  if (digits.size() > kMaxRadixDigits) return std::nullopt;
  Limbs n;
  for (char c : digits) {
    uint32_t d = c <= '9' ? static_cast<uint32_t>(c - '0') : static_cast<uint32_t>((c | 0x20) - 'a' + 10);
    MultiplyAdd(n, base, d);
  }
  return Decimal(n);
}

// The exact decimal digits of a finite, integral, non-negative double.
std::string IntegralDecimal(double d) {
  if (d < 9.0e18) return std::to_string(static_cast<uint64_t>(d));
  int exponent = 0;
  const double mantissa = std::frexp(d, &exponent);  // d = mantissa * 2^exponent, 0.5 <= mantissa < 1
  const auto m = static_cast<uint64_t>(std::ldexp(mantissa, 53));  // d = m * 2^(exponent - 53)
  Limbs n;
  for (char c : std::to_string(m)) MultiplyAdd(n, 10, static_cast<uint32_t>(c - '0'));
  for (int k = 53; k < exponent; ++k) MultiplyAdd(n, 2, 0);
  return Decimal(n);
}

// A float literal's value (Python rounds as strtod does; too large is inf).
double FloatValue(std::string_view text) {
  std::string digits = Digits(text);
  return std::strtod(digits.c_str(), nullptr);
}

bool IsImaginary(std::string_view text) { return !text.empty() && (text.back() == 'j' || text.back() == 'J'); }

// repr() of an imaginary literal: complex's repr drops the ".0" a float repr would have.
std::string ImaginaryRepr(double imag) {
  std::string r = python::FloatRepr(imag);
  if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
  return r + "j";
}

// The number's canonical text: "I<digits>" for every integral value, "F<repr>" for other
// floats, "C<repr>" for imaginary numbers; nullopt when the literal is left unhandled.
std::optional<std::string> NumberCanonical(std::string_view text, bool is_float) {
  if (IsImaginary(text)) {
    double imag = FloatValue(text.substr(0, text.size() - 1));
    if (imag == 0) return "I0";
    return "C" + python::FloatRepr(imag);
  }
  if (!is_float) {
    std::optional<std::string> d = IntegerDecimal(text);
    if (!d) return std::nullopt;
    return "I" + *d;
  }
  double v = FloatValue(text);
  if (std::isfinite(v) && v == std::floor(v)) return "I" + IntegralDecimal(v);
  return "F" + python::FloatRepr(v);
}

// The decoded value of a string or of implicitly concatenated strings: "S" + UTF-8 for
// str, "B" + bytes; nullopt for an f-string (an ast.JoinedStr) or what trajc cannot decode.
std::optional<std::string> StringCanonical(const Source& src, const python::FlatTree& tree, size_t i) {
  std::vector<TSNode> parts;
  if (kind::kString.Matches(tree.nodes()[i].symbol)) {
    parts.push_back(tree.nodes()[i].node);
  } else {
    tree.ForEachChild(i, [&](const python::FlatTree::Node& c) {
      if (kind::kString.Matches(c.symbol)) parts.push_back(c.node);
    });
  }
  std::string value;
  bool bytes = false;
  for (TSNode part : parts) {
    std::optional<python::StringLiteral> lit = python::DecodeStringLiteral(src.tree->TextOf(part));
    if (!lit) return std::nullopt;
    bytes = lit->bytes;
    value += lit->value;
  }
  return (bytes ? "B" : "S") + value;
}

}  // namespace

size_t DictKeyValues::Unparenthesized(size_t i) const {
  const auto& nodes = tree_.nodes();
  while (kind::kParenthesizedExpression.Matches(nodes[i].symbol)) {
    size_t inner = python::FlatTree::npos;
    int count = 0;
    tree_.ForEachChildIndex(i, [&](size_t c) {
      if (!kind::kComment.Matches(nodes[c].symbol)) inner = c, ++count;
    });
    if (count != 1) break;
    i = inner;
  }
  return i;
}

int64_t DictKeyValues::Intern(const std::string& canonical) {
  auto [it, added] = atoms_.try_emplace(canonical, next_id_);
  if (added) ++next_id_;
  return it->second;
}

int64_t DictKeyValues::AtomId(size_t i) {
  const TSSymbol s = tree_.nodes()[i].symbol;
  const TSNode n = tree_.nodes()[i].node;
  std::optional<std::string> canonical;
  if (kind::kIdentifier.Matches(s)) {
    canonical = "V" + std::string(src_.tree->TextOf(n));
  } else if (kind::kTrue.Matches(s)) {
    canonical = "I1";
  } else if (kind::kFalse.Matches(s)) {
    canonical = "I0";
  } else if (kind::kNone.Matches(s)) {
    canonical = "N";
  } else if (kind::kInteger.Matches(s) || kind::kFloat.Matches(s)) {
    canonical = NumberCanonical(src_.tree->TextOf(n), kind::kFloat.Matches(s));
  } else if (kind::kString.Matches(s) || kind::kConcatenatedString.Matches(s)) {
    canonical = StringCanonical(src_, tree_, i);
  }
  if (!canonical) return next_id_++;  // UnhandledKeyType: equal to nothing
  return Intern(*canonical);
}

int64_t DictKeyValues::Id(size_t root) {
  const auto& nodes = tree_.nodes();
  // The tuples and parentheses under root, parents before children; then ids bottom-up.
  std::vector<size_t> order;
  std::vector<size_t> stack{root};
  while (!stack.empty()) {
    size_t i = stack.back();
    stack.pop_back();
    order.push_back(i);
    if (kind::kTuple.Matches(nodes[i].symbol) || kind::kParenthesizedExpression.Matches(nodes[i].symbol)) {
      tree_.ForEachChildIndex(i, [&](size_t c) {
        if (!kind::kComment.Matches(nodes[c].symbol)) stack.push_back(c);
      });
    }
  }
  std::map<size_t, int64_t> ids;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const size_t i = *it;
    std::vector<int64_t> elements;
    if (kind::kTuple.Matches(nodes[i].symbol) || kind::kParenthesizedExpression.Matches(nodes[i].symbol)) {
      tree_.ForEachChildIndex(i, [&](size_t c) {
        if (!kind::kComment.Matches(nodes[c].symbol)) elements.push_back(ids[c]);
      });
    }
    if (kind::kTuple.Matches(nodes[i].symbol)) {
      auto [t, added] = tuples_.try_emplace(std::move(elements), next_id_);
      if (added) ++next_id_;
      ids[i] = t->second;
    } else if (kind::kParenthesizedExpression.Matches(nodes[i].symbol)) {
      ids[i] = elements.size() == 1 ? elements[0] : next_id_++;
    } else {
      ids[i] = AtomId(i);
    }
  }
  return ids[root];
}

std::string DictKeyValues::AtomRepr(size_t i) const {
  const TSSymbol s = tree_.nodes()[i].symbol;
  const std::string_view text = src_.tree->TextOf(tree_.nodes()[i].node);
  if (kind::kTrue.Matches(s)) return "True";
  if (kind::kFalse.Matches(s)) return "False";
  if (kind::kNone.Matches(s)) return "None";
  if (kind::kInteger.Matches(s) || kind::kFloat.Matches(s)) {
    if (IsImaginary(text)) return ImaginaryRepr(FloatValue(text.substr(0, text.size() - 1)));
    if (kind::kFloat.Matches(s)) return python::FloatRepr(FloatValue(text));
    return IntegerDecimal(text).value_or(std::string(text));
  }
  if (kind::kString.Matches(s) || kind::kConcatenatedString.Matches(s)) {
    std::optional<std::string> c = StringCanonical(src_, tree_, i);
    if (!c) return std::string(text);
    std::string_view value = std::string_view(*c).substr(1);
    return (*c)[0] == 'B' ? python::BytesRepr(value) : python::StrRepr(value);
  }
  return std::string(text);  // a name
}

std::string DictKeyValues::Repr(size_t root) const {
  const auto& nodes = tree_.nodes();
  // A walk with an explicit stack: a frame per open tuple, holding its elements.
  struct Frame {
    std::vector<size_t> elements;
    size_t next = 0;
  };
  std::string out;
  std::vector<Frame> frames;
  auto open = [&](size_t i) {
    i = Unparenthesized(i);
    if (!kind::kTuple.Matches(nodes[i].symbol)) {
      out += AtomRepr(i);
      return;
    }
    Frame f;
    tree_.ForEachChildIndex(i, [&](size_t c) {
      if (!kind::kComment.Matches(nodes[c].symbol)) f.elements.push_back(c);
    });
    out += '(';
    frames.push_back(std::move(f));
  };
  open(root);
  while (!frames.empty()) {
    Frame& f = frames.back();
    if (f.next == f.elements.size()) {
      out += f.elements.size() == 1 ? ",)" : ")";
      frames.pop_back();
      continue;
    }
    if (f.next > 0) out += ", ";
    size_t child = f.elements[f.next++];
    open(child);  // may grow `frames`: `f` is not used after this
  }
  return out;
}

}  // namespace trajc::lint
