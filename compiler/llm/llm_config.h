// llm/llm_config — where the endpoint, key and model come from: the environment first,
// then a .env file (KEY=VALUE lines, `export` and quotes allowed, # comments). The key
// is a secret: it is never printed, logged, cached or written to output; Redact() takes
// it out of any text that might carry it (a server's error message may echo it).
#pragma once

#include <map>
#include <string>

namespace trajc::llm {

struct LlmConfig {
  std::string base_url;  // e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1
  std::string api_key;
  std::string model;

  std::string ChatUrl() const;                         // base_url + "/chat/completions"
  std::string Redact(std::string text) const;          // the key replaced by "[API_KEY]"
};

// KEY=VALUE pairs of a .env file; a malformed line is a located trajc::Error that never
// shows the line's value. A missing file is an empty map when `required` is false.
std::map<std::string, std::string> ReadDotenv(const std::string& path, bool required);

// BASE_URL, API_KEY and MODEL from the environment, else from `env_file`; any missing
// one is a trajc::Error naming it and where it was looked for.
LlmConfig LoadLlmConfig(const std::string& env_file, bool env_file_required);

}  // namespace trajc::llm
