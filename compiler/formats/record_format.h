// formats/record_format — the record formats trainers read, made from one compiled
// conversation. Trainers disagree on details that silently corrupt training (arguments
// as a JSON string or an object, content null or absent), so each format is exact:
//   chat    {"messages": [...]} as compiled (arguments as JSON strings)
//   openai  OpenAI chat fine-tuning with function calling: record-level "tools",
//           "parallel_tool_calls": false, tool-call turns with content null
//   hf      Hugging Face apply_chat_template / TRL: "messages" with arguments as JSON
//           objects, tool messages named, and "tools"
//   functiongemma  the hf record plus "text", the conversation in FunctionGemma's prompt
//           format (formats/functiongemma.h); with completion_only, one
//           {"prompt", "completion"} line per model turn instead
// `meta` (template, fixture, node, variant, index, split, labels) is added on request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "schema/subagent.h"

namespace trajc::formats {

enum class RecordFormat { kChat, kOpenai, kHf, kFunctionGemma };

std::optional<RecordFormat> RecordFormatFromName(std::string_view name);
std::vector<std::string> RecordFormatNames();

// The subagent's tools as OpenAI/HF declare them: {"type":"function","function":{…}}.
Json ToolDeclarations(const schema::Subagent& agent);

struct FormatOptions {
  RecordFormat format = RecordFormat::kChat;
  bool completion_only = false;  // functiongemma only
};

// The JSONL line(s) of one compiled `chat` record (each ends with "\n"); `meta` is
// added as the record's last key unless null. Throws std::invalid_argument for a record
// the format cannot hold (FunctionGemma has no escape for its control tokens).
std::string FormatRecord(const Json& chat_record, const FormatOptions& options, const Json& tools, const Json& meta);

}  // namespace trajc::formats
