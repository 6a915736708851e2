// cli/schemas_check_command — `trajc schemas check [PATH…]`: every problem of subagent
// definitions (tool_schemas/*.yaml by default) and their tools' schemas, as
// `path:line:col: error|warning: message` lines sorted by file and position, or one JSON
// report. Exit 0 when there is no error (warnings allowed unless --strict), 1 otherwise.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace trajc::cli {

struct SchemasCheckOptions {
  std::vector<std::string> paths;  // files, or folders whose *.yaml files are checked
  std::string root;
  bool strict = false;
  bool json = false;
  bool quiet = false;
};

int RunSchemasCheck(const SchemasCheckOptions& options);

// Registers `trajc schemas check` on the `schemas` command group (cli/command.h).
void AddSchemasCheckCommand(CLI::App& schemas, int& exit_code);

}  // namespace trajc::cli
