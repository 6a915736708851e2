// python/compile_check_stars — where a prefix `*expr` or `**expr` may stand, which
// tree-sitter allows in more places than CPython 3.11's grammar:
//   `*` + bitwise_or  in tuples, lists, sets, subscripts, assignment targets and values,
//                     `return`/`yield` values, `for` targets and iterables;
//   `*` + expression  in call arguments (and class bases);
//   `**` + bitwise_or in dict displays, `**` + expression in call arguments.
// Parameter lists have their own rules (compile_check_params.cpp); match/case headers,
// `except*` and `import *` are not expressions.
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

namespace {

// Ends a bitwise_or (the operand of a display's or an assignment's `*`).
bool EndsBitwiseOr(const CToken& t) {
  if (t.kind == CKind::kNewline || t.kind == CKind::kEndMarker) return true;
  if (t.kind == CKind::kOp)
    return In(t, {","_w,  ")"_w,  "]"_w,  "}"_w,  ":"_w,  "="_w,   ";"_w,   ":="_w,  "<"_w,   ">"_w,  "<="_w,
                  ">="_w, "=="_w, "!="_w, "+="_w, "-="_w, "*="_w,  "/="_w,  "//="_w, "%="_w,  "**="_w, "@="_w,
                  "&="_w, "|="_w, "^="_w, ">>="_w, "<<="_w, "->"_w});
  return t.kind == CKind::kName && In(t, {"or"_w, "and"_w, "not"_w, "if"_w, "else"_w, "for"_w, "async"_w, "in"_w,
                                         "is"_w, "as"_w, "from"_w, "import"_w});
}

}  // namespace

