#include "domains/tool_environment.h"

namespace trajc::domains {

using templates::ToolOutcome;

ToolOutcome ToolEnvironment::Call(std::string_view tool, const Json& args) {
  for (const Tool& t : Tools())
    if (t.name == tool) return t.run(*this, args);
  return {{{"error", "unknown tool '" + std::string(tool) + "'"}}, false};
}

Json ToolEnvironment::View(std::string_view name) const {
  if (name == "seen") return seen_;
  if (name == "env") return Truth();
  return nullptr;
}

ToolOutcome ToolEnvironment::CheckClaims(const Json& args, const Json& truth, Keys keys, std::string_view says) {
  for (const char* key : keys) {
    Json claimed = args.value(key, Json());
    Json actual = truth.contains(key) ? truth.at(key) : Json();
    if (claimed != actual)
      return {{{"error", std::string(key) + " is " + Dump(claimed) + ", " + std::string(says) + " " + Dump(actual)}},
              false};
  }
  return {Json::object(), true};
}

}  // namespace trajc::domains
