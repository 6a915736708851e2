#include "compile/repeat_cache.h"

#include <algorithm>

#include "templates/interpreter.h"

namespace trajc::compile {

namespace {

std::vector<std::string> IdsOf(uint64_t seed, size_t calls) {
  templates::CallIds ids(seed);
  std::vector<std::string> out;
  for (size_t i = 0; i < calls; ++i) out.push_back(ids.Next());
  return out;
}

}  // namespace

std::string RepeatCache::Rekey(const Entry& entry, uint64_t seed) {
  std::vector<std::string> ids = IdsOf(seed, entry.calls);
  std::string line = entry.line;
  for (const auto& [offset, call] : entry.slots) line.replace(offset, templates::CallIds::kLength, ids[call]);
  return line;
}

std::optional<std::string> RepeatCache::Find(const Key& key, uint64_t seed) const {
  std::shared_ptr<const Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    entry = it->second;
  }
  return Rekey(*entry, seed);
}

bool RepeatCache::Wants(const Key& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_ < max_bytes_ && !entries_.count(key);
}

bool RepeatCache::Offer(const Key& key, std::string line_a, uint64_t seed_a, const std::string& line_b, uint64_t seed_b,
                        size_t calls) {
  auto entry = std::make_shared<Entry>();
  entry->calls = calls;
  std::vector<std::string> ids = IdsOf(seed_a, calls);
  for (size_t call = 0; call < calls; ++call)
    for (size_t at = line_a.find(ids[call]); at != std::string::npos; at = line_a.find(ids[call], at + 1))
      entry->slots.emplace_back(at, call);
  std::sort(entry->slots.begin(), entry->slots.end());
  for (size_t i = 1; i < entry->slots.size(); ++i)
    if (entry->slots[i].first < entry->slots[i - 1].first + templates::CallIds::kLength) return false;  // overlapping ids
  entry->line = std::move(line_a);
  if (Rekey(*entry, seed_b) != line_b) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  if (bytes_ >= max_bytes_ || entries_.count(key)) return false;
  bytes_ += entry->line.size();
  entries_.emplace(key, std::move(entry));
  return true;
}

size_t RepeatCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace trajc::compile
