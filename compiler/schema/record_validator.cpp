#include "schema/record_validator.h"

#include <map>
#include <set>

namespace trajc::schema {

namespace {

class Checker {
 public:
  Checker(const Subagent& agent, std::vector<Violation>& out) : agent_(agent), out_(out) {}

  void Record(const Json& record) {
    if (!record.is_object()) return Add("a record must be a JSON object", "");
    if (!record.contains("messages")) return Add("'messages' is a required property", "");
    const Json& messages = record["messages"];
    if (!messages.is_array()) return Add("'messages' must be a list", "/messages");
    if (messages.empty()) return Add("'messages' must not be empty", "/messages");
    for (size_t i = 0; i < messages.size(); ++i) Message(messages[i], i);
    if (!pending_.empty()) {
      for (const auto& [id, where] : pending_)
        Add("tool call '" + id + "' is never answered by a tool message", where);
    }
    Last(messages);
  }

 private:
  void Add(std::string message, std::string pointer) {
    out_.push_back({std::move(message), std::move(pointer), "", "", ""});
  }

  static bool IsStringOrNull(const Json& m, const char* key) {
    return !m.contains(key) || m[key].is_string() || m[key].is_null();
  }

  void Message(const Json& m, size_t index) {
    std::string at = "/messages/" + std::to_string(index);
    if (!m.is_object()) return Add("a message must be a JSON object", at);
    if (!m.contains("role") || !m["role"].is_string())
      return Add("'role' is a required string property", at);
    std::string role = m["role"].get<std::string>();
    if (role != "tool" && !pending_.empty()) {
      for (const auto& [id, where] : pending_)
        Add("tool call '" + id + "' is not answered before the next " + role + " turn", where);
      pending_.clear();
    }
    if (role == "system") {
      if (index != 0) Add("a system message may only be the first message", at + "/role");
      if (!m.contains("content") || !m["content"].is_string())
        Add("a system message needs string 'content'", at);
    } else if (role == "user") {
      if (!m.contains("content") || !m["content"].is_string())
        Add("a user message needs string 'content'", at);
    } else if (role == "assistant") {
      Assistant(m, at);
    } else if (role == "tool") {
      ToolMessage(m, at);
    } else {
      Add("unknown role '" + role + "'; expected system, user, assistant or tool", at + "/role");
    }
    if (role != "system" && index > 0) Order(previous_role_, role, at);
    if (index == 0 && role != "system" && role != "user")
      Add("the first message must be a system or user message", at + "/role");
    previous_role_ = role;
  }

  void Order(const std::string& before, const std::string& role, const std::string& at) {
    if (role == "assistant" && before == "assistant" && !previous_had_calls_)
      Add("two assistant turns in a row", at + "/role");
    if (role == "tool" && before != "assistant" && before != "tool")
      Add("a tool message must follow an assistant tool call", at + "/role");
  }

  void Assistant(const Json& m, const std::string& at) {
    if (!IsStringOrNull(m, "content")) Add("assistant 'content' must be a string or null", at + "/content");
    previous_had_calls_ = false;
    if (!m.contains("tool_calls")) {
      if (!m.contains("content") || m["content"].is_null())
        Add("an assistant message needs 'content' or 'tool_calls'", at);
      return;
    }
    const Json& calls = m["tool_calls"];
    if (!calls.is_array() || calls.empty())
      return Add("'tool_calls' must be a non-empty list", at + "/tool_calls");
    previous_had_calls_ = true;
    for (size_t j = 0; j < calls.size(); ++j) Call(calls[j], at + "/tool_calls/" + std::to_string(j));
  }

