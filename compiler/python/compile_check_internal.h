// python/compile_check_internal — what the files of compile_check share; not part of the
// public face (python/compile_check.h).
//
// The token classes every rule asks about (inline: the pair rules ask them of every token
// several times) and the Checker, whose rule families live in one file each:
//   compile_check.cpp             running the rules, picking CPython's error among them
//   compile_check_statements.cpp  logical lines: indentation, block headers, clause order
//   compile_check_pairs.cpp       adjacent tokens no statement allows, missing commas
//   compile_check_targets.cpp     invalid assignment/deletion targets, call argument order
//   compile_check_params.cpp      def/lambda parameter lists, `async` and `await`
//   compile_check_stars.cpp       where `*expr` and `**expr` may stand
//   compile_check_patterns.cpp    the patterns of `case` clauses
//   compile_check_strings.cpp     escapes, bytes and f-string fields inside string tokens
//   compile_check_tree.cpp        rules read from tree-sitter's tree, and its fallback
//   compile_check_boundaries.cpp  statements tree-sitter glued across a line break
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/cpython_tokens.h"
#include "python/flat_tree.h"
#include "python/parse.h"

namespace trajc::python::compile_check_internal {

enum class Severity { kGeneric, kSpecific, kUnexpectedIndent };

// One byte of the text to replace before tree-sitter judges it again: `from` at `offset`
// bytes into token `token` becomes `to` (compile_check_tree.cpp).
struct TreePatch {
  size_t token = 0;
  size_t offset = 0;
  char from = 0;
  char to = 0;
};

struct Candidate {
  size_t key = 0;  // index of the token where the parser stops
  int key_row = 0; // its row: the furthest line the parser read
  CError error;
  Severity severity = Severity::kGeneric;
};

// Token texts are short and the sets differ in their first byte mostly: compare that
// inline before the bytes (a memcmp call per candidate was a tenth of the check's time).
inline bool Same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

inline bool In(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::any_of(set.begin(), set.end(), [&](std::string_view x) { return Same(s, x); });
}

// "else"_w: a keyword or operator as its WordKey, for In(token, {...}).
consteval uint64_t operator""_w(const char* text, size_t size) { return WordKey(std::string_view(text, size)); }

// Whether the token's text is one of `words` (each a "..."_w): integer compares, as the
// pair rules ask this of every token several times.
inline bool In(const CToken& t, std::initializer_list<uint64_t> words) {
  return t.word != 0 && std::find(words.begin(), words.end(), t.word) != words.end();
}

// kKeywords and CToken::keyword: python/cpython_tokens.h.
inline bool IsKeyword(const CToken& t) { return t.keyword; }
inline bool IsName(const CToken& t) { return t.kind == CKind::kName && !IsKeyword(t); }
inline bool IsOp(const CToken& t, std::string_view op) { return t.kind == CKind::kOp && Same(t.text, op); }
inline bool IsWord(const CToken& t, std::string_view kw) { return t.kind == CKind::kName && Same(t.text, kw); }
inline bool IsConstant(const CToken& t) { return t.kind == CKind::kName && In(t, {"True"_w, "False"_w, "None"_w}); }

// Ends an operand: a name, a literal, a closing bracket.
inline bool EndsOperand(const CToken& t) {
  return IsName(t) || IsConstant(t) || t.kind == CKind::kNumber || t.kind == CKind::kString ||
         (t.kind == CKind::kOp && In(t, {")"_w, "]"_w, "}"_w, "..."_w}));
}
// Starts an operand and cannot continue one: two of these in a row are never valid.
inline bool StartsOperand(const CToken& t) {
  return IsName(t) || IsConstant(t) || t.kind == CKind::kNumber || t.kind == CKind::kString ||
         (t.kind == CKind::kOp && In(t, {"{"_w, "..."_w})) || IsWord(t, "lambda") || IsWord(t, "await");
}
// Needs an operand (or a name) after it.
inline bool NeedsOperand(const CToken& t) {
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
inline bool CannotStart(const CToken& t) {
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

class Checker {
 public:
  Checker(const std::vector<std::string_view>& lines, const CTokens& toks, const SourceTree* tree, const FlatTree* flat)
      : lines_(lines), t_(toks.tokens), tree_(tree), flat_(flat), unclosed_(toks.unclosed.has_value()) {}

  std::optional<Candidate> Run();

 private:
  std::string_view LineOf(int row) const {
    return row >= 1 && row <= static_cast<int>(lines_.size()) ? lines_[row - 1] : std::string_view();
  }
  // CPython's offset for an error "at" token i: one past its first character.
  int OffsetAt(size_t i) const { return CharOffset(LineOf(t_[i].row), t_[i].col); }

  // compile_check.cpp
  void Propose(size_t key, size_t at, std::string type, std::string message, Severity severity, int offset = -1,
               int row = -1);
  void Generic(size_t at) { Propose(at, at, "SyntaxError", "invalid syntax", Severity::kGeneric); }

  // compile_check_statements.cpp
  void Statements();
  void Header(size_t first, size_t kw_at, size_t end);
  size_t HeaderColon(size_t first, size_t end) const;

  // compile_check_pairs.cpp
  void Pairs(size_t first, size_t end, bool compound);
  bool WalrusAllowed(size_t first, size_t at, size_t end) const;
  bool LambdaSlash(size_t slash, size_t first) const;
  bool LambdaAllowedAfter(size_t first, size_t j) const;
  bool BracketWalrusAllowed(size_t j) const;
  bool BracketEqualsOrColon(size_t j, size_t open, int& lambdas, bool& annotated);
  size_t WithItemsParenthesis(size_t stmt);
  bool YieldAllowed(size_t stmt, size_t j) const;
  std::string_view Innermost(size_t i) const;
  size_t DisjunctionStart(size_t i) const;

  // compile_check_targets.cpp
  void Targets(size_t first, size_t end, bool compound);
  void Calls(size_t first, size_t end);
  size_t TargetJunk(size_t lo0, size_t hi0, bool star) const;
  size_t TargetJunkFlat(size_t lo, size_t hi, bool star, std::vector<std::pair<size_t, size_t>>& groups) const;
  std::string JunkName(size_t junk) const;
  bool SingleTarget(size_t lo, size_t hi) const;
  bool AnnotationTarget(size_t first, size_t end);
  std::vector<size_t> SimpleStatementStarts(size_t first, size_t end, bool compound) const;
  bool AugTargetOk(size_t lo, size_t hi) const;

  // compile_check_params.cpp
  void MarkParameterLists(size_t first, size_t end);
  void ParameterLists();
  bool Parameters(size_t lo, size_t hi, int level, bool lambda);
  void AsyncAwait(size_t first, size_t end);

  // compile_check_stars.cpp
  void Stars(size_t first, size_t end, bool compound);

  // compile_check_patterns.cpp
  void CasePatterns(size_t first, size_t end);

  // compile_check_strings.cpp
  void Strings(size_t first, size_t end);
  std::string_view StringText(size_t j) const;

  // compile_check_tree.cpp
  void TreeRules();
  void Starred();
  void MixedBytes(const SourceTree& tree, const FlatTree& flat);
  bool DefaultBeforePlain(size_t parameters);
  size_t TokenAt(TSPoint p) const;
  void TreeFallback();
  bool FutureImportStar(size_t i) const;
  std::string PatchedForTreeSitter() const;
  const char* StringOrTokenStart(size_t i) const;
  bool DedentedContinuation() const;

  // compile_check_boundaries.cpp
  void StatementBoundaries(const FlatTree& flat, uint32_t from = 0, uint32_t to = 0);

  const std::vector<std::string_view>& lines_;
  const std::vector<CToken>& t_;
  const SourceTree* tree_;
  const FlatTree* flat_;  // tree_, flattened
  // Brackets open at the end: the parser runs into the end of the file, and tree-sitter's
  // errors are about the missing bracket.
  bool unclosed_;
  std::optional<Candidate> best_;
  std::vector<char> in_params_;  // per token: inside a def's or lambda's parameter list
  struct ParamList {
    size_t lo, hi;  // the parameter tokens [lo, hi) of one def or lambda
    int level;
    bool lambda;
  };
  std::vector<ParamList> param_lists_;  // the logical line's, from MarkParameterLists
  std::pair<size_t, size_t> with_items_{static_cast<size_t>(-1), 0};  // WithItemsParenthesis's last answer
  std::vector<size_t> accepted_stars_;  // `*x` outside calls where CPython allows it (tree-sitter may not)
  std::vector<TreePatch> tree_patches_;  // what else tree-sitter refuses and CPython takes
};

}  // namespace trajc::python::compile_check_internal
