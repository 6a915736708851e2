// llm/chat_client — one chat completion from an OpenAI-compatible endpoint, made
// reliable: 429, 408, 5xx, timeouts, dropped connections and answers that are not a
// completion (malformed JSON, no choices, no content) are retried with exponential
// backoff and full jitter, at least as long as Retry-After asks; other 4xx fail at once.
// A shared rate limiter keeps all threads under --rpm.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "core/json.h"
#include "llm/http_client.h"
#include "llm/llm_config.h"

namespace trajc::llm {

struct RetryPolicy {
  int max_retries = 5;          // attempts after the first
  long timeout_ms = 60000;      // per attempt
  long backoff_ms = 500;        // first backoff; doubles per retry
  long max_backoff_ms = 30000;
};

struct Sampling {
  std::optional<double> temperature;
  std::optional<int64_t> max_tokens;
  std::optional<int64_t> seed;
  Json response_format;  // null unless asked for JSON output
};

// Starts of requests at most `rpm` per minute across threads (0: no limit).
class RateLimiter {
 public:
  explicit RateLimiter(int rpm) : rpm_(rpm) {}
  void Acquire();

 private:
  int rpm_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point next_{};
};

struct ChatAnswer {
  bool ok = false;
  std::string content;
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  int attempts = 0;
  std::string error;  // the last failure, redacted, when !ok
};

// The request body the endpoint receives (and the cache keys on, with the URL).
Json ChatRequestBody(const LlmConfig& config, const Json& messages, const Json& tools, const Sampling& sampling);

// Reads a completion; nullopt with `why` set when the body is not one.
std::optional<ChatAnswer> ParseCompletion(const std::string& body, std::string& why);

// Sends `body` until it succeeds, fails for good, or the retries run out. `jitter_seed`
// makes the backoff's jitter reproducible (it never reaches output).
ChatAnswer Complete(HttpClient& http, const LlmConfig& config, const Json& body, const RetryPolicy& retry,
                    RateLimiter& limiter, uint64_t jitter_seed);

}  // namespace trajc::llm
