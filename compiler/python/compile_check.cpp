// python/compile_check — runs the rule families (listed in compile_check_internal.h) and
// picks, among their candidates and the tokenizer's errors, the one CPython would raise.
//
// How CPython 3.11 picks the error it raises (Parser/pegen_errors.c): the parser's first
// pass fails at some token; a second pass tries the `invalid_*` rules for a better
// message; then, unless the error is "unexpected indent", the rest of the file is
// tokenized and a tokenizer error there wins, as does a bracket left open above the
// error's line. A tokenizer error before the failing token wins outright. Each rule
// proposes a Candidate keyed by the index of the token where the first pass fails; the
// earliest one is CPython's parser error.
#include "python/compile_check.h"

#include <string>
#include <utility>

#include "core/text_lines.h"
#include "python/compile_check_internal.h"
#include "python/node_kind.h"

namespace trajc::python::compile_check_internal {

std::optional<Candidate> Checker::Run() {
  Statements();
  if (tree_ != nullptr) TreeRules();
  if (best_) return best_;
  if (tree_ != nullptr && !unclosed_) TreeFallback();
  return best_;
}

void Checker::Propose(size_t key, size_t at, std::string type, std::string message, Severity severity, int offset,
                      int row) {
  // A stream cut short by a tokenizer error has no NEWLINE at its end to point at.
  if (at >= t_.size() || key >= t_.size()) return;
  if (best_ && best_->key <= key) return;
  best_ = Candidate{key, t_[key].row,
                    CError{row >= 0 ? row : t_[at].row, offset >= 0 ? offset : OffsetAt(at), std::move(type),
                           std::move(message)},
                    severity};
}

}  // namespace trajc::python::compile_check_internal

namespace trajc::python {

using compile_check_internal::Candidate;
using compile_check_internal::Checker;
using compile_check_internal::Severity;

std::optional<CError> FindCompileError(const std::vector<std::string_view>& lines, const SourceTree* tree,
                                       const FlatTree* flat) {
  CTokens toks = TokenizeLikeCPython(lines);
  // A tokenizer error stops the token stream: the parser's verdict on a truncated file
  // would be about its artificial end, so only an earlier "unexpected indent" stands.
  std::optional<Candidate> parsed = Checker(lines, toks, toks.error ? nullptr : tree, flat).Run();
  if (toks.error) {
    if (parsed && parsed->severity == Severity::kUnexpectedIndent) return parsed->error;
    if (parsed && toks.error_is_state && parsed->key_row < toks.error->row) return parsed->error;
    return toks.error;
  }
  if (!parsed) return toks.unclosed;
  if (toks.unclosed && parsed->severity != Severity::kUnexpectedIndent && parsed->key_row > toks.unclosed_row)
    return toks.unclosed;
  return parsed->error;
}

}  // namespace trajc::python

namespace trajc::python {

bool IsOneExpression(std::string_view text) {
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      normalized += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      normalized += '\n';
    }
  }
  // tree-sitter-python reads a leading `*` only before a name (`*Ts`), CPython before any
  // operand (`*tuple[int, ...]` starts with a name, `*(a, b)` and `*None` do not): that
  // one-line one is asked inside brackets, where `[*x\n]` holds exactly when `*x` is a
  // statement (blank lines before it change nothing; a line break inside would).
  const size_t star = normalized.find_first_not_of('\n');
  if (star != std::string::npos && normalized.compare(star, 1, "*") == 0 && normalized.size() > star + 1 &&
      normalized[star + 1] != '*' && normalized[star + 1] != '=' && normalized.find('\n', star) == std::string::npos) {
    try {
      if (ts_node_has_error(SourceTree::Parse(normalized).root())) {
        return IsOneExpression("[" + normalized.substr(star) + "\n]");
      }
    } catch (const Error&) {
      return false;
    }
  }
  try {
    SourceTree tree = SourceTree::Parse(normalized);
    FlatTree flat(tree.root());
    if (FindCompileError(trajc::SplitLines(tree.text()), &tree, &flat)) return false;
    if (ts_node_has_error(tree.root())) return false;
    int statements = 0;
    bool expression = false;
    for (TSNode c : flat.NamedChildren(tree.root())) {
      if (Is(c, kind::kComment) || Is(c, kind::kLineContinuation)) continue;
      ++statements;
      TSNode first = ts_node_named_child_count(c) > 0 ? ts_node_named_child(c, 0) : TSNode{};
      expression = Is(c, kind::kExpressionStatement) && !Is(first, kind::kAssignment) &&
                   !Is(first, kind::kAugmentedAssignment);
    }
    return statements == 1 && expression;
  } catch (const Error&) {
    return false;  // nested deeper than trajc parses: CPython's parser refuses far less deep
  }
}

}  // namespace trajc::python
