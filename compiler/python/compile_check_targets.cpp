// python/compile_check_targets — what may be assigned to and how a call's arguments are
// ordered: assignment to a call, a literal or a constant, augmented assignment to a tuple,
// `del f()`, `for f() in`; positional after keyword arguments, `*` after `**`, and an
// unparenthesized generator among other arguments.
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

// Assignments to a call or a literal, augmented assignment to a tuple or a call,
// `del f()`, `for f() in`.
void Checker::Targets(size_t first, size_t end, bool compound) {
  int level0 = t_[first].level;
  auto is_call = [&](size_t lo, size_t hi) {  // [lo, to) is NAME ... ( ... )
    if (hi - lo < 3 || !IsOp(t_[hi - 1], ")") || !(IsName(t_[lo]) || IsConstant(t_[lo]))) return false;
    for (size_t k = lo; k + 1 < hi; ++k) {
      if (t_[k].level == level0 && IsOp(t_[k], "(") && k > lo) {
        return std::all_of(t_.begin() + static_cast<long>(k) + 1, t_.begin() + static_cast<long>(hi) - 1,
                           [&](const CToken& t) { return t.level > level0; });
      }
      if (t_[k].level == level0 && !(IsName(t_[k]) || IsOp(t_[k], ".") || IsOp(t_[k], ")") || IsOp(t_[k], "(")))
        return false;
    }
    return false;
  };
  auto is_literal = [&](size_t lo, size_t hi) {
    return (hi > lo && std::all_of(t_.begin() + static_cast<long>(lo), t_.begin() + static_cast<long>(hi),
                                     [](const CToken& t) { return t.kind == CKind::kString; })) ||
           (hi == lo + 1 && t_[lo].kind == CKind::kNumber);
  };
  std::string_view kw = t_[first].text;
  // Every simple statement of the line: after a header's `:` and after each `;` too.
  for (size_t s : SimpleStatementStarts(first, end, compound)) {
    size_t e = s;
    while (e < end && !(t_[e].level == level0 && IsOp(t_[e], ";"))) ++e;
    if (s == first && end > first && IsOp(t_[end - 1], ":")) continue;  // a header (`match x:` too)
    if (!IsKeyword(t_[s]) && AnnotationTarget(s, e)) return;
  }
  if (kw == "del" || kw == "for") {
    size_t to = first + 1;
    while (to < end && !(t_[to].level == level0 && (IsOp(t_[to], ",") || IsWord(t_[to], "in")))) ++to;
    if (is_call(first + 1, to)) {
      Propose(first + 1, first + 1, "SyntaxError",
              kw == "del" ? "cannot delete function call" : "cannot assign to function call", Severity::kSpecific);
      return;
    }
    size_t stop = first + 1;  // the targets: to the `in`, or the end of the `del`
    while (stop < end && !(t_[stop].level == level0 && (IsWord(t_[stop], "in") || IsOp(t_[stop], ";")))) ++stop;
    if (stop > first + 1) {
      size_t junk = TargetJunk(first + 1, stop, kw == "for");
      if (junk < stop) {
        std::string what = IsConstant(t_[junk]) ? std::string(t_[junk].text) : JunkName(junk);
        Propose(junk, junk, "SyntaxError", (kw == "del" ? "cannot delete " : "cannot assign to ") + what,
                Severity::kSpecific);
      }
    }
    return;
  }
  if (kw == "with") {
    // each `as` binds a target, up to a comma or the header's `:`
    for (size_t j = first + 1; j < end; ++j) {
      if (t_[j].level != level0 || !IsWord(t_[j], "as")) continue;
      size_t stop = j + 1;
      while (stop < end && !(t_[stop].level == level0 && (IsOp(t_[stop], ",") || IsOp(t_[stop], ":")))) ++stop;
      if (stop == j + 1) continue;
      if (size_t junk = TargetJunk(j + 1, stop, true); junk < stop) {
        Propose(junk, j + 1, "SyntaxError", "cannot assign to " + JunkName(junk), Severity::kSpecific);
        return;
      }
    }
    return;
  }
  size_t from = first;  // the current target: [from, j)
  for (size_t j = first; j < end; ++j) {
    if (t_[j].level != level0 || t_[j].kind != CKind::kOp) continue;
    if (IsOp(t_[j], ";")) return;  // the first statement of the line only
    bool plain = t_[j].text == "=";
    bool augmented = !plain && t_[j].text.size() >= 2 && t_[j].text.back() == '=' &&
                     !In(t_[j], {"=="_w, "!="_w, "<="_w, ">="_w, ":="_w});
    if (!plain && !augmented) continue;
    // An `=` inside a lambda's parameters is a default; after an annotation's `:` not a
    // target's (a lambda's own `:` closes its parameters).
    int lambdas = 0;
    for (size_t k = first; k < j; ++k) {
      if (t_[k].level != level0) continue;
      if (IsWord(t_[k], "lambda")) ++lambdas;
      if (IsOp(t_[k], ":") && lambdas-- == 0) return;
    }
    if (lambdas > 0) return;
    if (augmented) {
      bool tuple = std::any_of(t_.begin() + static_cast<long>(first), t_.begin() + static_cast<long>(j),
                               [&](const CToken& t) { return t.level == level0 && IsOp(t, ","); });
      std::string what = tuple                  ? "tuple"
                         : is_call(first, j)    ? "function call"
                         : is_literal(first, j) ? "literal"
                         : AugTargetOk(first, j) ? ""
                         : IsOp(t_[first], "[") && IsOp(t_[j - 1], "]") && t_[j - 1].level == level0 &&
                                 std::none_of(t_.begin() + static_cast<long>(first) + 1,
                                              t_.begin() + static_cast<long>(j) - 1,
                                              [&](const CToken& t) { return t.level == level0; })
                             ? "list"
                         : IsOp(t_[first], "...") && j == first + 1 ? "ellipsis"
                                                                     : "expression";
      if (!what.empty()) {
        Propose(first, first, "SyntaxError", "'" + what + "' is an illegal expression for augmented assignment",
                Severity::kSpecific);
        return;
      }
      // `x += y = z`: an augmented assignment has one target and no further `=`
      for (size_t k = j + 1; k < end && !IsOp(t_[k], ";"); ++k) {
        if (t_[k].level == level0 && IsWord(t_[k], "lambda")) break;  // its defaults' `=`
        if (t_[k].level == level0 && IsOp(t_[k], "=")) {
          Generic(k);
          return;
        }
      }
      return;
    }
    // Only the first target gets the hint about `==`.
    std::string hint = from == first ? " here. Maybe you meant '==' instead of '='?" : "";
    if (j == from + 1 && IsConstant(t_[from])) {
      Propose(from, from, "SyntaxError", "cannot assign to " + std::string(t_[from].text), Severity::kSpecific);
      return;
    }
    if (is_call(from, j)) {
      Propose(from, from, "SyntaxError", "cannot assign to function call" + hint, Severity::kSpecific);
      return;
    }
    if (is_literal(from, j)) {
      Propose(from, from, "SyntaxError", "cannot assign to literal" + hint, Severity::kSpecific);
      return;
    }
    if (j > from) {
      // (`async x = 1`: the `async` rule's error comes first)
      if (size_t junk = TargetJunk(from, j, true); junk < j && !IsWord(t_[junk], "async")) {
        Propose(junk, from, "SyntaxError", "cannot assign to " + JunkName(junk) + hint, Severity::kSpecific);
        return;
      }
    }
    from = j + 1;
  }
}

