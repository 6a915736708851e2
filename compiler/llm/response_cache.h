// llm/response_cache — completions already paid for, in SQLite, keyed by the sha256 of
// the endpoint URL and the request body (model, messages, tools, sampling): a re-run, or
// a run resumed after a kill, costs no calls for them. WAL mode and a busy timeout let
// concurrent runs share one cache file; every Put commits at once, so a kill loses at
// most the calls in flight. The API key is not part of the key or the value.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "core/json.h"

struct sqlite3;

namespace trajc::llm {

class ResponseCache {
 public:
  // Opens or creates the cache; trajc::Error (path: error: …) when it cannot.
  explicit ResponseCache(const std::string& path);
  ~ResponseCache();
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  static std::string KeyOf(const std::string& url, const Json& request_body);

  std::optional<Json> Get(const std::string& key);
  void Put(const std::string& key, const Json& value);

 private:
  void Check(int rc, const char* what) const;
  std::string path_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;  // one connection, used by every worker thread in turn
};

}  // namespace trajc::llm