  void Call(const Json& call, const std::string& at) {
    if (!call.is_object()) return Add("a tool call must be a JSON object", at);
    if (!call.contains("id") || !call["id"].is_string() || call["id"].get<std::string>().empty())
      Add("a tool call needs a non-empty string 'id'", at);
    if (call.value("type", Json()) != "function") Add("a tool call's 'type' must be \"function\"", at + "/type");
    if (!call.contains("function") || !call["function"].is_object())
      return Add("a tool call needs a 'function' object", at);
    const Json& fn = call["function"];
    if (!fn.contains("name") || !fn["name"].is_string())
      return Add("a tool call needs a string 'function.name'", at + "/function");
    std::string name = fn["name"].get<std::string>();
    const Tool* tool = agent_.FindTool(name);
    if (tool == nullptr) Add("unknown tool '" + name + "'", at + "/function/name");
    else call_tools_[at] = tool;
    last_call_name_ = name;
    if (call.contains("id") && call["id"].is_string()) {
      std::string id = call["id"].get<std::string>();
      if (!ids_.insert(id).second) Add("duplicate tool call id '" + id + "'", at + "/id");
      else if (name != kSubmitTool) pending_[id] = at;
      else submit_ids_.insert(id);
    }
    std::string args_at = at + "/function/arguments";
    if (!fn.contains("arguments") || !fn["arguments"].is_string())
      return Add("'arguments' must be a string holding a JSON object", args_at);
    Json args = Json::parse(fn["arguments"].get<std::string>(), nullptr, false);
    if (args.is_discarded() || !args.is_object())
      return Add("'arguments' is not a JSON object", args_at);
    if (tool != nullptr) Schema(*tool->parameters_schema, args, args_at, tool->name + " arguments");
  }

  void ToolMessage(const Json& m, const std::string& at) {
    if (!m.contains("tool_call_id") || !m["tool_call_id"].is_string())
      return Add("a tool message needs a string 'tool_call_id'", at);
    if (!m.contains("content") || !m["content"].is_string())
      return Add("a tool message needs string 'content'", at);
    std::string id = m["tool_call_id"].get<std::string>();
    auto it = pending_.find(id);
    if (it == pending_.end()) {
      if (submit_ids_.count(id)) Add("submit_result ends the conversation and is not answered", at);
      else Add("tool_call_id '" + id + "' does not answer any open tool call", at + "/tool_call_id");
      return;
    }
    std::string call_at = it->second;
    pending_.erase(it);
    const Tool* tool = ToolOfCall(call_at);
    if (tool == nullptr || !tool->returns_schema) return;
    Json result = Json::parse(m["content"].get<std::string>(), nullptr, false);
    if (result.is_discarded())
      return Add("tool result is not JSON, but '" + tool->name + "' declares a returns schema", at + "/content");
    Schema(*tool->returns_schema, result, at + "/content", tool->name + " result");
  }

  const Tool* ToolOfCall(const std::string& call_at) {
    auto it = call_tools_.find(call_at);
    return it == call_tools_.end() ? nullptr : it->second;
  }

  void Schema(const CompiledSchema& schema, const Json& instance, const std::string& at, const std::string& subject) {
    for (const ValidationError& e : schema.Validate(instance))
      out_.push_back({e.message, at + e.instance_location, subject, e.instance_location, e.keyword_location});
  }

  void Last(const Json& messages) {
    const Json& last = messages.back();
    std::string at = "/messages/" + std::to_string(messages.size() - 1);
    bool ok = last.is_object() && last.value("role", Json()) == "assistant" &&
              last.contains("tool_calls") && last["tool_calls"].is_array() &&
              last["tool_calls"].size() == 1 && last_call_name_ == kSubmitTool;
    if (!ok) Add("the last message must be an assistant turn with a single submit_result call", at);
  }

  const Subagent& agent_;
  std::vector<Violation>& out_;
  std::string previous_role_;
  bool previous_had_calls_ = false;
  std::string last_call_name_;
  std::set<std::string> ids_;
  std::set<std::string> submit_ids_;
  std::map<std::string, std::string> pending_;  // open call id -> pointer of the call
  std::map<std::string, const Tool*> call_tools_;
};

}  // namespace

std::vector<Violation> ValidateRecord(const Json& record, const Subagent& agent) {
  std::vector<Violation> out;
  Checker(agent, out).Record(record);
  return out;
}

}  // namespace trajc::schema
