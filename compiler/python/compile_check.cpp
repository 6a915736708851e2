// How CPython 3.11 picks the error it raises (Parser/pegen_errors.c): the parser's first
// pass fails at some token; a second pass tries the `invalid_*` rules for a better
// message; then, unless the error is "unexpected indent", the rest of the file is
// tokenized and a tokenizer error there wins, as does a bracket left open above the
// error's line. A tokenizer error before the failing token wins outright. Each rule below
// proposes a Candidate keyed by the index of the token where the first pass fails; the
// earliest one is CPython's parser error.
#include "python/compile_check.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>

#include "python/flat_tree.h"
#include "python/node_kind.h"

namespace trajc::python {

namespace {

enum class Severity { kGeneric, kSpecific, kUnexpectedIndent };

struct Candidate {
  size_t key = 0;  // index of the token where the parser stops
  int key_row = 0; // its row: the furthest line the parser read
  CError error;
  Severity severity = Severity::kGeneric;
};

// Token texts are short and the sets differ in their first byte mostly: compare that
// inline before the bytes (a memcmp call per candidate was a tenth of the check's time).
bool Same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

bool In(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::any_of(set.begin(), set.end(), [&](std::string_view x) { return Same(s, x); });
}

// "else"_w: a keyword or operator as its WordKey, for In(token, {...}).
consteval uint64_t operator""_w(const char* text, size_t size) { return WordKey(std::string_view(text, size)); }

// Whether the token's text is one of `words` (each a "..."_w): integer compares, as the
// pair rules ask this of every token several times.
bool In(const CToken& t, std::initializer_list<uint64_t> words) {
  return t.word != 0 && std::find(words.begin(), words.end(), t.word) != words.end();
}

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
    "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
    "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
    "or",    "pass",   "raise",   "return",   "try",    "while",  "with",  "yield"};

constexpr std::array<uint64_t, kKeywords.size()> kKeywordWords = [] {
  std::array<uint64_t, kKeywords.size()> words{};
  for (size_t i = 0; i < kKeywords.size(); ++i) words[i] = WordKey(kKeywords[i]);
  return words;
}();

bool IsKeyword(const CToken& t) {
  return t.kind == CKind::kName && t.word != 0 &&
         std::find(kKeywordWords.begin(), kKeywordWords.end(), t.word) != kKeywordWords.end();
}
bool IsName(const CToken& t) { return t.kind == CKind::kName && !IsKeyword(t); }
bool IsOp(const CToken& t, std::string_view op) { return t.kind == CKind::kOp && Same(t.text, op); }
bool IsWord(const CToken& t, std::string_view kw) { return t.kind == CKind::kName && Same(t.text, kw); }
bool IsConstant(const CToken& t) { return t.kind == CKind::kName && In(t, {"True"_w, "False"_w, "None"_w}); }

// Ends an operand: a name, a literal, a closing bracket.
bool EndsOperand(const CToken& t) {
  return IsName(t) || IsConstant(t) || t.kind == CKind::kNumber || t.kind == CKind::kString ||
         (t.kind == CKind::kOp && In(t, {")"_w, "]"_w, "}"_w, "..."_w}));
}
// Starts an operand and cannot continue one: two of these in a row are never valid.
bool StartsOperand(const CToken& t) {
  return IsName(t) || IsConstant(t) || t.kind == CKind::kNumber || t.kind == CKind::kString ||
         (t.kind == CKind::kOp && In(t, {"{"_w, "..."_w})) || IsWord(t, "lambda") || IsWord(t, "await");
}
// Needs an operand (or a name) after it.
bool NeedsOperand(const CToken& t) {
  if (t.kind == CKind::kOp) {
    return In(
        t, {"+"_w,  "-"_w,   "/"_w,  "//"_w, "%"_w,  "**"_w, "@"_w,   "<<"_w,  ">>"_w, "&"_w,  "|"_w,  "^"_w,  "~"_w,
            "<"_w,  ">"_w,   "<="_w, ">="_w, "=="_w, "!="_w, "<>"_w,  "="_w,   "+="_w, "-="_w, "*="_w, "/="_w, "//="_w,
            "%="_w, "**="_w, "@="_w, "&="_w, "|="_w, "^="_w, ">>="_w, "<<="_w, "."_w,  ":="_w, "->"_w});
  }
  return t.kind == CKind::kName &&
         In(t, {"and"_w, "or"_w, "not"_w, "in"_w, "is"_w, "assert"_w, "del"_w, "await"_w, "if"_w, "elif"_w, "while"_w,
                "for"_w, "with"_w, "global"_w, "nonlocal"_w, "class"_w, "from"_w, "as"_w, "import"_w});
}
// Can never come first in an operand.
bool CannotStart(const CToken& t) {
  if (t.kind == CKind::kNewline) return true;
  if (t.kind == CKind::kOp) {
    return In(
        t, {")"_w,  "]"_w,  "}"_w,  ","_w,  ":"_w,   "="_w,   "+="_w, "-="_w, "*="_w, "/="_w, "//="_w, "%="_w, "**="_w,
            "@="_w, "&="_w, "|="_w, "^="_w, ">>="_w, "<<="_w, "/"_w,  "//"_w, "%"_w,  "<<"_w, ">>"_w,  "&"_w,  "|"_w,
            "^"_w,  "<"_w,  ">"_w,  "<="_w, ">="_w,  "=="_w,  "!="_w, "<>"_w, "."_w,  ":="_w, "->"_w});
  }
  return t.kind == CKind::kName &&
         In(t, {"and"_w,   "or"_w,       "is"_w,      "in"_w,       "else"_w,  "if"_w,     "for"_w,
                "as"_w,    "from"_w,     "import"_w,  "def"_w,      "class"_w, "return"_w, "pass"_w,
                "break"_w, "continue"_w, "global"_w,  "nonlocal"_w, "del"_w,   "assert"_w, "raise"_w,
                "try"_w,   "except"_w,   "finally"_w, "while"_w,    "with"_w,  "elif"_w});
}

// The block keyword of a compound statement's header, as the message names it.
std::string BlockName(std::string_view kw, int row) {
  std::string line = " on line " + std::to_string(row);
  if (kw == "def") return "function definition" + line;
  if (kw == "class") return "class definition" + line;
  return "'" + std::string(kw) + "' statement" + line;
}

class Checker {
 public:
  Checker(const std::vector<std::string_view>& lines, const CTokens& toks, const SourceTree* tree, const FlatTree* flat)
      : lines_(lines), t_(toks.tokens), tree_(tree), flat_(flat), unclosed_(toks.unclosed.has_value()) {}

