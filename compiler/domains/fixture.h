// domains/fixture — Python fixture files: train ones under fixtures/<domain>/, eval-only
// edge cases under fixtures/<domain>/eval/, so that no fixture is in both splits. A tree
// without an eval/ folder (any Python tree) is all train here; compile/holdout holds out
// a seeded share of its files as eval.
//
// LoadFixture refuses (trajc::Error at path:line:col) a file that is not valid UTF-8 or
// that tree-sitter cannot parse without ERROR/MISSING nodes. `--fixtures` may be any tree
// of Python, where such files are common (Python 2 leftovers, test data of broken code,
// latin-1 sources): LoadFixtureSet skips them with their reason instead, so that one file
// does not stop a run; only a path that cannot be read stays an error.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace trajc::domains {

// A fixture file, or a node of one, that cannot serve any template, and why. Counted per
// reason in the manifest and listed by `trajc fixtures check`.
struct Skipped {
  Location location;
  std::string kind;    // the node kind it would have had; "" for a whole file
  std::string reason;  // short and stable, without names ("syntax error", "docstring: …")
};

struct Fixture {
  std::string path;          // as found on disk, used in messages and the manifest
  std::string display_path;  // how the user turn names it: relative to its split's folder
  std::string text;
  std::string sha256;
  bool eval = false;
};

// What LoadFixture throws for a file that cannot be a fixture although it was read: the
// error as users see it, and the short reason a skip is counted under.
class UnusableFixture : public Error {
 public:
  UnusableFixture(Location where, std::string message, std::string reason)
      : Error(std::move(where), std::move(message)), reason_(std::move(reason)) {}
  const std::string& reason() const { return reason_; }

 private:
  std::string reason_;
};

// Reasons a whole file is skipped.
inline constexpr const char* kNotUtf8 = "not UTF-8";
inline constexpr const char* kSyntaxError = "syntax error";

// Throws UnusableFixture for a file that is not UTF-8 or does not parse, trajc::Error when
// it cannot be read.
Fixture LoadFixture(const std::string& path, const std::string& display_path, bool eval);

struct FixtureSet {
  std::vector<Fixture> train;
  std::vector<Fixture> eval;
  std::vector<Skipped> train_skipped, eval_skipped;  // files, in path order
  bool eval_folder = false;  // `dir/eval/` exists: eval is curated, not held out
};

// A fixture file found on disk, before it is read.
struct FixtureFile {
  std::string path;
  std::string display_path;
  bool eval = false;
};

// Every *.py below `dir` (as flake8 walks folders: core/python_files.h), sorted by path:
// `dir/eval/**` is eval, the rest train. Throws trajc::Error when `dir` is not a readable
// directory.
std::vector<FixtureFile> ListFixtures(const std::string& dir);

// Whether `dir/eval/` is a directory: the curated eval fixtures of a domain.
bool HasEvalFolder(const std::string& dir);

// ListFixtures, each loaded; files that are not UTF-8 or do not parse are skipped (in
// `*_skipped`), a file that cannot be read is thrown.
FixtureSet LoadFixtureSet(const std::string& dir);

}  // namespace trajc::domains
