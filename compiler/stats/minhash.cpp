#include "stats/minhash.h"

#include <algorithm>
#include <limits>

#include "core/prng.h"

namespace trajc::stats {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The kPermutations hash functions h_i(x) = high 32 bits of (a_i * x + b_i) mod 2^64,
// a_i odd, over x = Mix64(shingle): a multiply-add per position instead of a full mix.
struct Permutations {
  std::array<uint64_t, kPermutations> a{};
  std::array<uint64_t, kPermutations> b{};
  Permutations() {
    SplitMix64 rng(DeriveSeed(0x7472616A63ull /* "trajc" */, "stats/minhash"));
    for (int i = 0; i < kPermutations; ++i) {
      a[static_cast<size_t>(i)] = rng.Next() | 1u;
      b[static_cast<size_t>(i)] = rng.Next();
    }
  }
};

const Permutations& Perms() {
  static const Permutations p;
  return p;
}

}  // namespace

void Shingler::Word(uint64_t word_hash) {
  window_[words_ % kShingleWords] = word_hash;
  ++words_;
  if (words_ < kShingleWords) return;
  uint64_t h = 0x5348494E474C45ull;  // "SHINGLE"
  for (uint64_t k = words_ - kShingleWords; k < words_; ++k) h = Mix64(h + window_[k % kShingleWords]);
  shingles_.push_back(h);
}

void Shingler::Add(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t start = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    if (i > start) Word(StableHash(text.substr(start, i - start)));
  }
}

void Shingler::Finish() {
  if (words_ == 0 || words_ >= kShingleWords) return;
  uint64_t h = 0x5348494E474C45ull;
  for (uint64_t k = 0; k < words_; ++k) h = Mix64(h + window_[k]);
  shingles_.push_back(h);
}

std::set<uint64_t> ShingleSet(std::string_view text) {
  Shingler s;
  s.Add(text);
  s.Finish();
  return {s.shingles().begin(), s.shingles().end()};
}

double ExactJaccard(const std::set<uint64_t>& a, const std::set<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (uint64_t x : a) common += b.count(x);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

Signature MinHash(const std::vector<uint64_t>& shingles) {
  Signature sig;
  sig.fill(std::numeric_limits<uint32_t>::max());
  const Permutations& p = Perms();
  for (uint64_t shingle : shingles) {
    uint64_t x = Mix64(shingle);
    for (size_t i = 0; i < kPermutations; ++i) {
      auto h = static_cast<uint32_t>((p.a[i] * x + p.b[i]) >> 32);
      sig[i] = std::min(sig[i], h);
    }
  }
  return sig;
}

Signature MinHashOfText(std::string_view text) {
  Shingler s;
  s.Add(text);
  s.Finish();
  return MinHash(s.shingles());
}

double EstimatedJaccard(const Signature& a, const Signature& b) {
  int equal = 0;
  for (size_t i = 0; i < kPermutations; ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / kPermutations;
}

}  // namespace trajc::stats
