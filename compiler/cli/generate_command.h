// cli/generate_command — `trajc [generate] --domain D --count N ...`: the default command.
// Its options belong to the root app, so that `trajc --count 200` works without the
// subcommand; `trajc generate` falls through to them. The flags become a
// compile::GenerateOptions (--split and --shard text read by compile::ParseSplit and
// ParseShard) and compile::RunGenerate does the rest.
#pragma once

namespace CLI {
class App;
}

namespace trajc::cli {

// Adds the generate options to the root `app` and the `generate` subcommand; runs when
// `generate` or no subcommand is given.
void AddGenerateCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
