// cli/check_command — `trajc check manifest.json`: proves a dataset is still what its
// inputs compile to. It recompiles from the flags the manifest recorded, compares the
// bytes with the files beside the manifest (or, when they are gone, with the hashes it
// recorded), and on a difference names the first differing example and the inputs whose
// hashes changed since — the why.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace trajc::cli {

struct CheckOptions {
  std::string manifest;
  std::string root;  // as for generate: --root, $TRAJC_ROOT, ., installed data
  std::string fixtures;  // as for generate: a tree outside the root (a held-out run's)
  unsigned jobs = 1;
  bool quiet = false;
  bool json = false;
};

// 0 when the dataset reproduces byte for byte, 1 when it does not (or its manifest is
// unusable: a located error).
int RunCheck(const CheckOptions& options);

// Registers `trajc check` on `app`: options, help and the callback that runs it (cli/command.h).
void AddCheckCommand(CLI::App& app, int& exit_code);

}  // namespace trajc::cli
