// core/python_files — which files of a folder are Python sources, as flake8 finds them:
// *.py below the folder, recursively, without descending into flake8's default excludes
// (.svn, CVS, .bzr, .hg, .git, __pycache__, .tox, .nox, .eggs, *.egg). `trajc lint` and
// fixture folders (`--fixtures` may be any tree) walk folders the same way.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace trajc {

// Whether a file or folder of this name is one of flake8's default excludes.
bool ExcludedByFlake8(const std::string& name);

// The *.py files below `dir`, relative to it, in the order the walk meets them (callers
// sort). Folders that cannot be entered for lack of permission are skipped; any other
// failure of the walk stops it and is left in `ec`.
std::vector<std::filesystem::path> PythonFilesUnder(const std::filesystem::path& dir, std::error_code& ec);

}  // namespace trajc