// The first token of [lo, hi) at its level that no assignment target has (an operator, a
// keyword, a literal), or hi: targets are names, attributes and subscripts (of any
// primary: `None.x`, `{*a}[0]`), and tuples or lists of targets, each maybe starred
// (`star`). Nested brackets are not looked into.
size_t Checker::TargetJunk(size_t lo0, size_t hi0, bool star) const {
  // Bracketed groups of targets (`(a, b)`, `[c, *d]`) hold targets too: a worklist of
  // ranges, not recursion (brackets nest deep).
  std::vector<std::pair<size_t, size_t>> ranges = {{lo0, hi0}};
  size_t found = hi0;
  while (!ranges.empty()) {
    auto [lo, hi] = ranges.back();
    ranges.pop_back();
    if (lo >= hi) continue;
    if (size_t junk = TargetJunkFlat(lo, hi, star, ranges); junk < hi) found = std::min(found, junk);
  }
  return found;
}

// TargetJunk over the items of one range; the bracketed groups among them are added to
// `groups` for the caller to look into.
size_t Checker::TargetJunkFlat(size_t lo, size_t hi, bool star, std::vector<std::pair<size_t, size_t>>& groups) const {
  int level = t_[lo].level;
  size_t a = lo;
  while (a < hi) {
    size_t b = a;
    while (b < hi && !(t_[b].level == level && IsOp(t_[b], ","))) ++b;
    // [a, b) is one item; does it end with a trailer (`.name` or a subscript)?
    size_t s = a;
    if (star && s < b && IsOp(t_[s], "*")) ++s;
    bool trailer = false;
    if (b - s >= 2 && IsName(t_[b - 1]) && IsOp(t_[b - 2], ".")) trailer = true;
    if (b - s >= 2 && IsOp(t_[b - 1], "]")) {
      size_t open = b - 1;
      while (open > s && !(t_[open].level == level && IsOp(t_[open], "["))) --open;
      trailer = open > s && EndsOperand(t_[open - 1]);
    }
    if (!trailer && b - s >= 3 && IsOp(t_[b - 1], ")")) {  // a call
      size_t open = b - 1;
      while (open > s && !(t_[open].level == level && IsOp(t_[open], "("))) --open;
      if (open > s && EndsOperand(t_[open - 1])) return s;
    }
    // a group: the item is one bracket pair, `(...)` or `[...]`
    if (!trailer && b - s >= 2 && ((IsOp(t_[s], "(") && IsOp(t_[b - 1], ")")) || (IsOp(t_[s], "[") && IsOp(t_[b - 1], "]"))) &&
        std::all_of(t_.begin() + static_cast<long>(s) + 1, t_.begin() + static_cast<long>(b) - 1,
                    [&](const CToken& t) { return t.level > level; }))
      groups.emplace_back(s + 1, b - 1);
    for (size_t k = s; k < b; ++k) {
      const CToken& t = t_[k];
      if (t.level != level || IsName(t)) continue;
      if (t.kind == CKind::kOp && In(t, {"."_w, "("_w, ")"_w, "["_w, "]"_w})) continue;
      if (trailer && (IsConstant(t) || t.kind == CKind::kNumber || t.kind == CKind::kString ||
                      (t.kind == CKind::kOp && In(t, {"{"_w, "}"_w, "..."_w}))))
        continue;
      return k;
    }
    a = b + 1;
  }
  return hi;
}

