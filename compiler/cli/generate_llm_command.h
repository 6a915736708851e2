// cli/generate_llm_command — `trajc generate-llm INPUTS`: the LLM module's prompt-template
// generation (llm/generate_llm.h) on the command line. Built only with the LLM module
// (TRAJC_WITH_LLM).
#pragma once

namespace CLI {
class App;
}

namespace trajc::cli {

// Registers `trajc generate-llm` on `app`: options, help and the callback that runs it (cli/command.h).
void AddGenerateLlmCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
