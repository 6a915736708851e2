// FunctionGemma's prompt text, written after the model's chat template (chat_template.jinja
// of google/functiongemma-270m-it) and the "FunctionGemma formatting and best practices"
// page (ai.google.dev/gemma/docs/functiongemma). The shape, in short:
//
//   <bos><start_of_turn>developer\n{system}<start_function_declaration>declaration:NAME{...}
//   <end_function_declaration><end_of_turn>\n<start_of_turn>user\n{user}<end_of_turn>\n
//   <start_of_turn>model\n<start_function_call>call:NAME{k:v}<end_function_call>
//   <start_function_response>response:NAME{k:v}<end_function_response><start_function_call>...
//
// Tool responses stay inside the model turn (no <end_of_turn> after a call), every string
// value is wrapped in <escape>, mapping keys are written in Jinja `dictsort` order
// (case-insensitive), and the structure has no escaping of its own: a string that contains
// a control token cannot be represented, so such records are refused.
#include "formats/functiongemma.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>

namespace trajc::formats {
namespace {

constexpr std::string_view kEscape = "<escape>";
constexpr std::string_view kStartResponse = "<start_function_response>";

// Text pieces; model pieces are the completions of FunctionGemmaCompletions.
struct Piece {
  std::string text;
  bool model = false;
};
using Pieces = std::vector<Piece>;

[[noreturn]] void Refuse(const std::string& why) { throw std::invalid_argument("functiongemma: " + why); }

// The tokenizer reads these as single special tokens wherever they appear, so a string
// holding one would end the value (or the turn) early; <escape> offers no way around it.
void CheckText(std::string_view text, std::string_view what) {
  static constexpr std::array<std::string_view, 12> kTokens = {
      "<escape>", "<bos>", "<eos>", "<start_of_turn>", "<end_of_turn>", "<pad>",
      "<start_function_declaration>", "<end_function_declaration>", "<start_function_call>",
      "<end_function_call>", "<start_function_response>", "<end_function_response>"};
  for (std::string_view token : kTokens) {
    if (text.find(token) != std::string_view::npos) {
      Refuse(std::string(what) + " contains the control token " + std::string(token));
    }
  }
}

// Jinja's `trim` is Python's str.strip(): ASCII whitespace and the separators 0x1c-0x1f.
std::string Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\v\f\x1c\x1d\x1e\x1f";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(kSpace);
  return std::string(text.substr(begin, end - begin + 1));
}

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A member of an object, or nullptr (also when `value` is not an object: the template's
// value['x'] on a non-mapping is undefined and renders as nothing).
const Json* Field(const Json& value, const char* name) {
  if (!value.is_object()) return nullptr;
  auto it = value.find(name);
  return it == value.end() ? nullptr : &*it;
}

// Jinja truthiness of an optional member: absent, null, false, 0, "" and empty containers are false.
bool Truthy(const Json* value) {
  if (value == nullptr || value->is_null()) return false;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string() || value->is_array() || value->is_object()) return !value->empty();
  return value->get<double>() != 0.0;
}

// Jinja `dictsort`: keys compared case-insensitively; ties keep insertion order (Python's
// sort is stable). ordered_json already iterates in insertion order.
std::vector<std::pair<std::string, const Json*>> DictSort(const Json& object) {
  std::vector<std::pair<std::string, const Json*>> entries;
  for (const auto& [key, value] : object.items()) entries.emplace_back(key, &value);
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return Lower(a.first) < Lower(b.first); });
  return entries;
}

void AppendEscaped(std::string& out, std::string_view text) {
  CheckText(text, "a string value");
  out.append(kEscape).append(text).append(kEscape);
}

// Jinja `{{ value }}` of a scalar that is not a string: numbers as Python prints them
// (nlohmann writes floats the same shortest round-trip way, 15.0 stays "15.0").
std::string ScalarText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  return Dump(value);
}

// The template's format_argument macro: strings in <escape>, booleans true/false, mappings
// in dictsort order with keys escaped only when `escape_keys`, sequences in order.
// null is written "null" (see the report: the Jinja macro has no branch for None).
void AppendArgument(std::string& out, const Json& value, bool escape_keys) {
  if (value.is_string()) return AppendEscaped(out, value.get_ref<const std::string&>());
  if (value.is_boolean()) return void(out += value.get<bool>() ? "true" : "false");
  if (value.is_null()) return void(out += "null");
  if (value.is_array()) {
    out += '[';
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ',';
      AppendArgument(out, value[i], escape_keys);
    }
    return void(out += ']');
  }
  if (value.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, member] : DictSort(value)) {
      if (!first) out += ',';
      first = false;
      if (escape_keys) {
        AppendEscaped(out, key);
      } else {
        CheckText(key, "a key");
        out += key;
      }
      out += ':';
      AppendArgument(out, *member, escape_keys);
    }
    return void(out += '}');
  }
  out += ScalarText(value);
}