  std::optional<Candidate> Run() {
    Statements();
    if (tree_ != nullptr) TreeRules();
    if (best_) return best_;
    if (tree_ != nullptr && !unclosed_) TreeFallback();
    return best_;
  }

 private:
  std::string_view LineOf(int row) const {
    return row >= 1 && row <= static_cast<int>(lines_.size()) ? lines_[row - 1] : std::string_view();
  }
  // CPython's offset for an error "at" token i: one past its first character.
  int OffsetAt(size_t i) const { return CharOffset(LineOf(t_[i].row), t_[i].col); }

  void Propose(size_t key, size_t at, std::string type, std::string message, Severity severity, int offset = -1) {
    // A stream cut short by a tokenizer error has no NEWLINE at its end to point at.
    if (at >= t_.size() || key >= t_.size()) return;
    if (best_ && best_->key <= key) return;
    best_ = Candidate{key, t_[key].row,
                      CError{t_[at].row, offset >= 0 ? offset : OffsetAt(at), std::move(type), std::move(message)},
                      severity};
  }
  void Generic(size_t at) { Propose(at, at, "SyntaxError", "invalid syntax", Severity::kGeneric); }

  // Walks logical lines: indentation, block headers, `:`, statement order, token pairs.
  void Statements() {
    struct Level {
      std::string last;  // keyword of the last compound statement closed at this depth
    };
    std::vector<Level> depth = {Level{}};
    bool expect_block = false;
    std::string header_kw;
    int header_row = 0;
    bool after_decorator = false;
    size_t i = 0;
    while (i < t_.size()) {
      size_t line_start = i;
      bool indent = false;
      while (i < t_.size() && (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent)) {
        if (t_[i].kind == CKind::kIndent) {
          indent = true;
          depth.push_back(Level{});
        } else if (depth.size() > 1) {
          depth.pop_back();
        }
        ++i;
      }
      if (i >= t_.size()) break;
      size_t first = i;
      size_t end = first;
      while (end < t_.size() && t_[end].kind != CKind::kNewline && t_[end].kind != CKind::kEndMarker) ++end;
      // [first, end) are the line's tokens; t_[end] is its NEWLINE (or the end).
      if (expect_block && !indent) {
        Propose(line_start, line_start == first ? first : first, "IndentationError",
                "expected an indented block after " + BlockName(header_kw, header_row), Severity::kSpecific);
        return;
      }
      if (indent && !expect_block) {
        Propose(line_start, first, "IndentationError", "unexpected indent", Severity::kUnexpectedIndent,
                OffsetAt(first) - 1);
        return;
      }
      expect_block = false;
      if (t_[first].kind == CKind::kEndMarker) {
        // A decorator at the end of the file: CPython gives no column at all.
        if (after_decorator) Propose(first, first, "SyntaxError", "invalid syntax", Severity::kGeneric, 0);
        break;
      }
      std::string& prev = depth.back().last;
      std::string_view kw = t_[first].text;
      size_t kw_at = first;
      if (IsWord(t_[first], "async") && first + 1 < end) kw = t_[++kw_at].text;
      bool compound = t_[first].kind == CKind::kName && In(kw, {"if", "elif", "else", "while", "for", "with", "try",
                                                                "except", "finally", "def", "class"});
      // Decorators must be followed by a definition.
      if (after_decorator && !IsOp(t_[first], "@") && !(compound && In(kw, {"def", "class"}))) Generic(first);
      after_decorator = IsOp(t_[first], "@");
      // Clauses that continue an earlier statement at the same depth.
      if (compound && In(kw, {"elif", "else", "except", "finally"}) && kw_at == first) {
        bool ok = (kw == "elif" && In(prev, {"if", "elif"})) ||
                  (kw == "else" && In(prev, {"if", "elif", "for", "while", "except"})) ||
                  (kw == "except" && In(prev, {"try", "except"})) ||
                  (kw == "finally" && In(prev, {"try", "except", "else-try"}));
        if (!ok) Generic(first);
        if (kw == "else" && prev == "except") kw = "else-try";
      } else if (prev == "try") {
        Propose(first, first, "SyntaxError", "expected 'except' or 'finally' block", Severity::kSpecific);
      }
      Pairs(first, end, compound);
      if (compound) Header(first, kw_at, end);
      bool ends_with_colon = end > first && IsOp(t_[end - 1], ":");
      bool soft = ends_with_colon && (IsWord(t_[first], "match") || IsWord(t_[first], "case"));
      if (ends_with_colon && (compound || soft)) {
        expect_block = true;
        header_kw = std::string(kw == "else-try" ? "else" : kw);
        if (header_kw == "async") header_kw = std::string(t_[kw_at].text);
        if (kw_at > first && header_kw != "def") header_kw = std::string(t_[kw_at].text);
        header_row = t_[kw_at].row;
        prev = std::string(kw == "else-try" ? "else-try" : kw);
        if (soft) prev.clear();
      } else if (ends_with_colon && end < t_.size()) {
        Generic(end);  // `x:` with nothing after the colon
      } else {
        prev = compound ? std::string(kw) : std::string();
        // A one-line body (`if x: y`) still closes the clause: `else` may follow.
        if (!compound) prev.clear();
      }
      i = end < t_.size() ? end + 1 : end;
      if (end < t_.size() && t_[end].kind == CKind::kEndMarker) {
        i = end;
        if (expect_block) {
          Propose(end, end, "IndentationError", "expected an indented block after " + BlockName(header_kw, header_row),
                  Severity::kSpecific);
          return;
        }
        if (after_decorator) Generic(end);
        if (prev == "try")
          Propose(end, end, "SyntaxError", "expected 'except' or 'finally' block", Severity::kSpecific);
        break;
      }
    }
    if (expect_block && !t_.empty()) {
      size_t last = t_.size() - 1;
      if (t_[last].kind == CKind::kEndMarker || t_[last].kind == CKind::kDedent)
        Propose(last, last, "IndentationError", "expected an indented block after " + BlockName(header_kw, header_row),
                Severity::kSpecific);
    }
  }

