// python/compile_check_params — the parameter lists of `def` and `lambda` as CPython 3.11's
// grammar orders them (positional, `/`, `*` or `*args`, keyword-only, `**kwargs`), and the
// `async` / `await` keywords, which tree-sitter accepts before more than CPython does.
//
// tree-sitter's parameter rule is a flat list of any parameter kinds in any order; CPython's
// `parameters` rule (and its invalid_parameters rules for the messages) is a sequence. This
// walks each list once, item by item, with the state of that sequence.
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

// Every `def NAME (...)` and `lambda ...:` of the logical line [first, end), in order;
// marks the tokens at each list's own level in in_params_ for the pair and star rules
// (compile_check_pairs.cpp, compile_check_stars.cpp): `*args` or `a=1` there is a
// parameter, in a default an expression.
void Checker::MarkParameterLists(size_t first, size_t end) {
  if (in_params_.size() != t_.size()) in_params_.assign(t_.size(), 0);
  param_lists_.clear();
  for (size_t j = first; j < end; ++j) {
    if (IsWord(t_[j], "def") && j + 2 < end && IsName(t_[j + 1]) && IsOp(t_[j + 2], "(")) {
      size_t open = j + 2, close = open + 1;
      while (close < end && !(t_[close].level == t_[open].level && IsOp(t_[close], ")"))) ++close;
      if (close >= end) continue;
      for (size_t k = open + 1; k < close; ++k) in_params_[k] = t_[k].level == t_[open].level + 1;
      param_lists_.push_back(ParamList{open + 1, close, t_[open].level + 1, false});
    } else if (IsWord(t_[j], "lambda")) {
      // The parameters end at the `:` of this lambda: one at its level, after the `:` of
      // every lambda nested in a default value.
      int level = t_[j].level, nested = 0;
      size_t colon = j + 1;
      for (; colon < end && t_[colon].level >= level; ++colon) {
        if (t_[colon].level != level) continue;
        if (IsWord(t_[colon], "lambda")) ++nested;
        if (IsOp(t_[colon], ":") && nested-- == 0) break;
      }
      if (colon >= end || t_[colon].level != level) continue;  // no `:`: the lambda rule in Pairs
      for (size_t k = j + 1; k < colon; ++k) in_params_[k] = t_[k].level == level;
      param_lists_.push_back(ParamList{j + 1, colon, level, true});
    }
  }
}

// The lists MarkParameterLists found, checked in order up to the first error.
void Checker::ParameterLists() {
  for (const ParamList& list : param_lists_) {
    if (!Parameters(list.lo, list.hi, list.level, list.lambda)) return;
  }
}