// `{{ value['type'] | upper }}`: a string upper-cased; a list prints as Python's repr of
// the list, upper-cased ("['STRING', 'NULL']"), which is what the template produces.
std::string TypeText(const Json& schema) {
  const Json* type = Field(schema, "type");
  if (type == nullptr || type->is_null()) return "";
  if (type->is_string()) return Upper(type->get<std::string>());
  if (!type->is_array()) return Upper(ScalarText(*type));
  std::string out = "[";
  for (size_t i = 0; i < type->size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + ScalarText((*type)[i]) + "'";
  }
  return Upper(out + "]");
}

void AppendRequired(std::string& out, const Json& required) {
  out += "required:[";
  for (size_t i = 0; i < required.size(); ++i) {
    if (i > 0) out += ',';
    AppendEscaped(out, ScalarText(required[i]));
  }
  out += ']';
}

void AppendProperties(std::string& out, const Json& properties);

// ARRAY properties list their `items` schema with its keys in dictsort order; `type` is
// upper-cased, `properties`/`required` follow the declaration syntax, anything else goes
// through format_argument (so nested keys are <escape>d there).
void AppendItems(std::string& out, const Json& items) {
  out += ",items:{";
  bool first = true;
  for (const auto& [key, value] : DictSort(items)) {
    if (value->is_null()) continue;
    if (!first) out += ',';
    first = false;
    if (key == "properties") {
      out += "properties:{";
      if (value->is_object()) AppendProperties(out, *value);
      out += '}';
    } else if (key == "required") {
      AppendRequired(out, *value);
    } else if (key == "type") {
      Json upper = *value;
      if (upper.is_string()) upper = Upper(upper.get<std::string>());
      if (upper.is_array()) {
        for (Json& t : upper) t = Upper(ScalarText(t));
      }
      out += "type:";
      AppendArgument(out, upper, true);
    } else {
      CheckText(key, "a schema key");
      out += key + ":";
      AppendArgument(out, *value, true);
    }
  }
  out += '}';
}

// One property: description always (empty when absent), then what its type adds, then type.
void AppendProperty(std::string& out, const std::string& name, const Json& schema) {
  CheckText(name, "a property name");
  out += name + ":{description:";
  const Json* description = Field(schema, "description");
  AppendEscaped(out, description == nullptr ? "" : ScalarText(*description));
  const std::string type = TypeText(schema);
  if (type == "STRING") {
    const Json* options = Field(schema, "enum");
    if (Truthy(options)) {
      out += ",enum:";
      AppendArgument(out, *options, true);
    }
  } else if (type == "OBJECT") {
    // The template falls back to the property's own keys when it has no `properties`.
    const Json* nested = Field(schema, "properties");
    out += ",properties:{";
    AppendProperties(out, nested != nullptr && nested->is_object() ? *nested : schema);
    out += '}';
    const Json* required = Field(schema, "required");
    if (Truthy(required) && required->is_array()) {
      out += ',';
      AppendRequired(out, *required);
    }
  } else if (type == "ARRAY") {
    const Json* items = Field(schema, "items");
    if (Truthy(items) && items->is_object()) AppendItems(out, *items);
  }
  out += ",type:";
  AppendEscaped(out, type);
  out += '}';
}

// The template's format_parameters: properties in dictsort order, skipping names that are
// JSON Schema keywords (a parameter called "type" or "description" is not declared).
void AppendProperties(std::string& out, const Json& properties) {
  static constexpr std::array<std::string_view, 5> kStandardKeys = {"description", "type", "properties",
                                                                     "required", "nullable"};
  bool first = true;
  for (const auto& [name, schema] : DictSort(properties)) {
    if (std::find(kStandardKeys.begin(), kStandardKeys.end(), name) != kStandardKeys.end()) continue;
    if (!first) out += ',';
    first = false;
    AppendProperty(out, name, *schema);
  }
}

