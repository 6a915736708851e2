// GenerateOptions' one conversion to and from the command line and manifest.json's
// "flags": the texts are the ones `trajc generate` has always written.
#include <catch2/catch.hpp>

#include "compile/compile.h"
#include "core/diagnostic.h"

using trajc::Json;
using trajc::compile::GenerateOptions;

namespace {

GenerateOptions Sharded() {
  GenerateOptions o;
  o.count = 200;
  o.split = {0.8, 0.1, 0.1};
  o.format = "hf";
  o.with_meta = true;
  o.shard = {1, 3};
  return o;
}

std::string ErrorOf(const Json& manifest) {
  try {
    trajc::compile::OptionsFromManifest(manifest, "m.json");
  } catch (const trajc::Error& e) {
    CHECK(e.exit_code() == trajc::kExitInvalid);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the command line names only the flags that decide the bytes, in a fixed order") {
  GenerateOptions o;
  o.count = 200;
  o.out = "elsewhere";
  o.jobs = 7;
  o.root = "/some/root";
  CHECK(trajc::compile::CommandLine(o) == "trajc --domain lint --count 200 --split 0.9 --seed 42");
  CHECK(trajc::compile::CommandLine(Sharded()) ==
        "trajc --domain lint --count 200 --split 0.8,0.1,0.1 --seed 42 --format hf --with-meta --shard 1/3");
  GenerateOptions d;
  d.domain = "docstring";
  d.count = 30;
  d.seed = 3;
  d.style = "numpy";
  d.format = "functiongemma";
  d.completion_only = true;
  CHECK(trajc::compile::CommandLine(d) ==
        "trajc --domain docstring --count 30 --split 0.9 --seed 3 --style numpy --format functiongemma --completion-only");
}

TEST_CASE("manifest flags: defaults left out, the split a number or an array, read back as written") {
  Json plain = trajc::compile::ManifestFlags(GenerateOptions{});
  CHECK(plain.dump() == R"({"domain":"lint","count":0,"split":0.9,"seed":42})");
  Json sharded = trajc::compile::ManifestFlags(Sharded());
  CHECK(sharded.dump() ==
        R"({"domain":"lint","count":200,"split":[0.8,0.1,0.1],"seed":42,"format":"hf","with_meta":true,"shard":"1/3"})");
  GenerateOptions back = trajc::compile::OptionsFromManifest(Json{{"flags", sharded}}, "m.json");
  CHECK(trajc::compile::CommandLine(back) == trajc::compile::CommandLine(Sharded()));
  CHECK(back.shard.index == 1);
  CHECK(back.shard.count == 3);
  CHECK(back.out.empty());
  CHECK(back.jobs == 1);
}

TEST_CASE("a manifest without usable flags is not a trajc manifest") {
  CHECK(ErrorOf(Json::array({1})) == "m.json: error: not a trajc manifest: not a JSON object");
  CHECK(ErrorOf(Json{{"flags", {{"domain", "lint"}}}}) ==
        "m.json: error: not a trajc manifest: \"flags\" needs domain, count, split and seed");
  CHECK(ErrorOf(Json{{"flags", {{"domain", "lint"}, {"count", 5}, {"split", 0.9}, {"seed", 1}, {"shard", "1-3"}}}}) ==
        "m.json: error: not a trajc manifest: \"flags\".shard is K/N (e.g. 0/8), got '1-3'");
}

TEST_CASE("--split text: one share or several, each field wholly a number") {
  using trajc::compile::ParseSplit;
  CHECK(ParseSplit("0.9") == std::vector<double>{0.9});
  CHECK(ParseSplit("0.8,0.1,0.1") == std::vector<double>{0.8, 0.1, 0.1});
  CHECK(ParseSplit("0.9,") == std::vector<double>{0.9});  // std::getline yields no empty last field
  CHECK_FALSE(ParseSplit("abc"));
  CHECK_FALSE(ParseSplit(",0.9"));
  CHECK_FALSE(ParseSplit("0.8,,0.2"));
  CHECK_FALSE(ParseSplit("0.9x"));
}

TEST_CASE("--shard text: K/N, unsigned, nothing after") {
  using trajc::compile::ParseShard;
  auto s = ParseShard("1/3");
  REQUIRE(s);
  CHECK(s->index == 1);
  CHECK(s->count == 3);
  CHECK(trajc::compile::ShardText(*s) == "1/3");
  CHECK_FALSE(ParseShard(""));
  CHECK_FALSE(ParseShard("x"));
  CHECK_FALSE(ParseShard("1"));
  CHECK_FALSE(ParseShard("1/3x"));
  CHECK_FALSE(ParseShard("-1/3"));
}
