#include "schema/definition_check.h"

#include <algorithm>
#include <regex>
#include <set>
#include <tuple>

#include "core/yaml.h"
#include "schema/runtime_compat.h"
#include "schema/subagent.h"

namespace trajc::schema {

namespace {

class Checker {
 public:
  explicit Checker(const YamlDocument& doc) : doc_(doc) {}

  void Definition() {
    const Json& root = doc_.value;
    if (!root.is_object())
      return Error("", doc_.empty ? "empty file; a subagent definition is a mapping with name, system_prompt, "
                                    "context_template and tools"
                                  : "a subagent definition must be a mapping");
    Unknown(root, "", {"name", "system_prompt", "context_template", "tools"});
    for (const char* key : {"name", "system_prompt", "context_template"}) String(root, "", key);
    if (!root.contains("tools")) return Error("", "missing required field 'tools'");
    const Json& tools = root["tools"];
    if (!tools.is_array()) return Error("/tools", "'tools' must be a list of tools");
    if (tools.empty()) return Error("/tools", "'tools' must list at least one tool");
    bool has_submit = false;
    for (size_t i = 0; i < tools.size(); ++i) {
      Tool(tools[i], "/tools/" + std::to_string(i));
      has_submit = has_submit || (tools[i].is_object() && tools[i].value("name", Json()) == kSubmitTool);
    }
    if (!has_submit)
      Error("/tools", "no '" + std::string(kSubmitTool) + "' tool; every conversation ends with a submit_result call");
  }

  std::vector<DefinitionFinding> Take() { return std::move(findings_); }

 private:
  void Add(Severity severity, const std::string& pointer, std::string message) {
    findings_.push_back({doc_.Locate(pointer), severity, pointer, std::move(message)});
  }
  void Error(const std::string& pointer, std::string message) { Add(Severity::kError, pointer, std::move(message)); }
  void Warning(const std::string& pointer, std::string message) { Add(Severity::kWarning, pointer, std::move(message)); }

  void Unknown(const Json& object, const std::string& at, std::initializer_list<const char*> known) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda.
    for (const auto& item : object.items()) {
      const std::string& key = item.key();
      if (std::any_of(known.begin(), known.end(), [&](const char* k) { return key == k; })) continue;
      std::string list;
      for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
      Error(at + "/" + EscapePointerToken(key) + "#key", "unknown field '" + key + "'; expected one of: " + list);
    }
  }

  // A required, non-empty string field; the value or nullptr.
  const Json* String(const Json& object, const std::string& at, const char* key) {
    if (!object.contains(key)) {
      Error(at, std::string("missing required field '") + key + "'");
      return nullptr;
    }
    const Json& value = object[key];
    if (!value.is_string()) {
      Error(at + "/" + key, std::string("'") + key + "' must be a string");
      return nullptr;
    }
    if (value.get<std::string>().find_first_not_of(" \t\n") == std::string::npos)
      Error(at + "/" + key, std::string("'") + key + "' is empty");
    return &value;
  }

  void Tool(const Json& tool, const std::string& at) {
    if (!tool.is_object()) return Error(at, "a tool must be a mapping with name, description, parameters");
    Unknown(tool, at, {"name", "description", "parameters", "returns"});
    if (const Json* name = String(tool, at, "name")) {
      // OpenAI and FunctionGemma accept function names of this form (as LoadSubagent).
      static const std::regex kName("[A-Za-z_][A-Za-z0-9_-]{0,63}");
      std::string text = name->get<std::string>();
      if (!std::regex_match(text, kName))
        Error(at + "/name", "tool name '" + text + "' is not a valid function name (letters, digits, _ and -, at most 64)");
      else if (!names_.insert(text).second)
        Error(at + "/name", "duplicate tool '" + text + "'");
    }
    String(tool, at, "description");
    if (!tool.contains("parameters")) {
      Error(at, "missing required field 'parameters'");
    } else if (!tool["parameters"].is_object()) {
      Error(at + "/parameters", "'parameters' must be a JSON Schema object");
    } else {
      const Json& parameters = tool["parameters"];
      std::string p = at + "/parameters";
      if (parameters.value("type", Json()) != "object")
        Error(p, "tool parameters must be a schema of \"type\": \"object\"");
      Schema(parameters, p);
      PropertyDescriptions(parameters, p);
      for (const CompatIssue& issue : OpenAiStrictIssues(parameters)) Warning(Join(p, issue.pointer), issue.message);
      for (const CompatIssue& issue : FunctionGemmaIssues(parameters)) Warning(Join(p, issue.pointer), issue.message);
    }
    if (tool.contains("returns")) Schema(tool["returns"], at + "/returns");
  }

