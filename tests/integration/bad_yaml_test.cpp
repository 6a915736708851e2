// Hostile or degenerate YAML (alias bombs, deep nesting, forbidden bytes, empty files) and
// the messages around YAML inputs: each gets one located line and exit 1, in bounded time
// and memory, through every command that reads YAML (schemas check, --schemas, template
// folders, the lint fixtures' expect.yaml).
#include <catch2/catch.hpp>

#include "cli_support.h"
#include "core/yaml.h"

using namespace cli_test;

namespace {

// Nine scalars, nine aliases of them, nine of those … seven levels: 9^7 values from ~400
// bytes. The aliases pass the budget at the first `*e` of line 6 (column 8).
std::string AliasBomb() {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char level = 'b'; level <= 'g'; ++level) {
    std::string line = std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) line += std::string(i ? ", " : "") + "*" + static_cast<char>(level - 1);
    text += line + "]\n";
  }
  return text;
}

const std::string kBombMessage = ":6:8: error: YAML aliases expand past 100000 nodes; write the repeated values out, or "
                                 "nest fewer aliases\n";

// A copy of the project in `scratch`, with its lint definition's text and where `marker`
// starts in it, for a test to write a broken definition back.
struct LintDefinition {
  fs::path root, schema;
  std::string text;
  size_t at = 0;
};
LintDefinition CopyWithLintDefinition(const fs::path& scratch, const std::string& marker) {
  LintDefinition d;
  d.root = CopyProject(scratch);
  d.schema = d.root / "tool_schemas/lint.yaml";
  d.text = Slurp(d.schema);
  d.at = d.text.find(marker);
  REQUIRE(d.at != std::string::npos);
  return d;
}

// Runs `args` under `timeout 20`: a bounded command returns long before it is killed.
Result Bounded(const std::string& args, const fs::path& scratch) {
  return Shell("timeout 20 " + Quote(TRAJC_BINARY) + " " + args, scratch);
}

std::string Generate(const fs::path& scratch, const std::string& flags) {
  return "--domain lint --count 5 --quiet" + Root() + " " + flags + " --out " + Quote((scratch / "out").string());
}

// Copies the lint fixtures, so that a test may replace their expect.yaml.
fs::path LintFixtures(const fs::path& scratch) {
  fs::path dir = scratch / "fixtures";
  fs::copy(fs::path(TRAJC_SOURCE_DIR) / "fixtures/lint", dir, fs::copy_options::recursive);
  return dir;
}

}  // namespace

TEST_CASE("a YAML alias bomb is refused at the alias, quickly, wherever YAML is read") {
  fs::path scratch = Scratch("yaml-bomb");
  fs::path bomb = scratch / "bomb.yaml";
  WriteFile(bomb, AliasBomb());
  REQUIRE(AliasBomb().size() < 500);

  SECTION("schemas check FILE") {
    Result r = Bounded("schemas check " + Quote(bomb.string()), scratch);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);  // 124 would be timeout's: killed after 20 s
    CHECK(r.out == bomb.string() + kBombMessage);
  }
  SECTION("--schemas") {
    Result r = Bounded(Generate(scratch, "--schemas " + Quote(bomb.string())), scratch);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == bomb.string() + kBombMessage);
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
  SECTION("a template folder") {
    fs::path templates = scratch / "templates";
    fs::copy(fs::path(TRAJC_SOURCE_DIR) / "trajectories/lint", templates, fs::copy_options::recursive);
    WriteFile(templates / "zz_bomb.yaml", AliasBomb());
    Result r = Bounded(Generate(scratch, "--templates " + Quote(templates.string())), scratch);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (templates / "zz_bomb.yaml").string() + kBombMessage);
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
  SECTION("the lint fixtures' expect.yaml") {
    fs::path fixtures = LintFixtures(scratch);
    WriteFile(fixtures / "expect.yaml", AliasBomb());
    Result r = Bounded("fixtures check --domain lint" + Root() + " --fixtures " + Quote(fixtures.string()), scratch);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out + r.err, Catch::Contains((fixtures / "expect.yaml").string() + kBombMessage));
  }
}

