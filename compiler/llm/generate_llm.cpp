#include "llm/generate_llm.h"

#include <chrono>
#include <iostream>

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/prng.h"
#include "llm/batch.h"
#include "schema/json_schema.h"
#include "templates/expression.h"

namespace trajc::llm {

namespace {

struct PromptTemplate {
  std::string path;  // where it came from ("--system" for a flag)
  std::string text;
};

// A template read from a file unless a flag gave its text; placeholders checked now, so
// that a typo is one located error before any request.
PromptTemplate LoadTemplate(const std::string& file, const std::optional<std::string>& text, const char* flag) {
  PromptTemplate t;
  if (text) {
    t.path = flag;
    t.text = *text;
  } else if (!file.empty()) {
    t.path = file;
    t.text = ReadFile(file);
  }
  std::vector<templates::Piece> pieces;
  bool whole = false;
  if (auto error = templates::SplitTemplateString(t.text, pieces, whole)) throw Error({t.path, 0, 0}, "bad template: " + *error);
  return t;
}

std::string Render(const PromptTemplate& t, const Json& input, size_t index, int sample) {
  Json rendered = templates::RenderString(t.text, [&](const std::string& root) -> std::optional<Json> {
    if (root == "input") return input;
    if (root == "index") return Json(index);
    if (root == "sample") return Json(sample);
    if (input.is_object() && input.contains(root)) return input[root];
    return std::nullopt;
  });
  return rendered.is_string() ? rendered.get<std::string>() : Dump(rendered);
}

struct Sample {
  bool ok = false;
  bool cached = false;
  int calls = 0;
  Json record;
  std::string error;
  std::string dry_request;
  int64_t prompt_tokens = 0, completion_tokens = 0;
};

struct Outcome {
  std::string invalid;  // why the input cannot be used
  std::vector<Sample> samples;
};

struct Totals {
  size_t inputs = 0, invalid = 0, written = 0, failed = 0;
  int64_t cached = 0, calls = 0, prompt_tokens = 0, completion_tokens = 0, dry_calls = 0, dry_chars = 0;
};

}  // namespace

int RunGenerateLlm(const GenerateLlmOptions& o) {
  auto [first, last] = SelectedRange(o.run);
  if (o.samples < 1 || o.samples > 1000) throw Error({"trajc", 0, 0}, "--samples must be between 1 and 1000", kExitUsage);
  PromptTemplate system = LoadTemplate(o.system_file, o.system_text, "--system");
  PromptTemplate user = LoadTemplate(o.user_file, o.user_text, "--user");
  if (user.text.empty()) throw Error({"trajc", 0, 0}, "a user template is needed: --user-template FILE or --user TEXT", kExitUsage);
  std::optional<schema::CompiledSchema> output_schema;
  if (!o.output_schema.empty()) {
    std::string text = ReadFile(o.output_schema);
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) throw Error({o.output_schema, 0, 0}, "not JSON: --output-schema takes a JSON Schema in JSON");
    try {
      output_schema = schema::CompiledSchema::Compile(j);
    } catch (const schema::SchemaError& e) {
      throw Error({o.output_schema, 0, 0}, "invalid JSON Schema: " + e.message() + " (at " + e.pointer() + ")");
    }
  }
  bool want_json = o.enforce_json || output_schema.has_value();
  LlmConfig config = LoadLlmConfig(o.run.env_file, o.run.env_file_given);
  RecordReader reader(o.inputs, o.input_format);
  std::unique_ptr<ResponseCache> cache = OpenCache(o.run);
  RateLimiter limiter(o.run.rpm);
  CallContext ctx{&config, cache.get(), &limiter, o.run.retry};
  OutputSink sink(o.run.output, o.run.output_format.value_or(RecordFormat::kJsonl), o.run.dry_run);
  Sampling sampling = o.run.sampling;
  if (want_json) sampling.response_format = {{"type", "json_object"}};

  AcceptAnswer accept = nullptr;
  if (want_json) {
    accept = [&](const std::string& content) -> std::string {
      Json j = Json::parse(content, nullptr, false);
      if (j.is_discarded()) return "the answer is not JSON";
      if (output_schema) {
        std::vector<schema::ValidationError> errors = output_schema->Validate(j);
        if (!errors.empty())
          return "the answer fails --output-schema: " + errors[0].message + " (at " +
                 (errors[0].instance_location.empty() ? "/" : errors[0].instance_location) + ")";
      }
      return "";
    };
  }