// `a, b: int`, `(a, b): int`, `[a]: int`: an annotation names one target; proposes the
// error of the simple statement [first, end) and says whether there was one.
bool Checker::AnnotationTarget(size_t first, size_t end) {
  const int level0 = t_[first].level;
  size_t colon = first;
  while (colon < end && !(t_[colon].level == level0 && (t_[colon].kind == CKind::kOp && In(t_[colon], {":"_w, "="_w}))) &&
         !IsWord(t_[colon], "lambda"))
    ++colon;
  if (colon >= end || colon == first || !IsOp(t_[colon], ":")) return false;
  bool comma = false, spans = colon - first >= 2, inner_comma = false;
  for (size_t k = first; k < colon; ++k) {
    if (t_[k].level == level0 && IsOp(t_[k], ",")) comma = true;
    if (k > first && k + 1 < colon && t_[k].level == level0) spans = false;
    if (t_[k].level == level0 + 1 && IsOp(t_[k], ",")) inner_comma = true;
  }
  bool list = spans && IsOp(t_[first], "[") && IsOp(t_[colon - 1], "]");
  bool tuple = comma || (spans && IsOp(t_[first], "(") && IsOp(t_[colon - 1], ")") && (inner_comma || colon == first + 2));
  if (list || tuple) {
    Propose(first, first, "SyntaxError",
            std::string("only single target (not ") + (list ? "list" : "tuple") + ") can be annotated",
            Severity::kSpecific);
    return true;
  }
  // `(a).b: int`: CPython's grammar takes `(a)` as the parenthesized target and then
  // wants the `:`; it does not go back to read `(a).b` as one target.
  if (IsOp(t_[first], "(")) {
    size_t close = first + 1;
    while (close < colon && !(t_[close].level == level0 && IsOp(t_[close], ")"))) ++close;
    if (close + 1 < colon && SingleTarget(first + 1, close)) {
      Propose(colon, first, "SyntaxError", "illegal target for annotation", Severity::kSpecific);
      return true;
    }
  }
  return false;
}

