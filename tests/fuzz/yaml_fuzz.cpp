// Fuzz target: the YAML loader (core/yaml), which reads every subagent definition,
// template and `expect.yaml`. Any bytes give a document or a located trajc::Error.
#include <cstddef>
#include <cstdint>

#include "core/json.h"
#include "core/yaml.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = trajc::fuzz::AsText(data, size);
  try {
    trajc::YamlDocument doc = trajc::ParseYaml("fuzz.yaml", std::string(text));
    // Later checks locate problems by pointer, below values that exist and not.
    for (const auto& [pointer, where] : doc.locations) {
      if (where.line < 1 || where.column < 1) trajc::fuzz::Finding("value without a location: " + pointer);
      (void)doc.Locate(pointer + "/missing");
    }
    (void)trajc::Dump(doc.value);
  } catch (const trajc::Error& e) {
    trajc::fuzz::CheckLocated(e, "fuzz.yaml", text);
  }
  return 0;
}
