// domains/fixture — Python fixture files: train ones under fixtures/<domain>/, eval-only
// edge cases under fixtures/<domain>/eval/, so that no fixture is in both splits. A tree
// without an eval/ folder (any Python tree) is all train here; compile/holdout holds out
// a seeded share of its files as eval.
//
// LoadFixture refuses (trajc::Error at path:line:col) a file that is not valid UTF-8 or
// that tree-sitter cannot parse without ERROR/MISSING nodes.
#pragma once

#include <string>
#include <vector>

namespace trajc::domains {

struct Fixture {
  std::string path;          // as found on disk, used in messages and the manifest
  std::string display_path;  // how the user turn names it: relative to its split's folder
  std::string text;
  std::string sha256;
  bool eval = false;
};

Fixture LoadFixture(const std::string& path, const std::string& display_path, bool eval);

struct FixtureSet {
  std::vector<Fixture> train;
  std::vector<Fixture> eval;
  bool eval_folder = false;  // `dir/eval/` exists: eval is curated, not held out
};

// A fixture file found on disk, before it is read.
struct FixtureFile {
  std::string path;
  std::string display_path;
  bool eval = false;
};

// Every *.py below `dir`, sorted by path: `dir/eval/**` is eval, the rest train.
// Throws trajc::Error when `dir` is not a readable directory.
std::vector<FixtureFile> ListFixtures(const std::string& dir);

// Whether `dir/eval/` is a directory: the curated eval fixtures of a domain.
bool HasEvalFolder(const std::string& dir);

// ListFixtures, each loaded; the first fixture that fails to load is thrown.
FixtureSet LoadFixtureSet(const std::string& dir);

}  // namespace trajc::domains
