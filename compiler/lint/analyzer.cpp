// The driver: runs every rule over one Source the way flake8 orders its work, applies
// noqa and the select/ignore lists, and turns byte positions into flake8's columns.
#include <algorithm>
#include <tuple>

#include "lint/lint.h"
#include "lint/logical_lines.h"
#include "lint/noqa.h"
#include "lint/rules/pycodestyle/blank_line_at_eof.h"
#include "lint/rules/pycodestyle/blank_lines.h"
#include "lint/rules/pycodestyle/comparison_to_singleton.h"
#include "lint/rules/pycodestyle/explicit_line_join.h"
#include "lint/rules/pycodestyle/indentation.h"
#include "lint/rules/pycodestyle/line_too_long.h"
#include "lint/rules/pycodestyle/missing_whitespace.h"
#include "lint/rules/pycodestyle/missing_whitespace_around_operator.h"
#include "lint/rules/pycodestyle/tabs_obsolete.h"
#include "lint/rules/pycodestyle/tabs_or_spaces.h"
#include "lint/rules/pycodestyle/trailing_whitespace.h"
#include "lint/rules/pycodestyle/whitespace_before_comment.h"
#include "lint/rules/pyflakes/unused_import.h"
#include "lint/rules/pyflakes/unused_variable.h"

namespace trajc::lint {

namespace {

bool Matches(std::string_view code, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return code.substr(0, p.size()) == p; });
}

// flake8 stops at a file it cannot decode or tokenize, and reports only E999 for a file
// CPython cannot parse; tree-sitter plus the tokenizer stand in for CPython's parser.
bool FlakeWouldCheck(const Source& src) {
  if (!src.decodable || !src.tokens.ok) return false;
  if (src.tree_clean) return true;
  return std::none_of(src.tokens.tokens.begin(), src.tokens.tokens.end(),
                      [](const python::Token& t) { return t.type == python::TokenType::kErrorToken; });
}

// Every finding that survives noqa, with rows and byte columns still as the rules made them.
std::vector<Finding> Collect(const Source& src, int max_line_length) {
  std::vector<Finding> found;
  if (!FlakeWouldCheck(src)) return found;
  NoqaMap noqa(src);
  if (noqa.FileIgnored()) return found;
  LineSplit split = SplitIntoLines(src);
  for (const PhysicalLine& line : split.physical) {
    CheckTrailingWhitespace(src, line, found);
    CheckLineTooLong(src, line, max_line_length, found);
    CheckBlankLineAtEof(src, line, found);
    CheckTabsOrSpaces(src, line, found);
    CheckTabsObsolete(src, line, found);
  }
  for (const LogicalLine& ll : split.logical) {
    CheckBlankLines(src, ll, found);
    CheckMissingWhitespace(src, ll, found);
    CheckMissingWhitespaceAroundOperator(src, ll, found);
    CheckWhitespaceBeforeComment(src, ll, found);
    CheckComparisonToSingleton(src, ll, found);
    CheckIndentation(src, ll, found);
    CheckExplicitLineJoin(src, ll, found);
  }
  // pyflakes needs a real AST: skip it when tree-sitter could not build a clean one.
  if (src.tree && src.tree_clean) {
    ScopeReport scopes = AnalyzeScopes(src);
    CheckUnusedImports(src, scopes, found);
    CheckUnusedVariables(src, scopes, found);
  }
  std::erase_if(found, [&](const Finding& f) { return noqa.Suppresses(f.row, f.code); });
  return found;
}

// flake8 5's default extend-ignore: these are off unless --select names them.
const std::vector<std::string> kDefaultIgnore = {"E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504"};

bool Reported(std::string_view code, const Options& options) {
  if (Matches(code, options.ignore)) return false;
  if (!options.select.empty()) return Matches(code, options.select);
  return !Matches(code, kDefaultIgnore);
}

}  // namespace

std::vector<Issue> Analyze(std::string_view source, const Options& options) {
  Source src(source);
  std::vector<Issue> issues;
  for (Finding& f : Collect(src, options.max_line_length)) {
    if (!Reported(f.code, options)) continue;
    int col = f.col_is_chars ? f.col : src.CharColumn(f.row, f.col);
    issues.push_back(Issue{f.code, f.row, std::max(col, 0) + 1, std::move(f.message), !f.edits.empty()});
  }
  std::sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return std::tie(a.line, a.column, a.code) < std::tie(b.line, b.column, b.code);
  });
  return issues;
}

std::optional<std::string> FixLine(std::string_view source, std::string_view code, int line) {
  const RuleInfo* rule = FindRule(code);
  if (rule == nullptr || !rule->fixable) return std::nullopt;
  Source src(source);
  std::vector<Edit> edits;
  for (const Finding& f : Collect(src, Options{}.max_line_length)) {
    if (f.code != code || f.row != line) continue;
    for (const Edit& e : f.edits) {
      if (std::find(edits.begin(), edits.end(), e) == edits.end()) edits.push_back(e);
    }
  }
  if (edits.empty()) return std::nullopt;
  return src.Apply(std::move(edits));
}

}  // namespace trajc::lint
