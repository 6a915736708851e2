// `trajc generate-llm` as users run it against the local test server: templates filled
// from inputs, N samples each, JSON answers enforced and checked against a schema (a
// refused answer asked for again, then counted as a failure), the cache, and bad input.
#include <catch2/catch.hpp>

#include "fake_server.h"

using namespace cli_test;
using trajc::Json;

namespace {

Result Generate(const FakeServer& s, const fs::path& scratch, const std::string& args) {
  return RunWith(s, scratch, "generate-llm " + args);
}

}  // namespace

TEST_CASE("generate-llm: each input fills the templates and gets N records") {
  fs::path scratch = Scratch("genllm-basic");
  FakeServer server(scratch);
  WriteFile(scratch / "specs.jsonl", "{\"name\":\"slugify\",\"spec\":{\"lang\":\"py\",\"args\":2}}\n{\"name\":\"merge\",\"spec\":{\"lang\":\"py\",\"args\":1}}\n");
  WriteFile(scratch / "system.txt", "You write {{spec.lang}} functions.");
  WriteFile(scratch / "user.txt", "Write {{name}} taking {{spec.args}} arguments (sample {{sample}} of input {{index}}); spec: {{spec}}");
  Result r = Generate(server, scratch, "specs.jsonl --system-template system.txt --user-template user.txt -n 3 -o out.jsonl --seed 10");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<Json> out = ParseJsonl(Slurp(scratch / "out.jsonl"));
  REQUIRE(out.size() == 6);
  CHECK(out[4]["index"] == 1);
  CHECK(out[4]["sample"] == 1);
  CHECK(out[4]["input"]["name"] == "merge");
  CHECK(out[4]["messages"][0] == Json{{"role", "system"}, {"content", "You write py functions."}});
  CHECK(out[4]["messages"][1]["content"] == "Write merge taking 1 arguments (sample 1 of input 1); spec: {\"lang\":\"py\",\"args\":1}");
  CHECK(out[4]["messages"][2]["role"] == "assistant");
  CHECK(out[3]["messages"][2]["content"] != out[4]["messages"][2]["content"]);  // --seed + sample differ per request
  CHECK_THAT(r.err, Catch::Contains("2 inputs × 3: 6 records (0 from the cache), 0 failed"));
  CHECK(server.Requests() == 6);
  Result again = Generate(server, scratch, "specs.jsonl --system-template system.txt --user-template user.txt -n 3 -o again.jsonl --seed 10");
  CHECK(Slurp(scratch / "again.jsonl") == Slurp(scratch / "out.jsonl"));
  CHECK(server.Requests() == 6);
  // Without a seed the samples of one input are the same request: each still gets its own call.
  Result unseeded = Generate(server, scratch, "specs.jsonl --user 'Name: {{name}}' -n 2 -q");
  CHECK(ParseJsonl(unseeded.out).size() == 4);
  CHECK(server.Requests() == 10);
  Result dry = Generate(server, scratch, "specs.jsonl --user 'Name: {{name}}' -n 3 --dry-run");
  CHECK(ParseJsonl(dry.out).size() == 2);  // samples 0 and 1 are cached; sample 2 of each input is not
  CHECK_THAT(dry.err, Catch::Contains("2 calls to make, 4 answered by the cache"));
  CHECK(server.Requests() == 10);
}

TEST_CASE("generate-llm: JSON answers are enforced and checked against --output-schema") {
  fs::path scratch = Scratch("genllm-json");
  FakeServer server(scratch);
  WriteFile(scratch / "schema.json", R"({"type":"object","properties":{"reply":{"type":"string"},"n":{"type":"integer"}},"required":["reply","n"]})");
  WriteFile(scratch / "in.jsonl",
            "{\"q\":\"fine\"}\n{\"q\":\"[[fault:badjson*1]]\"}\n{\"q\":\"[[fault:badjson:shape*2]]\"}\n{\"q\":\"[[fault:badjson:shape]]\"}\n");
  Result r = Generate(server, scratch, "in.jsonl --user '{{q}}' --output-schema schema.json -o out.jsonl --backoff 5 --max-retries 3");
  INFO(r.err);
  CHECK(r.exit_code == 1);
  std::vector<Json> out = ParseJsonl(Slurp(scratch / "out.jsonl"));
  REQUIRE(out.size() == 3);
  for (const Json& rec : out) {
    CHECK(rec["output"]["reply"].is_string());
    CHECK(rec["output"]["n"].is_number_integer());
    CHECK(Json::parse(rec["messages"].back()["content"].get<std::string>()) == rec["output"]);
  }
  CHECK_THAT(r.err, Catch::Contains("in.jsonl:4:1: error: input 3 sample 0 failed: the answer fails --output-schema: "));
  CHECK_THAT(r.err, Catch::Contains("(at /reply)"));
  CHECK(server.Requests() == 1 + 2 + 3 + 4);
  Result plain = Generate(server, scratch, "in.jsonl --user '{{q}}' --enforce-json -i 1 --no-cache -q");
  CHECK(plain.exit_code == 0);  // badjson*1 was used up above; now valid JSON
  CHECK(ParseJsonl(plain.out)[0]["output"].is_object());
}

TEST_CASE("generate-llm: bad templates, inputs and schemas") {
  fs::path scratch = Scratch("genllm-bad");
  FakeServer server(scratch);
  WriteFile(scratch / "in.jsonl", "{\"q\":\"a\"}\n{\"other\":1}\n[1]\n");
  WriteFile(scratch / "user.txt", "Answer {{q");
  Result bad_template = Generate(server, scratch, "in.jsonl --user-template user.txt");
  CHECK(bad_template.exit_code == 1);
  CHECK_THAT(bad_template.err, Catch::StartsWith("user.txt: error: bad template: "));
  Result no_user = Generate(server, scratch, "in.jsonl");
  CHECK(no_user.exit_code == 2);
  WriteFile(scratch / "schema.json", R"({"type": 5})");
  Result bad_schema = Generate(server, scratch, "in.jsonl --user '{{q}}' --output-schema schema.json");
  CHECK(bad_schema.exit_code == 1);
  CHECK_THAT(bad_schema.err, Catch::StartsWith("schema.json: error: invalid JSON Schema: "));
  CHECK(server.Requests() == 0);
  Result skipped = Generate(server, scratch, "in.jsonl --user '{{q}}' -o out.jsonl");
  CHECK(skipped.exit_code == 0);
  CHECK_THAT(skipped.err, Catch::Contains("in.jsonl:2:1: warning: input 1 skipped: cannot fill the templates: "));
  CHECK_THAT(skipped.err, Catch::Contains("in.jsonl:3:1: warning: input 2 skipped: an input is a JSON object"));
  CHECK(ParseJsonl(Slurp(scratch / "out.jsonl")).size() == 1);
}
