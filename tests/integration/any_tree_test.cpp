// Any Python tree as --fixtures (issue 20): a file that is not UTF-8 or does not parse, and
// a node a domain cannot use, are skipped and counted, never a run-stopping error; folders
// flake8 excludes are not walked; `fixtures check` lists the skips with their locations.
//
// Each domain gets a tree written here: its curated train fixtures (usable), a broken file
// and a latin-1 file in a subfolder, broken files under .git/ and __pycache__/ (never
// walked), and one file whose only node the domain cannot use. The counts are compared
// with a run on the same tree without those files, which must give the same records.
#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "cli_support.h"
#include "core/json.h"

using namespace cli_test;
using trajc::Json;

namespace {

struct Unusable {
  std::string text;    // the file whose one would-be node cannot serve; "" for none (lint)
  std::string kind;    // the node kind it would have
  std::string reason;  // the reason it is counted under
  uint64_t nodes = 0;  // how many nodes it counts as (docstring: one per style)
  int line = 0;        // where `fixtures check` locates it
  int column = 0;
};

Unusable UnusableFor(const std::string& domain) {
  if (domain == "docstring")
    return {"\"\"\"Math.\"\"\"\n\n\ndef add(a: int, b: int) -> int:\n    \"\"\"Add two numbers.\n\n    Args:\n"
            "        a: The first.\n\n    Returns:\n        The sum.\n    \"\"\"\n    return a + b\n",
            "function", "docstring: parameter without description", 3, 5, 5};
  if (domain == "test")
    return {"\"\"\"Math.\"\"\"\n\n\ndef double(n):\n    \"\"\"Return twice n.\n\n    >>> double(2); double(3)\n    6\n"
            "    \"\"\"\n    return 2 * n\n",
            "sequence", "test: example is not a statement trajc reads", 1, 7, 1};
  if (domain == "sample_data")
    return {"\"\"\"Hooks.\"\"\"\n\nfrom dataclasses import dataclass\nfrom typing import Callable\n\n\n@dataclass\n"
            "class Hook:\n    name: str\n    run: Callable[[], None]\n",
            "model", "sample_data: unsupported annotation", 1, 10, 10};
  return {};  // lint uses every file that parses: it has no node to skip
}

// template id → its node kind, read off trajectories/<domain>/*.yaml.
std::map<std::string, std::string> TemplateKinds(const std::string& domain) {
  static const std::regex kId("(^|\n)id: *([^\n]+)"), kNode("(^|\n)node: *([a-z_]+)");
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::directory_iterator(fs::path(TRAJC_SOURCE_DIR) / "trajectories" / domain)) {
    std::string text = Slurp(entry.path());
    std::smatch id, node;
    if (std::regex_search(text, id, kId) && std::regex_search(text, node, kNode)) out[id[2].str()] = node[2].str();
  }
  return out;
}

// The curated train fixtures of `domain`, copied flat into `tree`.
void CopyTrainFixtures(const std::string& domain, const fs::path& tree) {
  fs::create_directories(tree);
  for (const auto& entry : fs::directory_iterator(fs::path(TRAJC_SOURCE_DIR) / "fixtures" / domain))
    if (entry.path().extension() == ".py") fs::copy_file(entry.path(), tree / entry.path().filename());
}

const char kBroken[] = "def f(:\n    pass\n";
const char kLatin1[] = "\"\"\"Caf\xe9.\"\"\"\n";

}  // namespace

