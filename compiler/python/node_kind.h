// python/node_kind — tree-sitter-python node kinds and field names, resolved once.
//
// Rules test a node's kind with an integer compare of its symbol instead of strcmp on
// ts_node_type, and read a field by id instead of ts_node_child_by_field_name (which scans
// every field name of the grammar on each call). Both are hot in the lint walkers.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>

namespace trajc::python {

// A node type of the grammar by name. ts_node_type gives the same string for a named node
// and an anonymous token spelt alike ("lambda", "type", "await", "yield"), so a kind holds
// both symbols and matches exactly the nodes whose ts_node_type equals the name.
class NodeKind {
 public:
  // Aborts when the grammar has no node type of that name: a typo in trajc, not bad input.
  explicit NodeKind(std::string_view name);
  bool Of(TSNode node) const { return !ts_node_is_null(node) && Matches(ts_node_symbol(node)); }
  // For a dispatch over many kinds: read ts_node_symbol once, test it against each.
  bool Matches(TSSymbol symbol) const { return symbol == named_ || symbol == anonymous_; }

 private:
  TSSymbol named_ = 0;      // 0 is the grammar's end-of-input symbol, never a node's
  TSSymbol anonymous_ = 0;
};

// A field of the grammar by name ("left", "body", ...).
class FieldName {
 public:
  // Aborts when the grammar has no field of that name.
  explicit FieldName(std::string_view name);
  // The child in this field, or a null node; `node` must not be null.
  TSNode Of(TSNode node) const { return ts_node_child_by_field_id(node, id_); }