  // `pointer` may end in "#key", which stays at the end.
  static std::string Join(const std::string& base, const std::string& pointer) { return base + pointer; }

  // Valid against the metaschema, compiles, and every `required` name is declared.
  void Schema(const Json& schema, const std::string& at) {
    std::set<std::string> reported;  // instance locations the metaschema already complained about
    for (const ValidationError& e : ValidateAgainstMetaschema(schema)) {
      reported.insert(e.instance_location);
      Error(at + e.instance_location, "not a valid JSON Schema: " + e.message + " [metaschema: " +
                                          (e.keyword_location.empty() ? "(root)" : e.keyword_location) + "]");
    }
    // Compiling finds what no metaschema can (a bad regex, a $ref that resolves nowhere);
    // a keyword the metaschema already rejected is not reported twice.
    try {
      CompiledSchema::Compile(schema);
    } catch (const SchemaError& e) {
      std::string keyword = e.pointer().substr(e.pointer().rfind('/') + 1);
      if (!reported.count(e.pointer()))
        Error(at + e.pointer(),
              "invalid JSON Schema: " + (keyword.empty() ? e.message() : "'" + keyword + "' " + e.message()));
    }
    RequiredDeclared(schema, at);
  }

  // `required` names must be in `properties` of the same schema, or, for a schema applied
  // in place (allOf/anyOf/oneOf/…), of the object schema it belongs to.
  void RequiredDeclared(const Json& schema, const std::string& at) {
    std::vector<Subschema> all = Subschemas(schema, at);
    std::vector<std::set<std::string>> declared(all.size());  // names each subschema may require
    for (size_t i = 0; i < all.size(); ++i) {
      const Subschema& s = all[i];
      if (s.in_place && s.parent != std::string::npos) declared[i] = declared[s.parent];
      if (!s.schema->is_object()) continue;
      const Json& node = *s.schema;
      const Json properties = node.value("properties", Json::object());
      if (properties.is_object())
        for (const auto& [name, sub] : properties.items()) declared[i].insert(name);
      if (node.contains("patternProperties")) continue;  // names may be declared by pattern
      const Json required = node.value("required", Json());
      if (!required.is_array()) continue;
      for (size_t r = 0; r < required.size(); ++r) {
        if (!required[r].is_string() || declared[i].count(required[r].get<std::string>())) continue;
        Error(s.pointer + "/required/" + std::to_string(r),
              "'" + required[r].get<std::string>() + "' is required but not declared in properties");
      }
    }
  }

  void PropertyDescriptions(const Json& parameters, const std::string& at) {
    for (const Subschema& s : Subschemas(parameters, at)) {
      if (!s.schema->is_object() || !s.schema->contains("properties")) continue;
      const Json& properties = (*s.schema)["properties"];
      if (!properties.is_object()) continue;
      for (const auto& [name, sub] : properties.items()) {
        if (!sub.is_object() || sub.contains("$ref")) continue;  // a $ref target carries its own description
        const Json description = sub.value("description", Json());
        if (!description.is_string() || description.get<std::string>().find_first_not_of(" \t\n") == std::string::npos)
          Warning(s.pointer + "/properties/" + EscapePointerToken(name) + "#key",
                  "parameter '" + name + "' has no description; the model sees only its name");
      }
    }
  }

  const YamlDocument& doc_;
  std::set<std::string> names_;
  std::vector<DefinitionFinding> findings_;
};

}  // namespace

std::vector<DefinitionFinding> CheckDefinition(const std::string& path) {
  std::vector<DefinitionFinding> findings;
  YamlDocument doc;
  try {
    doc = LoadYaml(path);
  } catch (const trajc::Error& e) {
    return {{e.where(), Severity::kError, "", e.message()}};
  }
  Checker checker(doc);
  checker.Definition();
  findings = checker.Take();
  // LoadSubagent is what generate and validate use: whatever it refuses must be an error here too.
  bool has_error = std::any_of(findings.begin(), findings.end(),
                               [](const DefinitionFinding& f) { return f.severity == Severity::kError; });
  if (!has_error) {
    try {
      LoadSubagent(path);
    } catch (const trajc::Error& e) {
      findings.push_back({e.where(), Severity::kError, "", e.message()});
    }
  }
  std::stable_sort(findings.begin(), findings.end(), [](const DefinitionFinding& a, const DefinitionFinding& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  return findings;
}

}  // namespace trajc::schema
