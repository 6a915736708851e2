#include "cli/generate_llm_command.h"

#include <memory>
#include <string>

#include "cli/command.h"
#include "llm/generate_llm.h"

namespace trajc::cli {

namespace {

struct GenerateLlmFlags {
  llm::GenerateLlmOptions options;
  std::string in_format, out_format;  // "jsonl" | "json" | "" (detected), read once CLI11 is done
  std::string system, user;           // template texts, used only when given
};

}  // namespace

void AddGenerateLlmCommand(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<GenerateLlmFlags>();
  llm::GenerateLlmOptions& g = f->options;
  CLI::App* cmd = app.add_subcommand(
      "generate-llm",
      "Prompt-template generation: each input record (a JSON object, e.g. a spec) fills the {{placeholders}} of the "
      "system and user templates ({{field}}, {{a.b}}, {{input}}, {{index}}, {{sample}}), and --samples requests are "
      "made of it; each answer is written as {\"index\", \"sample\", \"input\", \"messages\"} (+ \"output\", the "
      "parsed JSON, with --enforce-json). Same endpoint configuration, cache, resume and retries as fill.");
  cmd->add_option("inputs", g.inputs, "Input records: JSONL, or one JSON array")->required()->check(CLI::ExistingFile);
  cmd->add_option("--input-format", f->in_format, "jsonl or json [default: detected]")
      ->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--system-template", g.system_file, "File with the system prompt template")->check(CLI::ExistingFile);
  cmd->add_option("--user-template", g.user_file, "File with the user prompt template")->check(CLI::ExistingFile);
  cmd->add_option("--system", f->system, "System prompt template text (instead of --system-template)");
  cmd->add_option("--user", f->user, "User prompt template text (instead of --user-template)");
  cmd->add_option("-n,--samples", g.samples, "Requests per input")->capture_default_str();
  cmd->add_flag("--enforce-json", g.enforce_json,
                "Ask for JSON (response_format json_object); an answer that is not JSON is asked for again, then fails");
  cmd->add_option("--output-schema", g.output_schema, "JSON Schema (a JSON file) every answer must meet; implies --enforce-json")
      ->check(CLI::ExistingFile);
  AddRunOptions(cmd, g.run, f->out_format, "input");
  cmd->footer("\nExit codes: 0 every sample written; 1 some samples failed after retries (each named on stderr) or invalid "
              "input; 2 usage error (missing BASE_URL/API_KEY/MODEL, no user template, bad flags).\n");
  cmd->callback([cmd, f, &exit_code] {
    llm::GenerateLlmOptions& o = f->options;
    o.input_format = llm::RecordFormatFromName(f->in_format);
    o.run.output_format = llm::RecordFormatFromName(f->out_format);
    // An empty --system or --user is still a template given (it overrides the file).
    if (cmd->count("--system") > 0) o.system_text = f->system;
    if (cmd->count("--user") > 0) o.user_text = f->user;
    exit_code = llm::RunGenerateLlm(o);
  });
}

}  // namespace trajc::cli
