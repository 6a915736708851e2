// cli/fix_signature — whether a batch of layout fixes kept the program.
//
// `trajc fix` holds safe fixes to the code signature (every token but comments and `;`,
// string contents whole) and bisects a round's fixes for the ones that change it. A
// parse of the whole file per bisection step made a 100k-line file with a few hundred
// W291s inside docstrings take minutes, so SignatureGuard parses only the top-level
// statements a batch touched (with one statement of context either side), before and
// after. The final check of a round's kept fixes is still a parse of the whole file.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "lint/lint.h"

namespace trajc::cli {

// What Python's AST sees of `text`, as far as a layout fix could touch it: every token
// of the tree but comments and `;` (a statement separator, as a line break is: E702/E703
// drop it), with the whole text of string contents (whitespace inside a string is part
// of its value). Fixes that keep this keep the program.
std::string CodeSignature(const std::string& text);

class SignatureGuard {
 public:
  // `text` is the file before the fixes.
  explicit SignatureGuard(std::string text);

  // Whether `batch` (fixes applied to the text) keeps its signature, judged on the
  // top-level statements around the batch's edits; on the whole file when the text has a
  // syntax error (a statement alone might parse differently then).
  bool Keeps(const lint::BatchFix& batch) const;
  // Whether one of the edits over `ranges` of the text falls inside a token the signature
  // holds, short of the whole token (whitespace inside a string, as W291 in a docstring):
  // such a fix changes the signature, so it is refused without a parse. False when the
  // text has a syntax error.
  bool CutsToken(const std::vector<lint::AppliedSpan>& ranges) const;
  // The same, by a parse of the whole new text.
  bool KeepsWhole(const std::string& new_text) const { return CodeSignature(new_text) == signature_; }

 private:
  std::string text_;
  std::string signature_;
  // Region starts: 0, then each top-level statement's start but the first, then the text's
  // size; empty when the regions cannot be trusted to parse alone as in the file.
  std::vector<size_t> bounds_;
  // The [start, end) of each token the signature holds, in order; empty as bounds_ is.
  std::vector<std::pair<size_t, size_t>> tokens_;
};

}  // namespace trajc::cli
