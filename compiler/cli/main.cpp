// trajc — the trajectory compiler: its commands, and how an error becomes an exit code.
// Each command registers its own options, help and callback (cli/*_command.cpp); the
// callback of the command given runs inside app.parse(). Standard output is an output
// like any file: what a command printed counts only once it is flushed without error
// (a full disk, /dev/full, a closed pipe end is exit 1, naming the cause).
#include <CLI/CLI.hpp>

#include <signal.h>

#include <exception>
#include <iostream>

#include "cli/check_command.h"
#include "cli/command.h"
#include "cli/fix_command.h"
#include "cli/fixtures_command.h"
#include "cli/generate_command.h"
#include "cli/lint_command.h"
#include "cli/schemas_check_command.h"
#include "cli/schemas_validate_command.h"
#include "cli/stats_command.h"
#include "cli/validate_command.h"
#include "core/big_stack.h"
#include "core/diagnostic.h"
#include "core/files.h"
#ifdef TRAJC_WITH_LLM
#include "cli/fill_command.h"
#include "cli/generate_llm_command.h"
#endif

namespace {

int Run(int argc, char** argv) {
  CLI::App app{"trajc " TRAJC_VERSION
               " — compiles tool-calling fine-tuning datasets from tool schemas, trajectory templates and Python "
               "fixtures.\nWithout a subcommand it generates, e.g.: trajc --domain lint --count 200 --split 0.9 --seed 42",
               "trajc"};
  app.footer(trajc::cli::kExitCodes);
  app.set_version_flag("-V,--version", "trajc " TRAJC_VERSION);
  app.require_subcommand(0, 1);

  // In the order `trajc --help` lists them.
  int exit_code = trajc::kExitOk;
  trajc::cli::AddGenerateCommand(app, exit_code);  // the root's options, and `generate`
  trajc::cli::AddValidateCommand(app, exit_code);
  trajc::cli::AddStatsCommand(app, exit_code);
  trajc::cli::AddFixturesCommand(app, exit_code);
  trajc::cli::AddCheckCommand(app, exit_code);
  trajc::cli::AddLintCommand(app, exit_code);
  trajc::cli::AddFixCommand(app, exit_code);
  CLI::App* schemas = app.add_subcommand("schemas", "Validate instances against a JSON Schema; check subagent definitions");
  schemas->require_subcommand(1);
  trajc::cli::AddSchemasValidateCommand(*schemas, exit_code);
  trajc::cli::AddSchemasCheckCommand(*schemas, exit_code);
#ifdef TRAJC_WITH_LLM
  trajc::cli::AddFillCommand(app, exit_code);
  trajc::cli::AddGenerateLlmCommand(app, exit_code);
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << trajc::FormatDiagnostic({"trajc", 0, 0}, "error", std::string(e.what()) + "; see trajc --help") << "\n";
    return trajc::kExitUsage;
  } catch (const trajc::Error& e) {
    std::cerr << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception& e) {
    std::cerr << trajc::FormatDiagnostic({"trajc", 0, 0}, "internal error",
                                         std::string(e.what()) + "; please report it")
              << "\n";
    return trajc::kExitInternal;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  trajc::InstallCheckedStandardOutput();
  // The command runs on a thread with a large stack (core/big_stack.h: deep Python is walked
  // recursively). The main thread blocks the signals that remove temporaries while it waits,
  // so the kernel delivers them to a thread doing the work (the command's, or its --jobs
  // workers, which inherit its mask) and the handler acts at once; the worker unblocks them
  // first thing, and a signal sent in between stays pending until then.
  sigset_t async_signals, before;
  sigemptyset(&async_signals);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&async_signals, sig);
  pthread_sigmask(SIG_BLOCK, &async_signals, &before);
  int exit_code = trajc::kExitInternal;
  trajc::RunOnBigStack([&] {
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
    exit_code = Run(argc, argv);
  });
  pthread_sigmask(SIG_SETMASK, &before, nullptr);
  try {
    trajc::CheckStandardOutput();
  } catch (const trajc::Error& e) {
    std::cerr << e.what() << "\n";
    return exit_code == trajc::kExitOk ? e.exit_code() : exit_code;
  }
  return exit_code;
}
