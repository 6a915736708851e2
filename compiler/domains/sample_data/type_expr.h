// domains/sample_data/type_expr — a field's annotation as a type tree. The sample_data
// domain generates and validates values by this tree, so it supports exactly what both
// can do: int, float, str, bool, None, Optional[X] / X | None / Union[X, None],
// list[X], tuple[X, Y] and tuple[X, ...], dict[str, X], set[X] (of scalars), Literal[…]
// (str, int, bool, None), date, datetime, and the module's own Enum and model classes
// (by name, also as a quoted forward reference). typing. and datetime. prefixes and the
// capitalised typing aliases (List, Dict, Tuple, Set) are accepted.
//
// ParseType never throws: an annotation outside that set gives an error message and the
// byte offset in the annotation where the problem starts; callers locate it in the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"

namespace trajc::domains::sample_data {

enum class TypeKind { kInt, kFloat, kStr, kBool, kNone, kOptional, kList, kTuple, kDict, kSet, kLiteral, kEnum, kModel, kDate, kDateTime };

struct TypeExpr {
  TypeKind kind = TypeKind::kNone;
  // kOptional, kList, kSet: {item}; kTuple: the items (one when variadic); kDict: {value}
  // (keys are always str, as in JSON objects).
  std::vector<TypeExpr> args = {};
  bool variadic = false;       // tuple[X, ...]
  std::vector<Json> literals = {};  // kLiteral: the allowed values, in order
  std::string name = {};       // kEnum, kModel: the class name
};

// How the module's classes resolve: class name -> kEnum or kModel.
using ClassKinds = std::map<std::string, TypeKind, std::less<>>;

struct ParsedType {
  TypeExpr type;
  std::string error;  // empty on success
  size_t offset = 0;  // where in the annotation the error starts
  bool ok() const { return error.empty(); }
};

ParsedType ParseType(std::string_view annotation, const ClassKinds& classes);

// Canonical text of a type, as validation messages show it: "list[str]", "date | None",
// "Literal['free', 'pro']", "tuple[int, ...]", "Customer".
std::string TypeText(const TypeExpr& type);

}  // namespace trajc::domains::sample_data
