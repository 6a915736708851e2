// The code table: one line per code, sorted by code (checked at compile time). Each line
// names a Violation that its rule declares in rules/<origin>/<rule>.h, with the code's
// message, summary, fix title and fix safety; nothing about a code is written here.
// The rules themselves run from analyzer.cpp.
#include <algorithm>
#include <array>

#include "lint/lint.h"
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

namespace trajc::lint {

namespace {

constexpr std::array kRegistry = {
    &kMixedSpacesAndTabs,
    &kIndentationWithInvalidMultiple,
    &kNoIndentedBlock,
    &kUnexpectedIndentation,
    &kIndentationWithInvalidMultipleComment,
    &kNoIndentedBlockComment,
    &kUnexpectedIndentationComment,
    &kOverIndented,
    &kContinuationUnderIndentedHanging,
    &kContinuationMissingIndentation,
    &kClosingBracketNotMatchingOpeningLine,
    &kClosingBracketNotMatchingVisualIndent,
    &kContinuationSameIndentAsNext,
    &kContinuationOverIndentedHanging,
    &kContinuationOverIndentedVisual,
    &kContinuationUnderIndentedVisual,
    &kVisualIndentSameAsNext,
    &kContinuationUnalignedHanging,
    &kWhitespaceAfterOpenBracket,
    &kWhitespaceBeforeCloseBracket,
    &kWhitespaceBeforePunctuation,
    &kWhitespaceBeforeParameters,
    &kMultipleSpacesBeforeOperator,
    &kMultipleSpacesAfterOperator,
    &kTabBeforeOperator,
    &kTabAfterOperator,
    &kMissingWhitespaceAroundOperator,
    &kMissingWhitespaceAroundArithmeticOperator,
    &kMissingWhitespaceAroundBitwiseOrShiftOperator,
    &kMissingWhitespaceAroundModuloOperator,
    &kMissingWhitespace,
    &kMultipleSpacesAfterComma,
    &kTabAfterComma,
    &kUnexpectedSpacesAroundKeywordParameterEquals,
    &kMissingWhitespaceAroundParameterEquals,
    &kTooFewSpacesBeforeInlineComment,
    &kNoSpaceAfterInlineComment,
    &kNoSpaceAfterBlockComment,
    &kMultipleLeadingHashesForBlockComment,
    &kMultipleSpacesAfterKeyword,
    &kMultipleSpacesBeforeKeyword,
    &kTabAfterKeyword,
    &kTabBeforeKeyword,
    &kMissingWhitespaceAfterKeyword,
    &kBlankLineBetweenMethods,
    &kBlankLinesTopLevel,
    &kTooManyBlankLines,
    &kBlankLineAfterDecorator,
    &kBlankLinesAfterFunctionOrClass,
    &kBlankLinesBeforeNestedDefinition,
    &kMultipleImportsOnOneLine,
    &kModuleImportNotAtTopOfFile,
    &kLineTooLong,
    &kRedundantBackslash,
    &kMultipleStatementsOnOneLineColon,
    &kMultipleStatementsOnOneLineSemicolon,
    &kUselessSemicolon,
    &kMultipleStatementsOnOneLineDef,
    &kNoneComparison,
    &kTrueFalseComparison,
    &kNotInTest,
    &kNotIsTest,
    &kTypeComparison,
    &kBareExcept,
    &kLambdaAssignment,
    &kAmbiguousVariableName,
    &kAmbiguousClassName,
    &kAmbiguousFunctionName,
    &kSyntaxError,
    &kUnusedImport,
    &kImportShadowedByLoopVar,
    &kImportStar,
    &kLateFutureImport,
    &kImportStarUsage,
    &kImportStarNotPermitted,
    &kFutureFeatureNotDefined,
    &kPercentFormatInvalidFormat,
    &kPercentFormatExpectedMapping,
    &kPercentFormatExpectedSequence,
    &kPercentFormatExtraNamedArguments,
    &kPercentFormatMissingArgument,
    &kPercentFormatMixedPositionalAndNamed,
    &kPercentFormatPositionalCountMismatch,
    &kPercentFormatStarRequiresSequence,
    &kPercentFormatUnsupportedFormatCharacter,
    &kStringDotFormatInvalidFormat,
    &kStringDotFormatExtraNamedArguments,
    &kStringDotFormatExtraPositionalArguments,
    &kStringDotFormatMissingArgument,
    &kStringDotFormatMixingAutomatic,
    &kFStringMissingPlaceholders,
    &kMultiValueRepeatedKeyLiteral,
    &kMultiValueRepeatedKeyVariable,
    &kTooManyExpressionsInStarredAssignment,
    &kTwoStarredExpressions,
    &kAssertTuple,
    &kIsLiteral,
    &kInvalidPrintSyntax,
    &kIfTuple,
    &kBreakOutsideLoop,
    &kContinueOutsideLoop,
    &kYieldOutsideFunction,
    &kReturnOutsideFunction,
    &kDefaultExceptNotLast,
    &kForwardAnnotationSyntaxError,
    &kCommentAnnotationSyntaxError,
    &kRedefinedWhileUnused,
    &kUndefinedName,
    &kUndefinedExport,
    &kUndefinedLocal,
    &kDuplicateArgument,
    &kUnusedVariable,
    &kRaiseNotImplemented,
    &kTabIndentation,
    &kTrailingWhitespace,
    &kMissingNewlineAtEndOfFile,
    &kBlankLineWithWhitespace,
    &kTooManyNewlinesAtEndOfFile,
    &kInvalidEscapeSequence,
    &kAsyncAwaitKeywords,
};

// FindRule and the code table's readers (`trajc lint --help`, the snapshot tests) expect
// codes in order and each once; a fix title exactly when there is a fix.
constexpr bool WellFormed() {
  for (size_t i = 0; i < kRegistry.size(); ++i) {
    const Violation& v = *kRegistry[i];
    if (v.code.empty() || v.message.empty() || v.summary.empty()) return false;
    if (v.fix_title.empty() != (v.fix == FixSafety::kNone)) return false;
    if (i > 0 && !(kRegistry[i - 1]->code < v.code)) return false;
  }
  return true;
}
static_assert(WellFormed(), "kRegistry: codes sorted and unique, every text given, a fix title exactly when fixable");

}  // namespace

const std::vector<RuleInfo>& SupportedRules() {
  static const std::vector<RuleInfo> kRules = [] {
    std::vector<RuleInfo> rules;
    rules.reserve(kRegistry.size());
    for (const Violation* v : kRegistry) {
      rules.push_back(RuleInfo{std::string(v->code), std::string(v->summary), v->fix != FixSafety::kNone,
                               std::string(v->fix_title), v->fix == FixSafety::kUnsafe});
    }
    return rules;
  }();
  return kRules;
}

const RuleInfo* FindRule(std::string_view code) {
  const auto& rules = SupportedRules();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.code == code; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace trajc::lint
