// llm/batch_inl — the template part of batch.h.
#pragma once

#include <atomic>

#include "core/big_stack.h"

namespace trajc::llm {

template <typename Outcome>
void ProcessInOrder(RecordReader& reader, size_t first, size_t last, int concurrency,
                    const std::function<Outcome(const RawRecord&, HttpClient&)>& process,
                    const std::function<void(const RawRecord&, Outcome&)>& emit,
                    const std::function<void()>& window_done) {
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < concurrency; ++i) clients.push_back(std::make_unique<HttpClient>());
  const size_t window = static_cast<size_t>(concurrency) * 4;
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
      for (size_t i; (i = next++) < batch.size();) outcomes[i] = process(batch[i], *http);
    };
    // Large stacks as the command's own thread (core/big_stack.h): a response is checked
    // against JSON Schemas, and its nesting is the endpoint's choice.
    size_t n_threads = std::min(batch.size(), clients.size());
    RunInParallel(static_cast<unsigned>(n_threads), [&](unsigned i) { work(clients[i].get()); });
    for (size_t i = 0; i < batch.size(); ++i) emit(batch[i], outcomes[i]);
    window_done();
  }
}

}  // namespace trajc::llm
