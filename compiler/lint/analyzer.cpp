// The driver: runs every rule over one Source the way flake8 orders its work, applies
// noqa and the select/ignore lists, and turns byte positions into flake8's columns.
#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "lint/lint.h"
#include "lint/logical_lines.h"
#include "lint/noqa.h"
#include "lint/rules/flake8/syntax_error.h"
#include "lint/rules/pycodestyle/ambiguous_identifier.h"
#include "lint/rules/pycodestyle/async_await_keywords.h"
#include "lint/rules/pycodestyle/bare_except.h"
#include "lint/rules/pycodestyle/blank_line_at_eof.h"
#include "lint/rules/pycodestyle/blank_lines.h"
#include "lint/rules/pycodestyle/comparison_negative.h"
#include "lint/rules/pycodestyle/comparison_to_singleton.h"
#include "lint/rules/pycodestyle/comparison_type.h"
#include "lint/rules/pycodestyle/compound_statements.h"
#include "lint/rules/pycodestyle/continuation_lines.h"
#include "lint/rules/pycodestyle/explicit_line_join.h"
#include "lint/rules/pycodestyle/extraneous_whitespace.h"
#include "lint/rules/pycodestyle/imports_on_separate_lines.h"
#include "lint/rules/pycodestyle/indentation.h"
#include "lint/rules/pycodestyle/invalid_escape_sequence.h"
#include "lint/rules/pycodestyle/line_too_long.h"
#include "lint/rules/pycodestyle/missing_whitespace.h"
#include "lint/rules/pycodestyle/missing_whitespace_after_keyword.h"
#include "lint/rules/pycodestyle/missing_whitespace_around_operator.h"
#include "lint/rules/pycodestyle/module_imports_on_top_of_file.h"
#include "lint/rules/pycodestyle/tabs_obsolete.h"
#include "lint/rules/pycodestyle/tabs_or_spaces.h"
#include "lint/rules/pycodestyle/trailing_whitespace.h"
#include "lint/rules/pycodestyle/whitespace_around_comma.h"
#include "lint/rules/pycodestyle/whitespace_around_default_equals.h"
#include "lint/rules/pycodestyle/whitespace_around_keywords.h"
#include "lint/rules/pycodestyle/whitespace_around_operator.h"
#include "lint/rules/pycodestyle/whitespace_before_comment.h"
#include "lint/rules/pycodestyle/whitespace_before_parameters.h"
#include "lint/rules/pyflakes/annotation_syntax_error.h"
#include "lint/rules/pyflakes/default_except_not_last.h"
#include "lint/rules/pyflakes/duplicate_argument.h"
#include "lint/rules/pyflakes/fstring_missing_placeholders.h"
#include "lint/rules/pyflakes/future_import.h"
#include "lint/rules/pyflakes/import_shadowed_by_loop_var.h"
#include "lint/rules/pyflakes/import_star.h"
#include "lint/rules/pyflakes/import_star_not_permitted.h"
#include "lint/rules/pyflakes/is_literal.h"
#include "lint/rules/pyflakes/outside_function.h"
#include "lint/rules/pyflakes/outside_loop.h"
#include "lint/rules/pyflakes/percent_format.h"
#include "lint/rules/pyflakes/print_redirect.h"
#include "lint/rules/pyflakes/raise_not_implemented.h"
#include "lint/rules/pyflakes/redefined_while_unused.h"
#include "lint/rules/pyflakes/repeated_dict_key.h"
#include "lint/rules/pyflakes/starred_assignment.h"
#include "lint/rules/pyflakes/string_dot_format.h"
#include "lint/rules/pyflakes/tuple_condition.h"
#include "lint/rules/pyflakes/undefined_export.h"
#include "lint/rules/pyflakes/undefined_local.h"
#include "lint/rules/pyflakes/undefined_name.h"
#include "lint/rules/pyflakes/unused_import.h"
#include "lint/rules/pyflakes/unused_variable.h"
#include "lint/semantic/model.h"
#include "python/flat_tree.h"

namespace trajc::lint {

namespace {

bool Matches(std::string_view code, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return code.substr(0, p.size()) == p; });
}

// flake8 stops at a file it cannot decode or tokenize; pycodestyle (no parser) also skips
// a file whose tokens have errors where tree-sitter saw trouble.
bool FlakeWouldCheck(const Source& src) {
  if (!src.decodable || !src.tokens.ok) return false;
  if (src.tree_clean) return true;
  return std::none_of(src.tokens.tokens.begin(), src.tokens.tokens.end(),
                      [](const python::Token& t) { return t.type == python::TokenType::kErrorToken; });
}

