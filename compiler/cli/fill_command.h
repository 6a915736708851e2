// cli/fill_command — `trajc fill RECORDS`: the LLM module's fill (llm/fill.h) on the command
// line. Built only with the LLM module (TRAJC_WITH_LLM).
#pragma once

namespace CLI {
class App;
}

namespace trajc::cli {

// Registers `trajc fill` on `app`: options, help and the callback that runs it (cli/command.h).
void AddFillCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
