#include "cli/fill_command.h"

#include <memory>
#include <string>

#include "cli/command.h"
#include "llm/fill.h"

namespace trajc::cli {

namespace {

struct FillFlags {
  llm::FillOptions options;
  std::string in_format, out_format;  // "jsonl" | "json" | "" (detected), read once CLI11 is done
};

}  // namespace

void AddFillCommand(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<FillFlags>();
  CLI::App* fill = app.add_subcommand(
      "fill",
      "Fill every empty assistant turn (content \"\" or null, no tool_calls) of a dataset with a model's answer from an "
      "OpenAI-compatible /chat/completions endpoint, given the conversation up to that turn and the record's tools.\n"
      "BASE_URL, API_KEY and MODEL come from the environment, else from --env (default .env). Completions are cached in "
      "SQLite: a re-run, or a run started again after being killed, makes no call twice and writes the same output.");
  fill->add_option("input", f->options.input, "Records: JSONL, or one JSON array (detected from the first byte)")
      ->required()
      ->check(CLI::ExistingFile);
  fill->add_option("--input-format", f->in_format, "jsonl or json [default: detected]")
      ->check(CLI::IsMember({"jsonl", "json"}));
  AddRunOptions(fill, f->options.run, f->out_format, "record");
  fill->add_flag("--skip-existing", f->options.skip_existing,
                 "Leave out records that have no empty assistant turn [default: they are written unchanged]");
  fill->add_flag("--keep-failed", f->options.keep_failed, "Write records whose calls failed, unfilled [default: left out]");
  fill->footer("\nExit codes: 0 every selected record filled or needing nothing; 1 some records failed after retries "
               "(each named on stderr) or invalid input; 2 usage error (missing BASE_URL/API_KEY/MODEL, bad flags).\n");
  fill->callback([f, &exit_code] {
    f->options.input_format = llm::RecordFormatFromName(f->in_format);
    f->options.run.output_format = llm::RecordFormatFromName(f->out_format);
    exit_code = llm::RunFill(f->options);
  });
}

}  // namespace trajc::cli
