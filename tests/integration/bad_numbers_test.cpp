// Numbers users got wrong, in inputs and in flags: a JSON number beyond a double, a seed
// beyond 2^64-1, a count that is not an integer or beyond 2^53, a NaN threshold, and
// positionals after --remote. Each gets one clear message and a documented exit code
// (1 invalid input, 2 usage), never an internal error (70) or a silently changed value.
#include <catch2/catch.hpp>

#include <tuple>

#include "cli_support.h"

using namespace cli_test;

namespace {

const std::string kOutOfRange = " is beyond what a double holds (magnitude up to 1.8e308)";

// A run that must not hang: a regression that spins is cut after a minute (exit 124).
Result Bounded(const std::string& args, const fs::path& scratch) {
  return Shell("timeout 60 " + Quote(TRAJC_BINARY) + " " + args, scratch);
}

std::string P(const fs::path& path) { return Quote(path.string()); }

}  // namespace

TEST_CASE("a JSON number beyond a double is a located error (exit 1) in every JSON reader, never an internal error") {
  fs::path scratch = Scratch("numbers-json");
  // 1e309 starts at column 48 (1-based) of the record's line.
  const std::string record = R"({"messages":[{"role":"user","content":"hi","x":1e309}]})";
  REQUIRE(record.find("1e309") == 47);
  WriteFile(scratch / "data.jsonl", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n" + record + "\n");
  WriteFile(scratch / "schema.json", "{\"type\": \"object\"}\n");
  WriteFile(scratch / "instance.json", "{\n  \"a\": [1, -1e400]\n}\n");
  // 400 digits: an integer no 64 bits hold, and as a double out of range too.
  WriteFile(scratch / "digits.jsonl", "{\"n\": 1" + std::string(400, '0') + "}\n");

  SECTION("trajc validate: the record's line and the number's column, the other records still checked") {
    Result r = Trajc("validate " + P(scratch / "data.jsonl") + " --domain lint" + Root(), scratch);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    std::vector<std::string> lines = Lines(r.out);
    REQUIRE(lines.size() == 3);  // line 1 is no lint trajectory: its own violation; then the summary
    CHECK_THAT(lines[0], Catch::StartsWith((scratch / "data.jsonl").string() + ":1: error: "));
    CHECK(lines[1] == (scratch / "data.jsonl").string() + ":2:48: error: number out of range: 1e309" + kOutOfRange);
    CHECK_THAT(lines[2], Catch::StartsWith("trajc: 2 records in 1 file(s): 2 invalid, 2 errors"));
  }
  SECTION("trajc stats: one located error, no report") {
    Result r = Trajc("stats " + P(scratch / "data.jsonl"), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == (scratch / "data.jsonl").string() + ":2:48: error: number out of range: 1e309" + kOutOfRange + "\n");
  }
  SECTION("trajc schemas validate: an instance file, a --jsonl line, a 400-digit integer") {
    Result r = Trajc("schemas validate " + P(scratch / "schema.json") + " " + P(scratch / "instance.json"), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "instance.json").string() +
                                        ":2:12: error: number out of range: -1e400" + kOutOfRange + "\n"));
    r = Trajc("schemas validate " + P(scratch / "schema.json") + " " + P(scratch / "data.jsonl") + " --jsonl", scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "data.jsonl").string() + ":2:48: error: number out of range: 1e309" +
                                        kOutOfRange + "\n"));
    CHECK_THAT(r.err, Catch::Contains("2 instance(s) in 1 file(s): 1 invalid (0 schema errors, 1 unreadable)"));
    r = Trajc("schemas validate " + P(scratch / "schema.json") + " " + P(scratch / "digits.jsonl") + " --jsonl", scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "digits.jsonl").string() + ":1:7: error: number out of range: 1" +
                                        std::string(36, '0') + "..." + kOutOfRange + "\n"));
  }
  SECTION("trajc schemas validate: the schema itself") {
    WriteFile(scratch / "huge.json", "{\"maximum\": 1e309}");
    Result r = Trajc("schemas validate " + P(scratch / "huge.json") + " " + P(scratch / "instance.json"), scratch);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (scratch / "huge.json").string() + ":1:13: error: number out of range: 1e309" + kOutOfRange + "\n");
  }
  SECTION("numbers a double holds are still read: 1e308, -1e-400 (0)") {
    WriteFile(scratch / "fine.json", "[1e308, -1e-400, 18446744073709551615]");
    Result r = Trajc("schemas validate " + P(scratch / "schema.json") + " " + P(scratch / "fine.json"), scratch);
    CHECK(r.exit_code == 1);  // an array, not an object: a schema error, not a number error
    CHECK_THAT(r.out, Catch::Contains("(root): "));
    CHECK_THAT(r.err, !Catch::Contains("out of range"));
  }
}

