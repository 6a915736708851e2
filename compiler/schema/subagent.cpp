#include "schema/subagent.h"

#include <algorithm>
#include <regex>
#include <set>

#include "core/files.h"
#include "core/yaml.h"

namespace trajc::schema {

namespace {

const Json& Require(const YamlDocument& doc, const Json& object, const std::string& pointer,
                    const char* key, Json::value_t type, const char* type_name) {
  if (!object.contains(key))
    throw doc.ErrorAt(pointer, std::string("missing required field '") + key + "'");
  const Json& value = object[key];
  bool ok = value.type() == type ||
            (type == Json::value_t::number_integer && value.is_number_unsigned());
  if (!ok)
    throw doc.ErrorAt(pointer + "/" + key, std::string("'") + key + "' must be " + type_name);
  return value;
}

void RejectUnknown(const YamlDocument& doc, const Json& object, const std::string& pointer,
                   std::initializer_list<const char*> known) {
  for (const auto& [key, value] : object.items()) {
    bool found = false;
    for (const char* k : known) found = found || key == k;
    if (!found) {
      std::string list;
      for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
      throw Error(doc.Locate(pointer + "/" + EscapePointerToken(key) + "#key"),
                  "unknown field '" + key + "'; expected one of: " + list);
    }
  }
}

std::shared_ptr<const CompiledSchema> CompileAt(const YamlDocument& doc, const Json& schema,
                                                const std::string& pointer) {
  try {
    return std::make_shared<const CompiledSchema>(CompiledSchema::Compile(schema));
  } catch (const SchemaError& e) {
    // Name the keyword: the location points at its value, the message says what is wrong.
    std::string keyword = e.pointer().substr(e.pointer().rfind('/') + 1);
    throw doc.ErrorAt(pointer + e.pointer(),
                      "invalid JSON Schema: " + (keyword.empty() ? e.message() : "'" + keyword + "' " + e.message()));
  }
}

// Finds each `{{…}}` of the context template in the file's text, in order, from where the
// value starts. A placeholder written differently (a line folded inside it, an escape) is
// located at the value's start.
void LocatePlaceholders(Subagent& agent, const std::string& text) {
  size_t cursor = 0;
  for (int line = 1; line < agent.context_template_at.line && cursor != std::string::npos; ++line) {
    cursor = text.find('\n', cursor);
    if (cursor != std::string::npos) ++cursor;
  }
  if (cursor == std::string::npos) cursor = text.size();
  cursor = std::min(text.size(), cursor + static_cast<size_t>(std::max(agent.context_template_at.column - 1, 0)));
  const std::string& t = agent.context_template;
  for (size_t open = t.find("{{"); open != std::string::npos; open = t.find("{{", open + 2)) {
    size_t close = t.find("}}", open + 2);
    if (close == std::string::npos) break;
    std::string placeholder = t.substr(open, close + 2 - open);
    size_t found = text.find(placeholder, cursor);
    if (found == std::string::npos) {
      agent.context_placeholders.emplace_back(placeholder, agent.context_template_at);
    } else {
      agent.context_placeholders.emplace_back(placeholder, LocationOfOffset(agent.path, text, found));
      cursor = found + placeholder.size();
    }
    open = close;
  }
}

}  // namespace

const Tool* Subagent::FindTool(std::string_view tool_name) const {
  for (const Tool& t : tools)
    if (t.name == tool_name) return &t;
  return nullptr;
}

Subagent LoadSubagent(const std::string& path) {
  std::string text = ReadFile(path);
  YamlDocument doc = ParseYaml(path, text);
  const Json& root = doc.value;
  if (!root.is_object())
    throw doc.ErrorAt("", doc.empty ? "empty file; a subagent definition is a mapping with name, system_prompt, "
                                      "context_template and tools"
                                    : "a subagent definition must be a mapping");
  RejectUnknown(doc, root, "", {"name", "system_prompt", "context_template", "tools"});

  Subagent agent;
  agent.path = path;
  agent.name = Require(doc, root, "", "name", Json::value_t::string, "a string").get<std::string>();
  agent.system_prompt =
      Require(doc, root, "", "system_prompt", Json::value_t::string, "a string").get<std::string>();
  agent.context_template =
      Require(doc, root, "", "context_template", Json::value_t::string, "a string").get<std::string>();
  agent.context_template_at = doc.Locate("/context_template");
  LocatePlaceholders(agent, text);
  const Json& tools = Require(doc, root, "", "tools", Json::value_t::array, "a list of tools");
  if (tools.empty()) throw doc.ErrorAt("/tools", "'tools' must list at least one tool");

  // OpenAI and FunctionGemma accept function names of this form.
  static const std::regex kName("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  std::set<std::string> seen;
  for (size_t i = 0; i < tools.size(); ++i) {
    std::string at = "/tools/" + std::to_string(i);
    const Json& t = tools[i];
    if (!t.is_object()) throw doc.ErrorAt(at, "a tool must be a mapping with name, description, parameters");
    RejectUnknown(doc, t, at, {"name", "description", "parameters", "returns"});
    Tool tool;
    tool.name = Require(doc, t, at, "name", Json::value_t::string, "a string").get<std::string>();
    if (!std::regex_match(tool.name, kName))
      throw doc.ErrorAt(at + "/name", "tool name '" + tool.name +
                                          "' is not a valid function name (letters, digits, _ and -, at most 64)");
    if (!seen.insert(tool.name).second)
      throw doc.ErrorAt(at + "/name", "duplicate tool '" + tool.name + "'");
    tool.description =
        Require(doc, t, at, "description", Json::value_t::string, "a string").get<std::string>();
    tool.parameters = Require(doc, t, at, "parameters", Json::value_t::object, "a JSON Schema object");
    if (tool.parameters.value("type", Json()) != "object")
      throw doc.ErrorAt(at + "/parameters", "tool parameters must be a schema of \"type\": \"object\"");
    tool.parameters_schema = CompileAt(doc, tool.parameters, at + "/parameters");
    if (t.contains("returns")) {
      tool.returns = t["returns"];
      tool.returns_schema = CompileAt(doc, *tool.returns, at + "/returns");
      tool.returns_at = doc.Locate(at + "/returns");
    }
    agent.tools.push_back(std::move(tool));
  }
  if (agent.FindTool(kSubmitTool) == nullptr)
    throw doc.ErrorAt("/tools", "no '" + std::string(kSubmitTool) +
                                    "' tool; every conversation ends with a submit_result call");
  return agent;
}

}  // namespace trajc::schema
