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

#include <utility>

#include "python/compile_check_internal.h"

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
    return toks.error;
  }
  if (!parsed) return toks.unclosed;
  if (toks.unclosed && parsed->severity != Severity::kUnexpectedIndent && parsed->key_row > toks.unclosed_row)
    return toks.unclosed;
  return parsed->error;
}

}  // namespace trajc::python