TEST_CASE("--seed of 2^64 or more is a usage error naming it and the range, not clamped") {
  fs::path scratch = Scratch("numbers-seed");
  fs::path out = scratch / "out";
  for (const std::string seed : {"18446744073709551616", "99999999999999999999", "1e5"}) {
    DYNAMIC_SECTION("--seed " << seed) {
      Result r = Trajc("--count 5 --seed " + seed + Root() + " --out " + P(out), scratch);
      CHECK(r.exit_code == 2);
      CHECK(r.err == "trajc: error: --seed: must be an integer from 0 to 2^64-1 (18446744073709551615), got " + seed +
                         "; see trajc --help\n");
      CHECK_FALSE(fs::exists(out));
    }
  }
  SECTION("negative seeds are still refused as such") {
    Result r = Trajc("--count 5 --seed -1" + Root() + " --out " + P(out), scratch);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "trajc: error: --seed: must not be negative, got -1; see trajc --help\n");
    CHECK_FALSE(fs::exists(out));
  }
  SECTION("2^64-1 is a seed, recorded as given") {
    Result r = Trajc("--count 5 -q --seed 18446744073709551615" + Root() + " --out " + P(out), scratch);
    REQUIRE(r.exit_code == 0);
    trajc::Json manifest = trajc::Json::parse(Slurp(out / "manifest.json"));
    CHECK(manifest["flags"]["seed"].get<uint64_t>() == 18446744073709551615ULL);
  }
}

TEST_CASE("--count that is not an integer from 1 to 2^53 is a usage error stating it and the range") {
  fs::path scratch = Scratch("numbers-count");
  fs::path out = scratch / "out";
  for (const std::string count : {"1e30", "99999999999999999999", "9007199254740993", "9223372036854775807", "2.5", "+5"}) {
    DYNAMIC_SECTION("--count " << count) {
      Result r = Bounded("--count " + count + Root() + " --out " + P(out), scratch);
      CHECK(r.exit_code == 2);
      CHECK(r.err == "trajc: error: --count must be an integer from 1 to 9007199254740992 (2^53), got " + count + "\n");
      CHECK(r.out.empty());
      CHECK_FALSE(fs::exists(out));
    }
  }
}

TEST_CASE("a manifest's count and seed are checked as the flags are: trajc check names the value") {
  fs::path scratch = Scratch("numbers-manifest");
  fs::path out = scratch / "out";
  REQUIRE(Trajc("--count 5 -q" + Root() + " --out " + P(out), scratch).exit_code == 0);
  std::string manifest = Slurp(out / "manifest.json");
  for (const auto& [from, to, message] :
       {std::tuple<std::string, std::string, std::string>{"\"count\": 5", "\"count\": 1e30",
                                                          "\"flags\".count is an integer from 1 to 9007199254740992 (2^53), got 1e+30"},
        {"\"count\": 5", "\"count\": 9223372036854775808",
         "\"flags\".count is an integer from 1 to 9007199254740992 (2^53), got 9223372036854775808"},
        {"\"seed\": 42", "\"seed\": -3", "\"flags\".seed is an integer from 0 to 2^64-1, got -3"}}) {
    std::string broken = manifest;
    size_t at = broken.find(from);
    REQUIRE(at != std::string::npos);
    WriteFile(out / "manifest.json", broken.replace(at, from.size(), to));
    Result r = Trajc("check " + P(out / "manifest.json") + Root(), scratch);
    CHECK(r.exit_code == 1);
    // Located at the value (line:col), as every malformed manifest field is.
    CHECK_THAT(r.err, Catch::StartsWith((out / "manifest.json").string() + ":") &&
                          Catch::EndsWith(": error: not a trajc manifest: " + message + "\n"));
    CHECK(r.err.find('\n') == r.err.size() - 1);
  }
}

