#include "domains/fixture.h"

#include <algorithm>
#include <filesystem>

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/python_files.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "python/parse.h"

namespace trajc::domains {

namespace fs = std::filesystem;

Fixture LoadFixture(const std::string& path, const std::string& display_path, bool eval) {
  Fixture f;
  f.path = path;
  f.display_path = display_path;
  f.eval = eval;
  f.text = ReadFile(path);
  size_t bad = FindInvalidUtf8(f.text);
  if (bad != std::string::npos)
    throw UnusableFixture(LocationOfOffset(path, f.text, bad), "invalid UTF-8 byte; fixtures must be UTF-8 encoded Python",
                          kNotUtf8);
  python::SourceTree tree = python::SourceTree::Parse(f.text, path);
  if (auto error = tree.FirstSyntaxError(path)) throw UnusableFixture(error->where(), error->message(), kSyntaxError);
  f.sha256 = Sha256Hex(f.text);
  return f;
}

std::vector<FixtureFile> ListFixtures(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error({dir, 0, 0}, "not a directory of fixtures; pass --fixtures DIR");
  std::vector<fs::path> files;
  for (const fs::path& rel : PythonFilesUnder(dir, ec)) files.push_back(fs::path(dir) / rel);
  if (ec) throw Error({dir, 0, 0}, "cannot list fixtures: " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<FixtureFile> out;
  fs::path eval_dir = fs::path(dir) / "eval";
  for (const fs::path& file : files) {
    fs::path rel_eval = file.lexically_relative(eval_dir);
    bool eval = !rel_eval.empty() && *rel_eval.begin() != "..";
    std::string display = eval ? rel_eval.generic_string() : file.lexically_relative(dir).generic_string();
    out.push_back({file.generic_string(), display, eval});
  }
  return out;
}

bool HasEvalFolder(const std::string& dir) {
  std::error_code ec;
  return fs::is_directory(fs::path(dir) / "eval", ec);
}

FixtureSet LoadFixtureSet(const std::string& dir) {
  FixtureSet set;
  set.eval_folder = HasEvalFolder(dir);
  for (const FixtureFile& f : ListFixtures(dir)) {
    try {
      (f.eval ? set.eval : set.train).push_back(LoadFixture(f.path, f.display_path, f.eval));
    } catch (const UnusableFixture& e) {
      (f.eval ? set.eval_skipped : set.train_skipped).push_back({e.where(), "", e.reason()});
    }
  }
  return set;
}

}  // namespace trajc::domains
