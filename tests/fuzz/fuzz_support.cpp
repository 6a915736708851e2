#include "fuzz_support.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace trajc::fuzz {

namespace {

// This process's scratch folder; removed at exit so that long runs leave nothing behind.
std::filesystem::path& ScratchDir() {
  static auto* dir = new std::filesystem::path();
  return *dir;
}

void RemoveScratch() {
  std::error_code ignored;
  std::filesystem::remove_all(ScratchDir(), ignored);
}

}  // namespace

std::string SourceDir() { return TRAJC_FUZZ_SOURCE_DIR; }

std::string ScratchFile(std::string_view name, std::string_view text) {
  if (ScratchDir().empty()) {
    ScratchDir() = std::filesystem::temp_directory_path() / ("trajc-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(ScratchDir());
    std::atexit(RemoveScratch);
  }
  std::string path = (ScratchDir() / name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) Finding("cannot write the scratch file " + path);
  return path;
}

void CheckLocated(const Error& error, std::string_view path, std::string_view text) {
  const Location& where = error.where();
  if (where.path != path) return;
  // Lines as an editor counts them: one more than the newlines (a final line without one
  // counts too); a column may name the position just past a line's last byte.
  long lines = std::count(text.begin(), text.end(), '\n') + 1;
  if (where.line < 0 || where.line > lines || where.column < 0)
    Finding("error located outside the input (" + std::to_string(lines) + " lines): " + error.what());
  if (where.line > 0 && where.column > 0) {
    size_t begin = 0;
    for (int line = 1; line < where.line; ++line) begin = text.find('\n', begin) + 1;
    size_t end = std::min(text.find('\n', begin), text.size());
    if (static_cast<size_t>(where.column) > end - begin + 1)
      Finding("error column past the end of its line (" + std::to_string(end - begin) + " bytes): " + error.what());
  }
}

void Finding(std::string_view what) {
  std::fprintf(stderr, "trajc fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace trajc::fuzz
