// cli/fixtures_command — `trajc fixtures show FILE` prints the facts trajc extracts from a
// fixture; `trajc fixtures check` proves that every fixture of a domain is valid UTF-8,
// parses without tree-sitter errors, and meets the expectations its author declared.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace trajc::cli {

struct FixturesOptions {
  std::vector<std::string> files;  // show
  std::string domain;              // empty: inferred from fixtures/<domain>/ in the path, else lint
  std::string root, fixtures;
  bool quiet = false;
  bool json = false;
};

int RunFixturesShow(const FixturesOptions& options);
int RunFixturesCheck(const FixturesOptions& options);

// Registers `trajc fixtures` with its subcommands show and check on `app` (cli/command.h).
void AddFixturesCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
