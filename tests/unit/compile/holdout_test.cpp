#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "compile/holdout.h"
#include "core/diagnostic.h"
#include "core/prng.h"
#include "core/sha256.h"

using namespace trajc::compile;
using trajc::domains::Fixture;

namespace {

// A made-up module of `functions` functions whose names and numbers come from `seed`:
// two seeds give modules that share only Python's own tokens.
std::string Module(uint64_t seed, int functions = 12) {
  trajc::SplitMix64 rng(seed);
  std::string text = "\"\"\"Module " + std::to_string(seed) + ".\"\"\"\nimport os\n\n";
  for (int i = 0; i < functions; ++i) {
    std::string f = "f" + std::to_string(rng.Below(1000000)), a = "a" + std::to_string(rng.Below(1000000));
    text += "\n\ndef " + f + "(" + a + ", b=" + std::to_string(rng.Below(100)) + "):\n";
    text += "    # " + std::to_string(rng.Below(1000)) + "\n";
    text += "    return " + a + " * " + std::to_string(rng.Below(100000)) + " + b\n";
  }
  return text;
}

Fixture File(const std::string& path, const std::string& text) {
  Fixture f;
  f.path = "/tree/" + path;
  f.display_path = path;
  f.text = text;
  f.sha256 = trajc::Sha256Hex(text);
  return f;
}

// A tree of 60 distinct modules, plus 3 byte-for-byte copies, a copy with other spacing
// and comments, a copy with one function's number changed, and a chain of two edits
// (each near its neighbour), all at other paths. Sorted by path, as ListFixtures gives.
std::vector<Fixture> Tree() {
  std::vector<Fixture> files;
  for (int i = 0; i < 60; ++i) files.push_back(File("pkg" + std::to_string(i % 6) + "/m" + std::to_string(i) + ".py", Module(100 + i)));
  files.push_back(File("copy/a.py", Module(103)));
  files.push_back(File("copy/b.py", Module(103)));
  files.push_back(File("z_copy.py", Module(140)));
  std::string spaced = Module(105);
  for (size_t at = spaced.find(" + b"); at != std::string::npos; at = spaced.find(" + b", at + 2)) spaced.replace(at, 4, "+b");
  files.push_back(File("respaced.py", "# Copyright someone\n" + spaced));
  std::string edited = Module(107);
  edited.replace(edited.rfind("return"), 6, "return -");
  files.push_back(File("edited.py", edited));
  std::string chain = Module(111);
  chain.replace(chain.find("return"), 6, "return 1 +");
  files.push_back(File("chain1.py", chain));
  chain.replace(chain.rfind("return"), 6, "return 2 +");
  files.push_back(File("chain2.py", chain));
  std::sort(files.begin(), files.end(), [](const Fixture& a, const Fixture& b) { return a.display_path < b.display_path; });
  return files;
}

bool Near(const Fixture& a, const Fixture& b) {
  return a.sha256 == b.sha256 ||
         trajc::stats::EstimatedJaccard(CodeSignature(a.text), CodeSignature(b.text)) >= kNearDuplicateThreshold;
}

std::set<std::string> Paths(const std::vector<Fixture>& files) {
  std::set<std::string> out;
  for (const Fixture& f : files) out.insert(f.display_path);
  return out;
}

struct Division {
  std::vector<Fixture> train, eval;
  HoldoutSummary summary;
};

Division Divide(double fraction, uint64_t seed, HoldoutUnit unit = HoldoutUnit::kFile) {
  Division d;
  d.train = Tree();
  d.summary = HoldOut(d.train, d.eval, fraction, seed, unit, "/tree");
  return d;
}

}  // namespace

TEST_CASE("code signatures ignore spacing and comments, not code") {
  std::string a = "def f(x):\n    return x+1  # one\n";
  CHECK(trajc::stats::EstimatedJaccard(CodeSignature(a), CodeSignature("# header\ndef f( x ):\n    return x + 1\n")) == 1.0);
  CHECK(trajc::stats::EstimatedJaccard(CodeSignature(a), CodeSignature("def f(x):\n    return x+2\n")) < 1.0);
  // A '#' inside a string is not a comment: the string's words count.
  CHECK(trajc::stats::EstimatedJaccard(CodeSignature("s = '# a b c d e f'\n"), CodeSignature("s = '# g h i j k l'\n")) < 1.0);
}

