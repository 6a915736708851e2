#include "llm/llm_config.h"

#include <cstdlib>
#include <filesystem>

#include "core/diagnostic.h"
#include "core/files.h"

namespace trajc::llm {

std::string LlmConfig::ChatUrl() const {
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + "/chat/completions";
}

std::string LlmConfig::Redact(std::string text) const {
  if (api_key.empty()) return text;
  for (size_t at; (at = text.find(api_key)) != std::string::npos;) text.replace(at, api_key.size(), "[API_KEY]");
  return text;
}

namespace {

std::string Trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

bool ValidName(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

}  // namespace

std::map<std::string, std::string> ReadDotenv(const std::string& path, bool required) {
  std::map<std::string, std::string> out;
  if (!required && !std::filesystem::exists(path)) return out;
  std::string text = ReadFile(path);
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = Trim(text.substr(start, nl - start));
    start = nl + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("export ", 0) == 0) line = Trim(line.substr(7));
    size_t eq = line.find('=');
    std::string name = Trim(line.substr(0, eq));
    if (eq == std::string::npos || !ValidName(name))
      throw Error({path, line_no, 1}, "expected NAME=VALUE (a letter or _ first, then letters, digits or _)");
    std::string value = Trim(line.substr(eq + 1));
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
      size_t close = value.find(value[0], 1);
      if (close == std::string::npos)
        throw Error({path, line_no, static_cast<int>(eq) + 2}, "the value of " + name + " opens a quote it never closes");
      value = value.substr(1, close - 1);
    } else {
      size_t hash = value.find(" #");
      if (hash != std::string::npos) value = Trim(value.substr(0, hash));
    }
    out[name] = value;
  }
  return out;
}

LlmConfig LoadLlmConfig(const std::string& env_file, bool env_file_required) {
  std::map<std::string, std::string> file = ReadDotenv(env_file, env_file_required);
  auto get = [&](const char* name) -> std::string {
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') return v;
    auto it = file.find(name);
    if (it != file.end() && !it->second.empty()) return it->second;
    throw Error({"trajc", 0, 0}, std::string(name) + " is not set: export it or put " + name + "=… in " + env_file +
                                     " (BASE_URL, API_KEY and MODEL are needed)",
                kExitUsage);
  };
  LlmConfig c;
  c.base_url = get("BASE_URL");
  c.api_key = get("API_KEY");
  c.model = get("MODEL");
  if (c.base_url.rfind("http://", 0) != 0 && c.base_url.rfind("https://", 0) != 0)
    throw Error({"trajc", 0, 0}, "BASE_URL must start with http:// or https://, got '" + c.base_url + "'", kExitUsage);
  return c;
}

}  // namespace trajc::llm
