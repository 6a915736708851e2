// llm/http_client — one HTTP/1.1 POST at a time over libcurl, keeping its connection
// alive between calls (one client per worker thread). Transport failures (refused,
// dropped, timed out) are results, not exceptions: the caller decides about retries.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace trajc::llm {

struct HttpResult {
  long status = 0;                   // 0 when no response arrived
  std::string body;
  std::optional<double> retry_after;  // seconds, from a Retry-After header
  std::string transport_error;       // non-empty when no complete response arrived
  bool timed_out = false;
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult Post(const std::string& url, const std::vector<std::string>& headers, const std::string& body,
                  long timeout_ms);

 private:
  void* curl_;  // CURL*, kept out of this header
};

}  // namespace trajc::llm
