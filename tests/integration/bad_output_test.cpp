// Outputs that fail or are special: a failed write is never reported as success, a
// manifest is believed only with its files, a device / FIFO / symlink named as the
// output survives the run, and killed runs leave no mixture and no garbage behind.
#include <catch2/catch.hpp>

#include <algorithm>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support.h"

using namespace cli_test;

namespace {

const std::string kNoSpace = "trajc: error: cannot write to standard output: No space left on device\n";

// A small lint dataset in `scratch/name`.
fs::path Dataset(const fs::path& scratch, const std::string& name, int seed = 42) {
  fs::path out = scratch / name;
  Result r = Trajc("--domain lint --count 20 --seed " + std::to_string(seed) + " -q" + Root() + " --out " + Quote(out.string()),
                   scratch);
  REQUIRE(r.exit_code == 0);
  return out;
}

// `path:line:col` of byte `offset` of `text`.
std::string At(const fs::path& path, const std::string& text, size_t offset) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, col = 1;
    else ++col;
  }
  return path.string() + ":" + std::to_string(line) + ":" + std::to_string(col);
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// A pid that certainly ran and has ended (and was reaped).
long DeadPid() {
  pid_t child = fork();
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);
  return child;
}

bool IsFifo(const fs::path& p) { return fs::is_fifo(fs::symlink_status(p)); }

}  // namespace

TEST_CASE("a failed write to standard output is exit 1 naming the cause, for every command") {
  fs::path scratch = Scratch("out-full");
  fs::path ds = Dataset(scratch, "ds");
  std::string train = Quote((ds / "train.jsonl").string());
  std::string fixture = Quote((fs::path(TRAJC_SOURCE_DIR) / "fixtures/lint/access_log_parser.py").string());
  std::string schemas = Quote((fs::path(TRAJC_SOURCE_DIR) / "tool_schemas").string());
  WriteFile(scratch / "schema.json", R"({"type": "object", "required": ["a"]})");
  WriteFile(scratch / "ok.json", R"({"a": 1})");
  const std::vector<std::string> commands = {
      "stats " + train + " --json",
      "stats " + train,
      "validate " + train + " --domain lint" + Root(),
      "validate " + train + " --domain lint --json" + Root(),
      "fixtures show " + fixture + " --domain lint",
      "schemas check " + schemas,
      "schemas validate " + Quote((scratch / "schema.json").string()) + " " + Quote((scratch / "ok.json").string()) + " --json",
      "--domain lint --count 10 --json" + Root() + " --out " + Quote((scratch / "gen").string()),
      "lint " + fixture,
      "--help",
  };
  for (const std::string& command : commands) {
    SECTION(command) {
      // The same command succeeds on a working stdout and prints something there.
      Result fine = Trajc(command, scratch);
      REQUIRE(fine.exit_code == (command.rfind("lint ", 0) == 0 ? 1 : 0));
      REQUIRE_FALSE(fine.out.empty());
      Result full = Trajc(command + " > /dev/full", scratch);
      INFO(full.err);
      CHECK(full.exit_code == 1);
      CHECK_THAT(full.err, Catch::EndsWith(kNoSpace));
      std::vector<std::string> lines = Lines(full.err);
      CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("error:") != std::string::npos; }) == 1);
    }
  }
  SECTION("a closed standard output") {
    Result closed = Trajc("stats " + train + " >&-", scratch);
    CHECK(closed.exit_code == 1);
    CHECK(closed.err == "trajc: error: cannot write to standard output: Bad file descriptor\n");
  }
}