TEST_CASE("any tree: broken files and unusable nodes are skipped and counted, the records unchanged") {
  for (std::string domain : {"lint", "docstring", "test", "sample_data"}) {
    DYNAMIC_SECTION(domain) {
      fs::path scratch = Scratch("any-tree-" + domain);
      fs::path clean = scratch / "clean", tree = scratch / "tree";
      CopyTrainFixtures(domain, clean);
      CopyTrainFixtures(domain, tree);
      WriteFile(tree / "sub/zz_broken.py", kBroken);
      WriteFile(tree / "sub/zz_latin1.py", kLatin1);
      WriteFile(tree / ".git/zz_broken.py", kBroken);
      WriteFile(tree / "__pycache__/zz_broken.py", kBroken);
      WriteFile(tree / "pkg.egg/zz_broken.py", kBroken);
      Unusable unusable = UnusableFor(domain);
      if (!unusable.text.empty()) WriteFile(tree / "zz_unusable.py", unusable.text);

      std::string flags = "--domain " + domain + " --count 40 --split 1.0 --seed 3" + Root();
      Result base = Trajc(flags + " --fixtures " + Quote(clean.string()) + " --out " + Quote((scratch / "a").string()), scratch);
      INFO(base.err);
      REQUIRE(base.exit_code == 0);
      CHECK(base.err.find("skipped") == std::string::npos);
      Result r = Trajc(flags + " --fixtures " + Quote(tree.string()) + " --out " + Quote((scratch / "b").string()), scratch);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);

      std::string line = "trajc: skipped: 2 files (not UTF-8 1, syntax error 1)";
      if (unusable.nodes > 0) line += ", " + std::to_string(unusable.nodes) + " nodes (" + unusable.reason + " " + std::to_string(unusable.nodes) + ")";
      CHECK_THAT(r.err, Catch::Contains(line + "\n"));
      // Skipping changes nothing that is written but the manifest's counts.
      CHECK(Slurp(scratch / "b/train.jsonl") == Slurp(scratch / "a/train.jsonl"));

      Json before = Json::parse(Slurp(scratch / "a/manifest.json"));
      Json m = Json::parse(Slurp(scratch / "b/manifest.json"));
      std::vector<std::string> keys;
      for (const auto& item : m.items()) keys.push_back(item.key());
      CHECK(keys == std::vector<std::string>{"trajc_version", "command", "flags", "inputs", "splits", "skipped", "warnings"});
      const Json& train = m["skipped"]["train"];
      CHECK(train["files"] == Json({{"not UTF-8", 1}, {"syntax error", 1}}));
      CHECK(m["skipped"]["eval"]["files"] == Json::object());
      CHECK(before["skipped"]["train"]["nodes"] == Json::object());
      CHECK(train["nodes"] == (unusable.nodes > 0 ? Json({{unusable.reason, unusable.nodes}}) : Json::object()));
      // Per template: the skipped nodes of its kind, on top of what its dry runs rule out.
      std::map<std::string, std::string> kinds = TemplateKinds(domain);
      REQUIRE(train["templates"].size() == kinds.size());
      for (const auto& [id, kind] : kinds) {
        INFO(id);
        Json want = before["skipped"]["train"]["templates"][id];
        if (unusable.nodes > 0 && kind == unusable.kind) want[unusable.reason] = unusable.nodes;
        CHECK(train["templates"][id] == want);
      }

      Result check = Trajc("fixtures check --domain " + domain + " --fixtures " + Quote(tree.string()) + Root(), scratch);
      INFO(check.err);
      CHECK(check.exit_code == 0);
      CHECK_THAT(check.err, Catch::Contains((tree / "sub/zz_broken.py").string() + ":1:7: skipped: syntax error\n"));
      CHECK_THAT(check.err, Catch::Contains((tree / "sub/zz_latin1.py").string() + ":1:7: skipped: not UTF-8\n"));
      CHECK(check.err.find(".git") == std::string::npos);
      CHECK(check.err.find("__pycache__") == std::string::npos);
      CHECK(check.err.find("pkg.egg") == std::string::npos);
      if (unusable.nodes > 0)
        CHECK_THAT(check.err, Catch::Contains((tree / "zz_unusable.py").string() + ":" + std::to_string(unusable.line) + ":" +
                                              std::to_string(unusable.column) + ": skipped: " + unusable.reason + "\n"));
      CHECK(check.err.find(": error:") == std::string::npos);
    }
  }
}

TEST_CASE("any tree: nothing usable at all is the one error, with what was skipped") {
  fs::path scratch = Scratch("any-tree-nothing");
  fs::path tree = scratch / "tree";
  WriteFile(tree / "zz_broken.py", kBroken);
  WriteFile(tree / "zz_latin1.py", kLatin1);
  Result r = Trajc("--domain lint --count 5 --split 1.0" + Root() + " --fixtures " + Quote(tree.string()) + " --out " +
                       Quote((scratch / "o").string()),
                   scratch);
  CHECK(r.exit_code == 1);
  CHECK(r.err == tree.string() + ": error: no train fixture fits any template; train needs 5 examples; skipped: 2 files "
                                 "(not UTF-8 1, syntax error 1)\n");
  CHECK_FALSE(fs::exists(scratch / "o"));
  Result check = Trajc("fixtures check --domain lint --fixtures " + Quote(tree.string()) + Root(), scratch);
  CHECK(check.exit_code == 1);
  CHECK_THAT(check.err, Catch::Contains(tree.string() + ": error: nothing usable: no file gives a lint task (2 files, 2 skipped, 0 nodes skipped)\n"));
}
