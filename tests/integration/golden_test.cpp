// Pins the bytes of one reference dataset per domain. A change that alters them must be
// deliberate: rerun with TRAJC_UPDATE_GOLDEN=1, review `git diff tests/golden`, commit both.
//
// The domains are the registry's (trajc::domains::DomainNames), so a new domain is
// checked as soon as it is registered: without its reference files it fails here, naming
// them, until TRAJC_UPDATE_GOLDEN=1 writes them; a reference of no registered domain fails too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>

#include "cli_support.h"
#include "core/sha256.h"
#include "domains/domain.h"

using namespace cli_test;

namespace {

// The --count a new domain's reference dataset is compiled with.
constexpr int kNewDomainCount = 100;

bool UpdateGolden() {
  const char* update = std::getenv("TRAJC_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// The hashes file of `domain`'s reference dataset: its name gives the flags it pins.
std::string HashesFile(const std::string& domain, int count) {
  return domain + "_count" + std::to_string(count) + "_split0.9_seed42.sha256";
}

// The reference datasets in tests/golden/, domain → --count, read off the hashes files' names.
std::map<std::string, int> ReferenceCounts() {
  static const std::regex kName("(.+)_count([0-9]+)_split0\\.9_seed42\\.sha256");
  std::map<std::string, int> out;
  for (const fs::directory_entry& entry : fs::directory_iterator(TRAJC_GOLDEN_DIR)) {
    std::smatch m;
    std::string name = entry.path().filename().string();
    if (std::regex_match(name, m, kName)) out[m[1].str()] = std::stoi(m[2].str());
  }
  return out;
}

bool Registered(const std::string& domain) {
  std::vector<std::string> names = trajc::domains::DomainNames();
  return std::find(names.begin(), names.end(), domain) != names.end();
}

}  // namespace

TEST_CASE("golden: every reference dataset is a registered domain's") {
  for (const auto& [domain, count] : ReferenceCounts()) {
    INFO(HashesFile(domain, count) << " in " << TRAJC_GOLDEN_DIR << " is the reference of no registered domain");
    CHECK(Registered(domain));
  }
}

TEST_CASE("golden: each domain's reference dataset keeps its bytes") {
  std::map<std::string, int> counts = ReferenceCounts();
  for (const std::string& domain : trajc::domains::DomainNames()) {
    DYNAMIC_SECTION(domain) {
      auto known = counts.find(domain);
      if (known == counts.end() && !UpdateGolden())
        FAIL("domain '" << domain << "' has no reference dataset (" << HashesFile(domain, kNewDomainCount) << " in "
                        << TRAJC_GOLDEN_DIR << "): write it with TRAJC_UPDATE_GOLDEN=1, review it, commit it");
      int count = known == counts.end() ? kNewDomainCount : known->second;
      std::string flags = "--domain " + domain + " --count " + std::to_string(count) + " --split 0.9 --seed 42";
      INFO(flags);
      fs::path scratch = Scratch("golden");
      Result r = Trajc(flags + " --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
      REQUIRE(r.exit_code == 0);
      std::string actual;
      for (const char* f : {"train.jsonl", "eval.jsonl", "manifest.json"})
        actual += trajc::Sha256Hex(Slurp(scratch / "o" / f)) + "  " + f + "\n";
      fs::path golden = fs::path(TRAJC_GOLDEN_DIR) / HashesFile(domain, count);
      if (UpdateGolden()) {
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
  for (const std::string& domain : trajc::domains::DomainNames()) {
    DYNAMIC_SECTION(domain) {
      fs::path scratch = Scratch("golden-check-" + domain);
      fs::path dir = fs::path(TRAJC_GOLDEN_DIR) / domain;
      if (UpdateGolden()) {
        Result r = Trajc("--domain " + domain + " --count 20 --split 0.8 --seed 7 -q" + Root() + " --out " + Quote(dir.string()),
                         scratch);
        REQUIRE(r.exit_code == 0);
        WARN("rewrote " << dir);
      }
      if (!fs::exists(dir / "manifest.json"))
        FAIL("domain '" << domain << "' has no committed dataset (" << dir.string()
                        << "): write it with TRAJC_UPDATE_GOLDEN=1, review it, commit it");
      Result r = Trajc("check " + Quote((dir / "manifest.json").string()) + Root(), scratch);
      INFO(r.out << r.err);
      CHECK(r.exit_code == 0);
      CHECK_THAT(r.out, Catch::Contains("reproduces byte for byte"));
    }
  }
}
