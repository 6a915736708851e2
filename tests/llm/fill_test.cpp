// `trajc fill` as users run it, against a local OpenAI-compatible server that fails on
// request (tests/llm/fake_openai_server.py): every fault retried or reported, the cache,
// resume after SIGKILL, ranges, formats, the key kept secret, and bad input refused.
#include <catch2/catch.hpp>

#include "fake_server.h"

using namespace cli_test;
using trajc::Json;

namespace {

std::string Record(const std::string& uuid, const std::string& user, const std::string& tail = "") {
  return "{\"uuid\":\"" + uuid + "\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"" +
         user + "\"},{\"role\":\"assistant\",\"content\":\"\"}" + tail + "],\"license\":\"cc-by-4.0\",\"used_in\":[\"sft\"]}";
}

Result Fill(const FakeServer& s, const fs::path& scratch, const std::string& args, const std::string& key = kKey) {
  return RunWith(s, scratch, "fill " + args, key);
}

}  // namespace

TEST_CASE("fill: empty assistant turns are filled; every other field and the order are kept") {
  fs::path scratch = Scratch("fill-basic");
  FakeServer server(scratch);
  std::string tool_turn = ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                          "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                          "\"content\":\"ok\"},{\"role\":\"assistant\",\"content\":null}";
  WriteFile(scratch / "in.jsonl", Record("u1", "Hello") + "\n" + Record("u2", "Call f", tool_turn) + "\n" +
                                      "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"done\"}]}\n");
  Result r = Fill(server, scratch, "in.jsonl -o out.jsonl");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<Json> out = ParseJsonl(Slurp(scratch / "out.jsonl"));
  std::vector<Json> in = ParseJsonl(Slurp(scratch / "in.jsonl"));
  REQUIRE(out.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    Json expected = in[i];
    auto& messages = expected["messages"];
    for (size_t k = 0; k < messages.size(); ++k) {
      const Json& m = out[i]["messages"][k];
      if (messages[k]["role"] == "assistant" && !messages[k].contains("tool_calls") &&
          (messages[k]["content"].is_null() || messages[k]["content"] == "")) {
        CHECK_THAT(m["content"].get<std::string>(), Catch::StartsWith("reply "));
        messages[k]["content"] = m["content"];
      }
    }
    CHECK(trajc::Dump(out[i]) == trajc::Dump(expected));  // same fields, same order, same values
  }
  // The second assistant turn of u2 was asked for with the first tool turn and its result.
  CHECK(out[1]["messages"][5]["content"] != out[0]["messages"][2]["content"]);
  CHECK_THAT(r.err, Catch::Contains("3 records: 2 filled (3 turns, 0 from the cache), 1 unchanged"));
  CHECK(server.Requests() == 3);

  // JSON array in, JSON array out (or JSONL with -f), same records.
  Result j = Fill(server, scratch, "in.jsonl -f json -o out.json");
  REQUIRE(j.exit_code == 0);
  Json array = Json::parse(Slurp(scratch / "out.json"));
  REQUIRE(array.size() == 3);
  CHECK(trajc::Dump(array[1]) == trajc::Dump(out[1]));
  fs::copy_file(scratch / "out.json", scratch / "in.json");
  Result back = Fill(server, scratch, "in.json -f jsonl -o back.jsonl");
  REQUIRE(back.exit_code == 0);
  CHECK(Slurp(scratch / "back.jsonl") == Slurp(scratch / "out.jsonl"));
  CHECK(server.Requests() == 3);  // the cache answered every call of both re-runs

  // stdout by default; the same bytes at any concurrency.
  Result one = Fill(server, scratch, "in.jsonl --no-cache -c 1 -q");
  Result eight = Fill(server, scratch, "in.jsonl --no-cache -c 8 -q");
  CHECK(one.out == Slurp(scratch / "out.jsonl"));
  CHECK(eight.out == one.out);
  CHECK(server.Requests() == 9);
  // Sampling parameters are part of the request, so of the cache key: new calls, new answers.
  Result sampled = Fill(server, scratch, "in.jsonl --seed 3 --temperature 0.2 -q");
  CHECK(server.Requests() == 12);
  CHECK(sampled.out != one.out);
}

