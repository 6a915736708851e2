#include "domains/docstring/facts_cache.h"

namespace trajc::domains::docstring {

std::shared_ptr<const python::ModuleFacts> FactsCache::Facts(const std::string& text) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = facts_.find(text);
    if (it != facts_.end()) return it->second;
  }
  // Outside the lock: other jobs go on.
  auto facts = std::make_shared<const python::ModuleFacts>(python::FactsOf(python::SourceTree::Parse(text)));
  std::lock_guard<std::mutex> lock(mutex_);
  if (facts_.size() < kMaxEntries) facts_.emplace(text, facts);
  return facts;
}

std::shared_ptr<const python::ModuleFacts> FactsOfText(const std::string& text, FactsCache* cache) {
  if (cache != nullptr) return cache->Facts(text);
  return std::make_shared<const python::ModuleFacts>(python::FactsOf(python::SourceTree::Parse(text)));
}

}  // namespace trajc::domains::docstring
