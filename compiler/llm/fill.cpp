#include "llm/fill.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/prng.h"
#include "llm/response_cache.h"

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
  const LlmConfig* config;
  ResponseCache* cache;  // null with --no-cache
  RateLimiter* limiter;
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
    Json body = ChatRequestBody(*s.config, prefix, tools, s.o->sampling);
    std::string key = ResponseCache::KeyOf(s.config->ChatUrl(), body);
    std::optional<Json> hit = s.cache != nullptr ? s.cache->Get(key) : std::nullopt;
    std::string content;
    if (hit && hit->contains("content") && (*hit)["content"].is_string()) {
      content = (*hit)["content"].get<std::string>();
      ++out.cached;
    } else if (s.o->dry_run) {
      out.dry_requests.push_back(Dump(Json{{"index", raw.index}, {"turn", k}, {"request", body}}));
      continue;
    } else {
      ChatAnswer a = Complete(http, *s.config, body, s.o->retry, *s.limiter, DeriveSeed(raw.index, k));
      out.calls += a.attempts;
      if (!a.ok) {
        out.status = Status::kFailed;
        out.message = "turn " + std::to_string(k) + ": " + a.error + " (after " + std::to_string(a.attempts) + " attempts)";
        out.record = Json::parse(raw.text, nullptr, false);
        return out;
      }
      content = a.content;
      out.prompt_tokens += a.prompt_tokens;
      out.completion_tokens += a.completion_tokens;
      if (s.cache != nullptr)
        s.cache->Put(key, {{"content", content}, {"prompt_tokens", a.prompt_tokens}, {"completion_tokens", a.completion_tokens}});
    }
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

std::string DefaultCachePath(const FillOptions& o) {
  std::filesystem::path dir = o.output.empty() ? std::filesystem::path(".") : std::filesystem::path(o.output).parent_path();
  if (dir.empty()) dir = ".";
  return (dir / ".trajc-fill-cache.sqlite").string();
}

void Report(const FillOptions& o, const Totals& t, double seconds) {
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
  if (o.concurrency < 1 || o.concurrency > 256) throw Error({"trajc", 0, 0}, "--concurrency must be between 1 and 256", kExitUsage);
  if (o.index && (o.start || o.end)) throw Error({"trajc", 0, 0}, "--index selects one record; do not combine it with --start/--end", kExitUsage);
  if (o.start && o.end && *o.end <= *o.start)
    throw Error({"trajc", 0, 0}, "--end must be greater than --start (the range is [start, end))", kExitUsage);
  size_t first = o.index ? *o.index : o.start.value_or(0);
  size_t last = o.index ? *o.index + 1 : o.end.value_or(SIZE_MAX);

  LlmConfig config = LoadLlmConfig(o.env_file, o.env_file_given);
  RecordReader reader(o.input, o.input_format);
  RecordFormat out_format = o.output_format.value_or(reader.format());
  std::unique_ptr<ResponseCache> cache;
  if (!o.no_cache) cache = std::make_unique<ResponseCache>(o.cache_path.empty() ? DefaultCachePath(o) : o.cache_path);
  RateLimiter limiter(o.rpm);
  Shared shared{&o, &config, cache.get(), &limiter};

  std::unique_ptr<AtomicFile> file;
  std::ostringstream buffer;  // records of one window, written to the file or stdout in order
  if (!o.output.empty() && !o.dry_run) file = std::make_unique<AtomicFile>(o.output);
  std::ostream& out = std::cout;
  RecordWriter writer(buffer, out_format);

  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < o.concurrency; ++i) clients.push_back(std::make_unique<HttpClient>());
  Totals t;
  auto started = std::chrono::steady_clock::now();
  const size_t window = static_cast<size_t>(o.concurrency) * 4;
  std::vector<RawRecord> batch;
  bool more = true;
  while (more) {
    batch.clear();
    RawRecord raw;
    while (batch.size() < window && (more = reader.Next(raw))) {
      if (raw.index >= last) {
        more = false;
        break;
      }
      if (raw.index >= first) batch.push_back(std::move(raw));
    }
    std::vector<Outcome> outcomes(batch.size());
    std::atomic<size_t> next{0};
    auto work = [&](HttpClient* http) {
      for (size_t i; (i = next++) < batch.size();) outcomes[i] = Process(shared, *http, batch[i]);
    };
    std::vector<std::thread> threads;
    size_t n_threads = std::min(batch.size(), clients.size());
    for (size_t i = 1; i < n_threads; ++i) threads.emplace_back(work, clients[i].get());
    if (n_threads > 0) work(clients[0].get());
    for (std::thread& th : threads) th.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      Outcome& r = outcomes[i];
      const RawRecord& in = batch[i];
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
          if (!o.quiet)
            std::cerr << FormatDiagnostic({o.input, in.line, in.column}, "warning",
                                          "record " + std::to_string(in.index) + " skipped: " + r.message)
                      << "\n";
          break;
        case Status::kFailed:
          ++t.failed;
          if (!o.quiet)
            std::cerr << FormatDiagnostic({o.input, in.line, in.column}, "error",
                                          "record " + std::to_string(in.index) + (o.keep_failed ? " kept unfilled: " : " skipped: ") +
                                              r.message)
                      << "\n";
          break;
      }
      bool write = r.status == Status::kFilled || r.status == Status::kUnchanged || (r.status == Status::kFailed && o.keep_failed);
      if (write && !o.dry_run) writer.Write(r.record);
    }
    if (o.verbose && !o.quiet)
      std::cerr << "trajc fill: " << t.records << " records done, " << t.turns << " turns filled, " << t.failed << " failed\n";
    if (file) file->Write(buffer.str());
    else if (!o.dry_run) out << buffer.str();
    buffer.str("");
  }
  if (!o.dry_run) writer.Finish();
  if (file) {
    file->Write(buffer.str());
    file->Close();
    file->Publish();
  } else if (!o.dry_run) {
    out << buffer.str();
    out.flush();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Report(o, t, seconds);
  return t.failed > 0 ? kExitInvalid : kExitOk;
}

}  // namespace trajc::llm
