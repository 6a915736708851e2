#include "core/json_depth.h"

namespace trajc {

size_t FindTooDeepJson(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string JsonTooDeepMessage() {
  return "too deep for trajc: the JSON value nests past the limit of " + std::to_string(kMaxJsonDepth) +
         " levels here; flatten it";
}

}  // namespace trajc