// Where the simple statements of the logical line [first, end) start: at its start, or
// after a compound header's `:` when the body follows on the line, and after each `;`.
std::vector<size_t> Checker::SimpleStatementStarts(size_t first, size_t end, bool compound) const {
  const int level0 = t_[first].level;
  std::vector<size_t> starts;
  size_t s = first;
  if (compound) {
    const size_t colon = HeaderColon(first, end);
    s = colon < end ? colon + 1 : end;
  }
  if (s < end) starts.push_back(s);
  for (size_t k = s; k + 1 < end; ++k)
    if (t_[k].level == level0 && IsOp(t_[k], ";")) starts.push_back(k + 1);
  return starts;
}

// Whether tokens [lo, hi) are CPython's single_target: a name, an attribute or a
// subscript (not a call), or one of these in parentheses.
bool Checker::SingleTarget(size_t lo, size_t hi) const {
  while (hi > lo + 1 && IsOp(t_[lo], "(") && IsOp(t_[hi - 1], ")")) {
    size_t close = lo + 1;
    while (close < hi && !(t_[close].level == t_[lo].level && IsOp(t_[close], ")"))) ++close;
    if (close != hi - 1) break;
    ++lo;
    --hi;
  }
  if (hi <= lo || !IsName(t_[lo])) return false;
  const int level = t_[lo].level;
  bool call = false;
  for (size_t k = lo + 1; k < hi;) {
    if (IsOp(t_[k], ".") && k + 1 < hi && IsName(t_[k + 1])) {
      k += 2;
      call = false;
    } else if (IsOp(t_[k], "[") || IsOp(t_[k], "(")) {
      call = IsOp(t_[k], "(");
      size_t close = k + 1;
      while (close < hi && t_[close].level != level) ++close;
      if (close >= hi) return false;
      k = close + 1;
    } else {
      return false;
    }
  }
  return !call;
}

// What CPython calls the target TargetJunk found at `junk` in its messages.
std::string Checker::JunkName(size_t junk) const {
  const CToken& t = t_[junk];
  if (IsName(t)) return "function call";  // TargetJunk stops at a name only for a call
  if (IsWord(t, "await")) return "await expression";
  if (IsWord(t, "lambda")) return "lambda";
  if (IsWord(t, "yield")) return "yield expression";
  return "expression";
}

