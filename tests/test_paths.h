// tests/test_paths — where the tests find the sources, the peer suites, the trajc binary
// and the golden hashes. The paths are defined once, in test_paths.cpp generated in the
// build tree, instead of in every test's compile flags: the test objects then do not
// depend on where the checkout lies, and a clone in another folder (CI) takes them from
// the compiler cache. Every test source sees this header (-include, tests/CMakeLists.txt).
#pragma once

namespace trajc::test_paths {

extern const char* const kSourceDir;   // the checkout
extern const char* const kPeerSuites;  // ../shared/peer-suites beside it
extern const char* const kBinary;      // the trajc executable under test
extern const char* const kGoldenDir;   // tests/golden

}  // namespace trajc::test_paths

#define TRAJC_SOURCE_DIR (::trajc::test_paths::kSourceDir)
#define TRAJC_PEER_SUITES (::trajc::test_paths::kPeerSuites)
#define TRAJC_BINARY (::trajc::test_paths::kBinary)
#define TRAJC_GOLDEN_DIR (::trajc::test_paths::kGoldenDir)