TEST_CASE("fill: server faults are retried until the answer comes") {
  fs::path scratch = Scratch("fill-faults");
  FakeServer server(scratch);
  std::string input;
  int n = 0;
  for (const char* fault : {"500*2", "503*1", "429:1*1", "malformed*1", "empty*1", "nocontent*1", "drop*1", "slow:1500*1"})
    input += Record("f" + std::to_string(n++), std::string("[[fault:") + fault + "]]") + "\n";
  WriteFile(scratch / "in.jsonl", input);
  auto started = std::chrono::steady_clock::now();
  Result r = Fill(server, scratch, "in.jsonl -o out.jsonl --backoff 20 --timeout 700 -c 4");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(ParseJsonl(Slurp(scratch / "out.jsonl")).size() == 8);
  CHECK(server.Requests() == 8 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1);
  CHECK(seconds >= 1.0);  // Retry-After: 1 was honoured
  CHECK_THAT(r.err, Catch::Contains("8 filled"));
}

TEST_CASE("fill: calls that cannot succeed are reported by index, and the run goes on") {
  fs::path scratch = Scratch("fill-fail");
  FakeServer server(scratch);
  WriteFile(scratch / "in.jsonl", Record("ok", "fine") + "\n" + Record("bad", "[[fault:400]]") + "\n" +
                                      Record("down", "[[fault:500]]") + "\n" + "[1, 2]\n" + Record("ok2", "fine too") + "\n");
  Result r = Fill(server, scratch, "in.jsonl -o out.jsonl --backoff 5 --max-retries 2");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("in.jsonl:2:1: error: record 1 skipped: turn 2: HTTP 400: "));
  CHECK_THAT(r.err, Catch::Contains("(after 1 attempts)"));
  CHECK_THAT(r.err, Catch::Contains("in.jsonl:3:1: error: record 2 skipped: turn 2: HTTP 500: "));
  CHECK_THAT(r.err, Catch::Contains("(after 3 attempts)"));
  CHECK_THAT(r.err, Catch::Contains("in.jsonl:4:1: warning: record 3 skipped: a record is a JSON object"));
  CHECK_THAT(r.err, Catch::Contains("5 records: 2 filled"));
  CHECK_THAT(r.err, Catch::Contains("2 failed, 1 invalid"));
  std::vector<Json> out = ParseJsonl(Slurp(scratch / "out.jsonl"));
  REQUIRE(out.size() == 2);
  CHECK(out[1]["uuid"] == "ok2");
  Result kept = Fill(server, scratch, "in.jsonl -o kept.jsonl --backoff 5 --max-retries 0 --keep-failed -q");
  CHECK(kept.exit_code == 1);
  std::vector<Json> with_failed = ParseJsonl(Slurp(scratch / "kept.jsonl"));
  REQUIRE(with_failed.size() == 4);
  CHECK(with_failed[1]["messages"][2]["content"] == "");  // kept unfilled, as it came
}

TEST_CASE("fill: the API key never appears in output, messages, cache or logs") {
  fs::path scratch = Scratch("fill-secret");
  FakeServer server(scratch);
  WriteFile(scratch / "in.jsonl", Record("a", "hi") + "\n" + Record("b", "[[fault:400]]") + "\n");
  Result ok = Fill(server, scratch, "in.jsonl -o out.jsonl -v --backoff 5");
  Result dry = Fill(server, scratch, "in.jsonl --dry-run --no-cache --json");
  Result wrong = Fill(server, scratch, "in.jsonl -o wrong.jsonl --no-cache --max-retries 0", "sk-WRONG-but-also-secret");
  CHECK_THAT(wrong.err, Catch::Contains("HTTP 401"));
  for (const std::string& text : {ok.out, ok.err, dry.out, dry.err, wrong.out, wrong.err, Slurp(scratch / "out.jsonl"),
                                  Slurp(scratch / ".trajc-fill-cache.sqlite"), Slurp(server.log())}) {
    CHECK(text.find(kKey) == std::string::npos);
    CHECK(text.find("sk-WRONG-but-also-secret") == std::string::npos);
  }
}

