// lint/rules/rule — what every rule sees: the Source, flake8's physical and logical lines,
// and the Findings list it appends to (through Report, with the rule's own Violation).
// A rule never throws and never reads outside `src`.
#pragma once

#include <string_view>
#include <vector>

#include "lint/logical_lines.h"
#include "lint/rules/violation.h"
#include "lint/source.h"

namespace trajc::lint {

// Normalized offset of the start of a view into src.text.
inline size_t OffsetOf(const Source& src, std::string_view view) {
  return static_cast<size_t>(view.data() - src.text.data());
}

// Token range of a logical line.
inline const python::Token* TokensBegin(const Source& src, const LogicalLine& ll) {
  return src.tokens.tokens.data() + ll.first_token;
}
inline const python::Token* TokensEnd(const Source& src, const LogicalLine& ll) {
  return src.tokens.tokens.data() + ll.end_token;
}

}  // namespace trajc::lint
