#include "llm/chat_client.h"

#include <algorithm>
#include <thread>

#include "core/prng.h"

namespace trajc::llm {

void RateLimiter::Acquire() {
  if (rpm_ <= 0) return;
  std::chrono::steady_clock::time_point slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto now = std::chrono::steady_clock::now();
    slot = std::max(now, next_);
    next_ = slot + std::chrono::microseconds(60'000'000 / rpm_);
  }
  std::this_thread::sleep_until(slot);
}

Json ChatRequestBody(const LlmConfig& config, const Json& messages, const Json& tools, const Sampling& sampling) {
  Json body = Json::object();
  body["model"] = config.model;
  body["messages"] = messages;
  if (tools.is_array() && !tools.empty()) body["tools"] = tools;
  if (sampling.temperature) body["temperature"] = *sampling.temperature;
  if (sampling.max_tokens) body["max_tokens"] = *sampling.max_tokens;
  if (sampling.seed) body["seed"] = *sampling.seed;
  if (!sampling.response_format.is_null()) body["response_format"] = sampling.response_format;
  return body;
}

std::optional<ChatAnswer> ParseCompletion(const std::string& body, std::string& why) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    why = "the endpoint's answer is not JSON";
    return std::nullopt;
  }
  const Json* choices = j.contains("choices") ? &j["choices"] : nullptr;
  if (choices == nullptr || !choices->is_array() || choices->empty()) {
    why = "the endpoint's answer has no choices";
    return std::nullopt;
  }
  const Json& message = (*choices)[0].value("message", Json());
  if (!message.is_object() || !message.contains("content") || !message["content"].is_string()) {
    why = "the endpoint's answer has no message content";
    return std::nullopt;
  }
  ChatAnswer a;
  a.ok = true;
  a.content = message["content"].get<std::string>();
  if (j.contains("usage") && j["usage"].is_object()) {
    a.prompt_tokens = j["usage"].value("prompt_tokens", int64_t{0});
    a.completion_tokens = j["usage"].value("completion_tokens", int64_t{0});
  }
  return a;
}

namespace {

// The endpoint's own error message, when its body carries one.
std::string ServerMessage(const std::string& body) {
  Json j = Json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("error")) {
    const Json& e = j["error"];
    if (e.is_object() && e.contains("message") && e["message"].is_string()) return e["message"].get<std::string>();
    if (e.is_string()) return e.get<std::string>();
  }
  return body.substr(0, 200);
}

bool Retryable(long status) { return status == 408 || status == 409 || status == 429 || status >= 500; }

}  // namespace

ChatAnswer Complete(HttpClient& http, const LlmConfig& config, const Json& body, const RetryPolicy& retry,
                    RateLimiter& limiter, uint64_t jitter_seed) {
  std::vector<std::string> headers = {"Content-Type: application/json", "Authorization: Bearer " + config.api_key};
  std::string payload = Dump(body);
  SplitMix64 jitter(jitter_seed);
  ChatAnswer last;
  for (int attempt = 0; attempt <= retry.max_retries; ++attempt) {
    limiter.Acquire();
    HttpResult r = http.Post(config.ChatUrl(), headers, payload, retry.timeout_ms);
    last.attempts = attempt + 1;
    bool retry_this = true;
    if (!r.transport_error.empty()) {
      last.error = r.timed_out ? "timed out after " + std::to_string(retry.timeout_ms) + " ms" : r.transport_error;
    } else if (r.status >= 200 && r.status < 300) {
      std::string why;
      if (auto answer = ParseCompletion(r.body, why)) {
        answer->attempts = attempt + 1;
        return *answer;
      }
      last.error = why;
    } else {
      last.error = "HTTP " + std::to_string(r.status) + ": " + ServerMessage(r.body);
      retry_this = Retryable(r.status);
    }
    last.error = config.Redact(last.error);
    if (!retry_this || attempt == retry.max_retries) break;
    // Full jitter: uniform in [0, min(cap, base·2^attempt)], but never sooner than Retry-After.
    long ceiling = std::min(retry.max_backoff_ms, retry.backoff_ms << std::min(attempt, 20));
    long wait = ceiling > 0 ? static_cast<long>(jitter.Below(static_cast<uint64_t>(ceiling) + 1)) : 0;
    if (r.retry_after) wait = std::max(wait, static_cast<long>(*r.retry_after * 1000.0));
    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
  }
  last.ok = false;
  return last;
}

}  // namespace trajc::llm
