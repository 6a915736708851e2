// Fuzz target: the JSON readers — cli/json_document's ParseJsonText (simdjson's fast path
// of core/fast_json, nlohmann's parser for what it declines and for every error's words),
// the JSONL-line variant that parses in place (ParsePaddedJsonLine), and core/json_locate,
// which finds a pointer's value in the text to locate an error.
//
// Properties checked besides "no crash":
// - FastJsonParser accepts only what nlohmann accepts, and gives the same value (the
//   same serialisation: types included) — the fast path must not change any result;
// - in text the fast path accepts (no duplicate keys), every value's pointer is found by
//   LocateJsonValue, at a byte that can start that value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/json_document.h"
#include "core/fast_json.h"
#include "core/json.h"
#include "core/json_locate.h"
#include "fuzz_support.h"

namespace {

using namespace trajc;

bool StartsValue(char c, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: return c == '{';
    case Json::value_t::array: return c == '[';
    case Json::value_t::string: return c == '"';
    case Json::value_t::boolean: return c == 't' || c == 'f';
    case Json::value_t::null: return c == 'n';
    default: return c == '-' || (c >= '0' && c <= '9');
  }
}

// Every value below `value` (at most `budget` of them, so that a large document does not
// make one input slow), located in `text` along `tokens`.
void CheckLocations(std::string_view text, const Json& value, std::vector<std::string>& tokens, int& budget) {
  if (--budget < 0) return;
  size_t at = LocateJsonValue(text, tokens);
  if (at == std::string_view::npos || at >= text.size() || !StartsValue(text[at], value)) {
    std::string pointer;
    for (const std::string& t : tokens) pointer += "/" + t;
    fuzz::Finding("LocateJsonValue misses the value at '" + pointer + "'");
  }
  if (value.is_object()) {
    for (const auto& item : value.items()) {
      tokens.push_back(item.key());
      CheckLocations(text, item.value(), tokens, budget);
      tokens.pop_back();
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      tokens.push_back(std::to_string(i));
      CheckLocations(text, value[i], tokens, budget);
      tokens.pop_back();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsText(data, size);
  static FastJsonParser fast;
  Json fast_value;
  bool fast_ok = fast.Parse(text, fast_value);

  Json reference;
  bool reference_ok = true;
  try {
    reference = Json::parse(text);
  } catch (const nlohmann::json::parse_error&) {
    reference_ok = false;
  } catch (const nlohmann::json::out_of_range&) {  // a number beyond a double
    reference_ok = false;
  }
  if (fast_ok && !reference_ok) fuzz::Finding("FastJsonParser accepts JSON that nlohmann rejects");
  if (fast_ok && Dump(fast_value) != Dump(reference))
    fuzz::Finding("FastJsonParser gives " + Dump(fast_value) + ", nlohmann " + Dump(reference));

  (void)FindOutOfRangeNumber(text);
  try {
    Json value = cli::ParseJsonText("fuzz.json", text);
    if (fast_ok) {
      std::vector<std::string> tokens;
      int budget = 256;
      CheckLocations(text, value, tokens, budget);
      (void)cli::LocateInJsonText("fuzz.json", text, "/no/such/pointer");
    }
  } catch (const Error& e) {
    fuzz::CheckLocated(e, "fuzz.json", text);
  }

  // A JSONL line as LineReader hands it over: kPadding readable bytes after it.
  std::string padded(text);
  padded.append(FastJsonParser::kPadding, '\0');
  try {
    (void)cli::ParsePaddedJsonLine("fuzz.jsonl", std::string_view(padded.data(), text.size()), 1);
  } catch (const Error&) {
    // Located on line 1 whatever the line's own newlines: checked by ParseJsonText above.
  }
  return 0;
}
