// domains/sample_data/validate — checks JSON samples against a model, the way Python
// would see them once converted and constructed: every problem with a path such as
// `samples[1].customer.email`, what the annotation expects and what the sample has.
//
// Codes: `type` (a value of the wrong JSON type: bool is not int, int is accepted for
// float as in Python's numeric tower, a string is not a number), `missing` (a required
// field is absent), `unknown` (a field the model does not have), `value` (not one of a
// Literal's values or an Enum's member values), `format` (a date that is not
// YYYY-MM-DD, a datetime that is not YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|±HH:MM], or an
// impossible day), `length` (a fixed tuple with the wrong number of items).
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "domains/sample_data/model.h"

namespace trajc::domains::sample_data {

struct Problem {
  int sample = 0;        // index in the samples array
  std::string path;      // "samples[1].customer.email", "samples[0].tags[2]", "samples[0].prices[\"SKU-1\"]"
  std::string code;      // type | missing | unknown | value | format | length
  std::string expected;  // TypeText of the annotation (the field list for `unknown`)
  std::string got;       // `str "42"`, `int 7`, `None`, `list`, `dict`, `nothing`
  std::string message;   // path: what is wrong
};

// Problems of every sample, in sample order and field order.
std::vector<Problem> ValidateSamples(const ModuleModels& models, const Model& model, const Json& samples);

// Whether `text` is an ISO-8601 date (YYYY-MM-DD) or, with `with_time`, a datetime.
bool IsIsoDate(const std::string& text, bool with_time);

}  // namespace trajc::domains::sample_data
