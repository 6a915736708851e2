// python/compile_check_patterns — the patterns of a `case` clause, as CPython 3.11's grammar
// has them: literals (signed numbers, `real ± imag` complex numbers, strings that are not
// f-strings, None/True/False), captures, `_`, dotted values, groups, sequences with at
// most star patterns `*name`, mappings with literal or dotted keys and a final `**name`,
// class patterns with positional before keyword patterns, `|` and `as name` (never `_`).
// tree-sitter's pattern rules are looser (they reuse expressions), so these are checked
// on the tokens. Errors of the compiler (names bound twice, unreachable patterns) are not.
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

namespace {

// A recursive descent over [i, end): patterns nest as deep as their brackets, which the
// tokenizer caps (CPython's MAXLEVEL, 200), so the recursion is bounded.
class PatternParser {
 public:
  PatternParser(const std::vector<CToken>& t, size_t begin, size_t end) : t_(t), i_(begin), end_(end) {}

  // Proposes nothing itself: returns the index of the offending token and a message, or
  // nullopt when [begin, end) is a valid `patterns`.
  std::optional<std::pair<size_t, std::string>> Check() {
    if (!OpenSequence(true)) return Error();
    if (i_ != end_) return std::make_pair(i_, std::string("invalid syntax"));
    return std::nullopt;
  }

 private:
  std::optional<std::pair<size_t, std::string>> Error() const { return std::make_pair(err_, message_); }
  bool Fail(std::string message = "invalid syntax") {
    err_ = i_;  // end_ is a real token: the guard's `if` or the header's `:`
    message_ = std::move(message);
    return false;
  }
  bool Op(std::string_view op) const { return i_ < end_ && IsOp(t_[i_], op); }
  bool Word(std::string_view w) const { return i_ < end_ && IsWord(t_[i_], w); }

