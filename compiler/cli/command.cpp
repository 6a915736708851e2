#include "cli/command.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace trajc::cli {

unsigned DefaultJobs() { return std::clamp(std::thread::hardware_concurrency(), 1u, 256u); }

CLI::Validator IntegerIn(uint64_t min, uint64_t max, const std::string& range) {
  return CLI::Validator(
      [min, max, range](std::string& text) {
        uint64_t value = 0;
        const char* end = text.data() + text.size();
        auto [stop, ec] = std::from_chars(text.data(), end, value);
        bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || ec != std::errc() || stop != end || value < min || value > max)
          return "must be an integer from " + range + ", got " + text;
        return std::string();
      },
      "");  // the option's help gives the range
}

CLI::Validator FiniteNumber() {
  return CLI::Validator(
      [](std::string& text) {
        char* end = nullptr;
        double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(value)) return "must be a finite number, got " + text;
        return std::string();
      },
      "");
}

void AddCodeOptions(CLI::App* cmd, CodeOptions& c, bool with_ignore) {
  cmd->add_option("--select", c.select,
                  "Comma-separated codes or prefixes to report (E2,W291,F401), as flake8's --select [default: every "
                  "supported code except flake8's default extend-ignore E121,E123,E126,E226,E24,E704,W503,W504]");
  if (with_ignore)
    cmd->add_option("--ignore", c.ignore,
                    "Comma-separated codes or prefixes not to report; when a code is both selected and ignored the "
                    "longer prefix wins, as in flake8");
}

CodeSelection ParseCodes(const CLI::App* cmd, const CodeOptions& c) {
  CodeSelection s;
  s.select_given = cmd->count("--select") > 0;
  if (s.select_given) s.select = ParseCodeList("--select", c.select);
  s.ignore_given = cmd->get_option_no_throw("--ignore") != nullptr && cmd->count("--ignore") > 0;
  if (s.ignore_given) s.ignore = ParseCodeList("--ignore", c.ignore);
  return s;
}

#ifdef TRAJC_WITH_LLM
void AddRunOptions(CLI::App* cmd, llm::RunOptions& r, std::string& out_format, const char* records) {
  cmd->add_option("-o,--output", r.output, "Output file, written all at once at the end; a device or FIFO is written directly, a symlink through to its file [default, or -: stdout]");
  cmd->add_option("-f,--output-format", out_format, "jsonl or json")->check(CLI::IsMember({"jsonl", "json"}));
  cmd->add_option("--env", r.env_file, "File with BASE_URL=, API_KEY=, MODEL= lines (the environment wins) [default: .env]")
      ->each([&r](const std::string&) { r.env_file_given = true; });
  cmd->add_flag("--dry-run", r.dry_run, "Print the requests that would be sent (JSONL) and how many; send nothing");
  cmd->add_option("--start", r.start, std::string("First ") + records + " to process (0-based)");
  cmd->add_option("--end", r.end, std::string("Stop before this ") + records + " (0-based, exclusive)");
  cmd->add_option("-i,--index", r.index, std::string("Process only this ") + records + " (0-based)");
  cmd->add_option("-c,--concurrency", r.concurrency, "Requests in flight at once")->capture_default_str();
  cmd->add_option("--rpm", r.rpm, "At most this many requests per minute (0: no limit)")->capture_default_str();
  cmd->add_option("--max-retries", r.retry.max_retries, "Retries per request on 429, 5xx, timeouts and broken answers")
      ->capture_default_str();
  cmd->add_option("--timeout", r.retry.timeout_ms, "Milliseconds one attempt may take")->capture_default_str();
  cmd->add_option("--backoff", r.retry.backoff_ms,
                  "First retry's backoff ceiling in ms; doubles per retry, full jitter, at least Retry-After")
      ->capture_default_str();
  cmd->add_option("--temperature", r.sampling.temperature, "Sampling temperature sent to the endpoint");
  cmd->add_option("--max-tokens", r.sampling.max_tokens, "max_tokens sent to the endpoint");
  cmd->add_option("--seed", r.sampling.seed, "seed sent to the endpoint");
  cmd->add_option("--cache", r.cache_path, "SQLite response cache [default: .trajc-fill-cache.sqlite beside the output]");
  cmd->add_flag("--no-cache", r.no_cache, "Neither read nor write the cache (a killed run then starts over)");
  cmd->add_flag("-v,--verbose", r.verbose, "Progress and statistics on stderr");
  cmd->add_flag("-q,--quiet", r.quiet, "No warnings or summary on stderr");
  cmd->add_flag("--json", r.json, "The summary as one JSON object on stderr");
}
#endif

}  // namespace trajc::cli
