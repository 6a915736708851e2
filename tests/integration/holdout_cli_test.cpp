// Eval without an eval/ folder: `--fixtures` at a tree of Python files, a seeded hold-out
// of whole files as eval (compile/holdout.h), as users run it.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "cli_support.h"
#include "core/json.h"

using namespace cli_test;
using trajc::Json;

namespace {

// The curated lint train fixtures as a tree without eval/, plus a byte-for-byte copy of one
// (another name, another folder) and a near-copy of another (a comment and a line edited).
fs::path LintTree(const fs::path& scratch) {
  fs::path tree = scratch / "tree";
  fs::create_directories(tree);
  for (const auto& entry : fs::directory_iterator(fs::path(TRAJC_SOURCE_DIR) / "fixtures" / "lint"))
    if (entry.path().extension() == ".py") fs::copy(entry.path(), tree / entry.path().filename());
  std::string semver = Slurp(tree / "semver.py");
  WriteFile(tree / "vendored" / "semver_copy.py", semver);
  std::string lru = Slurp(tree / "lru_cache.py");
  WriteFile(tree / "lru_cache_fork.py", "# forked\n" + lru + "\n\nLIMIT = 3\n");
  return tree;
}

struct Run {
  Result result;
  fs::path out;
  Json manifest;
};

Run Generate(const fs::path& scratch, const std::string& name, const std::string& flags) {
  Run r;
  r.out = scratch / name;
  r.result = Trajc(flags + Root() + " --quiet --out " + Quote(r.out.string()), scratch);
  if (r.result.exit_code == 0) r.manifest = Json::parse(Slurp(r.out / "manifest.json"));
  return r;
}

// A manifest's fixture path (absolute, or relative to the root when the scratch folder
// is below it) relative to the tree.
std::string InTree(const std::string& path) {
  size_t at = path.rfind("tree/");
  return at == std::string::npos ? path : path.substr(at + 5);
}

// Fixture path (relative to the tree) -> split, from the manifest.
std::map<std::string, std::string> Sides(const Json& manifest) {
  std::map<std::string, std::string> out;
  for (const Json& f : manifest["inputs"]["fixtures"]) out[InTree(f["path"])] = f["split"];
  return out;
}

}  // namespace

TEST_CASE("a tree without eval/ holds out whole files, copies and near-copies on one side") {
  fs::path scratch = Scratch("holdout-tree");
  fs::path tree = LintTree(scratch);
  std::string flags = "--domain lint --count 60 --fixtures " + Quote(tree.string());
  std::set<std::map<std::string, std::string>> divisions;
  for (uint64_t seed : {1, 2, 3, 4, 5, 6}) {
    Run r = Generate(scratch, "seed" + std::to_string(seed), flags + " --seed " + std::to_string(seed));
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    const Json& m = r.manifest;
    std::vector<std::string> keys;
    for (const auto& item : m.items()) keys.push_back(item.key());
    auto inputs = std::find(keys.begin(), keys.end(), "inputs");
    REQUIRE(inputs + 1 != keys.end());
    CHECK(*(inputs + 1) == "holdout");
    const Json& h = m["holdout"];
    CHECK(h["eval_fraction"] == 0.1);
    CHECK(h["by"] == "file");
    CHECK(h["duplicate_files"] == 1);
    CHECK(h["near_duplicate_groups"] == 1);
    CHECK(h["near_duplicate_files"] == 2);
    size_t files = m["inputs"]["fixtures"].size();
    CHECK(h["train"]["files"].get<size_t>() + h["eval"]["files"].get<size_t>() == files);
    CHECK(h["train"]["groups"].get<size_t>() + h["eval"]["groups"].get<size_t>() == files - 2);
    // Groups of at most 2 files: eval holds round(0.1 * files), or one more.
    auto target = static_cast<size_t>(std::llround(0.1 * static_cast<double>(files)));
    CHECK(h["eval"]["files"].get<size_t>() >= target);
    CHECK(h["eval"]["files"].get<size_t>() <= target + 1);
    std::map<std::string, std::string> sides = Sides(m);
    CHECK(sides["semver.py"] == sides["vendored/semver_copy.py"]);
    CHECK(sides["lru_cache.py"] == sides["lru_cache_fork.py"]);
    // Every pair across the sides differs in its bytes.
    for (const Json& a : m["inputs"]["fixtures"])
      for (const Json& b : m["inputs"]["fixtures"])
        if (a["split"] != b["split"]) CHECK(a["sha256"] != b["sha256"]);
    // What eval.jsonl was compiled from is all on the eval side.
    for (const char* split : {"train", "eval"})
      for (const auto& item : m["splits"][split]["coverage"]["fixtures"].items())
        CHECK(sides[InTree(item.key())] == split);
    divisions.insert(sides);
    if (seed == 1) {  // trajc check takes the tree as generate did
      Result check = Trajc("check " + Quote((r.out / "manifest.json").string()) + " --fixtures " + Quote(tree.string()) +
                               Root(), scratch);
      INFO(check.err);
      CHECK(check.exit_code == 0);
      CHECK(check.out.find("reproduces byte for byte") != std::string::npos);
    }
  }
  CHECK(divisions.size() >= 4);  // other seeds, other divisions
}

