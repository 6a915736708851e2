// core/json_depth — how deeply a JSON text nests, found without recursion.
//
// nlohmann's parser and destructor are iterative, but comparing (==, `const`, `enum`,
// `uniqueItems`) and dumping a value recurse once per level, so the nesting of a JSON input
// would choose trajc's stack depth. Every JSON reader of trajc's inputs (JSONL records,
// instances, schemas, manifests) checks the text first and refuses a deeper one with a
// located error. 10,000 levels is far beyond any real record (Python's json module stops
// near 1,000) and far within the stack trajc runs on (core/big_stack.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trajc {

inline constexpr int kMaxJsonDepth = 10000;

// The offset of the `[` or `{` at which `text` first nests deeper than kMaxJsonDepth, or
// npos. Brackets inside strings do not count; `text` need not be valid JSON.
size_t FindTooDeepJson(std::string_view text);

// "too deep for trajc: the JSON value nests past the limit of 10000 levels here; …".
std::string JsonTooDeepMessage();

}  // namespace trajc
