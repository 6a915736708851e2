// Fuzz target: the JSON Schema compiler and validator (schema/json_schema), as `trajc
// schemas validate` uses them: the input is a schema, then a NUL byte, then an instance
// (JSON text holds no raw NUL). The schema is checked against its dialect's metaschema,
// compiled with `format` asserting (a superset of the annotation-only path), and the
// instance validated; a keyword that does not compile is located in the schema's text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/json_locate.h"
#include "fuzz_support.h"
#include "schema/json_pointer.h"
#include "schema/json_schema.h"

namespace {

// Where the CLI would point at `pointer`'s value (cli/json_document's LocateInJsonText).
void Locate(std::string_view text, const std::string& pointer) {
  std::vector<std::string> tokens = trajc::schema::ParsePointer(pointer).value_or(std::vector<std::string>{});
  (void)trajc::LocateJsonValue(text, tokens);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace trajc;
  std::string_view text = fuzz::AsText(data, size);
  size_t nul = text.find('\0');
  std::string_view schema_text = text.substr(0, nul);
  std::string_view instance_text = nul == std::string_view::npos ? std::string_view("null") : text.substr(nul + 1);

  Json schema_value, instance;
  try {
    schema_value = Json::parse(schema_text);
    instance = Json::parse(instance_text);
  } catch (const nlohmann::json::exception&) {
    return 0;  // the JSON readers are json_fuzz's
  }
  (void)schema::ValidateAgainstMetaschema(schema_value);
  schema::CompileOptions options;
  options.format_assertion = true;
  try {
    schema::CompiledSchema compiled = schema::CompiledSchema::Compile(schema_value, options);
    for (const schema::ValidationError& e : compiled.Validate(instance))
      Locate(instance_text, e.instance_location);
    (void)compiled.IsValid(instance);
  } catch (const schema::SchemaError& e) {
    Locate(schema_text, e.pointer());
  }
  return 0;
}
