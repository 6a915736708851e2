#include "domains/fixture.h"

#include <algorithm>
#include <filesystem>

#include "core/diagnostic.h"
#include "core/files.h"
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
    throw Error(LocationOfOffset(path, f.text, bad), "invalid UTF-8 byte; fixtures must be UTF-8 encoded Python");
  python::SourceTree tree = python::SourceTree::Parse(f.text, path);
  if (auto error = tree.FirstSyntaxError(path)) throw *error;
  f.sha256 = Sha256Hex(f.text);
  return f;
}

std::vector<FixtureFile> ListFixtures(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error({dir, 0, 0}, "not a directory of fixtures; pass --fixtures DIR");
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".py") files.push_back(it->path());
  }
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
  for (const FixtureFile& f : ListFixtures(dir))
    (f.eval ? set.eval : set.train).push_back(LoadFixture(f.path, f.display_path, f.eval));
  return set;
}

}  // namespace trajc::domains
