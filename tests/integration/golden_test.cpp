// Pins the bytes of one reference dataset per domain. A change that alters them must be
// deliberate: rerun with TRAJC_UPDATE_GOLDEN=1, review `git diff tests/golden`, commit both.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "cli_support.h"
#include "core/sha256.h"

using namespace cli_test;

TEST_CASE("golden: each domain's reference dataset keeps its bytes") {
  struct Reference {
    const char* flags;
    const char* file;
  };
  for (const Reference& ref : {Reference{"--domain lint --count 200 --split 0.9 --seed 42", "lint_count200_split0.9_seed42.sha256"},
                               Reference{"--domain docstring --count 150 --split 0.9 --seed 42",
                                         "docstring_count150_split0.9_seed42.sha256"},
                               Reference{"--domain sample_data --count 100 --split 0.9 --seed 42",
                                         "sample_data_count100_split0.9_seed42.sha256"},

                               Reference{"--domain test --count 150 --split 0.9 --seed 42", "test_count150_split0.9_seed42.sha256"}}) {
    DYNAMIC_SECTION(ref.flags) {
      fs::path scratch = Scratch("golden");
      Result r = Trajc(std::string(ref.flags) + " --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
      REQUIRE(r.exit_code == 0);
      std::string actual;
      for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"})
        actual += trajc::Sha256Hex(Slurp(scratch / "o" / f)) + "  " + f + "\n";
      fs::path golden = fs::path(TRAJC_GOLDEN_DIR) / ref.file;
      const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
      if (update != nullptr && std::string(update) == "1") {
        WriteFile(golden, actual);
        WARN("rewrote " << golden);
      }
      CHECK(Slurp(golden) == actual);
    }
  }
}

// Small reference datasets, committed with their manifests, proven with `trajc check` as
// users prove theirs: a change to any input that changes their bytes fails here naming
// the example and the input. TRAJC_UPDATE_GOLDEN=1 recompiles them.
TEST_CASE("golden: the committed datasets reproduce with trajc check") {
  for (const char* domain : {"docstring", "lint", "sample_data", "test"}) {
    DYNAMIC_SECTION(domain) {
      fs::path scratch = Scratch(std::string("golden-check-") + domain);
      fs::path dir = fs::path(TRAJC_GOLDEN_DIR) / domain;
      const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
      if (update != nullptr && std::string(update) == "1") {
        Result r = Trajc(std::string("--domain ") + domain + " --count 20 --split 0.8 --seed 7 -q" + Root() + " --out " +
                             Quote(dir.string()),
                         scratch);
        REQUIRE(r.exit_code == 0);
        WARN("rewrote " << dir);
      }
      Result r = Trajc("check " + Quote((dir / "manifest.json").string()) + Root(), scratch);
      INFO(r.out << r.err);
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.out, Catch::Contains("reproduces byte for byte"));
    }
  }
}
