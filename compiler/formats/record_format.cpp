#include "formats/record_format.h"

#include "formats/functiongemma.h"

namespace trajc::formats {

namespace {

// Messages with each tool call's arguments as a JSON object, and each tool message
// named after the call it answers (chat templates that print the tool's name need it).
Json HfMessages(const Json& messages) {
  Json out = Json::array();
  std::vector<std::pair<std::string, std::string>> names;  // call id → tool name
  for (const Json& m : messages) {
    Json copy = m;
    if (copy.contains("tool_calls")) {
      for (Json& call : copy["tool_calls"]) {
        Json& fn = call["function"];
        fn["arguments"] = Json::parse(fn["arguments"].get<std::string>());
        names.emplace_back(call["id"].get<std::string>(), fn["name"].get<std::string>());
      }
    }
    if (copy.value("role", "") == "tool") {
      std::string id = copy.value("tool_call_id", "");
      for (const auto& [call_id, name] : names)
        if (call_id == id) copy["name"] = name;
    }
    out.push_back(std::move(copy));
  }
  return out;
}

}  // namespace

std::optional<RecordFormat> RecordFormatFromName(std::string_view name) {
  if (name == "chat") return RecordFormat::kChat;
  if (name == "openai") return RecordFormat::kOpenai;
  if (name == "hf") return RecordFormat::kHf;
  if (name == "functiongemma") return RecordFormat::kFunctionGemma;
  return std::nullopt;
}

std::vector<std::string> RecordFormatNames() { return {"chat", "openai", "hf", "functiongemma"}; }

Json ToolDeclarations(const schema::Subagent& agent) {
  Json tools = Json::array();
  for (const schema::Tool& t : agent.tools)
    tools.push_back({{"type", "function"},
                     {"function", {{"name", t.name}, {"description", t.description}, {"parameters", t.parameters}}}});
  return tools;
}

std::string FormatRecord(const Json& chat_record, const FormatOptions& options, const Json& tools, const Json& meta) {
  Json out = Json::object();
  switch (options.format) {
    case RecordFormat::kChat:
      out["messages"] = chat_record["messages"];
      break;
    case RecordFormat::kOpenai:
      out["messages"] = chat_record["messages"];
      out["tools"] = tools;
      out["parallel_tool_calls"] = false;
      break;
    case RecordFormat::kHf:
    case RecordFormat::kFunctionGemma:
      out["messages"] = HfMessages(chat_record["messages"]);
      out["tools"] = tools;
      break;
  }
  if (options.format == RecordFormat::kFunctionGemma) {
    if (options.completion_only) {
      std::string lines;
      for (const auto& [prompt, completion] : FunctionGemmaCompletions(out)) {
        Json pair = {{"prompt", prompt}, {"completion", completion}};
        if (!meta.is_null()) pair["meta"] = meta;
        lines += Dump(pair) + "\n";
      }
      return lines;
    }
    out["text"] = RenderFunctionGemma(out);
  }
  if (!meta.is_null()) out["meta"] = meta;
  return Dump(out) + "\n";
}

}  // namespace trajc::formats