  auto process = [&](const RawRecord& raw, HttpClient& http) {
    Outcome out;
    Json input = Json::parse(raw.text, nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
      out.invalid = "an input is a JSON object";
      return out;
    }
    for (int k = 0; k < o.samples; ++k) {
      Sample s;
      Json messages = Json::array();
      try {
        if (!system.text.empty()) messages.push_back({{"role", "system"}, {"content", Render(system, input, raw.index, k)}});
        messages.push_back({{"role", "user"}, {"content", Render(user, input, raw.index, k)}});
      } catch (const std::exception& e) {
        out.invalid = std::string("cannot fill the templates: ") + e.what();
        out.samples.clear();
        return out;
      }
      Sampling per_sample = sampling;
      if (sampling.seed) per_sample.seed = *sampling.seed + k;
      Json body = ChatRequestBody(config, messages, Json(), per_sample);
      CachedAnswer c = CompleteCached(ctx, http, body, "#sample=" + std::to_string(k), DeriveSeed(raw.index, static_cast<uint64_t>(k)),
                                      o.run.dry_run, accept);
      if (c.dry) {
        s.dry_request = Dump(Json{{"index", raw.index}, {"sample", k}, {"request", body}});
        out.samples.push_back(std::move(s));
        continue;
      }
      s.cached = c.cached;
      s.calls = c.cached ? 0 : c.answer.attempts;
      s.prompt_tokens = c.answer.prompt_tokens;
      s.completion_tokens = c.answer.completion_tokens;
      if (!c.answer.ok) {
        s.error = c.answer.error + " (after " + std::to_string(c.answer.attempts) + " attempts)";
      } else {
        s.ok = true;
        messages.push_back({{"role", "assistant"}, {"content", c.answer.content}});
        s.record = {{"index", raw.index}, {"sample", k}, {"input", input}, {"messages", messages}};
        if (want_json) s.record["output"] = Json::parse(c.answer.content);
      }
      out.samples.push_back(std::move(s));
    }
    return out;
  };

  Totals t;
  auto started = std::chrono::steady_clock::now();
  auto emit = [&](const RawRecord& in, Outcome& r) {
    ++t.inputs;
    if (!r.invalid.empty()) {
      ++t.invalid;
      if (!o.run.quiet)
        std::cerr << FormatDiagnostic({o.inputs, in.line, in.column}, "warning",
                                      "input " + std::to_string(in.index) + " skipped: " + r.invalid)
                  << "\n";
      return;
    }
    for (size_t k = 0; k < r.samples.size(); ++k) {
      Sample& s = r.samples[k];
      t.cached += s.cached;
      t.calls += s.calls;
      t.prompt_tokens += s.prompt_tokens;
      t.completion_tokens += s.completion_tokens;
      if (!s.dry_request.empty()) {
        std::cout << s.dry_request << "\n";
        ++t.dry_calls;
        t.dry_chars += static_cast<int64_t>(s.dry_request.size());
      } else if (s.ok) {
        ++t.written;
        sink.Write(s.record);
      } else {
        ++t.failed;
        if (!o.run.quiet)
          std::cerr << FormatDiagnostic({o.inputs, in.line, in.column}, "error",
                                        "input " + std::to_string(in.index) + " sample " + std::to_string(k) + " failed: " + s.error)
                    << "\n";
      }
    }
  };
  auto window_done = [&] {
    if (o.run.verbose && !o.run.quiet)
      std::cerr << "trajc generate-llm: " << t.inputs << " inputs done, " << t.written << " records, " << t.failed << " failed\n";
    sink.Flush();
  };
  ProcessInOrder<Outcome>(reader, first, last, o.run.concurrency, process, emit, window_done);
  sink.Finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.run.quiet) {
    Json summary = {{"inputs", t.inputs}, {"invalid", t.invalid}, {"records", t.written}, {"failed", t.failed},
                    {"cached", t.cached}, {"requests", t.calls}, {"prompt_tokens", t.prompt_tokens},
                    {"completion_tokens", t.completion_tokens}, {"seconds", seconds}};
    if (o.run.dry_run) summary["dry_run"] = {{"calls", t.dry_calls}, {"estimated_prompt_tokens", t.dry_chars / 4}};
    if (o.run.json) {
      std::cerr << Dump(summary) << "\n";
    } else if (o.run.dry_run) {
      std::cerr << "trajc generate-llm: dry run: " << t.inputs << " inputs, " << t.dry_calls << " calls to make, " << t.cached
                << " answered by the cache, about " << t.dry_chars / 4 << " prompt tokens; nothing sent\n";
    } else {
      std::cerr << "trajc generate-llm: " << t.inputs << " inputs × " << o.samples << ": " << t.written << " records ("
                << t.cached << " from the cache), " << t.failed << " failed, " << t.invalid << " inputs invalid; " << t.calls
                << " requests, " << t.prompt_tokens << "+" << t.completion_tokens << " tokens\n";
    }
  }
  return t.failed > 0 ? kExitInvalid : kExitOk;
}

}  // namespace trajc::llm
