// core/text_lines — physical lines of a text, as the tokenizer and the diff both need them.
#pragma once

#include <string_view>
#include <vector>

namespace trajc {

// Splits `text` into physical lines, each keeping its "\n" (the last may lack one).
std::vector<std::string_view> SplitLines(std::string_view text);

}  // namespace trajc
