// formats/record_format — the record formats trainers read, made from one compiled
// conversation. Trainers disagree on details that silently corrupt training (arguments
// as a JSON string or an object, content null or absent), so each format is exact:
//   chat    {"messages": [...]} as compiled (arguments as JSON strings)
//   openai  OpenAI chat fine-tuning with function calling: record-level "tools",
//           "parallel_tool_calls": false, tool-call turns with content null
//   hf      Hugging Face apply_chat_template / TRL: "messages" with arguments as JSON
//           objects, tool messages named, and "tools"
// `meta` (template, fixture, node, variant, index, split, labels) is added on request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "schema/subagent.h"

namespace trajc::formats {

enum class RecordFormat { kChat, kOpenai, kHf };

std::optional<RecordFormat> RecordFormatFromName(std::string_view name);
std::vector<std::string> RecordFormatNames();

// The subagent's tools as OpenAI/HF declare them: {"type":"function","function":{…}}.
Json ToolDeclarations(const schema::Subagent& agent);

// The JSONL line(s) of one compiled `chat` record (each ends with "\n"); `meta` is
// added as the record's last key unless null.
std::string FormatRecord(const Json& chat_record, RecordFormat format, const Json& tools, const Json& meta);

}  // namespace trajc::formats
