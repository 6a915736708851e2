// compile/holdout — eval without an eval/ folder: a seeded hold-out of whole files, leak-free.
//
// When --fixtures has no eval/ folder, eval draws from a share (--eval-fraction) of the
// tree's files, chosen before anything else is planned. Two rules make it leak-free:
//   1. Files are grouped first, and a group goes to one side as a whole: files with the
//      same bytes (sha256), and near-identical files — the estimated Jaccard similarity of
//      their normalised token 5-shingles (comments dropped, code split into identifier,
//      number and punctuation tokens) reaches kNearDuplicateThreshold, 0.7 (stats/minhash,
//      found through stats/near_duplicates' LSH bands, never all pairs). Groups are the
//      connected components of "same bytes or near-identical", so no file and no
//      near-identical file is on both sides. With --holdout-by package, files below one
//      top-level folder of the tree (a package) also form one group.
//   2. The draw is a pure function of --seed and the files' relative paths and contents:
//      each group is ranked by a keyed hash of the seed and its first relative path, and
//      eval takes the lowest-ranked groups until it holds round(fraction * files) files
//      (so the share is met within one group's size). A file added elsewhere in the tree
//      does not change any other group's rank. With two groups or more, each side gets at
//      least one.
//
// How it fails: a tree whose files form a single group cannot be divided leak-free; that
// is a trajc::Error located at the fixtures folder, naming the ways out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.h"
#include "domains/fixture.h"
#include "stats/minhash.h"

namespace trajc::compile {

inline constexpr double kDefaultEvalFraction = 0.1;

// Near-identical at an estimated Jaccard of 0.7 or more over normalised 5-token shingles.
// Measured on /usr/lib/python3.11 (best match of each file among its LSH candidates):
// from 0.7 up are copies of one code with other data or a few lines edited (generated
// codecs: encodings/cp863 ~ cp860 0.75, mac_cyrillic ~ iso8859_5 0.70, big5hkscs ~ big5
// 0.75; the sre_* shims 0.88); below, sibling modules with their own code (lzma ~ bz2
// 0.50, dbm/ndbm ~ dbm/gnu 0.61, lib2to3 fix_reload ~ fix_intern 0.64; in dist-packages
// cryptography x448 ~ x25519 0.63, the vendored fork _pytest/_py/path ~ py/_path/local
// 0.59). 0.7 is also where 16 LSH bands of 4 still propose 98.8% of pairs
// (1 - (1 - 0.7^4)^16; 99.98% at 0.8); a pair missed is usually joined through a third
// near-copy, as the groups are connected components.
inline constexpr double kNearDuplicateThreshold = 0.7;

// The MinHash signature of a Python text's normalised tokens: identifier and number runs,
// each punctuation character, a string's quotes and its words; comments dropped. So
// spacing ("x=1" / "x = 1") and comments (a licence header a project repeats in every file)
// do not make files similar; code and string contents do.
stats::Signature CodeSignature(std::string_view text);

enum class HoldoutUnit { kFile, kPackage };

// "file" / "package"; HoldoutUnitFromName is false for any other name.
const char* HoldoutUnitName(HoldoutUnit unit);
bool HoldoutUnitFromName(const std::string& name, HoldoutUnit& unit);

// The groups of `files` (display_path relative to the tree, text, sha256 filled):
// group[i] is the index of the first file of file i's group (files are in path order, so
// it is the group's least path).
struct FileGroups {
  std::vector<uint32_t> group;
  size_t groups = 0;
  size_t duplicate_files = 0;        // files whose bytes equal an earlier file's
  size_t near_duplicate_groups = 0;  // groups that join distinct contents by similarity
  size_t near_duplicate_files = 0;   // files in those groups
};
FileGroups GroupFiles(const std::vector<domains::Fixture>& files, HoldoutUnit unit);

// What manifest.json's "holdout" object records.
struct HoldoutSummary {
  double fraction = kDefaultEvalFraction;
  HoldoutUnit unit = HoldoutUnit::kFile;
  size_t train_files = 0, train_groups = 0, eval_files = 0, eval_groups = 0;
  FileGroups groups;  // `group` itself is not written
  Json ToJson() const;
};

// Moves the held-out groups of `train` (every fixture of a tree without eval/, in path
// order) to `eval`, marking them eval; both keep path order. `seed` is the hold-out's own
// seed (compile/seeds.h HoldoutSeed). Throws trajc::Error at `fixtures_dir` when the files
// form fewer than two groups.
HoldoutSummary HoldOut(std::vector<domains::Fixture>& train, std::vector<domains::Fixture>& eval, double fraction,
                       uint64_t seed, HoldoutUnit unit, const std::string& fixtures_dir);

}  // namespace trajc::compile