// Whether [lo, hi) is one augmented-assignment target: a name, an attribute or a
// subscript, maybe parenthesized.
bool Checker::AugTargetOk(size_t lo, size_t hi) const {
  auto wraps = [&](size_t a, size_t b) {  // t_[a] `(` pairs with t_[b - 1]
    if (b - a < 2 || !IsOp(t_[a], "(") || !IsOp(t_[b - 1], ")")) return false;
    for (size_t k = a + 1; k + 1 < b; ++k)
      if (t_[k].level <= t_[a].level) return false;
    return true;
  };
  while (wraps(lo, hi)) ++lo, --hi;
  if (hi <= lo || TargetJunk(lo, hi, false) < hi) return false;
  int level = t_[lo].level;
  for (size_t k = lo; k < hi; ++k)
    if (t_[k].level == level && IsOp(t_[k], ",")) return false;
  const CToken& last = t_[hi - 1];
  if (IsName(last)) return hi - lo == 1 || IsOp(t_[hi - 2], ".");
  if (!IsOp(last, "]")) return false;
  size_t open = hi - 1;
  while (open > lo && !(t_[open].level == level && IsOp(t_[open], "["))) --open;
  return open > lo && EndsOperand(t_[open - 1]);
}

// Argument order inside calls and unparenthesized generators among other arguments.
void Checker::Calls(size_t first, size_t end) {
  for (size_t j = first + 1; j < end; ++j) {
    if (!IsOp(t_[j], "(") || !EndsOperand(t_[j - 1])) continue;
    if (j >= 2 && IsWord(t_[j - 2], "def")) continue;
    int inner = t_[j].level + 1;
    size_t close = j + 1;
    while (close < end && !(t_[close].level == inner - 1 && IsOp(t_[close], ")"))) ++close;
    if (close >= end) continue;
    bool kw = false, dsplat = false, has_for = false, has_comma = false, in_target = false;
    size_t arg = j + 1, genexp_at = 0;
    bool arg_is_kw = false, arg_is_star = false, arg_is_dstar = false;
    int lambdas = 0;  // lambdas open at this level: their parameters' commas are not the call's
    auto finish_arg = [&](size_t at) -> bool {
      if (at == arg) return true;
      if (arg_is_kw) {
        kw = true;
      } else if (arg_is_dstar) {
        dsplat = true;
      } else if (arg_is_star) {
        if (dsplat) {
          Propose(close, j + 1, "SyntaxError", "iterable argument unpacking follows keyword argument unpacking",
                  Severity::kSpecific);
          return false;
        }
      } else if (kw || dsplat) {
        Propose(close, close, "SyntaxError",
                kw ? "positional argument follows keyword argument"
                   : "positional argument follows keyword argument unpacking",
                Severity::kSpecific);
        return false;
      }
      return true;
    };
    for (size_t k = j + 1; k <= close; ++k) {
      const CToken& t = t_[k];
      if (k != close && t.level != inner) continue;
      if (IsWord(t, "lambda")) ++lambdas;
      if (IsOp(t, ":") && lambdas > 0) --lambdas;
      if (k != close && IsOp(t, ",") && lambdas > 0) continue;
      if (k == close || IsOp(t, ",")) {
        if (in_target) continue;  // `for k, v in`: the loop target's comma
        if (!finish_arg(k)) return;
        if (IsOp(t, ",")) has_comma = true;
        arg = k + 1;
        arg_is_kw = arg_is_star = arg_is_dstar = false;
        continue;
      }
      if (k == arg) {
        arg_is_star = IsOp(t, "*");
        arg_is_dstar = IsOp(t, "**");
        arg_is_kw = k + 1 < close && IsName(t) && IsOp(t_[k + 1], "=");
      }
      if (IsWord(t, "for")) {
        in_target = true;
        if (!has_for) genexp_at = arg;
        has_for = true;
      }
      if (IsWord(t, "in")) in_target = false;
    }
    if (has_for && has_comma) {
      Propose(genexp_at, genexp_at, "SyntaxError", "Generator expression must be parenthesized", Severity::kSpecific);
      return;
    }
  }
}

}  // namespace trajc::python::compile_check_internal
