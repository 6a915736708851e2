// schema/definition_check — every problem of a subagent definition file, not just the
// first: what LoadSubagent refuses (as errors), the tools' schemas against their
// metaschema, `required` names missing from `properties`, missing descriptions, and what
// function-calling runtimes (OpenAI strict mode, FunctionGemma) refuse or drop in a tool's
// parameters (as warnings). Used by `trajc schemas check`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "schema/json_schema.h"

namespace trajc::schema {

enum class Severity { kError, kWarning };

struct DefinitionFinding {
  Location where;
  Severity severity = Severity::kError;
  std::string pointer;  // into the YAML document ("" for the file itself)
  std::string message;
};

// Findings of the definition at `path`, sorted by position; schemas are checked against
// the metaschema of their dialect (2020-12 when they name none). Never throws for bad input:
// an unreadable or malformed file is one error finding.
std::vector<DefinitionFinding> CheckDefinition(const std::string& path);

}  // namespace trajc::schema