// Every finding that survives noqa, with rows and byte columns still as the rules made them.
std::vector<Finding> Collect(const Source& src, int max_line_length, std::string_view filename = {},
                             bool syntax_check = true) {
  std::vector<Finding> found;
  // One walk of the tree (the parse's, which also measured its depth) serves the E999
  // check and the pyflakes rules.
  const python::FlatTree* tree = src.tree ? &src.flat : nullptr;
  if (syntax_check) {
    // flake8 reports a file that does not parse with E999 alone.
    if (std::optional<Finding> e999 = CheckSyntaxError(src, tree)) {
      NoqaMap noqa(src);
      if (!noqa.FileIgnored() && !noqa.Suppresses(e999->row, e999->code)) found.push_back(std::move(*e999));
      return found;
    }
  }
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
  ImportPlacement import_placement;
  ContinuationLines continuation_lines(src);
  for (const LogicalLine& ll : split.logical) {
    CheckBlankLines(src, ll, found);
    CheckExtraneousWhitespace(src, ll, found);
    CheckMissingWhitespace(src, ll, found);
    CheckWhitespaceBeforeParameters(src, ll, found);
    CheckWhitespaceAroundOperator(src, ll, found);
    CheckMissingWhitespaceAroundOperator(src, ll, found);
    CheckWhitespaceAroundComma(src, ll, found);
    CheckWhitespaceBeforeComment(src, ll, found);
    CheckWhitespaceAroundKeywords(src, ll, found);
    CheckMissingWhitespaceAfterKeyword(src, ll, found);
    CheckWhitespaceAroundDefaultEquals(src, ll, found);
    CheckComparisonToSingleton(src, ll, found);
    CheckAmbiguousIdentifier(src, ll, found);
    CheckBareExcept(src, ll, found);
    CheckComparisonNegative(src, ll, found);
    CheckComparisonType(src, ll, found);
    CheckCompoundStatements(src, ll, found);
    CheckExplicitLineJoin(src, ll, found);
    CheckImportsOnSeparateLines(src, ll, found);
    CheckIndentation(src, ll, found);
    continuation_lines.Check(ll, found);
    CheckInvalidEscapeSequence(src, ll, found);
    CheckAsyncAwaitKeywords(src, ll, found);
    CheckModuleImportsOnTopOfFile(src, ll, import_placement, found);
  }
  // pyflakes needs a real AST: skip it when tree-sitter could not build a clean one.
  if (tree && src.tree_clean) {
    std::string_view base = filename.substr(filename.find_last_of('/') == std::string_view::npos ? 0 : filename.find_last_of('/') + 1);
    semantic::Facts facts = semantic::Analyze(src, *tree, base == "__init__.py");
    CheckUnusedImports(src, facts, found);
    CheckUnusedVariables(facts, found);
    CheckFStringMissingPlaceholders(src, *tree, found);
    CheckIsLiteral(src, *tree, found);
    const CheckerContext context(*tree);  // one pass serves every tree-pattern rule
    CheckRepeatedDictKey(src, *tree, context, found);
    CheckStarredAssignment(src, *tree, context, found);
    CheckTupleCondition(src, *tree, context, found);
    CheckPrintRedirect(src, *tree, context, facts, found);
    CheckOutsideLoop(src, *tree, context, found);
    CheckOutsideFunction(src, *tree, context, found);
    CheckDefaultExceptNotLast(src, *tree, found);
    CheckRaiseNotImplemented(src, *tree, found);
    CheckPercentFormat(src, *tree, found);
    CheckStringDotFormat(src, *tree, found);
    CheckImportStar(facts, found);
    CheckRedefinedWhileUnused(facts, found);
    CheckUndefinedNames(facts, found);
    CheckUndefinedExports(facts, found);
    CheckUndefinedLocals(facts, found);
    CheckImportShadowedByLoopVar(facts, found);
    CheckFutureImports(facts, found);
    CheckImportStarNotPermitted(facts, found);
    CheckAnnotationSyntaxErrors(facts, found);
    CheckDuplicateArguments(facts, found);
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

namespace {

// A too-deep tree is an error of the file, not a finding: it names the file when it can.
Source SourceOf(std::string_view source, const Options& options) {
  try {
    return Source(source);
  } catch (const python::TooDeep& e) {
    throw e.In(options.filename);
  }
}

}  // namespace

std::vector<Issue> Analyze(std::string_view source, const Options& options) {
  Source src = SourceOf(source, options);
  std::vector<Issue> issues;
  for (Finding& f : Collect(src, options.max_line_length, options.filename, options.syntax_check)) {
    if (!Reported(f.code, options)) continue;
    int col = f.col_is_chars ? f.col : src.CharColumn(f.row, f.col);
    issues.push_back(Issue{f.code, f.row, std::max(col, 0) + 1, std::move(f.message), !f.edits.empty()});
  }
  std::sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return std::tie(a.line, a.column, a.code, a.message) < std::tie(b.line, b.column, b.code, b.message);
  });
  return issues;
}

