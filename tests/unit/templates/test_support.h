// A small subagent and vocabulary for template tests, written to a temporary folder.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "schema/subagent.h"
#include "templates/template.h"

namespace test {

inline std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("trajc-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

inline const char* kAgentYaml = R"(name: demo
system_prompt: You count.
context_template: "{{path}}: {{instruction}}"
tools:
  - name: step
    description: Moves the counter.
    parameters:
      type: object
      properties:
        by: {type: integer, minimum: 1}
      required: [by]
      additionalProperties: false
    returns: {type: object, required: [value]}
  - name: submit_result
    description: Ends.
    parameters:
      type: object
      properties:
        summary: {type: string}
        total: {type: integer}
      required: [summary, total]
)";

inline trajc::templates::Vocabulary DemoVocabulary() {
  trajc::templates::Vocabulary v;
  v.node_kinds = {"module"};
  v.facts = {"path", "items", "n"};
  v.views = {"env"};
  return v;
}

}  // namespace test
