// FunctionGemma prompt format (Gemma 3 270M fine-tuned for function calling): one
// conversation rendered as the exact text the model's chat template produces, so that
// fine-tuning data matches what the model sees at inference.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/json.h"

namespace trajc::formats {

// The conversation in FunctionGemma's prompt format. `record` is the HF-style record:
// {"messages": [...], "tools": [{"type":"function","function":{"name","description","parameters"}}]}
// where assistant tool calls carry `function.arguments` as a JSON object (a JSON text is
// accepted too) and tool messages have `tool_call_id`, optional `name`, and string
// `content` (a JSON text when the tool returned JSON).
// Throws std::invalid_argument for records the format cannot represent (a control token
// such as <escape> inside a string, a tool message without a call to answer, ...).
std::string RenderFunctionGemma(const Json& record);

// For completion-only loss: one {prompt, completion} pair per model turn, prompt = all text
// before that model turn's content (including "<start_of_turn>model\n"), completion = that
// turn. A model turn that follows a tool response continues the same <start_of_turn>model
// block, so its prompt ends with "<end_function_response>". prompt + completion of the last
// pair is the whole of RenderFunctionGemma(record) when the conversation ends with a model turn.
std::vector<std::pair<std::string, std::string>> FunctionGemmaCompletions(const Json& record);

}  // namespace trajc::formats
