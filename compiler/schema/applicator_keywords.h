// schema/applicator_keywords — evaluators for the keywords beyond the core set:
// if/then/else, contains (with minContains/maxContains), dependentRequired,
// dependentSchemas and draft-07 dependencies, propertyNames, unevaluatedProperties,
// unevaluatedItems, and format (when it asserts).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "schema/json_schema_internal.h"

namespace trajc::schema::internal {

std::unique_ptr<Keyword> MakeIf(const Node* if_node, const Node* then_node, const Node* else_node);

// `annotates`: matched items count as evaluated for unevaluatedItems (2020-12).
std::unique_ptr<Keyword> MakeContains(const Node* node, std::size_t min_contains,
                                      std::optional<std::size_t> max_contains, bool annotates);

// One entry of dependentRequired / dependentSchemas / dependencies: when `property` is
// present, the `required` names must be too, and `node` (if any) applies to the object.
struct Dependency {
  std::string property;
  std::string segment;  // escaped property name, for keyword locations
  std::vector<std::string> required;
  const Node* node;
};
std::unique_ptr<Keyword> MakeDependencies(std::string name, std::vector<Dependency> dependencies);

std::unique_ptr<Keyword> MakePropertyNames(const Node* node);
std::unique_ptr<Keyword> MakeUnevaluatedProperties(const Node* node, bool is_false);
std::unique_ptr<Keyword> MakeUnevaluatedItems(const Node* node, bool is_false);
std::unique_ptr<Keyword> MakeFormat(std::string format);

}  // namespace trajc::schema::internal
