// domains/numbered_source — how a user turn shows a Python file: with line numbers the
// agent can cite in its tool calls. Shared by every domain so that all render alike.
#pragma once

#include <string>

namespace trajc::domains {

// Lines as Python counts them: a final line without '\n' counts, an empty text has none.
int LineCount(const std::string& text);

// "  1 | import os": numbers right-aligned to the widest, no trailing newline.
std::string NumberedSource(const std::string& text);

}  // namespace trajc::domains
