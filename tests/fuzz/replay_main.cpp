// The main of a fuzz target in a build without libFuzzer: runs LLVMFuzzerTestOneInput on
// every file named on the command line, and on every file below each folder named, so the
// saved regression inputs of tests/fuzz/regressions/ run as ordinary tests (and under
// ASan/UBSan in the sanitized build). A finding aborts, which fails the test.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

int Replay(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 1;
  }
  std::fprintf(stderr, "replay %s (%zu bytes)\n", file.c_str(), bytes.size());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int failures = 0;
  size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg = argv[i];
    if (!std::filesystem::exists(arg)) continue;  // a target without saved inputs yet
    if (!std::filesystem::is_directory(arg)) {
      failures += Replay(arg);
      ++count;
      continue;
    }
    // Sorted: the same order on every machine, so a failure reads the same everywhere.
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg))
      if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) failures += Replay(file), ++count;
  }
  std::fprintf(stderr, "replayed %zu input(s)\n", count);
  return failures == 0 ? 0 : 1;
}