std::vector<std::string> DefaultCodes() {
  std::vector<std::string> codes;
  for (const RuleInfo& rule : SupportedRules())
    if (Reported(rule.code, Options{})) codes.push_back(rule.code);
  return codes;
}

std::vector<std::string> SupportedCodes() {
  std::vector<std::string> codes;
  for (const RuleInfo& rule : SupportedRules()) codes.push_back(rule.code);
  return codes;
}

Options AllCodesOptions() {
  Options all;
  all.select = SupportedCodes();
  return all;
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : ",") + code;
  return joined;
}

namespace {

// The edits of `findings`, each once.
std::vector<Edit> EditsOf(const std::vector<const Finding*>& findings) {
  std::vector<Edit> edits;
  for (const Finding* f : findings) {
    for (const Edit& e : f->edits) {
      if (std::find(edits.begin(), edits.end(), e) == edits.end()) edits.push_back(e);
    }
  }
  return edits;
}

bool Fixable(std::string_view code) {
  const RuleInfo* rule = FindRule(code);
  return rule != nullptr && rule->fixable;
}

}  // namespace

std::optional<std::string> FixLine(std::string_view source, std::string_view code, int line) {
  if (!Fixable(code)) return std::nullopt;
  Source src(source);
  const std::vector<Finding> found = Collect(src, Options{}.max_line_length);
  std::vector<const Finding*> here;
  for (const Finding& f : found)
    if (f.code == code && f.row == line) here.push_back(&f);
  std::vector<Edit> edits = EditsOf(here);
  if (edits.empty()) return std::nullopt;
  return src.Apply(std::move(edits));
}

struct FixPlan::Impl {
  explicit Impl(std::string_view source) : original(source), src(source) {}
  std::string original;
  Source src;
  std::vector<std::vector<Edit>> edits;  // per target: its edits that change the text
};

FixPlan::FixPlan(std::string_view source, const std::vector<FixTarget>& targets) : impl_(std::make_unique<Impl>(source)) {
  const Source& src = impl_->src;
  const std::vector<Finding> found = Collect(src, Options{}.max_line_length);
  // The findings by (row, code), so that each target finds its own in O(log n).
  std::vector<const Finding*> by_place;
  for (const Finding& f : found) by_place.push_back(&f);
  auto place_less = [](const Finding* a, const Finding* b) { return std::tie(a->row, a->code) < std::tie(b->row, b->code); };
  std::stable_sort(by_place.begin(), by_place.end(), place_less);
  for (const FixTarget& target : targets) {
    std::vector<Edit>& edits = impl_->edits.emplace_back();
    if (!Fixable(target.code)) continue;
    Finding key;
    key.code = target.code;
    key.row = target.line;
    auto [first, last] = std::equal_range(by_place.begin(), by_place.end(), &key, place_less);
    edits = EditsOf(std::vector<const Finding*>(first, last));
    bool changes = std::any_of(edits.begin(), edits.end(), [&](const Edit& e) {
      return e.begin <= e.end && e.end <= src.text.size() && src.text.compare(e.begin, e.end - e.begin, e.replacement) != 0;
    });
    if (!changes) edits.clear();
  }
}

FixPlan::~FixPlan() = default;

BatchFix FixPlan::Apply(const std::vector<size_t>& which) const {
  BatchFix out{impl_->original, std::vector<bool>(impl_->edits.size(), false), {}};
  // Applied edits as [begin, end] spans keyed by begin.
  std::map<size_t, size_t> taken;
  auto clashes = [&](const Edit& e) {
    auto next = taken.lower_bound(e.begin);
    if (next != taken.end() && next->first <= e.end) return true;
    return next != taken.begin() && std::prev(next)->second >= e.begin;
  };
  std::vector<Edit> accepted;
  for (size_t i : which) {
    const std::vector<Edit>& edits = impl_->edits[i];
    if (edits.empty() || std::any_of(edits.begin(), edits.end(), clashes)) continue;
    for (const Edit& e : edits) {
      size_t& end = taken[e.begin];
      end = std::max(end, e.end);
      accepted.push_back(e);
    }
    out.applied[i] = true;
  }
  if (!accepted.empty()) out.text = impl_->src.Apply(std::move(accepted), &out.spans);
  return out;
}

std::vector<AppliedSpan> FixPlan::EditRanges(size_t i) const {
  std::vector<AppliedSpan> out;
  for (const Edit& e : impl_->edits[i]) {
    auto [begin, end] = impl_->src.OriginalRange(e);
    out.push_back({begin, end, 0, 0});
  }
  return out;
}

}  // namespace trajc::lint
