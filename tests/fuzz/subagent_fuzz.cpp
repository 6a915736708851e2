// Fuzz target: the subagent definition loader (schema/subagent), as `trajc schemas check`,
// `--schemas` and every domain's tool_schemas/<domain>.yaml reach it: YAML, then fields,
// tool names and the tools' JSON Schemas compiled. It reads a path, so the input goes
// through a scratch file.
#include <cstddef>
#include <cstdint>

#include "core/json.h"
#include "fuzz_support.h"
#include "schema/subagent.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = trajc::fuzz::AsText(data, size);
  std::string path = trajc::fuzz::ScratchFile("agent.yaml", text);
  try {
    trajc::schema::Subagent agent = trajc::schema::LoadSubagent(path);
    // The compiled schemas then check every generated call: give each one instance.
    for (const trajc::schema::Tool& tool : agent.tools) {
      (void)tool.parameters_schema->Validate(trajc::Json::object());
      if (tool.returns_schema) (void)tool.returns_schema->Validate(trajc::Json::object());
    }
  } catch (const trajc::Error& e) {
    trajc::fuzz::CheckLocated(e, path, text);
  }
  return 0;
}
