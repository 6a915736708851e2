#include "compile/holdout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "core/diagnostic.h"
#include "core/prng.h"
#include "stats/minhash.h"
#include "stats/near_duplicates.h"

namespace trajc::compile {

namespace {

bool IsWordByte(unsigned char c) { return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Feeds `text`'s normalised tokens (CodeSignature) to `shingler`, one word each. A lexer
// for similarity only: an unterminated string just runs to the end.
void AddCodeTokens(std::string_view text, stats::Shingler& shingler) {
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '#') {
      while (i < n && text[i] != '\n') ++i;
    } else if (c == '\'' || c == '"') {
      bool triple = i + 2 < n && text[i + 1] == c && text[i + 2] == c;
      size_t quote = triple ? 3 : 1;
      size_t start = i + quote, j = start;
      while (j < n) {
        if (text[j] == '\\') {
          j += 2;
        } else if (text[j] == c && (!triple || (j + 2 < n && text[j + 1] == c && text[j + 2] == c))) {
          break;
        } else if (!triple && text[j] == '\n') {
          break;
        } else {
          ++j;
        }
      }
      j = std::min(j, n);
      shingler.Add(text.substr(i, quote));
      shingler.Add(text.substr(start, j - start));  // its words, split on whitespace
      i = std::min(n, j + (j < n && text[j] == c ? quote : 0));
    } else if (IsWordByte(static_cast<unsigned char>(c))) {
      size_t start = i;
      while (i < n && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
      shingler.Add(text.substr(start, i - start));
    } else {
      shingler.Add(text.substr(i, 1));
      ++i;
    }
  }
  shingler.Finish();
}

// Union-find over file indexes; the root is always the least index, so a group's id is
// its first file whatever order the unions come in.
struct Groups {
  std::vector<uint32_t> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  bool Join(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent[b] = a;
    return true;
  }
};

// The top-level folder of a path relative to the tree ("" for a file at the top).
std::string_view Package(std::string_view relative) {
  size_t slash = relative.find('/');
  return slash == std::string_view::npos ? std::string_view() : relative.substr(0, slash);
}

}  // namespace

stats::Signature CodeSignature(std::string_view text) {
  stats::Shingler shingler;
  AddCodeTokens(text, shingler);
  return stats::MinHash(shingler.shingles());
}

const char* HoldoutUnitName(HoldoutUnit unit) { return unit == HoldoutUnit::kPackage ? "package" : "file"; }

bool HoldoutUnitFromName(const std::string& name, HoldoutUnit& unit) {
  if (name == "file") unit = HoldoutUnit::kFile;
  else if (name == "package") unit = HoldoutUnit::kPackage;
  else return false;
  return true;
}

FileGroups GroupFiles(const std::vector<domains::Fixture>& files, HoldoutUnit unit) {
  Groups g(files.size());
  FileGroups out;
  // 1. Same bytes: the first file with a sha256 stands for every later one.
  std::map<std::string_view, uint32_t> first_with;
  std::vector<uint32_t> distinct;  // the first file of each distinct content, in order
  for (uint32_t i = 0; i < files.size(); ++i) {
    auto [it, inserted] = first_with.emplace(files[i].sha256, i);
    if (inserted) distinct.push_back(i);
    else g.Join(it->second, i), ++out.duplicate_files;
  }
  // 2. Near-identical contents: every LSH candidate pair at or above the threshold is
  // joined. A candidate already in the new file's group needs no comparison, which keeps
  // a pile of near-copies linear; the components do not depend on the order of the pairs.
  stats::NearDuplicateIndex index(kNearDuplicateThreshold);
  std::vector<uint32_t> seen(distinct.size(), UINT32_MAX);  // last query that visited an id
  std::vector<bool> joined_by_similarity(files.size(), false);
  for (uint32_t d = 0; d < distinct.size(); ++d) {
    uint32_t file = distinct[d];
    stats::Signature sig = CodeSignature(files[file].text);
    index.ForEachCandidate(sig, [&](uint32_t id) {
      if (seen[id] == d) return;
      seen[id] = d;
      if (g.Find(distinct[id]) == g.Find(file)) return;
      if (stats::EstimatedJaccard(sig, index.signature(id)) < kNearDuplicateThreshold) return;
      g.Join(distinct[id], file);
      joined_by_similarity[distinct[id]] = joined_by_similarity[file] = true;
    });
    index.Add(sig);
  }
  std::vector<bool> near_group(files.size(), false);
  for (uint32_t i = 0; i < files.size(); ++i)
    if (joined_by_similarity[i]) near_group[g.Find(i)] = true;
  // 3. Packages, when asked: every file below one top-level folder.
  if (unit == HoldoutUnit::kPackage) {
    std::map<std::string_view, uint32_t> first_in;
    for (uint32_t i = 0; i < files.size(); ++i) {
      std::string_view package = Package(files[i].display_path);
      if (package.empty()) continue;
      auto [it, inserted] = first_in.emplace(package, i);
      if (!inserted) g.Join(it->second, i);
    }
  }
  out.group.resize(files.size());
  for (uint32_t i = 0; i < files.size(); ++i) {
    out.group[i] = g.Find(i);
    if (out.group[i] == i) ++out.groups;
  }
  // Near-duplicate groups, counted after the package unions: a package that holds a
  // near-copy counts once.
  std::vector<bool> near_root(files.size(), false);
  for (uint32_t i = 0; i < files.size(); ++i)
    if (near_group[i]) near_root[out.group[i]] = true;
  for (uint32_t i = 0; i < files.size(); ++i) {
    if (near_root[i]) ++out.near_duplicate_groups;
    if (near_root[out.group[i]]) ++out.near_duplicate_files;
  }
  return out;
}

Json HoldoutSummary::ToJson() const {
  Json j = Json::object();
  j["eval_fraction"] = fraction;
  j["by"] = HoldoutUnitName(unit);
  j["near_duplicate_threshold"] = kNearDuplicateThreshold;
  j["train"] = {{"files", train_files}, {"groups", train_groups}};
  j["eval"] = {{"files", eval_files}, {"groups", eval_groups}};
  j["duplicate_files"] = groups.duplicate_files;
  j["near_duplicate_groups"] = groups.near_duplicate_groups;
  j["near_duplicate_files"] = groups.near_duplicate_files;
  return j;
}

HoldoutSummary HoldOut(std::vector<domains::Fixture>& train, std::vector<domains::Fixture>& eval, double fraction,
                       uint64_t seed, HoldoutUnit unit, const std::string& fixtures_dir) {
  HoldoutSummary s;
  s.fraction = fraction;
  s.unit = unit;
  s.groups = GroupFiles(train, unit);
  if (s.groups.groups < 2)
    throw Error({fixtures_dir, 0, 0},
                "cannot hold out eval files: the " + std::to_string(train.size()) + " file(s) form " +
                    std::to_string(s.groups.groups) + " group (same or near-identical contents" +
                    (unit == HoldoutUnit::kPackage ? ", or one package" : "") +
                    ") and a group stays on one side; add an eval/ folder, more files, or use --split 1.0");
  // Group sizes and ranks: a keyed hash of the seed and the group's first path.
  std::map<uint32_t, size_t> size;
  for (uint32_t root : s.groups.group) ++size[root];
  std::vector<std::tuple<uint64_t, std::string_view, uint32_t>> ranked;
  for (const auto& [root, n] : size)
    ranked.emplace_back(Mix64(seed ^ StableHash(train[root].display_path)), train[root].display_path, root);
  std::sort(ranked.begin(), ranked.end());
  auto target = static_cast<size_t>(std::llround(fraction * static_cast<double>(train.size())));
  std::vector<bool> held(train.size(), false);
  size_t taken_files = 0, taken_groups = 0;
  for (const auto& [rank, path, root] : ranked) {
    // At least one group; never all of them.
    if ((taken_files >= target && taken_groups > 0) || taken_groups + 1 == ranked.size()) break;
    held[root] = true;
    taken_files += size[root];
    ++taken_groups;
  }
  std::vector<domains::Fixture> kept;
  for (size_t i = 0; i < train.size(); ++i) {
    if (held[s.groups.group[i]]) {
      train[i].eval = true;
      eval.push_back(std::move(train[i]));
    } else {
      kept.push_back(std::move(train[i]));
    }
  }
  train = std::move(kept);
  s.eval_files = taken_files;
  s.eval_groups = taken_groups;
  s.train_files = train.size();
  s.train_groups = ranked.size() - taken_groups;
  return s;
}

}  // namespace trajc::compile
