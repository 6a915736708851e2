#include "stats/record.h"

#include <map>

#include "core/sha256.h"
#include "core/utf8.h"

namespace trajc::stats {

namespace {

using nlohmann::json;

std::string Dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// Appends the text of a `content` value: a string, or an array of parts (strings or
// `{"text": …}` objects) joined by single spaces, so one text part reads as that string.
void ContentText(const json& content, std::string& out) {
  if (content.is_string()) {
    out += content.get_ref<const std::string&>();
    return;
  }
  if (!content.is_array()) return;
  bool first = true;
  for (const json& part : content) {
    const json* text = &part;
    if (part.is_object()) {
      auto t = part.find("text");
      if (t == part.end()) continue;
      text = &*t;
    }
    if (!text->is_string()) continue;
    if (!first) out += ' ';
    first = false;
    out += text->get_ref<const std::string&>();
  }
}

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : Dump(*it);
}

RecordMeta ReadMeta(const json& meta) {
  RecordMeta m;
  if (!meta.is_object()) throw RecordError("/meta", "`meta` must be an object");
  m.present = true;
  m.template_id = StringField(meta, "template");
  m.fixture = StringField(meta, "fixture");
  m.node = StringField(meta, "node");
  auto labels = meta.find("labels");
  if (labels != meta.end() && labels->is_array())
    for (const json& l : *labels)
      if (l.is_string()) m.labels.push_back(l.get<std::string>());
  return m;
}

// The record as duplicates are judged: keys sorted (nlohmann::json), `meta` left out,
// and tool-call ids renamed by order of appearance ("#0", "#1", …) with the
// `tool_call_id`s that answer them: generators draw ids at random, so two copies of one
// conversation differ only there.
json Canonical(const json& record) {
  json c = record;
  c.erase("meta");
  std::map<std::string, std::string> ids;
  auto rename = [&ids](json& id) {
    if (!id.is_string()) return;
    auto [it, inserted] = ids.try_emplace(id.get<std::string>(), "#" + std::to_string(ids.size()));
    id = it->second;
  };
  for (json& message : c["messages"]) {
    if (auto calls = message.find("tool_calls"); calls != message.end() && calls->is_array())
      for (json& call : *calls)
        if (call.is_object() && call.contains("id")) rename(call["id"]);
    if (auto answer = message.find("tool_call_id"); answer != message.end()) rename(*answer);
  }
  return c;
}

}  // namespace

uint64_t Fingerprint(std::string_view text) {
  std::string hex = Sha256Hex(text);
  return std::stoull(hex.substr(0, 16), nullptr, 16);
}

RecordFacts ReadRecord(const json& record) {
  if (!record.is_object()) throw RecordError("", "a record must be a JSON object");
  auto messages = record.find("messages");
  if (messages == record.end() || !messages->is_array())
    throw RecordError("/messages", "a record must have a `messages` array");
  RecordFacts f;
  f.declares_tools = record.contains("tools");
  Shingler shingler;
  std::string text;
  size_t index = 0;
  for (const json& message : *messages) {
    std::string pointer = "/messages/" + std::to_string(index++);
    if (!message.is_object()) throw RecordError(pointer, "a message must be a JSON object");
    ++f.messages;
    std::string role = StringField(message, "role");
    ++f.roles[role.empty() ? "(none)" : role];
    text.clear();
    if (auto c = message.find("content"); c != message.end()) ContentText(*c, text);
    f.characters += CountCodePoints(text);
    shingler.Add(text);
    if (role == "user" && !f.has_user_turn) {
      f.has_user_turn = true;
      f.user_turn_hash = Fingerprint(text);
    }
    auto calls = message.find("tool_calls");
    if (calls == message.end() || calls->is_null()) continue;
    if (!calls->is_array()) throw RecordError(pointer + "/tool_calls", "`tool_calls` must be an array");
    for (const json& call : *calls) {
      ++f.tool_calls;
      const json* function = &call;
      if (call.is_object())
        if (auto fn = call.find("function"); fn != call.end() && fn->is_object()) function = &*fn;
      std::string name = function->is_object() ? StringField(*function, "name") : "";
      f.tools_called.push_back(name.empty() ? "(unnamed)" : name);
      shingler.Add(name);
      if (!function->is_object()) continue;
      auto args = function->find("arguments");
      if (args == function->end() || args->is_null()) continue;
      std::string arguments = args->is_string() ? args->get<std::string>() : Dump(*args);
      f.characters += CountCodePoints(arguments);
      shingler.Add(arguments);
    }
  }
  shingler.Finish();
  f.signature = MinHash(shingler.shingles());
  if (auto meta = record.find("meta"); meta != record.end() && !meta->is_null()) f.meta = ReadMeta(*meta);
  f.record_hash = Fingerprint(Dump(Canonical(record)));
  return f;
}

}  // namespace trajc::stats