TEST_CASE("a hold-out run is the same bytes at any --jobs, and trajc check recompiles it") {
  fs::path scratch = Scratch("holdout-jobs");
  fs::path root = CopyProject(scratch);
  fs::remove_all(root / "fixtures" / "lint" / "eval");
  std::string flags = "--domain lint --count 80 --seed 11 --eval-fraction 0.2 --root " + Quote(root.string());
  Result one = Trajc(flags + " --jobs 1 --quiet --out " + Quote((scratch / "one").string()), scratch);
  Result two = Trajc(flags + " --jobs 2 --quiet --out " + Quote((scratch / "two").string()), scratch);
  INFO(one.err << two.err);
  REQUIRE(one.exit_code == 0);
  REQUIRE(two.exit_code == 0);
  for (const char* file : {"train.jsonl", "eval.jsonl", "manifest.json"})
    CHECK(Slurp(scratch / "one" / file) == Slurp(scratch / "two" / file));
  Json m = Json::parse(Slurp(scratch / "one" / "manifest.json"));
  CHECK(m["flags"]["eval_fraction"] == 0.2);
  CHECK(m["command"].get<std::string>().find(" --eval-fraction 0.2") != std::string::npos);
  CHECK(m["holdout"]["eval_fraction"] == 0.2);

  Result check = Trajc("check " + Quote((scratch / "one" / "manifest.json").string()) + " --root " + Quote(root.string()), scratch);
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.find("reproduces byte for byte") != std::string::npos);
}

TEST_CASE("--split 1.0 without eval/ keeps every file in train; --holdout-by package keeps folders together") {
  fs::path scratch = Scratch("holdout-split1");
  fs::path tree = LintTree(scratch);
  Run all = Generate(scratch, "all", "--domain lint --count 20 --split 1.0 --seed 1 --fixtures " + Quote(tree.string()));
  INFO(all.result.err);
  REQUIRE(all.result.exit_code == 0);
  CHECK_FALSE(all.manifest.contains("holdout"));
  for (const Json& f : all.manifest["inputs"]["fixtures"]) CHECK(f["split"] == "train");

  for (uint64_t seed : {1, 2, 3, 4}) {
    Run r = Generate(scratch, "pkg" + std::to_string(seed),
                     "--domain lint --count 40 --holdout-by package --seed " + std::to_string(seed) + " --fixtures " +
                         Quote(tree.string()));
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    CHECK(r.manifest["holdout"]["by"] == "package");
    CHECK(r.manifest["flags"]["holdout_by"] == "package");
    std::map<std::string, std::string> sides = Sides(r.manifest);
    CHECK(sides["semver.py"] == sides["vendored/semver_copy.py"]);
  }
}

TEST_CASE("hold-out flags beside a curated eval/ folder, or out of range, are usage errors") {
  fs::path scratch = Scratch("holdout-usage");
  Result curated = Trajc("--domain lint --count 20 --eval-fraction 0.2" + Root(), scratch);
  CHECK(curated.exit_code == 2);
  CHECK(curated.err.find("error: --eval-fraction holds out files of a tree without an eval/ folder; ") != std::string::npos);
  CHECK(curated.err.find("/fixtures/lint/eval/ holds the curated eval fixtures") != std::string::npos);
  Result by = Trajc("--domain lint --count 20 --holdout-by package" + Root(), scratch);
  CHECK(by.exit_code == 2);
  CHECK(by.err.find("error: --holdout-by holds out files of a tree without an eval/ folder") != std::string::npos);
  for (const char* bad : {"0", "1", "1.5", "-0.1", "abc", "0.1,0.2", "nan"}) {
    Result r = Trajc(std::string("--domain lint --count 20 --eval-fraction ") + bad + Root(), scratch);
    INFO(bad << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--eval-fraction") != std::string::npos);
  }
  Result unit = Trajc("--domain lint --count 20 --holdout-by folder" + Root(), scratch);
  CHECK(unit.exit_code == 2);
  CHECK(unit.err.find("--holdout-by is file or package, got 'folder'") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "out"));
}
