// python/compile_check_pairs — the rules over a statement's adjacent tokens: characters
// Python has no use for, two operands in a row (a missing comma inside brackets, or
// Python 2's `print x`), an operator without its operand, statement keywords inside
// brackets, and the statement-specific pairs (`from x import a,`, `raise a, b`,
// `except A, B:`, a lambda without its `:`).
#include "python/compile_check_internal.h"

namespace trajc::python::compile_check_internal {

// Where CPython's grammar takes an unparenthesized `name := value` at a statement's own
// level: the conditions of if/elif/while, a decorator (`@` named_expression), a match
// subject and a case guard (`case p if x := y:`).
bool Checker::WalrusAllowed(size_t first, size_t at, size_t end) const {
  std::string_view kw = t_[first].text;
  if (at != first + 2 && !IsWord(t_[first], "case")) return false;  // `if not x := y`
  if (In(kw, {"if", "elif", "while", "@"})) return true;
  // `match := 1` binds the name match; a match statement's header ends with its colon.
  if (kw == "match") return at > first + 1 && end > first && IsOp(t_[end - 1], ":");
  if (kw == "case")
    return std::any_of(t_.begin() + static_cast<long>(first), t_.begin() + static_cast<long>(at),
                       [&](const CToken& t) { return IsWord(t, "if") && t.level == t_[first].level; });
  return false;
}

// A `/` ending a lambda's positional-only parameters (`lambda a, /: a`): a lambda opens
// at the same level before it, with no `:` between.
bool Checker::LambdaSlash(size_t slash, size_t first) const {
  for (size_t k = slash; k-- > first;) {
    if (t_[k].level < t_[slash].level) return false;
    if (t_[k].level > t_[slash].level) continue;
    if (IsWord(t_[k], "lambda")) return true;
    if (IsOp(t_[k], ":")) return false;
  }
  return false;
}

// Inside brackets a bare `name := value` is an element, a positional argument or an
// index: it follows the bracket or a comma, and is no dict key or slice bound (no `:`
// follows it at its level before the next comma).
bool Checker::BracketWalrusAllowed(size_t j) const {
  if (j < 2 || !IsName(t_[j - 1])) return false;
  const CToken& p = t_[j - 2];
  if (!(p.kind == CKind::kOp && In(p, {"("_w, "["_w, "{"_w, ","_w}))) return false;
  int lambdas = 0;
  for (size_t k = j + 1; k < t_.size() && t_[k].level >= t_[j].level; ++k) {
    if (t_[k].level != t_[j].level) continue;
    if (IsOp(t_[k], ",")) break;
    if (IsWord(t_[k], "lambda")) ++lambdas;
    if (IsOp(t_[k], ":") && lambdas-- == 0) return false;
  }
  return true;
}

// A `yield` expression at token j of the simple statement starting at `stmt`: it begins
// the statement, follows an assignment's `=`, or fills a group's parentheses.
bool Checker::YieldAllowed(size_t stmt, size_t j) const {
  if (j == stmt) return true;
  const CToken& p = t_[j - 1];
  if (p.level == t_[stmt].level && p.kind == CKind::kOp &&
      In(p, {"="_w, "+="_w, "-="_w, "*="_w, "/="_w, "//="_w, "%="_w, "**="_w, "@="_w, "&="_w, "|="_w, "^="_w, ">>="_w,
             "<<="_w}))
    return true;
  if (!IsOp(p, "(") || (j >= 2 && EndsOperand(t_[j - 2]) && !IsKeyword(t_[j - 2]))) return false;
  // `(yield a, b)` yields a tuple; `(yield, a)` is a tuple of a bare yield
  return !(j + 1 < t_.size() && IsOp(t_[j + 1], ","));
}

// A lambda is an `expression`: no operator binds it as an operand, and the iterable of a
// comprehension's `in`, its `if` conditions and a conditional expression's test are
// disjunctions (the parenthesized lambda is an atom, and `(` is no operator).
bool Checker::LambdaAllowedAfter(size_t first, size_t j) const {
  if (j == first) return true;
  const CToken& p = t_[j - 1];
  if (IsOp(p, "@") && j - 1 == first) return true;  // a decorator (PEP 614)
  if (p.kind == CKind::kOp) {
    return !In(p, {"+"_w, "-"_w, "~"_w,  "/"_w,  "//"_w, "%"_w,  "**"_w, "@"_w,  "<<"_w, ">>"_w, "&"_w, "|"_w,
                   "^"_w, "<"_w, ">"_w,  "<="_w, ">="_w, "=="_w, "!="_w, "."_w, "*"_w}) ||
           ((IsOp(p, "*") || IsOp(p, "**")) && (j - 1 == first || !EndsOperand(t_[j - 2])));
  }
  if (p.kind != CKind::kName) return true;
  // (after `for`, `as`, `import`, `del`, `global`, `nonlocal`, `class`, `def` a name or a target stands)
  if (In(p, {"and"_w, "or"_w, "not"_w, "is"_w, "await"_w, "for"_w, "as"_w, "import"_w, "del"_w, "global"_w,
             "nonlocal"_w, "class"_w, "def"_w}))
    return false;
  if (IsWord(p, "in")) return IsWord(t_[first], "for") && p.level == t_[first].level;
  if (IsWord(p, "if")) return j - 1 == first || IsWord(t_[first], "case");
  return true;
}

// Statement-level rules that need a look at the whole line.
void Checker::Pairs(size_t first, size_t end, bool compound) {
  std::string_view kw = t_[first].text;
  int level0 = t_[first].level;
  size_t stop = std::min(end + 1, t_.size());  // include the NEWLINE
  bool after_import = false;  // `from m import` read: the names imported are plain names
  int lambdas_open = 0;       // lambdas at the statement's level still before their `:`
  size_t stmt = first;        // the first token of the simple statement under way
  bool header_done = false, assigned = false, annotated = false;
  int assert_commas = 0;
  bool prev_lambda_colon = false;  // t_[j - 1] ended a lambda's parameters
  struct Open {
    size_t at;        // the bracket's token
    int lambdas = 0;  // lambdas directly inside it still before their `:`
    bool annotated = false;  // a parameter list: the parameter under way has its `:`
  };
  std::vector<Open> opens;  // the brackets open around token j
  std::vector<int> for_levels;  // levels of the `for`s (statement or comprehension) whose `in` is to come
  MarkParameterLists(first, end);
  // Per bracket depth: conditional `if`s still waiting for their `else`, and whether a
  // comprehension's `for ... in` has been read (its later `if`s are filters).
  std::vector<int> conditional_ifs;
  std::vector<char> comprehension_tail;
  auto at_level = [](auto& v, int level) -> auto& {
    if (v.size() <= static_cast<size_t>(level)) v.resize(static_cast<size_t>(level) + 1);
    return v[static_cast<size_t>(level)];
  };
  bool for_in = false;       // t_[j] is a `for`'s `in`, not the comparison
  bool prev_for_in = false;  // t_[j - 1] is
  for (size_t j = first; j < stop; ++j) {
    const CToken& b = t_[j];
    if (b.kind == CKind::kOp && In(b, {")"_w, "]"_w, "}"_w}) && !opens.empty()) opens.pop_back();
    if (j > first && !opens.empty() && b.level > level0 &&
        BracketEqualsOrColon(j, opens.back().at, opens.back().lambdas, opens.back().annotated))
      return;
    if (b.kind == CKind::kOp && In(b, {"("_w, "["_w, "{"_w})) opens.push_back(Open{j});
    prev_for_in = for_in;
    for_in = false;
    while (!for_levels.empty() && for_levels.back() > b.level) for_levels.pop_back();
    if (IsWord(b, "for")) for_levels.push_back(b.level);
    if (IsWord(b, "in") && !for_levels.empty() && for_levels.back() == b.level) {
      for_levels.pop_back();
      for_in = true;
      if (b.level > level0) at_level(comprehension_tail, b.level) = 1;
    }
    if (b.kind == CKind::kOp && In(b, {"("_w, "["_w, "{"_w})) {  // a new bracket: nothing pending in it
      at_level(conditional_ifs, b.level + 1) = 0;
      at_level(comprehension_tail, b.level + 1) = 0;
    }
    if (b.kind == CKind::kOp && In(b, {"$"_w, "?"_w, "`"_w, "!"_w, "<>"_w})) {
      Generic(j);
      return;
    }
    if (b.kind == CKind::kOp && b.text.size() == 1 &&
        !In(b, {"+"_w, "-"_w, "*"_w, "/"_w, "%"_w, "@"_w, "&"_w, "|"_w, "^"_w, "~"_w, "<"_w, ">"_w,
                "="_w, "."_w, ","_w, ":"_w, ";"_w, "("_w, ")"_w, "["_w, "]"_w, "{"_w, "}"_w})) {
      Generic(j);
      return;
    }
    if (j == first) {
      if (IsWord(b, "lambda")) ++lambdas_open;
      if (CannotStart(b) && b.kind != CKind::kName) Generic(j);
      if (b.kind == CKind::kName && In(b, {"and"_w, "or"_w, "is"_w, "in"_w, "as"_w, "if"_w}) && !compound) Generic(j);
      continue;
    }
    const CToken& a = t_[j - 1];
    // `async` is a keyword: only `async def`, `async for` and `async with` use it.
    // CPython stops at the token after a leading `async`, at `async` itself elsewhere.
    if (IsWord(a, "async") && !In(b, {"def"_w, "for"_w, "with"_w})) {
      Generic(j - 1 == first ? j : j - 1);
      return;
    }
    if (IsOp(b, ";")) {
      // `import a, ;`: a trailing comma only where a tuple may end (not in the name lists)
      if (NeedsOperand(a) || (IsOp(a, ",") && a.level == level0 &&
                              In(t_[stmt], {"import"_w, "from"_w, "global"_w, "nonlocal"_w, "assert"_w}))) {
        Generic(j);
        return;
      }
      continue;
    }
    if (b.level == level0 && IsWord(b, "lambda")) ++lambdas_open;
    bool a_header_colon = IsOp(a, ":") && a.level == level0 && !prev_lambda_colon;
    bool lambda_colon = b.level == level0 && IsOp(b, ":") && lambdas_open > 0;
    prev_lambda_colon = lambda_colon;
    if (lambda_colon) --lambdas_open;
    // `a.None`: an attribute is a name (`from . import x` reads `.` then `import`)
    if (IsOp(a, ".") && IsKeyword(b) && !(IsWord(b, "import") && IsWord(t_[stmt], "from"))) {
      Generic(j);
      return;
    }
    // `with a as b,:`: a trailing comma only inside the parenthesized form
    if (kw == "with" && IsOp(a, ",") && IsOp(b, ":") && b.level == level0) {
      Generic(j);
      return;
    }
    // `lambda a, lambda: ...`: a lambda's parameters are names
    // (b itself has been counted among its bracket's or the statement's open lambdas)
    const bool in_lambda_parameters = (opens.empty() ? lambdas_open : opens.back().lambdas) > 1;
    if (IsWord(b, "lambda") && ((IsOp(a, ",") && in_lambda_parameters) || !LambdaAllowedAfter(first, j))) {
      Generic(j);
      return;
    }
    if (IsOp(b, ":=") && b.level > level0 && !BracketWalrusAllowed(j)) {
      Generic(j);
      return;
    }
    // The simple statement under way: its keyword, and whether a level-0 `=` was read
    // (a compound header's statement starts after its `:`, another after `;`).
    if (j == first || IsOp(a, ";") || (compound && !header_done && a_header_colon)) {
      if (j != first) header_done = true;
      stmt = j;
      assigned = false;
      annotated = false;
      after_import = false;
      assert_commas = 0;
    }
    if (b.level == level0 && lambdas_open == 0 && b.kind == CKind::kOp &&
        In(b, {"="_w, "+="_w, "-="_w, "*="_w, "/="_w, "//="_w, "%="_w, "**="_w, "@="_w, "&="_w, "|="_w, "^="_w, ">>="_w,
               "<<="_w}))
      assigned = true;
    if (IsWord(a, "def") || IsWord(a, "class")) {
      if (!IsName(b)) {
        Generic(j);
        return;
      }
    }
    // `x = a:b`, `x: a: b`: after an assignment's `=` or an annotation's `:`, a `:`
    // belongs to no statement
    if (b.level == level0 && IsOp(b, ":") && !lambda_colon && (!compound || header_done)) {
      if (assigned || annotated) {
        Generic(j);
        return;
      }
      annotated = true;
    }
    // `else` continues a conditional expression: it follows its operand and an `if` of its
    // own depth, and an operand follows it
    if (j == stmt) at_level(conditional_ifs, level0) = 0;
    if (IsWord(b, "if") && j != stmt && !at_level(comprehension_tail, b.level)) ++at_level(conditional_ifs, b.level);
    if (IsWord(b, "else") && (!EndsOperand(a) || at_level(conditional_ifs, b.level)-- <= 0)) {
      Generic(j);
      return;
    }
    if (IsWord(a, "else") && j - 1 != first && CannotStart(b)) {
      Generic(j);
      return;
    }
    // a comprehension's `for` follows its element (or `async`); a statement's starts it
    if (IsWord(b, "for") && j != stmt && !EndsOperand(a) && !IsWord(a, "async")) {
      Generic(j);
      return;
    }
    // after a compound header's `:` only simple statements stand on the line
    if (a_header_colon && compound && b.kind == CKind::kName &&
        In(b, {"if"_w, "for"_w, "while"_w, "with"_w, "try"_w, "def"_w, "class"_w, "except"_w, "finally"_w, "elif"_w,
               "async"_w})) {
      Generic(j);
      return;
    }
    // `not` starts an inversion, which no arithmetic, bitwise or comparison operator takes
    // as its operand (`a in not b`, `-not a`); `is not` and a `for`'s `in` are no such operators.
    if (IsWord(b, "not") &&
        ((a.kind == CKind::kOp &&
          (In(a, {"+"_w, "-"_w, "/"_w, "//"_w, "%"_w, "<<"_w, ">>"_w, "&"_w, "|"_w, "^"_w, "~"_w, "<"_w, ">"_w, "=="_w,
                  ">="_w, "<="_w, "!="_w}) ||
           // `*`, `**` and `@` as binary operators only: `f(*not x)` and `@not x` are fine
           ((IsOp(a, "*") || IsOp(a, "**") || IsOp(a, "@")) && j - 1 > first && EndsOperand(t_[j - 2])))) ||
         (IsWord(a, "in") && !prev_for_in) || IsWord(a, "await"))) {
      Generic(j);
      return;
    }
    if (IsWord(t_[stmt], "assert") && b.level == level0 && IsOp(b, ",") && lambdas_open == 0 && ++assert_commas > 1) {
      Generic(j);
      return;
    }
    // `yield` stands alone: a statement, an assignment's value, or the whole of a group
    if (IsWord(b, "yield") && !YieldAllowed(stmt, j)) {
      Generic(j);
      return;
    }
    // `from` starts an import with a module: dots or a name
    if (j == stmt + 1 && IsWord(a, "from") && !(IsName(b) || IsOp(b, ".") || IsOp(b, "..."))) {
      Generic(j);
      return;
    }
    // `as` renames in imports, with items, except clauses and case patterns only; in a
    // with statement at its own level or in its parenthesized items (`with (a as b):`),
    // in an except clause at its own level
    if (IsWord(b, "as") && (!In(t_[stmt], {"import"_w, "from"_w, "with"_w, "except"_w, "case"_w, "async"_w}) ||
                            (In(t_[stmt], {"with"_w, "except"_w, "async"_w}) && b.level > level0 &&
                             !(b.level == level0 + 1 && opens.front().at == WithItemsParenthesis(stmt))))) {
      Generic(j);
      return;
    }
    // a statement keyword after an operand, or anything after `pass`/`break`/`continue`
    const bool stmt_keyword =
        b.kind == CKind::kName && In(b, {"pass"_w, "break"_w, "continue"_w, "return"_w, "raise"_w, "del"_w, "global"_w,
                                         "nonlocal"_w, "assert"_w, "def"_w, "class"_w, "try"_w, "while"_w, "with"_w,
                                         "yield"_w, "finally"_w, "except"_w, "elif"_w});
    if ((EndsOperand(a) && stmt_keyword) || (EndsOperand(a) && IsWord(b, "import") && !IsWord(t_[stmt], "from")) ||
        (a.kind == CKind::kName && In(a, {"pass"_w, "break"_w, "continue"_w}) && b.kind != CKind::kNewline &&
         !IsOp(b, ";")) ||
        // `return return`, `raise from x`: a statement's keyword where its operand goes
        // (`yield from` is the one keyword pair among these)
        (IsWord(a, "yield") && !IsWord(b, "from") &&
         (stmt_keyword || (b.kind == CKind::kName && In(b, {"import"_w, "if"_w, "for"_w, "else"_w, "elif"_w, "except"_w,
                                                            "finally"_w, "in"_w, "is"_w, "and"_w, "or"_w, "as"_w})))) ||
        (a.kind == CKind::kName && In(a, {"return"_w, "raise"_w, "del"_w, "assert"_w, "global"_w, "nonlocal"_w,
                                          "except"_w, "if"_w, "elif"_w, "while"_w}) &&
         (stmt_keyword || (b.kind == CKind::kName && In(b, {"import"_w, "from"_w, "if"_w, "for"_w, "else"_w, "elif"_w,
                                                            "except"_w, "finally"_w, "in"_w, "is"_w, "and"_w,
                                                            "or"_w, "as"_w}))))) {
      Generic(j);
      return;
    }
    // imported names and `as` targets of imports and handlers are names
    if (IsWord(t_[stmt], "from") && IsWord(a, "import")) after_import = true;
    if (((IsWord(t_[stmt], "import") && (IsWord(a, "import") || IsOp(a, ","))) ||
         (IsWord(t_[stmt], "from") && after_import && (IsWord(a, "import") || IsOp(a, ",") || IsOp(a, "("))) ||
         (In(t_[stmt], {"import"_w, "from"_w, "except"_w}) && IsWord(a, "as"))) &&
        !(IsName(b) || (IsWord(a, "import") && (IsOp(b, "(") || IsOp(b, "*")) && IsWord(t_[stmt], "from")) ||
          (IsOp(a, ",") && IsOp(b, ")") && IsWord(t_[stmt], "from")) ||
          (b.kind == CKind::kNewline && IsWord(t_[stmt], "from")))) {
      Generic(j);
      return;
    }
    // `from m import a.b`, `import a as b.c`: what is bound is a name, not a dotted one.
    if (IsOp(b, ".") && ((IsWord(t_[stmt], "from") && after_import) ||
                         (IsWord(t_[stmt], "import") && j >= 2 && IsWord(t_[j - 2], "as")))) {
      Generic(j);
      return;
    }
    // `from ...pkg import x`: the tokenizer reads `...` as one ELLIPSIS token, which the
    // import rule takes as three dots, not as the constant it is elsewhere.
    auto import_dots = [&] {
      size_t k = j - 1;
      while (k > first && (IsOp(t_[k], ".") || IsOp(t_[k], "..."))) --k;
      return k < j - 1 && IsWord(t_[k], "from");
    };
    // `~` and a `not` other than `not in` are prefix operators only: after an operand, as
    // much a second operand as a name is.
    const bool prefix_only = IsOp(b, "~") || (IsWord(b, "not") && !(j + 1 < t_.size() && IsWord(t_[j + 1], "in")));
    if (EndsOperand(a) && (StartsOperand(b) || prefix_only) && !(a.kind == CKind::kString && b.kind == CKind::kString) &&
        !import_dots()) {
      bool soft = j - 1 == first && (IsWord(a, "match") || IsWord(a, "case"));
      bool dotted = j >= 2 && IsOp(t_[j - 2], ".");
      if (soft) continue;
      if ((IsWord(a, "print") || IsWord(a, "exec")) && !dotted) {
        Propose(j, j - 1, "SyntaxError",
                "Missing parentheses in call to '" + std::string(a.text) + "'. Did you mean " + std::string(a.text) +
                    "(...)?",
                Severity::kSpecific);
        return;
      }
      if (b.level > 0) {
        size_t s = DisjunctionStart(j - 1);
        bool name_string = IsName(t_[s]) && s + 1 < t_.size() && t_[s + 1].kind == CKind::kString;
        bool soft_start = IsWord(t_[s], "match") || IsWord(t_[s], "case") || IsWord(t_[s], "_");
        if (!name_string && !soft_start) {
          Propose(j, s, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", Severity::kSpecific);
          return;
        }
      }
      Generic(j);
      return;
    }
    bool pair_ok = (IsWord(a, "not") && IsWord(b, "in") && j >= 2 && EndsOperand(t_[j - 2])) || (IsOp(a, ".") && (IsOp(b, ".") || IsWord(b, "import"))) ||
                   (IsWord(a, "from") && IsOp(b, ".")) || (IsOp(a, "/") && (IsOp(b, ",") || IsOp(b, ")"))) ||
                   (IsOp(a, "/") && IsOp(b, ":") && LambdaSlash(j - 1, first));
    if (!pair_ok && NeedsOperand(a) && CannotStart(b)) {
      Generic(j);
      return;
    }
    bool open_or_comma = a.kind == CKind::kOp && In(a, {"("_w, "["_w, "{"_w, ","_w});
    // `x, = f()` and `for k, in d` end a target tuple with a comma.
    bool comma_ok = IsOp(a, ",") && (IsOp(b, "/") || IsOp(b, "=") || for_in);
    if (open_or_comma && b.kind != CKind::kNewline && CannotStart(b) && !In(b, {")"_w, "]"_w, "}"_w, ":"_w}) &&
        !comma_ok) {
      Generic(j);
      return;
    }
    // `a[]`: a subscript needs its slices (`case []:` and `match []:` are no subscripts)
    if (IsOp(a, "[") && IsOp(b, "]") && j >= 2 && EndsOperand(t_[j - 2]) && !IsKeyword(t_[j - 2]) &&
        !(j - 2 == first && (IsWord(t_[first], "case") || IsWord(t_[first], "match")))) {
      Generic(j);
      return;
    }
    if (IsOp(a, "(") && IsOp(b, ":")) {
      Generic(j);
      return;
    }
    // Inside brackets (a dropped `)` runs the next statement into them): statement
    // keywords never fit.
    if (b.level > 0 && b.kind == CKind::kName &&
        In(b, {"import"_w, "def"_w, "class"_w, "return"_w, "pass"_w, "break"_w, "continue"_w, "global"_w, "nonlocal"_w, "del"_w,
               "assert"_w, "raise"_w, "try"_w, "except"_w, "finally"_w, "while"_w, "with"_w, "elif"_w})) {
      Generic(j);
      return;
    }
    if (IsOp(a, ":") && (IsOp(b, "}") || IsOp(b, ",")) && a.level > 0 && Innermost(j - 1) == "{") {
      Propose(j, j - 1, "SyntaxError", "expression expected after dictionary key and ':'", Severity::kSpecific);
      return;
    }
    if (b.kind == CKind::kNewline && IsOp(a, ",") && IsWord(t_[stmt], "from") && a.level == level0) {
      Propose(j, j, "SyntaxError", "trailing comma not allowed without surrounding parentheses", Severity::kSpecific);
      return;
    }
    if (IsOp(b, ":=") && b.level == level0 && !WalrusAllowed(first, j, end)) {
      Generic(j);
      return;
    }
    if (IsOp(b, ",") && b.level == level0 && kw == "raise" && lambdas_open == 0) {
      Generic(j);
      return;
    }
    if (IsOp(b, ",") && b.level == level0 && kw == "except" && first + 1 < j && lambdas_open == 0) {
      bool before_colon = std::none_of(t_.begin() + static_cast<long>(first), t_.begin() + static_cast<long>(j),
                                       [&](const CToken& t) { return IsOp(t, ":") && t.level == level0; });
      if (before_colon) {
        Propose(j, first + 1, "SyntaxError", "multiple exception types must be parenthesized", Severity::kSpecific);
        return;
      }
    }
  }
  // A lambda whose parameters run into the end of the line lacks its ':'.
  int lambdas = 0;
  for (size_t j = first; j < end; ++j) {
    if (t_[j].level != level0) continue;
    if (IsWord(t_[j], "lambda")) ++lambdas;
    if (IsOp(t_[j], ":") && lambdas > 0) --lambdas;
  }
  if (lambdas > 0 && end < t_.size()) Generic(end);
  Strings(first, end);
  ParameterLists();
  AsyncAwait(first, end);
  Stars(first, end, compound);
  CasePatterns(first, end);
  Targets(first, end, compound);
  Calls(first, end);
}

// The opening bracket that token i is inside of ("" at depth 0).
// `=` or `:` at token j directly inside the bracket at `open`, which CPython takes only
// as a keyword argument's or parameter default's `=` (in a call or a class's bases), a
// slice's or a dict's `:`, a lambda's `:` (`lambdas` counts the bracket's lambdas still
// before theirs) or an annotation's. Anything else is proposed, and true returned.
bool Checker::BracketEqualsOrColon(size_t j, size_t open, int& lambdas, bool& annotated) {
  const CToken& b = t_[j];
  if (b.level != t_[open].level + 1) return false;
  if (IsWord(b, "lambda")) ++lambdas;
  if (IsOp(b, ",")) annotated = false;
  const bool equals = IsOp(b, "="), colon = IsOp(b, ":");
  if (!equals && !colon) return false;
  if (colon && lambdas > 0) {
    --lambdas;
    return false;
  }
  if (j < in_params_.size() && in_params_[j]) {
    if (!colon) return false;
    if (annotated) {  // `*a: T: U`: one annotation per parameter
      Generic(j);
      return true;
    }
    annotated = true;
    return false;
  }
  // (`True(a=1)` is a call the parser takes: only the runtime refuses it)
  const bool after_operand =
      open > 0 && EndsOperand(t_[open - 1]) && (!IsKeyword(t_[open - 1]) || IsConstant(t_[open - 1]));
  if (IsOp(t_[open], "{")) {
    if (colon) return false;
  } else if (after_operand && (IsOp(t_[open], "(") ? equals : colon)) {
    return false;  // a keyword argument, a slice
  }
  if (equals && j >= 2 && IsName(t_[j - 1]) && !IsKeyword(t_[j - 1]) && (j - 2 == open || IsOp(t_[j - 2], ",")) &&
      !(IsOp(t_[open], "[") && after_operand)) {
    Propose(j, j - 1, "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", Severity::kSpecific);
  } else {
    Generic(j);
  }
  return true;
}

// The `(` of the with statement starting at `stmt` when it holds the statement's
// parenthesized items (`with (a as b, c as d):`: it follows `with`, and `:` its close),
// else npos. Found once per statement: a long item list is not scanned per `as`.
size_t Checker::WithItemsParenthesis(size_t stmt) {
  if (with_items_.first == stmt) return with_items_.second;
  size_t open = (IsWord(t_[stmt], "async") ? stmt + 1 : stmt) + 1, found = static_cast<size_t>(-1);
  if (open < t_.size() && IsWord(t_[open - 1], "with") && IsOp(t_[open], "(")) {
    size_t close = open + 1;
    while (close < t_.size() && !(t_[close].level == t_[open].level && IsOp(t_[close], ")"))) ++close;
    // (a NEWLINE there is CPython's "expected ':'", which the header rule gives)
    if (close + 1 < t_.size() && (IsOp(t_[close + 1], ":") || t_[close + 1].kind == CKind::kNewline)) found = open;
  }
  with_items_ = {stmt, found};
  return found;
}

std::string_view Checker::Innermost(size_t i) const {
  for (size_t k = i; k-- > 0;) {
    if (t_[k].level < t_[i].level && t_[k].kind == CKind::kOp) return t_[k].text;
  }
  return {};
}

// Where the disjunction ending at token i starts: back over operands and operators at
// its bracket depth, to a comma, an opening bracket, `:`, `=` or a clause keyword.
size_t Checker::DisjunctionStart(size_t i) const {
  int level = t_[i].level;
  size_t s = i;
  while (s > 0) {
    const CToken& p = t_[s - 1];
    if (p.kind == CKind::kNewline || p.kind == CKind::kIndent || p.kind == CKind::kDedent) break;
    if (p.level < level) break;  // the opening bracket
    if (p.level == level) {
      if (p.kind == CKind::kOp && In(p, {","_w, ":"_w, "="_w, ":="_w, "("_w, "["_w, "{"_w, "*"_w, "**"_w, ";"_w}))
        break;
      if (p.kind == CKind::kName &&
          In(p, {"for"_w, "if"_w, "else"_w, "lambda"_w, "yield"_w, "return"_w, "in"_w, "from"_w, "import"_w, "as"_w,
                 "await"_w, "assert"_w, "del"_w, "with"_w, "while"_w})) {
        if (!(IsWord(p, "in") && s >= 2 && IsWord(t_[s - 2], "not"))) break;
      }
      if (p.kind == CKind::kOp && In(p, {")"_w, "]"_w, "}"_w})) {
        // a trailer: step over the bracket's contents (they have a higher level)
      }
    }
    --s;
  }
  return s;
}

}  // namespace trajc::python::compile_check_internal