TEST_CASE("check: a pinned file that is missing fails naming it; a malformed manifest is a located error") {
  fs::path scratch = Scratch("out-check");
  fs::path ds = Dataset(scratch, "ds");
  std::string manifest_text = Slurp(ds / "manifest.json");

  // The manifest alone, away from its files: nothing reproduces.
  fs::path alone = scratch / "alone" / "manifest.json";
  WriteFile(alone, manifest_text);
  Result r = Trajc("check " + Quote(alone.string()) + Root(), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith((alone.parent_path() / "train.jsonl").string() +
                                      ": error: missing; manifest.json pins it (sha256 "));
  CHECK_THAT(r.out, !Catch::Contains("reproduces"));

  // One file gone of two.
  fs::remove(ds / "eval.jsonl");
  r = Trajc("check " + Quote((ds / "manifest.json").string()) + Root(), scratch);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::StartsWith((ds / "eval.jsonl").string() + ": error: missing; manifest.json pins it (sha256 "));
  CHECK(r.out.empty());

  // Fields of the wrong JSON type: located, exit 1, never an internal error.
  struct Bad {
    std::string from, to, needle, message;
  };
  const std::vector<Bad> bad = {
      {"\"count\": 20", "\"count\": \"20\"", "\"20\"", "\"flags\".count must be an integer from 1 to 9007199254740992 (2^53), got a string"},
      {"\"seed\": 42", "\"seed\": -1", "-1", "\"flags\".seed is an integer from 0 to 2^64-1, got -1"},
      {"\"domain\": \"lint\"", "\"domain\": 7", "7", "\"flags\".domain must be a string, got a number"},
      {"\"split\": 0.9", "\"split\": \"0.9\"", "\"0.9\"", "\"flags\".split must be a number or an array of numbers, got a string"},
      {"\"command\": \"", "\"command\": 5, \"was\": \"", "5", "\"command\" must be a string, got a number"},
      {"\"splits\": {", "\"splits\": 3, \"x\": {", "3", "\"splits\" must be an object naming the dataset's files, got a number"},
      {"\"file\": \"train.jsonl\"", "\"file\": null", "null", "\"splits\".train.file must be the name of a file beside the manifest, got a null"},
  };
  for (const Bad& b : bad) {
    SECTION(b.to) {
      fs::path path = scratch / "bad" / "manifest.json";
      std::string text = Replaced(manifest_text, b.from, b.to);
      WriteFile(path, text);
      Result e = Trajc("check " + Quote(path.string()) + Root(), scratch);
      CHECK(e.exit_code == 1);
      // Located at the value of the wrong type, found after the replacement's start.
      size_t offset = text.find(b.needle, text.find(b.to));
      REQUIRE(offset != std::string::npos);
      CHECK(e.err == At(path, text, offset) +
                         ": error: not a trajc manifest: " + b.message + "\n");
    }
  }
  SECTION("not JSON") {
    fs::path path = scratch / "bad" / "manifest.json";
    WriteFile(path, "{\n  \"flags\": {,\n}\n");
    Result e = Trajc("check " + Quote(path.string()) + Root(), scratch);
    CHECK(e.exit_code == 1);
    CHECK(e.err == path.string() + ":2:13: error: not a trajc manifest: not JSON\n");
  }
}

TEST_CASE("an output that is a device, a FIFO or a symlink is written through, never replaced") {
  fs::path scratch = Scratch("out-special");
  fs::path ds = Dataset(scratch, "ds");
  std::string input = Slurp(ds / "eval.jsonl");  // no empty assistant turn: fill sends nothing
  Result has_fill = Trajc("fill --help", scratch);
  if (has_fill.exit_code != 0) {
    WARN("trajc built without the LLM module: fill not tested");
  } else {
    std::string fill = "env BASE_URL=http://127.0.0.1:1 API_KEY=k MODEL=m " + Quote(TRAJC_BINARY) + " fill " +
                       Quote((ds / "eval.jsonl").string()) + " --no-cache -q -o ";
    SECTION("a symlink: its file is written, the link stays") {
      WriteFile(scratch / "real.jsonl", "old\n");
      fs::create_symlink("real.jsonl", scratch / "link.jsonl");
      Result r = Shell(fill + Quote((scratch / "link.jsonl").string()), scratch);
      CHECK(r.exit_code == 0);
      CHECK(fs::is_symlink(scratch / "link.jsonl"));
      CHECK(Slurp(scratch / "real.jsonl") == input);
      CHECK(Temporaries(scratch).empty());
    }
    SECTION("a dangling symlink: the file it names is created") {
      fs::create_symlink("made.jsonl", scratch / "dangling.jsonl");
      Result r = Shell(fill + Quote((scratch / "dangling.jsonl").string()), scratch);
      CHECK(r.exit_code == 0);
      CHECK(fs::is_symlink(scratch / "dangling.jsonl"));
      CHECK(Slurp(scratch / "made.jsonl") == input);
    }
    SECTION("a FIFO: written to its reader, still a FIFO") {
      fs::path fifo = scratch / "pipe";
      REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
      Result r = Shell("cat " + Quote(fifo.string()) + " > " + Quote((scratch / "read").string()) + " & " + fill +
                           Quote(fifo.string()) + "; status=$?; wait; exit $status",
                       scratch);
      CHECK(r.exit_code == 0);
      CHECK(IsFifo(fifo));
      CHECK(Slurp(scratch / "read") == input);
      CHECK(Temporaries(scratch).empty());
    }
    SECTION("a character device: /dev/null stays /dev/null") {
      REQUIRE(fs::is_character_file("/dev/null"));
      Result r = Shell(fill + "/dev/null", scratch);
      CHECK(r.exit_code == 0);
      CHECK(fs::is_character_file("/dev/null"));
      CHECK(r.out.empty());
    }
    SECTION("-o - is standard output") {
      Result r = Shell("cd " + Quote(scratch.string()) + " && " + fill + "-", scratch);
      CHECK(r.exit_code == 0);
      CHECK(r.out == input);
      CHECK_FALSE(fs::exists(scratch / "-"));
    }
    SECTION("a failed write to a device is an error") {
      Result r = Shell(fill + "/dev/full", scratch);
      CHECK(r.exit_code == 1);
      CHECK(r.err == "/dev/full: error: write failed: No space left on device\n");
    }
  }
  SECTION("generate: a symlinked part is written through; a FIFO part reaches its reader") {
    fs::path out = scratch / "gen";
    fs::create_directories(out);
    fs::create_symlink("../kept.jsonl", out / "train.jsonl");
    fs::path fifo = out / "eval.jsonl";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    Result r = Shell("cat " + Quote(fifo.string()) + " > " + Quote((scratch / "eval.read").string()) + " & " +
                         Quote(TRAJC_BINARY) + " --domain lint --count 20 -q" + Root() + " --out " + Quote(out.string()) +
                         "; status=$?; wait; exit $status",
                     scratch);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_symlink(out / "train.jsonl"));
    CHECK(Slurp(scratch / "kept.jsonl") == Slurp(ds / "train.jsonl"));
    CHECK(IsFifo(fifo));
    CHECK(Slurp(scratch / "eval.read") == Slurp(ds / "eval.jsonl"));
    CHECK(Temporaries(out).empty());
  }
}

