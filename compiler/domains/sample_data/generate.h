// domains/sample_data/generate — sample values for a model, drawn from a SplitMix64 so
// that they are a pure function of the seed. Realistic by the field's name (see
// vocabulary.h); Literal and Enum fields take one of their values; Optional fields are
// sometimes null; fields with a default are sometimes left out so that the default
// applies; nested models are generated recursively; date and datetime are ISO-8601
// strings. Every sample generated passes ValidateSample (validate.h).
//
// The JSON form of a sample: an object of field -> value (a NamedTuple's fields, a
// function's keyword arguments); for an Enum, a member's value; tuple and set as arrays;
// nested models as objects; Enum fields as the member's value.
#pragma once

#include <optional>
#include <string>

#include "core/json.h"
#include "core/prng.h"
#include "domains/sample_data/model.h"

namespace trajc::domains::sample_data {

// Which of a model's own fields a sample gives: kTypical leaves out about a third of the
// fields with defaults; kMinimal gives only the required ones (every default applies);
// kFull gives every field, and Optional ones a value rather than null. Nested models are
// always typical.
enum class SampleShape { kTypical, kMinimal, kFull };

// One sample of `model` (of a ModuleModels without errors: ModelsOf refuses models that
// must contain themselves; std::logic_error guards against one getting here).
Json GenerateSample(const ModuleModels& models, const Model& model, SplitMix64& rng, SampleShape shape = SampleShape::kTypical);

// `count` samples (distinct where the model allows it, e.g. not for a one-member enum).
Json GenerateSamples(const ModuleModels& models, const Model& model, int count, SplitMix64& rng);

// Every member's value of an enum, in declaration order.
Json EnumValues(const Model& model);

// A first write with one mistake: the value of one top-level field of one sample
// replaced by a value of the wrong type, as a hurried writer would: a number or flag
// written as a string ("42", "yes"), a string of digits as a number, text wrapped in a
// list, a date as 20240315, a datetime as a Unix timestamp, a nested record given as
// its name. Number and flag fields are preferred, then
// strings, then the rest.
struct WrongWrite {
  Json samples;          // `samples` with the one wrong value
  int sample = 0;        // which sample
  std::string field;     // which top-level field
  std::string path;      // "samples[1].age", as validate_samples reports it
  std::string expected;  // the field's type, TypeText
  Json value;            // the wrong value
};

// Nothing for an enum or a model without fields.
std::optional<WrongWrite> MakeWrongWrite(const Model& model, const Json& samples, SplitMix64& rng);

}  // namespace trajc::domains::sample_data
