#include "llm/fill.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

#include "core/diagnostic.h"
#include "core/prng.h"
#include "llm/batch.h"

namespace trajc::llm {

namespace {

enum class Status { kFilled, kUnchanged, kSkipped, kFailed, kInvalid };

struct Outcome {
  Status status = Status::kUnchanged;
  Json record;
  std::string message;  // why it failed or is invalid
  int turns = 0;        // turns filled
  int cached = 0;       // of them, from the cache
  int calls = 0;        // requests sent (attempts included)
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  std::vector<std::string> dry_requests;  // --dry-run: what would be sent
};

bool EmptyAssistantTurn(const Json& m) {
  if (m.value("role", "") != "assistant") return false;
  if (m.contains("tool_calls") && !(m["tool_calls"].is_null() || (m["tool_calls"].is_array() && m["tool_calls"].empty())))
    return false;
  if (!m.contains("content") || m["content"].is_null()) return true;
  return m["content"].is_string() && m["content"].get<std::string>().empty();
}

// Why a record cannot be filled, or "" when it can.
std::string Invalid(const Json& r) {
  if (!r.is_object()) return "a record is a JSON object";
  if (!r.contains("messages") || !r["messages"].is_array() || r["messages"].empty()) return "no \"messages\" array";
  static const char* kRoles[] = {"system", "developer", "user", "assistant", "tool"};
  size_t i = 0;
  for (const Json& m : r["messages"]) {
    std::string where = "messages[" + std::to_string(i++) + "]";
    if (!m.is_object() || !m.contains("role") || !m["role"].is_string()) return where + " has no \"role\"";
    std::string role = m["role"].get<std::string>();
    if (std::none_of(std::begin(kRoles), std::end(kRoles), [&](const char* k) { return role == k; }))
      return where + " has an unknown role '" + role + "'";
  }
  if (r.contains("tools") && !r["tools"].is_array()) return "\"tools\" is not an array";
  return "";
}

struct Shared {
  const FillOptions* o;
  const CallContext* ctx;
};

Outcome Process(const Shared& s, HttpClient& http, const RawRecord& raw) {
  Outcome out;
  Json record = Json::parse(raw.text, nullptr, false);
  if (record.is_discarded()) {
    out.status = Status::kInvalid;
    out.message = "not valid JSON";
    return out;
  }
  out.message = Invalid(record);
  if (!out.message.empty()) {
    out.status = Status::kInvalid;
    return out;
  }
  Json& messages = record["messages"];
  std::vector<size_t> empty;
  for (size_t k = 0; k < messages.size(); ++k)
    if (EmptyAssistantTurn(messages[k])) empty.push_back(k);
  if (empty.empty()) {
    out.status = s.o->skip_existing ? Status::kSkipped : Status::kUnchanged;
    out.record = std::move(record);
    return out;
  }
  Json tools = record.contains("tools") ? record["tools"] : Json();
  for (size_t k : empty) {
    Json prefix = Json::array();
    for (size_t m = 0; m < k; ++m) prefix.push_back(messages[m]);
    Json body = ChatRequestBody(*s.ctx->config, prefix, tools, s.o->run.sampling);
    CachedAnswer c = CompleteCached(*s.ctx, http, body, "", DeriveSeed(raw.index, k), s.o->run.dry_run);
    if (c.dry) {
      out.dry_requests.push_back(Dump(Json{{"index", raw.index}, {"turn", k}, {"request", body}}));
      continue;
    }
    const ChatAnswer& a = c.answer;
    out.calls += c.cached ? 0 : a.attempts;
    if (!a.ok) {
      out.status = Status::kFailed;
      out.message = "turn " + std::to_string(k) + ": " + a.error + " (after " + std::to_string(a.attempts) + " attempts)";
      out.record = Json::parse(raw.text, nullptr, false);
      return out;
    }
    std::string content = a.content;
    out.cached += c.cached;
    out.prompt_tokens += a.prompt_tokens;
    out.completion_tokens += a.completion_tokens;
    messages[k]["content"] = content;
    ++out.turns;
  }
  out.status = Status::kFilled;
  out.record = std::move(record);
  return out;
}

struct Totals {
  size_t records = 0, filled = 0, unchanged = 0, skipped = 0, failed = 0, invalid = 0;
  int64_t turns = 0, cached = 0, calls = 0, prompt_tokens = 0, completion_tokens = 0, dry_calls = 0, dry_chars = 0;
};

void Report(const RunOptions& o, const Totals& t, double seconds) {
  if (o.quiet) return;
  if (o.json) {
    Json j = {{"records", t.records}, {"filled", t.filled}, {"unchanged", t.unchanged}, {"skipped", t.skipped},
              {"failed", t.failed}, {"invalid", t.invalid}, {"turns_filled", t.turns}, {"cached", t.cached},
              {"requests", t.calls}, {"prompt_tokens", t.prompt_tokens}, {"completion_tokens", t.completion_tokens},
              {"seconds", seconds}};
    if (o.dry_run) j["dry_run"] = {{"calls", t.dry_calls}, {"estimated_prompt_tokens", t.dry_chars / 4}};
    std::cerr << Dump(j) << "\n";
    return;
  }
  if (o.dry_run) {
    std::cerr << "trajc fill: dry run: " << t.records << " records, " << t.dry_calls << " calls to make, " << t.cached
              << " answered by the cache, about " << t.dry_chars / 4 << " prompt tokens; nothing sent\n";
    return;
  }
  std::cerr << "trajc fill: " << t.records << " records: " << t.filled << " filled (" << t.turns << " turns, " << t.cached
            << " from the cache), " << t.unchanged << " unchanged, " << t.skipped << " skipped, " << t.failed << " failed, "
            << t.invalid << " invalid; " << t.calls << " requests, " << t.prompt_tokens << "+" << t.completion_tokens
            << " tokens\n";
}

}  // namespace

int RunFill(const FillOptions& o) {
  auto [first, last] = SelectedRange(o.run);
  LlmConfig config = LoadLlmConfig(o.run.env_file, o.run.env_file_given);
  RecordReader reader(o.input, o.input_format);
  RecordFormat out_format = o.run.output_format.value_or(reader.format());
  std::unique_ptr<ResponseCache> cache = OpenCache(o.run);
  RateLimiter limiter(o.run.rpm);
  CallContext ctx{&config, cache.get(), &limiter, o.run.retry};
  Shared shared{&o, &ctx};
  OutputSink sink(o.run.output, out_format, o.run.dry_run);

  Totals t;
  auto started = std::chrono::steady_clock::now();
  auto emit = [&](const RawRecord& in, Outcome& r) {
    ++t.records;
    t.turns += r.turns;
    t.cached += r.cached;
    t.calls += r.calls;
    t.prompt_tokens += r.prompt_tokens;
    t.completion_tokens += r.completion_tokens;
    for (const std::string& req : r.dry_requests) {
      std::cout << req << "\n";
      ++t.dry_calls;
      t.dry_chars += static_cast<int64_t>(req.size());
    }
    switch (r.status) {
      case Status::kFilled: ++t.filled; break;
      case Status::kUnchanged: ++t.unchanged; break;
      case Status::kSkipped: ++t.skipped; break;
      case Status::kInvalid:
        ++t.invalid;
        if (!o.run.quiet)
          std::cerr << FormatDiagnostic({o.input, in.line, in.column}, "warning",
                                        "record " + std::to_string(in.index) + " skipped: " + r.message)
                    << "\n";
        break;
      case Status::kFailed:
        ++t.failed;
        if (!o.run.quiet)
          std::cerr << FormatDiagnostic({o.input, in.line, in.column}, "error",
                                        "record " + std::to_string(in.index) + (o.keep_failed ? " kept unfilled: " : " skipped: ") +
                                            r.message)
                    << "\n";
        break;
    }
    if (r.status == Status::kFilled || r.status == Status::kUnchanged || (r.status == Status::kFailed && o.keep_failed))
      sink.Write(r.record);
  };
  auto window_done = [&] {
    if (o.run.verbose && !o.run.quiet)
      std::cerr << "trajc fill: " << t.records << " records done, " << t.turns << " turns filled, " << t.failed << " failed\n";
    sink.Flush();
  };
  ProcessInOrder<Outcome>(
      reader, first, last, o.run.concurrency, [&](const RawRecord& raw, HttpClient& http) { return Process(shared, http, raw); },
      emit, window_done);
  sink.Finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Report(o.run, t, seconds);
  return t.failed > 0 ? kExitInvalid : kExitOk;
}

}  // namespace trajc::llm
