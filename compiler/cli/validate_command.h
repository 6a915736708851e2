// cli/validate_command — `trajc validate FILE.jsonl…`: checks any dataset (ours, hand-written or
// another tool's) against a subagent definition. Every violation is printed as
// `FILE:LINE: error: message (at /json/pointer)`, a tool schema violation as
// `FILE:LINE: error: TOOL arguments|result: /pointer/in/it: message [schema: /keyword/pointer]
// (at /json/pointer)`; exit 1 if any, else 0 and a summary.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace trajc::cli {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string domain = "lint";
  std::string schemas;  // overrides the domain's definition
  std::string root;
  bool quiet = false;
  bool json = false;
};

int RunValidate(const ValidateOptions& options);

// Registers `trajc validate` on `app`: options, help and the callback that runs it (cli/command.h).
void AddValidateCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
