// cli/schemas_validate_command — `trajc schemas validate SCHEMA INSTANCE…`: validates JSON
// (or YAML) instances against a JSON Schema with trajc's validator, compiled once.
//
// Each violation is one line on stdout:
//   PATH:LINE:COL: error: INSTANCE_POINTER: MESSAGE [schema: KEYWORD_POINTER]
// located at the failing value (with --jsonl LINE is the instance's line). --json prints
// one object per instance instead: {"file", "line" (with --jsonl), "valid", "errors":
// [{"instance_location", "keyword_location", "message"}]}. With --jsonl the file is
// streamed line by line: memory does not grow with the number of lines. An unreadable,
// non-UTF-8 or malformed schema or instance, or a schema that does not compile, is one
// located error on stderr. Exit 0 when every instance is valid, 1 otherwise, 2 for usage.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace trajc::cli {

struct SchemasValidateOptions {
  std::string schema;
  std::vector<std::string> instances;  // "-" is standard input
  std::string draft = "2020-12";       // dialect of a schema without $schema
  std::vector<std::string> remotes;    // URI=FILE documents a $ref may reach
  bool jsonl = false;
  bool json = false;
  bool quiet = false;
  bool format_assertion = false;
};

int RunSchemasValidate(const SchemasValidateOptions& options);

// Registers `trajc schemas validate` on the `schemas` command group (cli/command.h).
void AddSchemasValidateCommand(CLI::App& schemas, int& exit_code);

}  // namespace trajc::cli
