// schema/record_validator — checks one dataset record (a conversation) against a subagent
// definition: the structure every trainer relies on and the tools' JSON Schemas.
//
// Used on every example before it is written and by `trajc validate` on any dataset.
// Never throws; returns every violation with the JSON pointer of the offending value.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "schema/subagent.h"

namespace trajc::schema {

struct Violation {
  std::string message;  // "'line_number' is a required property"
  std::string pointer;  // "/messages/3/tool_calls/0/function/arguments"
  // For a tool schema violation (empty for the conversation rules): what was checked
  // ("apply_fix arguments", "run_linter result"), the pointer into that value, and the
  // pointer of the failing keyword in the tool's schema ("/properties/line_number/minimum").
  std::string subject;
  std::string instance_location;
  std::string keyword_location;
};

// Structure: `messages` is a non-empty list; roles are system (first only), user,
// assistant, tool, in conversational order; every assistant tool call has a unique id,
// type "function", a known tool name and `arguments` that is a string holding a JSON
// object; every call except the final submit_result is answered by exactly one tool
// message with its id before the next assistant turn; the last message is an assistant
// turn calling submit_result. Schemas: arguments against `parameters`, tool contents
// against `returns` where declared.
std::vector<Violation> ValidateRecord(const Json& record, const Subagent& agent);

}  // namespace trajc::schema
