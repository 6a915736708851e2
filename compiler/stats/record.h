// stats/record — what stats needs from one dataset record, read once and then dropped:
// counts, tool names, the text fingerprints and the optional `meta` object.
//
// A conforming record is a JSON object with a `messages` array of message objects; it
// may also carry `tools`, `meta` and any other field. A message's `content` may be a
// string, null or an array of parts (`{"type": "text", "text": …}`); a tool call's
// `arguments` may be a JSON string or an object. Anything else about a message is
// tolerated: stats describes datasets, `trajc validate` judges them.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats/minhash.h"

namespace trajc::stats {

// The `meta` object `trajc --with-meta` writes:
// {"template", "fixture", "node", "variant", "index", "split", "labels"}.
struct RecordMeta {
  bool present = false;
  std::string template_id;
  std::string fixture;
  std::string node;
  std::vector<std::string> labels;
};

struct RecordFacts {
  uint64_t messages = 0;
  uint64_t tool_calls = 0;
  std::map<std::string, uint64_t> roles;  // messages per role
  std::vector<std::string> tools_called;  // one entry per call
  uint64_t characters = 0;                // code points of contents and arguments
  bool declares_tools = false;            // a record-level `tools` field
  uint64_t record_hash = 0;               // of the canonical record (no `meta`, ids renumbered)
  bool has_user_turn = false;
  uint64_t user_turn_hash = 0;            // of the first user message's content
  Signature signature{};                  // MinHash of every content, tool name and arguments
  RecordMeta meta;
};

// A record that is JSON but not a conforming record: what is wrong and where (a JSON
// pointer into the record).
class RecordError : public std::runtime_error {
 public:
  RecordError(std::string pointer, const std::string& message)
      : std::runtime_error(message), pointer_(std::move(pointer)) {}
  const std::string& pointer() const { return pointer_; }

 private:
  std::string pointer_;
};

// A stable 64-bit fingerprint: the first 8 bytes of the text's sha256.
uint64_t Fingerprint(std::string_view text);

// Reads a parsed record (nlohmann::json: its keys are sorted, so its dump is canonical).
// Throws RecordError.
RecordFacts ReadRecord(const nlohmann::json& record);

}  // namespace trajc::stats