TEST_CASE("stats --near-threshold refuses NaN and infinities (exit 2)") {
  fs::path scratch = Scratch("numbers-threshold");
  WriteFile(scratch / "train.jsonl", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
  for (const std::string value : {"nan", "NaN", "inf", "-inf"}) {
    DYNAMIC_SECTION("--near-threshold " << value) {
      Result r = Trajc("stats " + P(scratch / "train.jsonl") + " --near-threshold " + value, scratch);
      CHECK(r.exit_code == 2);
      CHECK(r.err == "trajc: error: --near-threshold: must be a finite number, got " + value + "; see trajc --help\n");
      CHECK(r.out.empty());
    }
  }
  Result ok = Trajc("stats " + P(scratch / "train.jsonl") + " --near-threshold 0.9 --json", scratch);
  CHECK(ok.exit_code == 0);
}

TEST_CASE("schemas validate --remote takes one URI=FILE per occurrence, never the positionals after it") {
  fs::path scratch = Scratch("numbers-remote");
  WriteFile(scratch / "defs.json", R"({"$defs": {"n": {"type": "integer"}}})");
  WriteFile(scratch / "more.json", R"({"$defs": {"s": {"type": "string"}}})");
  WriteFile(scratch / "schema.json", R"({"$ref": "https://example.com/defs.json#/$defs/n"})");
  WriteFile(scratch / "both.json", R"({"type": "array", "prefixItems": [{"$ref": "https://example.com/defs.json#/$defs/n"},
                                      {"$ref": "https://example.com/more.json#/$defs/s"}]})");
  WriteFile(scratch / "three.json", "3");
  WriteFile(scratch / "four.json", "4");
  WriteFile(scratch / "word.json", "\"four\"");
  WriteFile(scratch / "pair.json", "[1, \"a\"]");
  const std::string remote = " --remote https://example.com/defs.json=" + P(scratch / "defs.json");

  SECTION("--remote URI=FILE SCHEMA INSTANCE...") {
    Result r = Trajc("schemas validate" + remote + " " + P(scratch / "schema.json") + " " + P(scratch / "three.json") + " " +
                         P(scratch / "four.json"),
                     scratch);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "trajc: 2 instance(s) in 2 file(s): all valid\n");
    r = Trajc("schemas validate" + remote + " " + P(scratch / "schema.json") + " " + P(scratch / "word.json"), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("word.json:1:1: error: (root): "));
  }
  SECTION("repeated --remote, each one document") {
    Result r = Trajc("schemas validate" + remote + " --remote https://example.com/more.json=" + P(scratch / "more.json") +
                         " " + P(scratch / "both.json") + " " + P(scratch / "pair.json"),
                     scratch);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "trajc: 1 instance(s) in 1 file(s): all valid\n");
  }
  SECTION("a malformed --remote is a usage error naming it, the positionals left alone") {
    Result r = Trajc("schemas validate --remote X " + P(scratch / "schema.json") + " " + P(scratch / "three.json") + " " +
                         P(scratch / "four.json"),
                     scratch);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "trajc: error: --remote takes URI=FILE, got 'X'\n");
    CHECK(r.out.empty());
  }
}

TEST_CASE("--shard K/N: parts of 2^64 or more, signs and spaces are refused; the largest N slices exactly") {
  fs::path scratch = Scratch("numbers-shard");
  fs::path out = scratch / "out";
  for (const std::string shard : {"0/18446744073709551616", "99999999999999999999/1", "+1/2", "1/ 2", "1/2x", "1"}) {
    DYNAMIC_SECTION("--shard '" << shard << "'") {
      Result r = Bounded("--count 5 --shard '" + shard + "'" + Root() + " --out " + P(out), scratch);
      CHECK(r.exit_code == 2);
      CHECK(r.err == "trajc: error: --shard takes K/N, whole numbers below 2^64 (e.g. 0/8), got '" + shard + "'\n");
      CHECK_FALSE(fs::exists(out));
    }
  }
  SECTION("N = 2^64-1: shard N-1 holds the last example, shard 7 none (count x K does not wrap)") {
    // 5 examples, all train (round(5 x 0.9) = 5): shard K holds [floor(5K/N), floor(5(K+1)/N)).
    Result last = Bounded("--count 5 -q --shard 18446744073709551614/18446744073709551615" + Root() + " --out " + P(out),
                          scratch);
    REQUIRE(last.exit_code == 0);
    CHECK(Lines(Slurp(out / "train.jsonl")).size() == 1);
    CHECK(Slurp(out / "eval.jsonl").empty());
    Result first = Bounded("--count 5 -q --shard 7/18446744073709551615" + Root() + " --out " + P(out), scratch);
    REQUIRE(first.exit_code == 0);
    CHECK(Slurp(out / "train.jsonl").empty());
  }
}