// The parameter items in [lo, hi), separated by commas at `level`. Proposes the first
// error and returns false, or returns true.
bool Checker::Parameters(size_t lo, size_t hi, int level, bool lambda) {
  enum class Star { kNone, kBare, kBareNamed, kArgs };
  Star star = Star::kNone;
  bool slash = false, kwargs = false, any_param = false, seen_default = false;
  auto fail = [&](size_t at, const std::string& message) {
    Propose(at, at, "SyntaxError", message, message == "invalid syntax" ? Severity::kGeneric : Severity::kSpecific);
    return false;
  };
  size_t a = lo;
  while (a <= hi) {
    size_t b = a;
    int item_lambdas = 0;  // a lambda in a default value: its parameters' commas are its own
    while (b < hi && !(t_[b].level == level && IsOp(t_[b], ",") && item_lambdas == 0)) {
      if (t_[b].level == level && IsWord(t_[b], "lambda")) ++item_lambdas;
      if (t_[b].level == level && IsOp(t_[b], ":") && item_lambdas > 0) --item_lambdas;
      ++b;
    }
    // [a, b) is one item; t_[b] its comma (or b == hi).
    if (a == b) {
      if (b < hi || a != lo) {
        // `(,a)` and `(a,,b)`; a trailing comma is fine except after a bare `*`
        if (b < hi) return fail(b, "invalid syntax");
        if (star == Star::kBare) return fail(a - 1, "named arguments must follow bare *");
      }
      break;
    }
    const CToken& head = t_[a];
    if (IsOp(head, "/") && b == a + 1) {
      if (!any_param) return fail(a, lambda ? "invalid syntax" : "at least one argument must precede /");
      if (slash) return fail(a, "/ may appear only once");
      if (star != Star::kNone || kwargs) return fail(a, "/ must be ahead of *");
      slash = true;
    } else if (IsOp(head, "*") || IsOp(head, "**")) {
      bool dstar = IsOp(head, "**");
      if (kwargs) return fail(a, "arguments cannot follow var-keyword argument");
      if (b == a + 1) {
        if (dstar) return fail(a + 1, "invalid syntax");
        if (star != Star::kNone) return fail(a, "* argument may appear only once");
        star = Star::kBare;
      } else {
        if (!IsName(t_[a + 1])) return fail(a + 1, "invalid syntax");
        if (!dstar && star != Star::kNone) return fail(a, "* argument may appear only once");
        if (dstar && star == Star::kBare) return fail(a, "named arguments must follow bare *");
        size_t k = a + 2;
        if (k < b && IsOp(t_[k], ":") && !lambda) {
          // `*args: *Ts` (PEP 646) is the only starred annotation.
          if (k + 1 >= b || (IsOp(t_[k + 1], "*") && dstar) || IsOp(t_[k + 1], "**")) return fail(k + 1, "invalid syntax");
          while (k < b && !(t_[k].level == level && IsOp(t_[k], "="))) ++k;
        }
        if (k < b) {
          if (IsOp(t_[k], "="))
            return fail(k, dstar ? "var-keyword argument cannot have default value"
                                 : "var-positional argument cannot have default value");
          return fail(k, "invalid syntax");
        }
        if (dstar) {
          kwargs = true;
        } else {
          star = Star::kArgs;
        }
      }
    } else if (IsOp(head, "(")) {
      return fail(a, lambda ? "Lambda expression parameters cannot be parenthesized"
                            : "Function parameters cannot be parenthesized");
    } else if (IsName(head)) {
      if (kwargs) return fail(a, "arguments cannot follow var-keyword argument");
      size_t k = a + 1;
      if (k < b && IsOp(t_[k], ":") && !lambda) {
        if (k + 1 >= b || (t_[k + 1].level == level && In(t_[k + 1], {"*"_w, "**"_w, "="_w})))
          return fail(k + 1 < b ? k + 1 : b, "invalid syntax");
        int lambdas = 0;  // `x: lambda: 0` is an annotation
        while (k < b && !(t_[k].level == level && IsOp(t_[k], "="))) {
          if (t_[k].level == level && IsWord(t_[k], "lambda")) ++lambdas;
          if (t_[k].level == level && k > a + 1 && IsOp(t_[k], ":") && lambdas-- == 0) return fail(k, "invalid syntax");
          ++k;
        }
      }
      bool has_default = false;
      if (k < b) {
        if (!IsOp(t_[k], "=")) return fail(k, "invalid syntax");
        if (k + 1 >= b) return fail(k, "expected default value expression");
        if (IsOp(t_[k + 1], "*") || IsOp(t_[k + 1], "**")) return fail(k + 1, "invalid syntax");
        has_default = true;
      }
      if (has_default) {
        seen_default = true;
      } else if (seen_default && star == Star::kNone) {
        return fail(a, "non-default argument follows default argument");
      }
      if (star == Star::kBare) star = Star::kBareNamed;
      any_param = true;
    } else {
      return fail(a, "invalid syntax");
    }
    any_param = any_param || !IsOp(head, "/");
    if (b >= hi) {
      // (CPython points at a lambda's `:`, at a def's `*`)
      if (star == Star::kBare) return fail(lambda ? hi : a, "named arguments must follow bare *");
      break;
    }
    a = b + 1;
  }
  return true;
}

// `await` takes a primary (a name, a literal, a bracket, each with trailers); `async`
// prefixes only `def`, `for` and `with`. Both are keywords everywhere.
void Checker::AsyncAwait(size_t first, size_t end) {
  for (size_t j = first; j + 1 <= end && j + 1 < t_.size(); ++j) {
    const CToken& a = t_[j];
    if (a.kind != CKind::kName) continue;
    const CToken& b = t_[j + 1];
    if (IsWord(a, "await")) {
      bool primary = IsName(b) || IsConstant(b) || b.kind == CKind::kNumber || b.kind == CKind::kString ||
                     (b.kind == CKind::kOp && In(b, {"("_w, "["_w, "{"_w, "..."_w}));
      if (!primary) {
        Generic(j + 1);
        return;
      }
    } else if (IsWord(a, "async") && !(b.kind == CKind::kName && In(b, {"def"_w, "for"_w, "with"_w}))) {
      Generic(j + 1);
      return;
    }
  }
}

}  // namespace trajc::python::compile_check_internal
