// core/fast_json — JSON text to trajc::Json through simdjson, for hot loops that parse many
// small documents (`trajc schemas validate --jsonl`), where nlohmann's own parser is most
// of the time spent.
//
// The result equals Json::parse(text) exactly (same value types, including nlohmann's
// unsigned type for non-negative integers). Parse() returns false for anything simdjson
// rejects or that it leaves to nlohmann (integers beyond 64 bits; an integer 0 when the
// text holds "-0"; an object with a duplicate key, where nlohmann keeps the first position
// and the last value): the caller then parses with nlohmann, which either accepts the text
// or words the error.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "core/json.h"

namespace trajc {

class FastJsonParser {
 public:
  FastJsonParser();
  ~FastJsonParser();
  FastJsonParser(const FastJsonParser&) = delete;
  FastJsonParser& operator=(const FastJsonParser&) = delete;

  bool Parse(std::string_view text, Json& out);
  // As Parse, without copying `text`: at least kPadding bytes after it must be readable
  // (simdjson reads past the end of its input), as LineReader's lines are.
  bool ParsePadded(std::string_view text, Json& out);
  static constexpr std::size_t kPadding = 64;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace trajc