// parameters:{properties:{...},required:[...],type:<escape>OBJECT<escape>}
void AppendParameters(std::string& out, const Json& parameters) {
  std::vector<std::string> parts;
  if (const Json* properties = Field(parameters, "properties"); Truthy(properties) && properties->is_object()) {
    std::string part = "properties:{";
    AppendProperties(part, *properties);
    parts.push_back(part + "}");
  }
  if (const Json* required = Field(parameters, "required"); Truthy(required) && required->is_array()) {
    std::string part;
    AppendRequired(part, *required);
    parts.push_back(part);
  }
  if (Truthy(Field(parameters, "type"))) {
    std::string part = "type:";
    AppendEscaped(part, TypeText(parameters));
    parts.push_back(part);
  }
  out += ",parameters:{";
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "," : "") + parts[i];
  out += '}';
}

std::string StringField(const Json& object, const char* name, std::string_view what) {
  const Json* value = Field(object, name);
  if (value == nullptr || !value->is_string() || value->get_ref<const std::string&>().empty()) {
    Refuse(std::string(what) + " needs a non-empty string \"" + name + "\"");
  }
  CheckText(value->get_ref<const std::string&>(), what);
  return value->get<std::string>();
}

// <start_function_declaration>declaration:NAME{description:<escape>...<escape>,parameters:{...}}<end_function_declaration>
void AppendDeclaration(std::string& out, const Json& tool) {
  const Json* function = Field(tool, "function");
  if (function == nullptr || !function->is_object()) Refuse("a tool needs a \"function\" object");
  out += "<start_function_declaration>declaration:" + StringField(*function, "name", "a tool name");
  out += "{description:";
  const Json* description = Field(*function, "description");
  AppendEscaped(out, description == nullptr ? "" : ScalarText(*description));
  const Json* parameters = Field(*function, "parameters");
  if (Truthy(parameters) && parameters->is_object()) AppendParameters(out, *parameters);
  out += "}<end_function_declaration>";
}

// Message content as the template writes it: a string trimmed, or the trimmed text parts.
std::string ContentText(const Json& message) {
  const Json* content = Field(message, "content");
  std::string text;
  if (content == nullptr || content->is_null()) return text;
  if (content->is_string()) {
    text = Trim(content->get_ref<const std::string&>());
  } else if (content->is_array()) {
    for (const Json& part : *content) {
      const Json* part_text = Field(part, "text");
      if (part_text != nullptr && part_text->is_string()) text += Trim(part_text->get_ref<const std::string&>());
    }
  } else {
    Refuse("message content must be a string, a list of parts or null");
  }
  CheckText(text, "message content");
  return text;
}

const std::string& Role(const Json& message) {
  const Json* role = Field(message, "role");
  if (role == nullptr || !role->is_string()) Refuse("every message needs a string \"role\"");
  return role->get_ref<const std::string&>();
}

// Arguments are a JSON object; a JSON text of an object is parsed first (the template
// would paste such a string verbatim, which no parser of the format reads back).
Json Arguments(const Json& function) {
  const Json* arguments = Field(function, "arguments");
  if (arguments == nullptr || arguments->is_null()) return Json::object();
  Json parsed = arguments->is_string() ? Json::parse(arguments->get<std::string>(), nullptr, false) : *arguments;
  if (!parsed.is_object()) Refuse("tool call arguments must be a JSON object");
  return parsed;
}

// <start_function_call>call:NAME{key:value,...}<end_function_call>, keys bare.
void AppendCall(std::string& out, const Json& call) {
  const Json* function = Field(call, "function");
  if (function == nullptr || !function->is_object()) Refuse("a tool call needs a \"function\" object");
  out += "<start_function_call>call:" + StringField(*function, "name", "a tool call name");
  const Json arguments = Arguments(*function);
  AppendArgument(out, arguments, false);
  out += "<end_function_call>";
}

// The name a tool message answers for: its own `name`, else the call with its tool_call_id.
std::string ResponseName(const Json& messages, size_t index) {
  const Json& message = messages[index];
  if (const Json* name = Field(message, "name"); name != nullptr && name->is_string() && !name->empty()) {
    return StringField(message, "name", "a tool message name");
  }
  const Json* id = Field(message, "tool_call_id");
  for (size_t i = index; id != nullptr && i-- > 0;) {
    const Json* calls = Field(messages[i], "tool_calls");
    if (calls == nullptr || !calls->is_array()) continue;
    for (const Json& call : *calls) {
      const Json* call_id = Field(call, "id");
      const Json* function = Field(call, "function");
      if (call_id != nullptr && *call_id == *id && function != nullptr) {
        return StringField(*function, "name", "a tool call name");
      }
    }
  }
  Refuse("tool message " + std::to_string(index) + " has no name and answers no earlier tool call");
}

