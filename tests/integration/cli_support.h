// Runs the trajc binary as users do, in scratch folders, and reads what it wrote.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/json.h"

namespace cli_test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("trajc-it-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `command` (a shell command line) with stdout and stderr captured.
inline Result Shell(const std::string& command, const fs::path& scratch) {
  fs::path out = scratch / ".stdout", err = scratch / ".stderr";
  std::string full = "(" + command + ") >" + Quote(out.string()) + " 2>" + Quote(err.string()) + " </dev/null";
  int status = std::system(full.c_str());
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

// The hidden temporaries AtomicFile names ".NAME.tmp-PID-XXXXXX" in `dir`.
inline std::vector<std::string> Temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) out.push_back(name);
  }
  return out;
}

inline Result Trajc(const std::string& args, const fs::path& scratch) {
  return Shell(Quote(TRAJC_BINARY) + " " + args, scratch);
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream s(text);
  for (std::string line; std::getline(s, line);) lines.push_back(line);
  return lines;
}

// A copy of the project's inputs that a test may break.
inline fs::path CopyProject(const fs::path& scratch) {
  fs::path root = scratch / "project";
  fs::create_directories(root);
  for (const char* part : {"tool_schemas", "trajectories", "fixtures"})
    fs::copy(fs::path(TRAJC_SOURCE_DIR) / part, root / part, fs::copy_options::recursive);
  return root;
}

inline void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string Root() { return std::string(" --root ") + Quote(TRAJC_SOURCE_DIR); }

// The records of a JSONL text (blank lines skipped), and of a JSONL file.
inline std::vector<trajc::Json> ParseJsonl(const std::string& text) {
  std::vector<trajc::Json> out;
  for (const std::string& line : Lines(text))
    if (!line.empty()) out.push_back(trajc::Json::parse(line));
  return out;
}
inline std::vector<trajc::Json> Records(const fs::path& file) { return ParseJsonl(Slurp(file)); }

}  // namespace cli_test