void Checker::Stars(size_t first, size_t end, bool compound) {
  if (IsWord(t_[first], "case") || IsWord(t_[first], "match")) {
    // patterns and match subjects have their own grammar
    if (end > first && IsOp(t_[end - 1], ":")) return;
  }
  int level0 = t_[first].level;
  bool for_stmt = IsWord(t_[first], "for") || (IsWord(t_[first], "async") && first + 1 < end && IsWord(t_[first + 1], "for"));
  bool with_stmt =
      IsWord(t_[first], "with") || (IsWord(t_[first], "async") && first + 1 < end && IsWord(t_[first + 1], "with"));
  // The colon ending a compound statement's header: a statement may follow it.
  const size_t header_colon = compound ? HeaderColon(first, end) : end;
  std::vector<size_t> opens;  // the open brackets around j
  std::vector<int> for_targets;  // levels of the `for`s whose `in` has not come yet
  // levels of comprehension iterables under way (`[x for x in a, b]`: the iterable is a
  // disjunction, no tuple)
  std::vector<int> iterables;
  size_t stmt = first;  // where the simple statement holding j starts
  for (size_t j = first; j < end; ++j) {
    const CToken& t = t_[j];
    if (j == header_colon + 1 || (j > first && IsOp(t_[j - 1], ";") && t_[j - 1].level == level0)) stmt = j;
    while (!iterables.empty() && iterables.back() > t.level) iterables.pop_back();
    if (!iterables.empty() && iterables.back() == t.level) {
      if (IsOp(t, ",")) {
        Generic(j);
        return;
      }
      if (t.kind == CKind::kName && In(t, {"for"_w, "if"_w, "async"_w})) iterables.pop_back();
    }
    if (IsWord(t, "for")) for_targets.push_back(t.level);
    if (IsWord(t, "in") && !for_targets.empty() && for_targets.back() == t.level) {
      for_targets.pop_back();
      if (t.level > level0) iterables.push_back(t.level);
    }
    bool in_target = !for_targets.empty() && for_targets.back() == t.level;
    if (t.kind == CKind::kOp && In(t, {")"_w, "]"_w, "}"_w}) && !opens.empty()) opens.pop_back();
    if (t.kind == CKind::kOp && In(t, {"("_w, "["_w, "{"_w})) {
      opens.push_back(j);
      continue;
    }
    if (!(IsOp(t, "*") || IsOp(t, "**"))) continue;
    if (j > first && EndsOperand(t_[j - 1])) continue;  // a binary operator
    if (j < in_params_.size() && in_params_[j]) continue;
    const CToken* prev = j > first ? &t_[j - 1] : nullptr;
    if (prev && prev->kind == CKind::kName && In(*prev, {"import"_w, "except"_w})) continue;
    bool dstar = IsOp(t, "**");
    // What holds the star: a call's parentheses, a display or subscript, or the statement.
    enum class Holder { kStatement, kCall, kParens, kList, kBrace } holder = Holder::kStatement;
    size_t open = opens.empty() ? end : opens.back();
    if (!opens.empty()) {
      const CToken& o = t_[open];
      // (`True(*a)` is a call the parser takes: only the runtime refuses it)
      bool after_operand =
          open > first && EndsOperand(t_[open - 1]) && (!IsKeyword(t_[open - 1]) || IsConstant(t_[open - 1]));
      holder = IsOp(o, "(") ? (after_operand ? Holder::kCall : Holder::kParens)
               : IsOp(o, "[") ? Holder::kList
                              : Holder::kBrace;
    }
    bool prev_yield = prev && IsWord(*prev, "yield");
    bool prev_sep = prev == nullptr || IsOp(*prev, ",") || (!opens.empty() && j == open + 1);
    bool ok_position;
    if (in_target && !dstar && (prev_sep || IsWord(*prev, "for"))) {
      ok_position = true;  // `for *a, b in c`, `[x for a, *b in c]`
    } else if (holder == Holder::kStatement) {
      // Only expression statements, assignments, `return` and `yield` take a starred tuple.
      const bool starless = t_[stmt].kind == CKind::kName &&
                            In(t_[stmt], {"assert"_w, "raise"_w, "del"_w, "global"_w, "nonlocal"_w, "import"_w,
                                          "from"_w, "if"_w, "elif"_w, "while"_w, "except"_w});
      ok_position =
          !dstar && !starless && (prev == nullptr || (IsOp(*prev, ",") && !(with_stmt && j < header_colon)) || IsOp(*prev, ";") ||
                     j == header_colon + 1 || prev_yield ||
                     (prev->kind == CKind::kName && In(*prev, {"return"_w, "yield"_w})) ||
                     (for_stmt && prev->kind == CKind::kName && In(*prev, {"for"_w, "in"_w})) ||
                     (with_stmt && IsWord(*prev, "as")) ||
                     (prev->kind == CKind::kOp && t_[j - 1].level == level0 &&
                      In(*prev, {"="_w, "+="_w, "-="_w, "*="_w, "/="_w, "//="_w, "%="_w, "**="_w, "@="_w, "&="_w,
                                 "|="_w, "^="_w, ">>="_w, "<<="_w})));
    } else if (holder == Holder::kCall) {
      ok_position = prev_sep;
    } else if (dstar) {
      ok_position = holder == Holder::kBrace && prev_sep;
    } else {
      ok_position = prev_sep || prev_yield;
    }
    if (!ok_position) {
      if (prev && (IsWord(*prev, "del") || (holder == Holder::kStatement && IsWord(t_[stmt], "del")))) {
        Propose(j, j, "SyntaxError", "cannot delete starred", Severity::kSpecific);
      } else if (holder == Holder::kParens && prev_sep) {
        Propose(j, j, "SyntaxError", "cannot use starred expression here", Severity::kSpecific);
      } else if (holder == Holder::kBrace && !dstar && IsOp(*prev, ":") && prev->level == t.level) {
        Propose(j, j, "SyntaxError", "cannot use a starred expression in a dictionary value", Severity::kSpecific);
      } else {
        Generic(j);
      }
      return;
    }
    if (holder == Holder::kCall) {  // `*` / `**` + any expression, but not a generator's element
      if (dstar) continue;
      for (size_t k = j + 1; k < end && t_[k].level >= t.level; ++k) {
        if (t_[k].level != t.level) continue;
        if (IsOp(t_[k], ",")) break;  // (the call's `)` is a level out: the loop ends there)
        if (IsWord(t_[k], "for")) {
          Propose(j, j, "SyntaxError",
                  IsOp(*prev, ",") ? "Generator expression must be parenthesized"
                                   : "iterable unpacking cannot be used in comprehension",
                  Severity::kSpecific);
          return;
        }
      }
      continue;
    }
    // tree-sitter refuses some of these (`*"s", 1`, `a[*0]`, `for (*a,) in b`): its
    // judgement of the rest is taken on a copy without the star
    if (!dstar) accepted_stars_.push_back(j);
    // The operand is a bitwise_or: find where it ends at this level.
    int level = t.level;
    size_t k = j + 1;
    const CToken& start = t_[k];
    bool starts = IsName(start) || IsConstant(start) || IsWord(start, "await") || start.kind == CKind::kNumber ||
                  start.kind == CKind::kString ||
                  (start.kind == CKind::kOp && In(start, {"("_w, "["_w, "{"_w, "..."_w, "-"_w, "+"_w, "~"_w}));
    if (!starts) {
      Generic(k);
      return;
    }
    // (a bracket has its pair's outer depth: a trailer's `)` is at `level`, the holder's below)
    while (k < t_.size() && t_[k].level >= level) {
      if (k > j + 1 && t_[k].level == level && EndsBitwiseOr(t_[k]) &&
          !(t_[k].kind == CKind::kOp && In(t_[k], {")"_w, "]"_w, "}"_w})))
        break;
      if (k > j + 1 && t_[k].level == level && t_[k].kind == CKind::kName && IsKeyword(t_[k]) &&
          !In(t_[k], {"await"_w, "None"_w, "True"_w, "False"_w}))
        break;
      ++k;
    }
    if (k >= t_.size()) return;
    const CToken& next = t_[k];
    bool ok_follow;
    if (in_target) {
      ok_follow = next.kind == CKind::kOp ? IsOp(next, ",") : IsWord(next, "in");
    } else if (holder == Holder::kStatement) {
      ok_follow = next.kind == CKind::kNewline || next.kind == CKind::kEndMarker ||
                  (next.kind == CKind::kOp && In(next, {","_w, "="_w, ";"_w})) || (for_stmt && IsWord(next, "in")) ||
                  (k == header_colon && (for_stmt || with_stmt));
    } else {
      ok_follow = next.kind == CKind::kOp && (IsOp(next, ",") || next.level < level);
      if (ok_follow && holder == Holder::kParens && !prev_yield && IsOp(next, ")")) {
        // `(*a)`: a parenthesized starred expression needs a comma to be a tuple
        bool comma = false;
        for (size_t c = open + 1; c < k && !comma; ++c) comma = t_[c].level == level && IsOp(t_[c], ",");
        if (!comma) {
          Propose(j, j, "SyntaxError", "cannot use starred expression here", Severity::kSpecific);
          return;
        }
      }
    }
    if (!ok_follow) {
      if (IsWord(next, "for") && holder != Holder::kStatement)
        Propose(k, j, "SyntaxError", "iterable unpacking cannot be used in comprehension", Severity::kSpecific);
      else
        Generic(k);
      return;
    }
  }
}

}  // namespace trajc::python::compile_check_internal
