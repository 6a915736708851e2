// Pins the bytes of the reference dataset. A change that alters them must be deliberate:
// rerun with TRAJC_UPDATE_GOLDEN=1, review `git diff tests/golden`, commit both.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "cli_support.h"
#include "core/sha256.h"

using namespace cli_test;

TEST_CASE("golden: --domain lint --count 200 --split 0.9 --seed 42") {
  fs::path scratch = Scratch("golden");
  Result r = Trajc("--domain lint --count 200 --split 0.9 --seed 42 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  REQUIRE(r.exit_code == 0);
  std::string actual;
  for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"})
    actual += trajc::Sha256Hex(Slurp(scratch / "o" / f)) + "  " + f + "\n";
  fs::path golden = fs::path(TRAJC_GOLDEN_DIR) / "lint_count200_split0.9_seed42.sha256";
  const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteFile(golden, actual);
    WARN("rewrote " << golden);
  }
  CHECK(Slurp(golden) == actual);
}
