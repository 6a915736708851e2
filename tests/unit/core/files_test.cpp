#include <catch2/catch.hpp>

#include <filesystem>

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/sha256.h"

namespace fs = std::filesystem;

namespace {
fs::path FreshDir(const char* name) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
size_t Entries(const fs::path& dir) { return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
}  // namespace

TEST_CASE("sha256 of known strings") {
  CHECK(trajc::Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(trajc::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("an AtomicFile appears only when published") {
  fs::path dir = FreshDir("trajc-atomic-publish");
  {
    trajc::AtomicFile f(dir / "a.jsonl");
    f.Write("{}\n");
    CHECK_FALSE(fs::exists(dir / "a.jsonl"));
    f.Publish();
    CHECK(f.sha256() == trajc::Sha256Hex("{}\n"));
  }
  CHECK(trajc::ReadFile(dir / "a.jsonl") == "{}\n");
  CHECK(Entries(dir) == 1);
}

TEST_CASE("an AtomicFile destroyed unpublished leaves nothing behind") {
  fs::path dir = FreshDir("trajc-atomic-abort");
  {
    trajc::AtomicFile f(dir / "a.jsonl");
    f.Write("partial");
  }
  CHECK(Entries(dir) == 0);
}

TEST_CASE("an unwritable target is a located error") {
  fs::path dir = FreshDir("trajc-atomic-bad");
  trajc::AtomicFile blocker(dir / "file");
  blocker.Publish();
  CHECK_THROWS_WITH(trajc::AtomicFile(dir / "file" / "x.jsonl"),
                    Catch::Contains("error: cannot write output here: Not a directory"));
}

TEST_CASE("diagnostics are path:line:col: error: message") {
  CHECK(trajc::FormatDiagnostic({"a.yaml", 3, 7}, "error", "bad") == "a.yaml:3:7: error: bad");
  CHECK(trajc::FormatDiagnostic({"a.yaml", 0, 0}, "error", "bad") == "a.yaml: error: bad");
  auto loc = trajc::LocationOfOffset("x", "ab\ncd", 4);
  CHECK(loc.line == 2);
  CHECK(loc.column == 2);
}
