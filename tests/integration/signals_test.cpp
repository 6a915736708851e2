// Signals reach the thread doing the work: trajc runs each command on a big-stack thread
// (core/big_stack.h) and its --jobs workers on more, while the main thread only waits with
// SIGINT/SIGTERM/SIGHUP blocked. A signal mid-run must still remove the run's temporaries
// and leave the old dataset as it was, with several workers as with one.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_support.h"

using namespace cli_test;

TEST_CASE("SIGINT, SIGTERM and SIGHUP with --jobs 2: no temporary left, the old dataset intact") {
  fs::path scratch = Scratch("signals-jobs");
  fs::path out = scratch / "out";
  REQUIRE(Trajc("--domain lint --count 20 -q" + Root() + " --out " + Quote(out.string()), scratch).exit_code == 0);
  const std::string train = Slurp(out / "train.jsonl"), manifest = Slurp(out / "manifest.json");
  for (const char* sig : {"INT", "TERM", "HUP"}) {
    INFO(sig);
    // The run writes for as long as it lives; `timeout` signals it after 1.5 s.
    Result r = Shell("timeout -s " + std::string(sig) + " 1.5 " + Quote(TRAJC_BINARY) + " --count 50000000 --jobs 2 -q" +
                         Root() + " --out " + Quote(out.string()),
                     scratch);
    CHECK(r.exit_code == 124);
    CHECK(Temporaries(out).empty());
    CHECK(Slurp(out / "train.jsonl") == train);
    CHECK(Slurp(out / "manifest.json") == manifest);
  }
}