// response:NAME{...}: a JSON object result is written field by field (keys bare, dictsort);
// any other JSON value, or text that is not JSON, as value:<...>.
void AppendResponseBody(std::string& out, const Json& message) {
  const Json* content = Field(message, "content");
  Json result;
  if (content != nullptr && content->is_string()) {
    result = Json::parse(content->get<std::string>(), nullptr, false);
    if (result.is_discarded()) result = content->get<std::string>();
  } else if (content != nullptr && content->is_object()) {
    result = *content;
  } else {
    Refuse("a tool message needs string content");
  }
  if (result.is_object()) return AppendArgument(out, result, false);
  out += "{value:";
  AppendArgument(out, result, false);
  out += '}';
}

enum class Last { kNone, kContent, kToolCall, kToolResponse };

struct State {
  Pieces pieces;
  Last last = Last::kNone;
};

void AddPrompt(State& state, std::string text) { state.pieces.push_back({std::move(text), false}); }

void RenderDeveloperTurn(State& state, const Json& system, const Json& tools) {
  std::string text = "<start_of_turn>developer\n";
  if (!system.is_null()) text += ContentText(system);
  for (const Json& tool : tools) AppendDeclaration(text, tool);
  AddPrompt(state, text + "<end_of_turn>\n");
}

// A model message: its text, its calls, then the token that ends its generation: after a
// call the model stops on <start_function_response> (the documented extra stop sequence),
// which the template writes both before a tool response and after a final call.
void RenderModel(State& state, const Json& messages, size_t index) {
  const Json& message = messages[index];
  std::string text = ContentText(message);
  const Json* calls = Field(message, "tool_calls");
  const bool has_calls = calls != nullptr && calls->is_array() && !calls->empty();
  if (has_calls) {
    for (const Json& call : *calls) AppendCall(text, call);
    const bool answered = index + 1 < messages.size() && Role(messages[index + 1]) == "tool";
    if (answered || index + 1 == messages.size()) text += kStartResponse;
  } else {
    text += "<end_of_turn>\n";
  }
  state.pieces.push_back({std::move(text), true});
  state.last = has_calls ? Last::kToolCall : Last::kContent;
}

void RenderMessage(State& state, const Json& messages, size_t index) {
  const Json& message = messages[index];
  const std::string& role = Role(message);
  if (role == "tool") {
    std::string text = state.last == Last::kToolCall ? "" : std::string(kStartResponse);
    text += "response:" + ResponseName(messages, index);
    AppendResponseBody(text, message);
    AddPrompt(state, text + "<end_function_response>");
    state.last = Last::kToolResponse;
    return;
  }
  if (state.last == Last::kToolCall) Refuse("a tool call must be followed by a tool response");
  const std::string turn = role == "assistant" ? "model" : role;
  CheckText(turn, "a role");
  // After a tool response the conversation continues inside the open model turn.
  if (state.last != Last::kToolResponse) AddPrompt(state, "<start_of_turn>" + turn + "\n");
  if (turn == "model") return RenderModel(state, messages, index);
  AddPrompt(state, ContentText(message) + "<end_of_turn>\n");
  state.last = Last::kContent;
}

Pieces Render(const Json& record) {
  const Json* messages = Field(record, "messages");
  if (messages == nullptr || !messages->is_array()) Refuse("the record needs a \"messages\" array");
  const Json* tools_field = Field(record, "tools");
  const Json tools = tools_field != nullptr && tools_field->is_array() ? *tools_field : Json::array();
  State state;
  AddPrompt(state, "<bos>");
  size_t first = 0;
  Json system;  // null: no system message
  if (!messages->empty() && (Role((*messages)[0]) == "system" || Role((*messages)[0]) == "developer")) {
    system = (*messages)[0];
    first = 1;
  }
  if (!tools.empty() || !system.is_null()) RenderDeveloperTurn(state, system, tools);
  for (size_t i = first; i < messages->size(); ++i) RenderMessage(state, *messages, i);
  return std::move(state.pieces);
}

}  // namespace

std::string RenderFunctionGemma(const Json& record) {
  std::string text;
  for (const Piece& piece : Render(record)) text += piece.text;
  return text;
}

std::vector<std::pair<std::string, std::string>> FunctionGemmaCompletions(const Json& record) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string prefix;
  for (const Piece& piece : Render(record)) {
    if (piece.model) pairs.emplace_back(prefix, piece.text);
    prefix += piece.text;
  }
  return pairs;
}

}  // namespace trajc::formats