TEST_CASE("fill: killed mid-run, the same command finishes it with the same output") {
  fs::path scratch = Scratch("fill-resume");
  FakeServer server(scratch, "--latency-ms 60");
  std::string input;
  for (int i = 0; i < 40; ++i) input += Record("r" + std::to_string(i), "question " + std::to_string(i)) + "\n";
  WriteFile(scratch / "in.jsonl", input);
  Result reference = Fill(server, scratch, "in.jsonl -o reference.jsonl --cache ref.sqlite -c 2 -q");
  REQUIRE(reference.exit_code == 0);
  int before = server.Requests();
  REQUIRE(before == 40);
  // Start the run, let it fill part of the input, and kill it without warning.
  Shell("cd " + Quote(scratch.string()) + " && (" + server.Env() + Quote(TRAJC_BINARY) +
            " fill in.jsonl -o out.jsonl -c 2 -q & echo $! > trajc.pid; wait) >/dev/null 2>&1 &",
        scratch);
  for (int i = 0; i < 500 && server.Requests() < before + 12; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ::kill(std::stoi(Slurp(scratch / "trajc.pid")), SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int made = server.Requests() - before;
  REQUIRE(made >= 12);
  REQUIRE(made < 40);
  CHECK_FALSE(fs::exists(scratch / "out.jsonl"));  // nothing half-written under the output's name
  Result again = Fill(server, scratch, "in.jsonl -o out.jsonl -c 2");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(Slurp(scratch / "out.jsonl") == Slurp(scratch / "reference.jsonl"));
  int resumed = server.Requests() - before - made;
  CHECK(resumed + made <= 40 + 2);  // at most the calls in flight at the kill are made again
  CHECK(resumed < 40);
  for (const auto& entry : fs::directory_iterator(scratch))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);  // the killed run's temporary is gone
}

TEST_CASE("fill: --start/--end, --index, --skip-existing and --dry-run") {
  fs::path scratch = Scratch("fill-select");
  FakeServer server(scratch);
  std::string input;
  for (int i = 0; i < 5; ++i) input += Record("r" + std::to_string(i), "q" + std::to_string(i)) + "\n";
  input += "{\"uuid\":\"done\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"y\"}]}\n";
  WriteFile(scratch / "in.jsonl", input);
  Result dry = Fill(server, scratch, "in.jsonl --dry-run");
  CHECK(dry.exit_code == 0);
  std::vector<Json> requests = ParseJsonl(dry.out);
  REQUIRE(requests.size() == 5);
  CHECK(requests[2]["index"] == 2);
  CHECK(requests[2]["request"]["model"] == "test-model");
  CHECK_THAT(dry.err, Catch::Contains("5 calls to make"));
  CHECK(server.Requests() == 0);
  CHECK_FALSE(fs::exists(scratch / ".trajc-fill-cache.sqlite-wal"));

  auto uuids = [&](const std::string& args) {
    Result r = Fill(server, scratch, "in.jsonl -q " + args);
    REQUIRE(r.exit_code == 0);
    std::string out;
    for (const Json& j : ParseJsonl(r.out)) out += j["uuid"].get<std::string>() + " ";
    return out;
  };
  CHECK(uuids("--start 1 --end 3") == "r1 r2 ");
  CHECK(uuids("-i 4") == "r4 ");
  CHECK(uuids("--start 3") == "r3 r4 done ");
  CHECK(uuids("--skip-existing") == "r0 r1 r2 r3 r4 ");
  CHECK(uuids("") == "r0 r1 r2 r3 r4 done ");
  CHECK(server.Requests() == 5);
  Result dry_cached = Fill(server, scratch, "in.jsonl --dry-run");
  CHECK(dry_cached.out.empty());
  CHECK_THAT(dry_cached.err, Catch::Contains("0 calls to make, 5 answered by the cache"));
}

TEST_CASE("fill: bad input and missing configuration are refused before anything is sent") {
  fs::path scratch = Scratch("fill-bad");
  FakeServer server(scratch);
  WriteFile(scratch / "empty.jsonl", "\n");
  WriteFile(scratch / "open.json", "[" + Record("a", "x") + ",\n");
  WriteFile(scratch / "in.jsonl", Record("a", "x") + "\n");
  Result empty = Fill(server, scratch, "empty.jsonl -o out.jsonl");
  CHECK(empty.exit_code == 1);
  CHECK(empty.err == "empty.jsonl: error: the input is empty: no records to fill\n");
  Result open = Fill(server, scratch, "open.json -o out.json");
  CHECK(open.exit_code == 1);
  CHECK_THAT(open.err, Catch::Contains("open.json:2:1: error: the JSON array is not closed"));
  CHECK_FALSE(fs::exists(scratch / "out.json"));
  Result no_model = Shell("cd " + Quote(scratch.string()) + " && env -u MODEL BASE_URL=http://127.0.0.1:1 API_KEY=k " +
                              Quote(TRAJC_BINARY) + " fill in.jsonl",
                          scratch);
  CHECK(no_model.exit_code == 2);
  CHECK_THAT(no_model.err, Catch::Contains("MODEL is not set"));
  Result both = Fill(server, scratch, "in.jsonl -i 0 --start 0");
  CHECK(both.exit_code == 2);
  WriteFile(scratch / "dot.env", "BASE_URL=http://127.0.0.1:1\nAPI_KEY=sk-from-file\nMODEL=m\n");
  Result refused = Shell("cd " + Quote(scratch.string()) + " && env -u BASE_URL -u API_KEY -u MODEL " + Quote(TRAJC_BINARY) +
                             " fill in.jsonl --env dot.env --max-retries 0 --no-cache",
                         scratch);
  CHECK(refused.exit_code == 1);  // read from the file, then nobody listens on port 1
  CHECK_THAT(refused.err, Catch::Contains("record 0 skipped"));
  CHECK(server.Requests() == 0);
}

TEST_CASE("fill: --rpm spaces requests out, and runs sharing a cache do not corrupt it") {
  fs::path scratch = Scratch("fill-rpm");
  FakeServer server(scratch);
  std::string input;
  for (int i = 0; i < 60; ++i) input += Record("r" + std::to_string(i), "rate " + std::to_string(i)) + "\n";
  WriteFile(scratch / "in.jsonl", input);
  auto started = std::chrono::steady_clock::now();
  Result limited = Fill(server, scratch, "in.jsonl --end 6 --rpm 300 -c 4 --no-cache -q");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(limited.exit_code == 0);
  CHECK(seconds >= 5 * 0.2 - 0.05);  // 300/min: one start every 200 ms whatever the concurrency
  // Three runs at once over the same input and cache: every answer arrives, the cache stays readable.
  Shell("cd " + Quote(scratch.string()) + " && for n in 1 2 3; do " + server.Env() + Quote(TRAJC_BINARY) +
            " fill in.jsonl -o out$n.jsonl --cache shared.sqlite -c 4 -q 2>err$n.txt & done; wait",
        scratch);
  INFO("run 1: " << Slurp(scratch / "err1.txt") << "\nrun 2: " << Slurp(scratch / "err2.txt") << "\nrun 3: "
                 << Slurp(scratch / "err3.txt"));
  CHECK(ParseJsonl(Slurp(scratch / "out1.jsonl")).size() == 60);
  CHECK(Slurp(scratch / "out2.jsonl") == Slurp(scratch / "out1.jsonl"));
  CHECK(Slurp(scratch / "out3.jsonl") == Slurp(scratch / "out1.jsonl"));
  int before = server.Requests();
  Result cached = Fill(server, scratch, "in.jsonl -o again.jsonl --cache shared.sqlite");
  CHECK(server.Requests() == before);
  CHECK(Slurp(scratch / "again.jsonl") == Slurp(scratch / "out1.jsonl"));
}
