// templates/expression — placeholders `{{path | filter('arg')}}` and `when` conditions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::templates {

struct Filter {
  std::string name;  // join | plural
  std::string arg;
};

struct Placeholder {
  std::string path;  // dotted: seen.fix_targets.0.line
  std::vector<Filter> filters;
};

// Parses the inside of `{{ … }}`; returns an error message on failure.
std::optional<std::string> ParsePlaceholder(std::string_view text, Placeholder& out);

// The root name of a dotted path ("seen" in "seen.fix_targets.0").
std::string RootOf(std::string_view path);

// Splits a template string into literal text and placeholders. Returns an error message
// for an unterminated or malformed placeholder. `whole` is set when the string is exactly
// one placeholder (it then keeps its JSON type).
struct Piece {
  bool is_placeholder = false;
  std::string text;
  Placeholder placeholder;
};
std::optional<std::string> SplitTemplateString(std::string_view text, std::vector<Piece>& out, bool& whole);

// Resolves a root name to its value (loop variable, fact or view); nullopt if unknown.
using RootResolver = std::function<std::optional<Json>(const std::string& root)>;

// Evaluates a placeholder; throws std::runtime_error with a message on a missing path or
// a filter applied to the wrong type.
Json EvaluatePlaceholder(const Placeholder& placeholder, const RootResolver& resolve);

// Renders a template string (or the typed value of a whole placeholder).
Json RenderString(std::string_view text, const RootResolver& resolve);

// Walks a dotted path into a value; nullopt when absent.
std::optional<Json> Walk(const Json& value, std::string_view rest);

// `a.b >= 3`-style comparison on already-resolved values.
bool Compare(const Json& left, const std::string& op, const Json& right);

}  // namespace trajc::templates