TEST_CASE("YAML nested past the depth limit is a located error, not a stack overflow") {
  fs::path scratch = Scratch("yaml-deep");
  const std::string depth = std::to_string(trajc::kMaxYamlDepth);
  SECTION("100,000 nested flow sequences") {
    WriteFile(scratch / "deep.yaml", "tools: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
    Result r = Bounded("schemas check " + Quote((scratch / "deep.yaml").string()), scratch);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    // `tools: ` is 7 bytes; the mapping is level 1, so the 256th `[` opens level 257.
    CHECK(r.out == (scratch / "deep.yaml").string() + ":1:" + std::to_string(7 + trajc::kMaxYamlDepth) +
                               ": error: YAML nests deeper than " + depth + " levels; flatten the structure\n");
  }
  SECTION("aliases nested past the limit") {
    // Each anchor wraps the previous one in one more sequence: the depth comes from aliases.
    std::string text = "l0: &l0 [x]\n";
    for (size_t i = 1; i <= trajc::kMaxYamlDepth; ++i)
      text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [*l" + std::to_string(i - 1) + "]\n";
    WriteFile(scratch / "deep_alias.yaml", text);
    Result r = Bounded("schemas check " + Quote((scratch / "deep_alias.yaml").string()), scratch);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    // l254's anchor holds 255 levels; under the root mapping and l255's own sequence that
    // is 257: the alias `*l254` on line 256, after `l255: &l255 [`, is refused.
    std::string last = std::to_string(trajc::kMaxYamlDepth - 1);
    CHECK(r.out == (scratch / "deep_alias.yaml").string() + ":" + std::to_string(trajc::kMaxYamlDepth) +
                               ":" + std::to_string(2 * last.size() + 8) + ": error: YAML nests deeper than " + depth +
                               " levels; flatten the structure\n");
  }
}

TEST_CASE("a NUL byte or another control character in YAML is refused where it is") {
  fs::path scratch = Scratch("yaml-nul");
  auto [root, schema, text, at] = CopyWithLintDefinition(scratch, "name: lint");
  SECTION("NUL") {
    WriteFile(schema, text.replace(at + 8, 0, std::string(1, '\0')));
    Result r = Bounded("--count 5 --root " + Quote(root.string()) + " --out " + Quote((scratch / "out").string()), scratch);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == schema.string() + ":3:9: error: NUL byte is not allowed in YAML; remove it, or write it as an escape "
                                     "(\\u0000) inside a double-quoted string\n");
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
  SECTION("another C0 control (BEL) in a template") {
    fs::path tmpl = root / "trajectories/lint/zz_bell.yaml";
    WriteFile(tmpl, "id: lint.zz_bell\nnode: module\ninstruction: [\"Ring \a\"]\nsteps: []\n");
    Result r = Bounded("--count 5 --root " + Quote(root.string()) + " --out " + Quote((scratch / "out").string()), scratch);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == tmpl.string() + ":3:21: error: control character U+0007 is not allowed in YAML; remove it, or write "
                                   "it as an escape (\\u0007) inside a double-quoted string\n");
  }
}

TEST_CASE("an empty YAML file is located at 1:1 and says what belongs in it") {
  fs::path scratch = Scratch("yaml-empty");
  SECTION("0 bytes: schemas check") {
    WriteFile(scratch / "empty.yaml", "");
    Result r = Bounded("schemas check " + Quote((scratch / "empty.yaml").string()), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.out == (scratch / "empty.yaml").string() +
                               ":1:1: error: empty file; a subagent definition is a mapping with name, system_prompt, "
                               "context_template and tools\n");
  }
  SECTION("only comments: --schemas") {
    WriteFile(scratch / "comments.yaml", "# nothing yet\n\n# still nothing\n");
    Result r = Bounded(Generate(scratch, "--schemas " + Quote((scratch / "comments.yaml").string())), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (scratch / "comments.yaml").string() +
                       ":1:1: error: empty file; a subagent definition is a mapping with name, system_prompt, "
                       "context_template and tools\n");
  }
  SECTION("a template") {
    fs::path templates = scratch / "templates";
    fs::copy(fs::path(TRAJC_SOURCE_DIR) / "trajectories/lint", templates, fs::copy_options::recursive);
    WriteFile(templates / "zz_empty.yaml", "");
    Result r = Bounded(Generate(scratch, "--templates " + Quote(templates.string())), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (templates / "zz_empty.yaml").string() +
                       ":1:1: error: empty file; a template must be a mapping with id, node, instruction and steps\n");
  }
  SECTION("expect.yaml") {
    fs::path fixtures = LintFixtures(scratch);
    WriteFile(fixtures / "expect.yaml", "# to do\n");
    Result r = Bounded("fixtures check --domain lint" + Root() + " --fixtures " + Quote(fixtures.string()), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out + r.err, Catch::Contains((fixtures / "expect.yaml").string() +
                                              ":1:1: error: empty file; expect.yaml must map fixture paths to lists of "
                                              "CODE@line:col\n"));
  }
}

TEST_CASE("an unknown name in context_template is located where it is written, on one line") {
  fs::path scratch = Scratch("yaml-context");
  auto [root, schema, text, at] = CopyWithLintDefinition(scratch, "({{line_count}} lines)");
  SECTION("an unknown name") {
    WriteFile(schema, std::string(text).replace(at, 22, "({{line_cnt}} lines)"));
    Result r = Bounded("--count 5 --root " + Quote(root.string()) + " --out " + Quote((scratch / "out").string()), scratch);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith(schema.string() + ":11:19: error: context_template: unknown name 'line_cnt'; "
                                                          "known: instruction, "));
    CHECK(Lines(r.err).size() == 1);
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
  SECTION("a key with a line break stays on one line") {
    // A double-quoted key with an escaped line break, then a duplicate of it.
    WriteFile(schema, "\"na\\nme\": lint\n\"na\\nme\": again\n");
    Result r = Bounded("schemas check " + Quote(schema.string()), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.out == schema.string() + ":2:1: error: duplicate key 'na\\nme'\n");
  }
}

TEST_CASE("fix on a read-only file system says what to do instead") {
  fs::path scratch = Scratch("fix-readonly");
  fs::path dir = scratch / "src";
  WriteFile(dir / "m.py", "x = 1   \n");  // W291, a safe fix
  if (Shell("unshare -rm true", scratch).exit_code != 0) {
    WARN("no user namespaces here (unshare -rm): the read-only mount cannot be made");
    return;
  }
  std::string d = Quote(dir.string());
  Result r = Shell("unshare -rm sh -c " + Quote("mount --bind -o ro " + d + " " + d + " && " + Quote(TRAJC_BINARY) +
                                                " fix -q " + Quote((dir / "m.py").string())),
                   scratch);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err == dir.string() + ": error: cannot write output here: Read-only file system; fix rewrites files in "
                                "place (through a temporary beside them): make the folder writable, or print the "
                                "fixes as a patch with --diff\n");
  CHECK(Slurp(dir / "m.py") == "x = 1   \n");
}