TEST_CASE("copies and near-copies form one group; distinct modules stay apart") {
  std::vector<Fixture> files = Tree();
  FileGroups g = GroupFiles(files, HoldoutUnit::kFile);
  std::map<std::string, uint32_t> group;
  for (size_t i = 0; i < files.size(); ++i) group[files[i].display_path] = g.group[i];
  CHECK(group["copy/a.py"] == group["pkg3/m3.py"]);
  CHECK(group["copy/b.py"] == group["pkg3/m3.py"]);
  CHECK(group["z_copy.py"] == group["pkg4/m40.py"]);
  CHECK(group["respaced.py"] == group["pkg5/m5.py"]);
  CHECK(group["edited.py"] == group["pkg1/m7.py"]);
  CHECK(group["chain1.py"] == group["pkg5/m11.py"]);
  CHECK(group["chain2.py"] == group["pkg5/m11.py"]);
  CHECK(g.duplicate_files == 3);
  CHECK(g.near_duplicate_groups == 3);  // m5, m7 and m11 (with its chain); m3 and m40 only have copies
  CHECK(g.near_duplicate_files == 7);
  CHECK(g.groups == 60);
  // Every pair in different groups is neither a copy nor near-identical.
  for (size_t i = 0; i < files.size(); ++i)
    for (size_t j = i + 1; j < files.size(); ++j)
      if (g.group[i] != g.group[j]) CHECK_FALSE(Near(files[i], files[j]));
}

TEST_CASE("the hold-out never splits a group, and meets the fraction within one group's size") {
  for (uint64_t seed : {1, 2, 3, 42, 1000}) {
    for (double fraction : {0.05, 0.1, 0.25, 0.5}) {
      Division d = Divide(fraction, seed);
      INFO("seed " << seed << " fraction " << fraction);
      for (const Fixture& t : d.train)
        for (const Fixture& e : d.eval) CHECK_FALSE(Near(t, e));
      for (const Fixture& e : d.eval) CHECK(e.eval);
      for (const Fixture& t : d.train) CHECK_FALSE(t.eval);
      size_t total = d.train.size() + d.eval.size();
      CHECK(total == 67);
      auto target = static_cast<double>(std::llround(fraction * 67));
      CHECK(std::abs(static_cast<double>(d.eval.size()) - target) < 4);  // the largest group holds 4 files
      CHECK(d.summary.eval_files == d.eval.size());
      CHECK(d.summary.train_files == d.train.size());
      CHECK(d.summary.train_groups + d.summary.eval_groups == 60);
      CHECK(std::is_sorted(d.eval.begin(), d.eval.end(),
                           [](const Fixture& a, const Fixture& b) { return a.display_path < b.display_path; }));
    }
  }
}

TEST_CASE("the same seed gives the same division; other seeds give others") {
  std::set<std::string> first = Paths(Divide(0.2, 7).eval);
  CHECK(Paths(Divide(0.2, 7).eval) == first);
  int differ = 0;
  for (uint64_t seed = 8; seed < 13; ++seed) differ += Paths(Divide(0.2, seed).eval) != first ? 1 : 0;
  CHECK(differ == 5);
}

TEST_CASE("a file added elsewhere does not move the others") {
  Division before = Divide(0.1, 9);
  std::vector<Fixture> train = Tree(), eval;
  train.push_back(File("zz_new.py", Module(999)));
  HoldOut(train, eval, 0.1, 9, HoldoutUnit::kFile, "/tree");
  std::set<std::string> after = Paths(eval);
  // The ranks of the old groups are unchanged and the share of 68 files rounds as that of
  // 67: the old files keep their sides, but for those the new file displaces from the end.
  bool new_held = after.erase("zz_new.py") > 0;
  std::set<std::string> old = Paths(before.eval);
  if (new_held) CHECK(std::includes(old.begin(), old.end(), after.begin(), after.end()));
  else CHECK(after == old);
}

TEST_CASE("each side gets a group; one group cannot be divided") {
  Division tiny = Divide(0.001, 5);
  CHECK(!tiny.eval.empty());
  Division huge = Divide(0.999, 5);
  CHECK(!huge.train.empty());

  std::vector<Fixture> train = {File("a.py", Module(1)), File("b.py", Module(1))}, eval;
  try {
    HoldOut(train, eval, 0.1, 1, HoldoutUnit::kFile, "/tree");
    FAIL("two copies of one file were divided");
  } catch (const trajc::Error& e) {
    CHECK(e.where().path == "/tree");
    CHECK(e.message() == "cannot hold out eval files: the 2 file(s) form 1 group (same or near-identical contents) and "
                         "a group stays on one side; add an eval/ folder, more files, or use --split 1.0");
  }
}

TEST_CASE("--holdout-by package keeps a top-level folder on one side") {
  for (uint64_t seed : {1, 2, 3}) {
    Division d = Divide(0.2, seed, HoldoutUnit::kPackage);
    std::set<std::string> train_packages;
    for (const Fixture& t : d.train) train_packages.insert(t.display_path.substr(0, t.display_path.find('/')));
    for (const Fixture& e : d.eval) {
      if (e.display_path.find('/') == std::string::npos) continue;  // a top-level module is its own group
      CHECK_FALSE(train_packages.count(e.display_path.substr(0, e.display_path.find('/'))));
    }
    for (const Fixture& t : d.train)
      for (const Fixture& e : d.eval) CHECK_FALSE(Near(t, e));
  }
}