TEST_CASE("killed runs: dead runs' temporaries removed, a signal leaves the old dataset, a mixture is refused") {
  fs::path scratch = Scratch("out-killed");
  fs::path out = Dataset(scratch, "out");
  std::string train = Slurp(out / "train.jsonl"), manifest = Slurp(out / "manifest.json");

  SECTION("temporaries of dead runs go at the start of a run; a live run's and other files stay") {
    std::string dead = std::to_string(DeadPid()), live = std::to_string(getpid());
    for (const std::string& name : {".train.jsonl.tmp-" + dead + "-a1B2c3", ".val.jsonl.tmp-" + dead + "-zzzzzz",
                                    ".manifest.json.tmp-" + dead + "-Q9q9q9", ".eval.jsonl.tmp-" + live + "-abcdef",
                                    ".notes.tmp-" + dead, "keep.tmp-" + dead + "-abcdef"})
      WriteFile(out / name, "x");
    Result r = Trajc("--domain lint --count 20 -q" + Root() + " --out " + Quote(out.string()), scratch);
    CHECK(r.exit_code == 0);
    std::vector<std::string> left = Temporaries(out);
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{".eval.jsonl.tmp-" + live + "-abcdef", ".notes.tmp-" + dead,
                                           "keep.tmp-" + dead + "-abcdef"});
  }

  for (const char* sig : {"TERM", "INT"}) {
    SECTION(std::string("SIG") + sig + " mid-run: no temporary, the old dataset intact") {
      Result r = Shell("timeout -s " + std::string(sig) + " 0.5 " + Quote(TRAJC_BINARY) + " --count 50000000 --jobs 1" + Root() +
                           " --out " + Quote(out.string()),
                       scratch);
      CHECK(r.exit_code == 124);
      CHECK(Temporaries(out).empty());
      CHECK(Slurp(out / "train.jsonl") == train);
      CHECK(Slurp(out / "manifest.json") == manifest);
    }
  }

  SECTION("SIGKILL mid-run: its temporaries go with the next run") {
    Result r = Shell("timeout -s KILL 1.5 " + Quote(TRAJC_BINARY) + " --count 50000000 --jobs 1" + Root() + " --out " +
                         Quote(out.string()),
                     scratch);
    CHECK(r.exit_code == 137);  // timeout's status for a command it had to KILL (128 + 9)
    CHECK(Slurp(out / "train.jsonl") == train);
    if (Temporaries(out).empty()) WARN("the run was killed before it opened its outputs");
    REQUIRE(Trajc("--domain lint --count 20 -q" + Root() + " --out " + Quote(out.string()), scratch).exit_code == 0);
    CHECK(Temporaries(out).empty());
  }

  SECTION("a new train beside the old eval and manifest (a kill between renames) is refused by check and stats") {
    fs::path other = Dataset(scratch, "other", 7);
    fs::copy_file(other / "train.jsonl", out / "train.jsonl", fs::copy_options::overwrite_existing);
    Result check = Trajc("check " + Quote((out / "manifest.json").string()) + Root(), scratch);
    CHECK(check.exit_code == 1);
    CHECK_THAT(check.err, Catch::StartsWith((out / "train.jsonl").string() + ":1:1: error: example 0 differs from a fresh compile; "
                                            "the file is not the one the manifest pins (sha256 "));
    CHECK_THAT(check.err, Catch::EndsWith("): edited since, or left half-replaced by an interrupted run\n"));
    Result stats = Trajc("stats --json " + Quote((out / "train.jsonl").string()) + " " + Quote((out / "eval.jsonl").string()),
                         scratch);
    CHECK(stats.exit_code == 0);
    CHECK_THAT(stats.out, Catch::Contains((out / "train.jsonl").string() + ": its sha256 is not the one " +
                                          (out / "manifest.json").generic_string() +
                                          " pins (edited since, or left half-replaced by an interrupted run); its coverage is not used"));
  }
}
