// compile/repeat_cache — past a split's distinct capacity, examples repeat: a repeated
// (template, node, variant) gives the same conversation again, and only its tool-call ids
// differ, because they come from each example's own seed. The cache keeps such an
// example's rendered line once, with where its ids stand, and re-keys a copy for each
// later use instead of running the environment, validation and formatting again.
//
// An entry is admitted only with proof that re-keying gives the bytes a full compile
// gives: the caller compiles the example at two seeds (its own and compile/seeds.h
// ProofSeed of it), and the entry is kept only when putting the second seed's ids into
// the first line reproduces the second line exactly.
// A domain whose content varies with the seed (sample_data's seeded facts) or a line
// that carries per-example data (--with-meta's index) fails that proof, so the caller
// does not offer those. Memory is bounded by a byte budget, never by --count.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace trajc::compile {

class RepeatCache {
 public:
  using Key = std::tuple<size_t, uint64_t, uint64_t>;  // template, node, variant

  explicit RepeatCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The line of `key` with the call ids of `seed`, when cached.
  std::optional<std::string> Find(const Key& key, uint64_t seed) const;

  // Whether Offer for `key` could still be admitted (not cached yet, budget left).
  bool Wants(const Key& key) const;

  // `line_a` and `line_b` are the full compiles of `key` at seeds `seed_a` and `seed_b`,
  // whose conversations make `calls` tool calls. Returns whether the entry was admitted.
  bool Offer(const Key& key, std::string line_a, uint64_t seed_a, const std::string& line_b, uint64_t seed_b,
             size_t calls);

  size_t bytes() const;

 private:
  struct Entry {
    std::string line;
    std::vector<std::pair<size_t, size_t>> slots;  // byte offset of an id, which call's id
    size_t calls = 0;
  };
  static std::string Rekey(const Entry& entry, uint64_t seed);

  size_t max_bytes_;
  mutable std::mutex mutex_;
  std::map<Key, std::shared_ptr<const Entry>> entries_;
  size_t bytes_ = 0;
};

}  // namespace trajc::compile
