// The LLM module's parts without a network: reading records one at a time (JSONL and a
// JSON array scanned element by element), .env files, completions, and the SQLite cache
// shared by threads and by two connections.
#include <catch2/catch.hpp>

#include <functional>
#include <thread>

#include "cli_support.h"
#include "core/diagnostic.h"
#include "llm/chat_client.h"
#include "llm/llm_config.h"
#include "llm/record_stream.h"
#include "llm/response_cache.h"

using namespace cli_test;
using trajc::Json;
namespace llm = trajc::llm;

namespace {

std::vector<std::string> ReadAll(const fs::path& path, std::optional<llm::RecordFormat> format = std::nullopt) {
  llm::RecordReader reader(path.string(), format);
  std::vector<std::string> out;
  llm::RawRecord r;
  while (reader.Next(r)) out.push_back(std::to_string(r.index) + "@" + std::to_string(r.line) + ":" + std::to_string(r.column) + " " + r.text);
  return out;
}

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const trajc::Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("records: JSONL lines and JSON array elements, one at a time") {
  fs::path dir = Scratch("llm-records");
  WriteFile(dir / "a.jsonl", "{\"a\": 1}\n\n  {\"b\": \"x\\ny\"}\nnot json\n");
  CHECK(ReadAll(dir / "a.jsonl") == std::vector<std::string>{"0@1:1 {\"a\": 1}", "1@3:3 {\"b\": \"x\\ny\"}", "2@4:1 not json"});
  WriteFile(dir / "b.json", " [\n {\"s\": \"], [ \\\" ,\"}, [1, {\"x\": [2]}] ,\n3]\n");
  CHECK(ReadAll(dir / "b.json") == std::vector<std::string>{"0@2:2 {\"s\": \"], [ \\\" ,\"}", "1@2:22 [1, {\"x\": [2]}] ", "2@3:1 3"});
  WriteFile(dir / "empty_array.json", "[ ]");
  CHECK(ReadAll(dir / "empty_array.json").empty());
  WriteFile(dir / "empty.jsonl", "\n  \n");
  CHECK_THAT(ErrorOf([&] { ReadAll(dir / "empty.jsonl"); }), Catch::Contains("the input is empty"));
  WriteFile(dir / "trailing.json", "[{\"a\": 1},]");
  CHECK_THAT(ErrorOf([&] { ReadAll(dir / "trailing.json"); }), Catch::Contains("trailing.json:1:11: error: expected a record after ','"));
  WriteFile(dir / "open.json", "[{\"a\": 1}");
  CHECK_THAT(ErrorOf([&] { ReadAll(dir / "open.json"); }), Catch::Contains("not closed"));
  WriteFile(dir / "after.json", "[1] 2");
  CHECK_THAT(ErrorOf([&] { ReadAll(dir / "after.json"); }), Catch::Contains("after.json:1:5: error: unexpected text after the closing ']'"));
  CHECK_THAT(ErrorOf([&] { ReadAll(dir / "a.jsonl", llm::RecordFormat::kJson); }), Catch::Contains("expected '['"));
}

TEST_CASE("records: written back as JSONL or one JSON array") {
  std::ostringstream a, b, c;
  llm::RecordWriter jsonl(a, llm::RecordFormat::kJsonl), json(b, llm::RecordFormat::kJson), none(c, llm::RecordFormat::kJson);
  for (auto* w : {&jsonl, &json}) {
    w->Write(Json{{"z", 1}, {"a", nullptr}});
    w->Write(Json::array({1}));
    w->Finish();
  }
  none.Finish();
  CHECK(a.str() == "{\"z\":1,\"a\":null}\n[1]\n");
  CHECK(b.str() == "[\n{\"z\":1,\"a\":null},\n[1]\n]\n");
  CHECK(c.str() == "[]\n");
}

TEST_CASE(".env files") {
  fs::path dir = Scratch("llm-dotenv");
  WriteFile(dir / ".env", "# endpoint\nexport BASE_URL=http://127.0.0.1:9/v1\nAPI_KEY='sk-a b#c'\nMODEL=m1 # the model\n\nEMPTY=\n");
  auto env = llm::ReadDotenv((dir / ".env").string(), true);
  CHECK(env["BASE_URL"] == "http://127.0.0.1:9/v1");
  CHECK(env["API_KEY"] == "sk-a b#c");
  CHECK(env["MODEL"] == "m1");
  CHECK(env["EMPTY"].empty());
  CHECK(llm::ReadDotenv((dir / "missing.env").string(), false).empty());
  WriteFile(dir / "bad.env", "MODEL=m\nsk-secret-value\n");
  std::string e = ErrorOf([&] { llm::ReadDotenv((dir / "bad.env").string(), true); });
  CHECK_THAT(e, Catch::Contains("bad.env:2:1: error: expected NAME=VALUE"));
  CHECK_THAT(e, !Catch::Contains("sk-secret"));
  WriteFile(dir / "quote.env", "API_KEY=\"sk-unclosed\n");
  e = ErrorOf([&] { llm::ReadDotenv((dir / "quote.env").string(), true); });
  CHECK_THAT(e, Catch::Contains("quote.env:1:9: error: the value of API_KEY opens a quote it never closes"));
  CHECK_THAT(e, !Catch::Contains("sk-unclosed"));
  llm::LlmConfig c{"http://h/v1/", "sk-123", "m"};
  CHECK(c.ChatUrl() == "http://h/v1/chat/completions");
  CHECK(c.Redact("bad key sk-123 (sk-123)") == "bad key [API_KEY] ([API_KEY])");
}

TEST_CASE("completions: what counts as an answer") {
  std::string why;
  auto a = llm::ParseCompletion(R"({"choices":[{"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}})", why);
  REQUIRE(a);
  CHECK(a->content == "hi");
  CHECK(a->prompt_tokens == 3);
  CHECK_FALSE(llm::ParseCompletion("{\"choices\": [", why));
  CHECK(why == "the endpoint's answer is not JSON");
  CHECK_FALSE(llm::ParseCompletion(R"({"choices":[]})", why));
  CHECK(why == "the endpoint's answer has no choices");
  CHECK_FALSE(llm::ParseCompletion(R"({"choices":[{"message":{"content":null}}]})", why));
  CHECK(why == "the endpoint's answer has no message content");
  llm::Sampling s;
  s.temperature = 0.5;
  s.seed = 7;
  Json body = llm::ChatRequestBody(llm::LlmConfig{"http://h", "k", "m"}, Json::array({Json{{"role", "user"}, {"content", "x"}}}), Json(), s);
  CHECK(trajc::Dump(body) == R"({"model":"m","messages":[{"role":"user","content":"x"}],"temperature":0.5,"seed":7})");
}

TEST_CASE("the response cache: shared by threads and by two connections") {
  fs::path dir = Scratch("llm-cache");
  std::string path = (dir / "cache.sqlite").string();
  llm::ResponseCache one(path), two(path);
  std::string key = llm::ResponseCache::KeyOf("http://h/chat/completions", Json{{"model", "m"}});
  CHECK(key.size() == 64);
  CHECK_FALSE(one.Get(key));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) (t % 2 ? one : two).Put("k" + std::to_string(t) + "-" + std::to_string(i), Json{{"content", i}});
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t)
    for (int i = 0; i < 50; i += 7) CHECK((t % 2 ? two : one).Get("k" + std::to_string(t) + "-" + std::to_string(i)) == Json{{"content", i}});
  CHECK_THAT(ErrorOf([&] { llm::ResponseCache((dir / "no/such/dir/c.sqlite").string()); }), Catch::Contains("cannot open the response cache"));
}
