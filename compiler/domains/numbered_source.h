// domains/numbered_source — how a user turn shows a Python file: with line numbers the
// agent can cite in its tool calls. Shared by every domain so that all render alike.
#pragma once

#include <string>

#include "core/json.h"

namespace trajc::domains {

// Lines as Python counts them: a final line without '\n' counts, an empty text has none.
int LineCount(const std::string& text);

// "  1 | import os": numbers right-aligned to the widest, no trailing newline.
std::string NumberedSource(const std::string& text);

// The values a subagent's context_template renders a file with: path, source,
// numbered_source, line_count (every domain's Context; `text` is the task's start).
Json SourceContext(const std::string& display_path, const std::string& text);

}  // namespace trajc::domains
