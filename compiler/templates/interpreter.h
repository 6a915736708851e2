// templates/interpreter — instantiates a template against one fixture node: renders the
// system and user turns, walks the steps, validates each scripted call against its tool
// schema, lets the environment execute it, and records the conversation.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/diagnostic.h"
#include "core/json.h"
#include "core/prng.h"
#include "schema/subagent.h"
#include "templates/environment.h"
#include "templates/template.h"

namespace trajc::templates {

// An `expect:` that the environment contradicted: this (template, node) pair cannot be
// used. The planner rules such pairs out before planning.
class ExpectationFailed : public std::runtime_error {
 public:
  explicit ExpectationFailed(const std::string& what) : std::runtime_error(what) {}
};

// A result of the domain's environment that the definition's `returns` schema refuses: the
// definition (a user's, through --schemas) promises a shape the environment does not give.
// Located at that `returns`; found on the dry runs, before any output is opened.
class ReturnsMismatch : public Error {
 public:
  ReturnsMismatch(Location where, std::string message, std::string pointer)
      : Error(std::move(where), std::move(message)), pointer_(std::move(pointer)) {}
  // The JSON Pointer of that `returns` in the definition: /tools/<i>/returns.
  const std::string& pointer() const { return pointer_; }

 private:
  std::string pointer_;
};

struct InstanceInput {
  const Template* tmpl = nullptr;
  const schema::Subagent* agent = nullptr;
  const Json* facts = nullptr;         // the node's facts (placeholder roots)
  const Json* context = nullptr;       // values for the agent's context_template
  uint64_t variant = 0;                // which phrasing of each choice point
  uint64_t seed = 0;                   // per-example seed (tool call ids)
};

// The ids of one example's tool calls, in call order: "call_" + 12 characters drawn from
// the example's seed. generate's repeat cache re-keys a rendered example with them.
class CallIds {
 public:
  static constexpr size_t kLength = 17;  // "call_" + 12
  explicit CallIds(uint64_t seed) : rng_(seed) {}
  std::string Next();

 private:
  SplitMix64 rng_;
};

// Returns {"messages": […]}. Throws ExpectationFailed, or trajc::Error located in the
// template for a placeholder that has no value or a call whose arguments fail the schema.
Json Instantiate(const InstanceInput& input, Environment& env);

// Whether every `when` condition holds on `facts`.
bool ConditionsHold(const Template& t, const Json& facts);

}  // namespace trajc::templates