  // `:` and `(` that a compound statement's header must have.
  void Header(size_t first, size_t kw_at, size_t end) {
    std::string_view kw = t_[kw_at].text;
    if (kw == "def") {
      if (kw_at + 1 < end && IsName(t_[kw_at + 1]) && (kw_at + 2 >= end || !IsOp(t_[kw_at + 2], "("))) {
        Propose(std::min(kw_at + 2, end), std::min(kw_at + 2, end), "SyntaxError", "expected '('", Severity::kSpecific);
        return;
      }
    }
    if (In(kw, {"else", "try", "finally"})) {
      if (kw_at + 1 <= end && !(kw_at + 1 < end && IsOp(t_[kw_at + 1], ":")))
        Propose(kw_at + 1, kw_at + 1, "SyntaxError", "expected ':'", Severity::kSpecific);
      return;
    }
    bool colon = false;
    int lambdas = 0;
    for (size_t j = kw_at + 1; j < end; ++j) {
      if (t_[j].level != t_[first].level) continue;
      if (IsWord(t_[j], "lambda")) ++lambdas;
      if (IsOp(t_[j], ":")) {
        if (lambdas > 0) {
          --lambdas;
        } else {
          colon = true;
          break;
        }
      }
    }
    if (!colon && end < t_.size() && kw_at + 1 < end)
      Propose(end, end, "SyntaxError", "expected ':'", Severity::kSpecific);
  }

