#include "core/python_files.h"

#include <set>

namespace trajc {

namespace fs = std::filesystem;

bool ExcludedByFlake8(const std::string& name) {
  static const std::set<std::string> kNames = {".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs"};
  return kNames.count(name) > 0 || (name.size() > 4 && name.ends_with(".egg"));
}

std::vector<fs::path> PythonFilesUnder(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> found;
  ec.clear();
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (ExcludedByFlake8(name)) it.disable_recursion_pending();
      continue;
    }
    // A symlinked file is taken under its own name, as flake8 does (fs::relative would resolve it).
    if (name.size() > 3 && name.ends_with(".py") && !ExcludedByFlake8(name) && fs::is_regular_file(it->path(), type_ec))
      found.push_back(it->path().lexically_relative(dir));
  }
  return found;
}

}  // namespace trajc
