// domains/sample_data/model — the data models of a module, read off python::FactsOf: a
// class decorated `@dataclass` (also `dataclasses.dataclass`, `dataclass(...)`), a
// TypedDict, a NamedTuple, an Enum (Enum, StrEnum, IntEnum, or `str, Enum`), and every
// public module-level function whose parameters are all annotated and can be passed by
// keyword (its parameter list is a model: a sample is its keyword arguments). Classes
// and functions must be at module level; dataclasses and TypedDicts inherit the fields
// of model bases of the same module.
//
// ModelsOf never throws: an annotation the domain cannot generate or validate, or an Enum
// member whose value is not a str or int literal, is a located error in `errors` (the
// model is still listed with what could be read).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "domains/sample_data/type_expr.h"
#include "python/facts.h"

namespace trajc::domains::sample_data {

enum class ModelKind { kDataclass, kTypedDict, kNamedTuple, kEnum, kFunction };
std::string_view ModelKindName(ModelKind kind);  // dataclass | typeddict | namedtuple | enum | function

struct Field {
  std::string name;
  std::string annotation;    // as written (without a TypedDict's Required/NotRequired wrapper)
  TypeExpr type;
  bool required = true;      // a sample must give it (no default; TypedDict: a required key)
  std::string default_text;  // the default's source text, "" when none
  int line = 0;
};

struct EnumMember {
  std::string name;
  Json value;  // str or int
};

struct Model {
  std::string name;
  ModelKind kind = ModelKind::kDataclass;
  int line = 0;
  std::vector<Field> fields;         // all but enums
  std::vector<EnumMember> members;   // enums
  bool has_errors = false;           // an annotation or member could not be read
  // With has_errors: the first error's short stable reason and location (errors has them all).
  std::string error_reason;
  Location error_at;
  const Field* FindField(std::string_view name) const;
};

struct ModuleModels {
  std::vector<Model> models;  // document order
  std::vector<Error> errors;  // located in `path`
  const Model* Find(std::string_view name) const;
};

// `path` locates errors; `text` is the module's source (for error columns).
ModuleModels ModelsOf(const python::ModuleFacts& facts, const std::string& path, const std::string& text);

// The names of the models a model's fields refer to (nested models and enums), each once,
// in the order they are first reached, depth first; the model itself is not listed.
std::vector<std::string> ReferencedModels(const ModuleModels& models, const Model& model);

}  // namespace trajc::domains::sample_data