  // Statement-level rules that need a look at the whole line.
  void Pairs(size_t first, size_t end, bool compound) {
    std::string_view kw = t_[first].text;
    int level0 = t_[first].level;
    size_t stop = std::min(end + 1, t_.size());  // include the NEWLINE
    for (size_t j = first; j < stop; ++j) {
      const CToken& b = t_[j];
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
        if (CannotStart(b) && b.kind != CKind::kName) Generic(j);
        if (b.kind == CKind::kName && In(b, {"and"_w, "or"_w, "is"_w, "in"_w, "as"_w, "if"_w}) && !compound) Generic(j);
        continue;
      }
      const CToken& a = t_[j - 1];
      if (IsOp(b, ";")) continue;
      if (EndsOperand(a) && StartsOperand(b) && !(a.kind == CKind::kString && b.kind == CKind::kString)) {
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
      bool pair_ok = (IsWord(a, "not") && IsWord(b, "in")) || (IsOp(a, ".") && (IsOp(b, ".") || IsWord(b, "import"))) ||
                     (IsWord(a, "from") && IsOp(b, ".")) || (IsOp(a, "/") && (IsOp(b, ",") || IsOp(b, ")")));
      if (!pair_ok && NeedsOperand(a) && CannotStart(b)) {
        Generic(j);
        return;
      }
      bool open_or_comma = a.kind == CKind::kOp && In(a, {"("_w, "["_w, "{"_w, ","_w});
      // `x, = f()` and `for k, in d` end a target tuple with a comma.
      bool comma_ok = IsOp(a, ",") && (IsOp(b, "/") || IsOp(b, "=") || IsWord(b, "in"));
      if (open_or_comma && b.kind != CKind::kNewline && CannotStart(b) && !In(b, {")"_w, "]"_w, "}"_w, ":"_w}) &&
          !comma_ok) {
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
          In(b, {"def"_w, "class"_w, "return"_w, "pass"_w, "break"_w, "continue"_w, "global"_w, "nonlocal"_w, "del"_w,
                 "assert"_w, "raise"_w, "try"_w, "except"_w, "finally"_w, "while"_w, "with"_w, "elif"_w})) {
        Generic(j);
        return;
      }
      if (IsOp(a, ":") && (IsOp(b, "}") || IsOp(b, ",")) && a.level > 0 && Innermost(j - 1) == "{") {
        Propose(j, j - 1, "SyntaxError", "expression expected after dictionary key and ':'", Severity::kSpecific);
        return;
      }
      if (b.kind == CKind::kNewline && IsOp(a, ",") && kw == "from" && a.level == level0) {
        Propose(j, j, "SyntaxError", "trailing comma not allowed without surrounding parentheses", Severity::kSpecific);
        return;
      }
      if (IsOp(b, ":=") && b.level == level0 && !In(kw, {"if", "elif", "while"})) {
        Generic(j);
        return;
      }
      if (IsOp(b, ",") && b.level == level0 && kw == "raise") {
        Generic(j);
        return;
      }
      if (IsOp(b, ",") && b.level == level0 && kw == "except" && first + 1 < j) {
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
    Targets(first, end);
    Calls(first, end);
  }

  // The opening bracket that token i is inside of ("" at depth 0).
  std::string_view Innermost(size_t i) const {
    for (size_t k = i; k-- > 0;) {
      if (t_[k].level < t_[i].level && t_[k].kind == CKind::kOp) return t_[k].text;
    }
    return {};
  }

  // Where the disjunction ending at token i starts: back over operands and operators at
  // its bracket depth, to a comma, an opening bracket, `:`, `=` or a clause keyword.
  size_t DisjunctionStart(size_t i) const {
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

  // Assignments to a call or a literal, augmented assignment to a tuple or a call,
  // `del f()`, `for f() in`.
  void Targets(size_t first, size_t end) {
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
    if (kw == "del" || kw == "for") {
      size_t to = first + 1;
      while (to < end && !(t_[to].level == level0 && (IsOp(t_[to], ",") || IsWord(t_[to], "in")))) ++to;
      if (is_call(first + 1, to))
        Propose(first + 1, first + 1, "SyntaxError",
                kw == "del" ? "cannot delete function call" : "cannot assign to function call", Severity::kSpecific);
      return;
    }
    size_t from = first;  // the current target: [from, j)
    for (size_t j = first; j < end; ++j) {
      if (t_[j].level != level0 || t_[j].kind != CKind::kOp) continue;
      bool plain = t_[j].text == "=";
      bool augmented = !plain && t_[j].text.size() >= 2 && t_[j].text.back() == '=' &&
                       !In(t_[j], {"=="_w, "!="_w, "<="_w, ">="_w, ":="_w});
      if (!plain && !augmented) continue;
      if (std::any_of(t_.begin() + static_cast<long>(first), t_.begin() + static_cast<long>(j),
                      [&](const CToken& t) { return t.level == level0 && (IsOp(t, ":") || IsWord(t, "lambda")); }))
        return;
      if (augmented) {
        bool tuple = std::any_of(t_.begin() + static_cast<long>(first), t_.begin() + static_cast<long>(j),
                                 [&](const CToken& t) { return t.level == level0 && IsOp(t, ","); });
        std::string what = tuple                  ? "tuple"
                           : is_call(first, j)    ? "function call"
                           : is_literal(first, j) ? "literal"
                                                  : "";
        if (!what.empty())
          Propose(first, first, "SyntaxError", "'" + what + "' is an illegal expression for augmented assignment",
                  Severity::kSpecific);
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
      from = j + 1;
    }
  }

  // Argument order inside calls and unparenthesized generators among other arguments.
  void Calls(size_t first, size_t end) {
    for (size_t j = first + 1; j < end; ++j) {
      if (!IsOp(t_[j], "(") || !EndsOperand(t_[j - 1]) || IsWord(t_[j - 1], "print")) continue;
      if (j >= 2 && IsWord(t_[j - 2], "def")) continue;
      int inner = t_[j].level + 1;
      size_t close = j + 1;
      while (close < end && !(t_[close].level == inner - 1 && IsOp(t_[close], ")"))) ++close;
      if (close >= end) continue;
      bool kw = false, dsplat = false, has_for = false, has_comma = false, in_target = false;
      size_t arg = j + 1, genexp_at = 0;
      bool arg_is_kw = false, arg_is_star = false, arg_is_dstar = false;
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

  // Parameters: a plain one after one with a default (before any `*`). Every file that
  // tokenizes is checked, so this scans the flattened tree the pyflakes rules use too.
  void TreeRules() {
    static const NodeKind kParameterList{"parameters"};
    static const NodeKind kLambdaParameterList{"lambda_parameters"};
    const std::vector<FlatTree::Node>& nodes = flat_->nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
      if ((kParameterList.Matches(nodes[i].symbol) || kLambdaParameterList.Matches(nodes[i].symbol)) &&
          DefaultBeforePlain(i))
        return;
    }
  }

  // Proposes "non-default argument follows default argument" for the parameter list at
  // flat index `parameters` when it has one.
  bool DefaultBeforePlain(size_t parameters) {
    bool seen_default = false, seen_star = false, found = false;
    flat_->ForEachChild(parameters, [&](const FlatTree::Node& p) {
      if (found) return;
      if (kind::kDefaultParameter.Matches(p.symbol) || kind::kTypedDefaultParameter.Matches(p.symbol)) {
        seen_default = true;
      } else if (kind::kListSplatPattern.Matches(p.symbol) || kind::kKeywordSeparator.Matches(p.symbol) ||
                 kind::kDictionarySplatPattern.Matches(p.symbol)) {
        seen_star = true;
      } else if ((kind::kIdentifier.Matches(p.symbol) || kind::kTypedParameter.Matches(p.symbol)) && seen_default &&
                 !seen_star) {
        size_t at = TokenAt(ts_node_start_point(p.node));
        if (at < t_.size())
          Propose(at, at, "SyntaxError", "non-default argument follows default argument", Severity::kSpecific);
        found = true;
      }
    });
    return found;
  }

  // The first token at or after a tree-sitter point.
  size_t TokenAt(TSPoint p) const {
    int row = static_cast<int>(p.row) + 1, col = static_cast<int>(p.column);
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent) continue;
      if (t_[i].row > row || (t_[i].row == row && t_[i].col >= col)) return i;
    }
    return t_.size();
  }

  // tree-sitter found an error that no rule explains: "invalid syntax" at its first
  // token, unless it is tree-sitter's own trouble with a bracketed line dedented below
  // its block (tree-sitter-python #256), which CPython accepts.
  void TreeFallback() {
    TSNode root = tree_->root();
    if (!ts_node_has_error(root)) return;
    std::optional<TSNode> bad;
    std::function<void(TSNode)> find = [&](TSNode node) {
      if (bad) return;
      if (ts_node_is_missing(node) || std::strcmp(ts_node_type(node), "ERROR") == 0) {
        bad = node;
        return;
      }
      if (!ts_node_has_error(node)) return;
      uint32_t n = ts_node_child_count(node);
      for (uint32_t k = 0; k < n; ++k) find(ts_node_child(node, k));
    };
    find(root);
    if (!bad) return;
    if (DedentedContinuation()) return;
    size_t at = TokenAt(ts_node_start_point(*bad));
    if (at >= t_.size()) at = t_.size() - 1;
    Generic(at);
  }

  // A line inside brackets that starts left of its statement's first line.
  bool DedentedContinuation() const {
    int indent = 0;
    for (size_t i = 0; i < t_.size(); ++i) {
      if (i == 0 || t_[i - 1].kind == CKind::kNewline || t_[i - 1].kind == CKind::kIndent ||
          t_[i - 1].kind == CKind::kDedent) {
        indent = t_[i].col;
      } else if (t_[i].level > 0 && t_[i].row != t_[i - 1].row && t_[i].col < indent) {
        return true;
      }
    }
    return false;
  }

  const std::vector<std::string_view>& lines_;
  const std::vector<CToken>& t_;
  const SourceTree* tree_;
  const FlatTree* flat_;  // tree_, flattened
  // Brackets open at the end: the parser runs into the end of the file, and tree-sitter's
  // errors are about the missing bracket.
  bool unclosed_;
  std::optional<Candidate> best_;
};

}  // namespace

std::optional<CError> FindCompileError(const std::vector<std::string_view>& lines, const SourceTree* tree,
                                       const FlatTree* flat) {
  CTokens toks = TokenizeLikeCPython(lines);
  // A tokenizer error stops the token stream: the parser's verdict on a truncated file
  // would be about its artificial end, so only an earlier "unexpected indent" stands.
  std::optional<Candidate> parsed = Checker(lines, toks, toks.error ? nullptr : tree, flat).Run();
  if (toks.error) {
    if (parsed && parsed->severity == Severity::kUnexpectedIndent) return parsed->error;
    return toks.error;
  }
  if (!parsed) return toks.unclosed;
  if (toks.unclosed && parsed->severity != Severity::kUnexpectedIndent && parsed->key_row > toks.unclosed_row)
    return toks.unclosed;
  return parsed->error;
}

}  // namespace trajc::python
