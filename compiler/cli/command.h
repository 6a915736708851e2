// cli/command — what the subcommand files share. The CLI is the only part of trajc that
// includes CLI11: each cli/*_command.cpp registers its subcommand (options, help, footer)
// with an Add*Command(CLI::App&, int& exit_code) function and binds a callback that runs
// it. CLI11 calls that callback at the end of App::parse, after every option was read and
// checked, so a usage error is reported before anything runs; the callback writes the
// command's exit code to `exit_code`, which main() returns. Errors are thrown, not
// printed: main() maps trajc::Error to its message and exit code, anything else to an
// internal error (kExitInternal).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "cli/lint_inputs.h"
#ifdef TRAJC_WITH_LLM
#include "llm/run_options.h"
#endif

namespace trajc::cli {

// The footer of the commands whose exit codes are the common ones.
inline constexpr const char* kExitCodes =
    "\nExit codes: 0 success; 1 invalid input (a located error is printed) or violations found;\n"
    "2 usage error (unknown or impossible flags); 70 internal error (a bug in trajc: please report it).\n";

// The default of --jobs: the number of cores (1 when unknown), at most 256.
unsigned DefaultJobs();

// The check of an integer option, on its text before CLI11 converts it: decimal digits
// naming a value from `min` to `max` (`range` says so in words), else "must be an
// integer from RANGE, got TEXT". CLI11 itself would clamp 2^64 to 2^64-1, read 1e30 as a
// double cast to an integer, and -1 into an unsigned as 2^64-1.
CLI::Validator IntegerIn(uint64_t min, uint64_t max, const std::string& range);

// The check of a number option: finite (CLI::Range lets NaN through, every comparison
// with it being false).
CLI::Validator FiniteNumber();

// The --select/--ignore options `lint` and `fix` share, as given; ParseCodes reads them
// once CLI11 is done (a malformed list is a usage trajc::Error).
struct CodeOptions {
  std::string select, ignore;
};
void AddCodeOptions(CLI::App* cmd, CodeOptions& codes, bool with_ignore);
CodeSelection ParseCodes(const CLI::App* cmd, const CodeOptions& codes);

#ifdef TRAJC_WITH_LLM
// The options `fill` and `generate-llm` share; `records` names what they process
// ("record", "input") in the help.
void AddRunOptions(CLI::App* cmd, llm::RunOptions& run, std::string& out_format, const char* records);
#endif

}  // namespace trajc::cli