 private:
  TSFieldId id_ = 0;
};

// Free forms of NodeKind::Of and FieldName::Of, which read as the tree walks they serve:
// `Is(n, kind::kCall)`, `Field(n, field::kName)`.
inline bool Is(TSNode node, const NodeKind& kind) { return kind.Of(node); }
inline TSNode Field(TSNode node, const FieldName& field) { return field.Of(node); }

// The node kinds and fields trajc reads, each resolved once at start-up.
namespace kind {
inline const NodeKind kAliasedImport{"aliased_import"};
inline const NodeKind kArgumentList{"argument_list"};
inline const NodeKind kAsPattern{"as_pattern"};
inline const NodeKind kAsPatternTarget{"as_pattern_target"};
inline const NodeKind kAssertStatement{"assert_statement"};
inline const NodeKind kAssignment{"assignment"};
inline const NodeKind kAttribute{"attribute"};
inline const NodeKind kAugmentedAssignment{"augmented_assignment"};
inline const NodeKind kAwait{"await"};
inline const NodeKind kBinaryOperator{"binary_operator"};
inline const NodeKind kBlock{"block"};
inline const NodeKind kBreakStatement{"break_statement"};
inline const NodeKind kCall{"call"};
inline const NodeKind kCaseClause{"case_clause"};
inline const NodeKind kCasePattern{"case_pattern"};
inline const NodeKind kChevron{"chevron"};
inline const NodeKind kClassDefinition{"class_definition"};
inline const NodeKind kClassPattern{"class_pattern"};
inline const NodeKind kComment{"comment"};
inline const NodeKind kComparisonOperator{"comparison_operator"};
inline const NodeKind kConcatenatedString{"concatenated_string"};
inline const NodeKind kConditionalExpression{"conditional_expression"};
inline const NodeKind kContinueStatement{"continue_statement"};
inline const NodeKind kDecoratedDefinition{"decorated_definition"};
inline const NodeKind kDecorator{"decorator"};
inline const NodeKind kDefaultParameter{"default_parameter"};
inline const NodeKind kDeleteStatement{"delete_statement"};
inline const NodeKind kDictionary{"dictionary"};
inline const NodeKind kDictionaryComprehension{"dictionary_comprehension"};
inline const NodeKind kDictionarySplat{"dictionary_splat"};
inline const NodeKind kDictionarySplatPattern{"dictionary_splat_pattern"};
inline const NodeKind kDottedName{"dotted_name"};
inline const NodeKind kElifClause{"elif_clause"};
inline const NodeKind kEllipsis{"ellipsis"};
inline const NodeKind kElseClause{"else_clause"};
inline const NodeKind kEscapeInterpolation{"escape_interpolation"};
inline const NodeKind kEscapeSequence{"escape_sequence"};
inline const NodeKind kExceptClause{"except_clause"};
inline const NodeKind kExceptGroupClause{"except_group_clause"};
inline const NodeKind kExpressionList{"expression_list"};
inline const NodeKind kExpressionStatement{"expression_statement"};
inline const NodeKind kFalse{"false"};
inline const NodeKind kFinallyClause{"finally_clause"};
inline const NodeKind kFloat{"float"};
inline const NodeKind kForInClause{"for_in_clause"};
inline const NodeKind kForStatement{"for_statement"};
inline const NodeKind kFunctionDefinition{"function_definition"};
inline const NodeKind kFutureImportStatement{"future_import_statement"};
inline const NodeKind kGeneratorExpression{"generator_expression"};
inline const NodeKind kGenericType{"generic_type"};
inline const NodeKind kGlobalStatement{"global_statement"};
inline const NodeKind kIdentifier{"identifier"};
inline const NodeKind kIfClause{"if_clause"};
inline const NodeKind kIfStatement{"if_statement"};
inline const NodeKind kImportFromStatement{"import_from_statement"};
inline const NodeKind kImportPrefix{"import_prefix"};
inline const NodeKind kImportStatement{"import_statement"};
inline const NodeKind kInteger{"integer"};
inline const NodeKind kInterpolation{"interpolation"};
inline const NodeKind kKeywordArgument{"keyword_argument"};
inline const NodeKind kKeywordPattern{"keyword_pattern"};
inline const NodeKind kKeywordSeparator{"keyword_separator"};
inline const NodeKind kLambda{"lambda"};
inline const NodeKind kLambdaParameters{"lambda_parameters"};
inline const NodeKind kList{"list"};
inline const NodeKind kLineContinuation{"line_continuation"};
inline const NodeKind kListComprehension{"list_comprehension"};
inline const NodeKind kListPattern{"list_pattern"};
inline const NodeKind kListSplat{"list_splat"};
inline const NodeKind kListSplatPattern{"list_splat_pattern"};
inline const NodeKind kNamedExpression{"named_expression"};
inline const NodeKind kNone{"none"};
inline const NodeKind kNonlocalStatement{"nonlocal_statement"};
inline const NodeKind kPair{"pair"};
inline const NodeKind kParenthesizedExpression{"parenthesized_expression"};
inline const NodeKind kParenthesizedListSplat{"parenthesized_list_splat"};
inline const NodeKind kPatternList{"pattern_list"};
inline const NodeKind kPositionalSeparator{"positional_separator"};
inline const NodeKind kPrintStatement{"print_statement"};
inline const NodeKind kRaiseStatement{"raise_statement"};
inline const NodeKind kReturnStatement{"return_statement"};
inline const NodeKind kSet{"set"};
inline const NodeKind kSetComprehension{"set_comprehension"};
inline const NodeKind kSlice{"slice"};
inline const NodeKind kString{"string"};
inline const NodeKind kStringContent{"string_content"};
inline const NodeKind kStringStart{"string_start"};
inline const NodeKind kSubscript{"subscript"};
inline const NodeKind kTrue{"true"};
inline const NodeKind kTryStatement{"try_statement"};
inline const NodeKind kTuple{"tuple"};
inline const NodeKind kTuplePattern{"tuple_pattern"};
inline const NodeKind kType{"type"};
inline const NodeKind kTypeParameter{"type_parameter"};
inline const NodeKind kTypedDefaultParameter{"typed_default_parameter"};
inline const NodeKind kTypedParameter{"typed_parameter"};
inline const NodeKind kWhileStatement{"while_statement"};
inline const NodeKind kWildcardImport{"wildcard_import"};
inline const NodeKind kWithItem{"with_item"};
inline const NodeKind kWithStatement{"with_statement"};
inline const NodeKind kYield{"yield"};
}  // namespace kind

namespace field {
inline const FieldName kAlias{"alias"};
inline const FieldName kAlternative{"alternative"};
inline const FieldName kArguments{"arguments"};
inline const FieldName kAttribute{"attribute"};
inline const FieldName kBody{"body"};
inline const FieldName kCause{"cause"};
inline const FieldName kCondition{"condition"};
inline const FieldName kConsequence{"consequence"};
inline const FieldName kDefinition{"definition"};
inline const FieldName kFunction{"function"};
inline const FieldName kKey{"key"};
inline const FieldName kLeft{"left"};
inline const FieldName kModuleName{"module_name"};
inline const FieldName kName{"name"};
inline const FieldName kObject{"object"};
inline const FieldName kOperator{"operator"};
inline const FieldName kParameters{"parameters"};
inline const FieldName kReturnType{"return_type"};
inline const FieldName kRight{"right"};
inline const FieldName kSuperclasses{"superclasses"};
inline const FieldName kType{"type"};
inline const FieldName kValue{"value"};
}  // namespace field

}  // namespace trajc::python