  // patterns / the inside of `(...)`: a pattern, or a comma-separated sequence (each item
  // maybe a star pattern) when a comma follows. `top`: a lone star pattern is refused.
  bool OpenSequence(bool top) {
    bool star = Op("*");
    if (!MaybeStar()) return false;
    if (!Op(",")) {
      if (star && top) return Fail();
      return true;
    }
    while (Op(",")) {
      ++i_;
      if (i_ >= end_ || Op(")") || Op("]")) break;
      if (!MaybeStar()) return false;
    }
    return true;
  }
  bool MaybeStar() {
    if (Op("*")) {
      ++i_;
      if (i_ < end_ && IsName(t_[i_])) {
        ++i_;
        return true;
      }
      return Fail();
    }
    return Pattern();
  }
  // as_pattern | or_pattern
  bool Pattern() {
    if (!Closed()) return false;
    while (Op("|")) {
      ++i_;
      if (!Closed()) return false;
    }
    if (Word("as")) {
      ++i_;
      if (i_ >= end_ || !IsName(t_[i_])) return Fail();
      if (IsWord(t_[i_], "_")) return Fail("cannot use '_' as a target");
      ++i_;
      if (Op(".") || Op("(") || Op("=")) return Fail();
    }
    return true;
  }
  bool SignedNumber() {
    if (Op("-")) ++i_;
    if (i_ < end_ && t_[i_].kind == CKind::kNumber) {
      ++i_;
      return true;
    }
    return Fail();
  }
  // A number, maybe negative, maybe `real + imag`.
  bool NumberLiteral() {
    if (!SignedNumber()) return false;
    if (Op("+") || Op("-")) {
      size_t real = i_ - 1;
      ++i_;
      if (i_ >= end_ || t_[i_].kind != CKind::kNumber) return Fail();
      std::string_view imag = t_[i_].text;
      bool is_imag = !imag.empty() && (imag.back() == 'j' || imag.back() == 'J');
      std::string_view re = t_[real].text;
      bool real_imag = !re.empty() && (re.back() == 'j' || re.back() == 'J');
      if (!is_imag) return Fail("imaginary number required in complex literal");
      if (real_imag) {
        i_ = real;
        return Fail("real number required in complex literal");
      }
      ++i_;
    }
    return true;
  }
  // (an f-string here is the compiler's error, not the parser's)
  bool Strings() {
    while (i_ < end_ && t_[i_].kind == CKind::kString) ++i_;
    return true;
  }
  bool DottedName() {  // NAME ('.' NAME)*
    if (i_ >= end_ || !IsName(t_[i_])) return Fail();
    ++i_;
    while (Op(".")) {
      ++i_;
      if (i_ >= end_ || !IsName(t_[i_])) return Fail();
      ++i_;
    }
    return true;
  }
  bool Closed() {
    if (i_ >= end_) return Fail();
    const CToken& t = t_[i_];
    if (t.kind == CKind::kNumber || IsOp(t, "-")) return NumberLiteral();
    if (t.kind == CKind::kString) return Strings();
    if (IsConstant(t)) {
      ++i_;
      return true;
    }
    if (IsName(t)) {
      if (!DottedName()) return false;
      if (Op("(")) return ClassArgs();
      return true;
    }
    if (IsOp(t, "(")) {
      ++i_;
      if (Op(")")) {
        ++i_;
        return true;
      }
      if (!OpenSequence(false)) return false;
      if (!Op(")")) return Fail();
      ++i_;
      return true;
    }
    if (IsOp(t, "[")) {
      ++i_;
      if (Op("]")) {
        ++i_;
        return true;
      }
      if (!OpenSequence(false)) return false;
      if (!Op("]")) return Fail();
      ++i_;
      return true;
    }
    if (IsOp(t, "{")) return Mapping();
    return Fail();
  }
  bool Mapping() {
    ++i_;  // `{`
    while (!Op("}")) {
      if (Op("**")) {
        ++i_;
        if (i_ >= end_ || !IsName(t_[i_]) || IsWord(t_[i_], "_")) return Fail();
        ++i_;
        if (Op(",")) ++i_;
        if (!Op("}")) return Fail();
        break;
      }
      // key: a literal or a dotted value (a plain name would be a capture)
      if (i_ >= end_) return Fail();
      const CToken& k = t_[i_];
      if (k.kind == CKind::kNumber || IsOp(k, "-")) {
        if (!NumberLiteral()) return false;
      } else if (k.kind == CKind::kString) {
        if (!Strings()) return false;
      } else if (IsConstant(k)) {
        ++i_;
      } else if (IsName(k) && i_ + 1 < end_ && IsOp(t_[i_ + 1], ".")) {
        if (!DottedName()) return false;
      } else {
        return Fail();
      }
      if (!Op(":")) return Fail();
      ++i_;
      if (!Pattern()) return false;
      if (Op(",")) {
        ++i_;
      } else if (!Op("}")) {
        return Fail();
      }
    }
    ++i_;  // `}`
    return true;
  }
  bool ClassArgs() {
    ++i_;  // `(`
    bool keyword = false;
    while (!Op(")")) {
      if (i_ >= end_) return Fail();
      if (IsName(t_[i_]) && i_ + 1 < end_ && IsOp(t_[i_ + 1], "=")) {
        i_ += 2;
        keyword = true;
        if (!Pattern()) return false;
      } else {
        if (keyword) return Fail("positional patterns follow keyword patterns");
        if (!Pattern()) return false;
      }
      if (Op(",")) {
        ++i_;
      } else if (!Op(")")) {
        return Fail();
      }
    }
    ++i_;  // `)`
    return true;
  }

  const std::vector<CToken>& t_;
  size_t i_, end_;
  size_t err_ = 0;
  std::string message_;
};

}  // namespace

// A `case` clause's header [first, end): `case` patterns [`if` guard] `:`.
void Checker::CasePatterns(size_t first, size_t end) {
  if (!IsWord(t_[first], "case") || end < first + 3 || !IsOp(t_[end - 1], ":")) return;
  int level0 = t_[first].level;
  size_t stop = first + 1;
  while (stop < end - 1 && !(t_[stop].level == level0 && IsWord(t_[stop], "if"))) ++stop;
  if (stop == first + 1) return;  // no pattern: other rules
  std::optional<std::pair<size_t, std::string>> bad = PatternParser(t_, first + 1, stop).Check();
  if (!bad) return;
  Propose(bad->first, bad->first, "SyntaxError", bad->second,
          bad->second == "invalid syntax" ? Severity::kGeneric : Severity::kSpecific);
}

}  // namespace trajc::python::compile_check_internal
