// The local OpenAI-compatible test server: started on a free port, stopped at scope end.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_support.h"
#include "core/json.h"

namespace cli_test {

inline const char* kKey = "sk-TOPSECRET-4f9a1c";

class FakeServer {
 public:
  explicit FakeServer(const fs::path& scratch, const std::string& flags = "") : dir_(scratch / "server") {
    fs::create_directories(dir_);
    std::string server = std::string(TRAJC_SOURCE_DIR) + "/tests/llm/fake_openai_server.py";
    Shell("/usr/bin/python3 " + Quote(server) + " --port-file " + Quote((dir_ / "port").string()) + " --api-key " + kKey +
              " --log " + Quote((dir_ / "log.jsonl").string()) + " " + flags + " >/dev/null 2>&1 & echo $! > " +
              Quote((dir_ / "pid").string()),
          scratch);
    for (int i = 0; i < 1000 && !fs::exists(dir_ / "port"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(fs::exists(dir_ / "port"));
    port_ = Slurp(dir_ / "port");
    while (!port_.empty() && std::isspace(static_cast<unsigned char>(port_.back()))) port_.pop_back();
  }
  ~FakeServer() { ::kill(std::stoi(Slurp(dir_ / "pid")), SIGTERM); }

  std::string Env(const std::string& key = kKey) const {
    return "BASE_URL=http://127.0.0.1:" + port_ + "/v1 API_KEY=" + key + " MODEL=test-model ";
  }
  trajc::Json Stats() const {
    Result r = Shell("/usr/bin/python3 -c \"import urllib.request;print(urllib.request.urlopen('http://127.0.0.1:" + port_ +
                         "/stats').read().decode())\"",
                     dir_);
    return trajc::Json::parse(r.out);
  }
  int Requests() const { return Stats()["requests"].get<int>(); }
  fs::path log() const { return dir_ / "log.jsonl"; }

 private:
  fs::path dir_;
  std::string port_;
};

inline Result RunWith(const FakeServer& s, const fs::path& scratch, const std::string& command, const std::string& key = kKey) {
  return Shell("cd " + Quote(scratch.string()) + " && " + s.Env(key) + Quote(TRAJC_BINARY) + " " + command, scratch);
}


}  // namespace cli_test
