// schema/subagent — a subagent definition (tool_schemas/<domain>.yaml): the system prompt,
// how the user turn renders a fixture node, and the tools with their JSON Schemas,
// compiled once and shared by every example.
//
// LoadSubagent throws trajc::Error located in the YAML file for anything it cannot use:
// missing or mistyped fields, unknown fields (usually typos), a tool name that is not a
// valid function name, duplicate tools, a schema that does not compile, and a definition
// without the `submit_result` tool every conversation must end with.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/json.h"
#include "schema/json_schema.h"

namespace trajc::schema {

inline constexpr std::string_view kSubmitTool = "submit_result";

struct Tool {
  std::string name;
  std::string description;
  Json parameters;                // the schema as written, for record-level `tools`
  std::optional<Json> returns;    // schema of the tool result, when declared
  std::shared_ptr<const CompiledSchema> parameters_schema;
  std::shared_ptr<const CompiledSchema> returns_schema;  // null when `returns` is absent
  Location returns_at;  // where `returns` is written, for a result that does not fit it
};

struct Subagent {
  std::string path;
  std::string name;
  std::string system_prompt;
  std::string context_template;
  // Where context_template's value starts, and each of its `{{…}}` placeholders as written
  // with where it is in the file (the value's start when it cannot be found verbatim), so
  // that a name the domain does not provide is reported where it is written.
  Location context_template_at;
  std::vector<std::pair<std::string, Location>> context_placeholders;
  std::vector<Tool> tools;

  const Tool* FindTool(std::string_view tool_name) const;
};

Subagent LoadSubagent(const std::string& path);

}  // namespace trajc::schema
