// llm/batch — what `fill` and `generate-llm` share: records read in windows and
// processed by a pool of workers (one HTTP client each), results emitted in input
// order; completions through the cache; the output written all at once or to stdout.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/files.h"
#include "llm/chat_client.h"
#include "llm/record_stream.h"
#include "llm/response_cache.h"

namespace trajc::llm {

struct CallContext {
  const LlmConfig* config = nullptr;
  ResponseCache* cache = nullptr;  // null: --no-cache
  RateLimiter* limiter = nullptr;
  RetryPolicy retry;
};

struct CachedAnswer {
  ChatAnswer answer;
  bool cached = false;
  bool dry = false;  // --dry-run and not in the cache: nothing was sent
};

// Why an answer's content is unacceptable ("" when it is acceptable).
using AcceptAnswer = std::function<std::string(const std::string& content)>;

// The completion of `body` from the cache, else from the endpoint (and then cached).
// `salt` tells apart requests that are the same but must get answers of their own (the
// samples of one input). An answer `accept` refuses is asked for again, up to the retry
// budget, and never cached.
CachedAnswer CompleteCached(const CallContext& ctx, HttpClient& http, const Json& body, const std::string& salt,
                            uint64_t jitter_seed, bool dry_run, const AcceptAnswer& accept = nullptr);

// Reads records [first, last) and calls `process` on each from `concurrency` workers,
// then `emit` on each result in input order, one window at a time (memory stays flat).
template <typename Outcome>
void ProcessInOrder(RecordReader& reader, size_t first, size_t last, int concurrency,
                    const std::function<Outcome(const RawRecord&, HttpClient&)>& process,
                    const std::function<void(const RawRecord&, Outcome&)>& emit,
                    const std::function<void()>& window_done);

// stdout, or a file written under a temporary name and renamed when Finish() succeeds.
class OutputSink {
 public:
  OutputSink(const std::string& path, RecordFormat format, bool discard);
  void Write(const Json& record) { writer_.Write(record); }
  void Flush();   // hands the buffered records to the file or stdout
  void Finish();  // closes the array/file and publishes it

 private:
  std::ostringstream buffer_;
  RecordWriter writer_;
  std::unique_ptr<AtomicFile> file_;
  bool discard_;
};

// .trajc-fill-cache.sqlite beside `output` (or in the current directory for stdout).
std::string DefaultCachePath(const std::string& output);

}  // namespace trajc::llm

#include "llm/batch_inl.h"
