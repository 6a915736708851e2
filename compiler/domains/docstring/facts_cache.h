// domains/docstring/facts_cache — memoised facts of file texts, shared by every example of
// a run. Examples of one (template, node) pair differ only in phrasing, so they walk the
// same file states; reading each state once makes compiling cost scale with the distinct
// states, not with --count. Bounded (texts beyond the limit are read but not kept), so
// memory does not grow with --count, and thread-safe for --jobs. It only saves work: the
// facts are FactsOf's own, so output bytes do not depend on it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "python/facts.h"

namespace trajc::domains::docstring {

class FactsCache {
 public:
  std::shared_ptr<const python::ModuleFacts> Facts(const std::string& text);

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const python::ModuleFacts>> facts_;
};

// FactsOf the text, through `cache` when there is one.
std::shared_ptr<const python::ModuleFacts> FactsOfText(const std::string& text, FactsCache* cache);

}  // namespace trajc::domains::docstring
