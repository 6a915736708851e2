// templates/environment — what a template interpreter drives: a domain environment that
// executes tool calls against the fixture's current state. Templates script decisions;
// environments own the truth (every tool result is computed here, never by a template).
#pragma once

#include <string>
#include <string_view>

#include "core/json.h"

namespace trajc::templates {

struct ToolOutcome {
  Json result;      // the tool message content (serialised compactly into the record)
  bool ok = true;   // false when the call failed truthfully (stale line, unfixable code …)
};

class Environment {
 public:
  virtual ~Environment() = default;
  // Executes one call whose arguments already passed the tool's schema.
  virtual ToolOutcome Call(std::string_view tool, const Json& args) = 0;
  // A read-only view of the state for placeholders: e.g. "seen" (what the agent has
  // observed so far) and "env" (the truth about the current state). Null when unknown.
  virtual Json View(std::string_view name) const = 0;
};

}  // namespace trajc::templates
