// lint/rules/violation — what a rule says about one code: its message, its summary and
// its fix, owned by the rule (ruff's Violation types).
//
// Each rule header declares one `constexpr Violation` per code it reports, next to the
// comment that explains the rule; the rule emits its findings through Report() with
// that descriptor, and rule_registry.cpp lists the descriptors to make the code table
// (SupportedRules). So a code's words are written once, where the rule is. Nothing here
// throws; a message with fewer arguments than "{}" keeps the extra "{}" as written.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "lint/source.h"

namespace trajc::lint {

// Whether a code's fix may change what the program does: `trajc fix` applies kUnsafe
// fixes only with --unsafe-fixes; kSafe fixes change whitespace or layout only.
enum class FixSafety { kNone, kSafe, kUnsafe };

struct Violation {
  std::string_view code;       // "E225"
  std::string_view message;    // flake8's text; each "{}" is filled, in order, by the rule
  std::string_view summary;    // the message in general, for the code table and `trajc lint --help`
  std::string_view fix_title = {};  // "Add missing whitespace"; empty when fix is kNone
  FixSafety fix = FixSafety::kNone;
};

using Findings = std::vector<Finding>;

// `message` with each "{}" replaced by the next of `args`.
std::string FormatMessage(std::string_view message, std::initializer_list<std::string_view> args);

// A finding of `violation` at `row` and byte column `col` (0-based, of the normalized
// line), its message filled with `args`, `edits` its fix (empty: none here).
Finding MakeFinding(const Violation& violation, int row, int col, std::initializer_list<std::string_view> args = {},
                    std::vector<Edit> edits = {});

// Appends MakeFinding(...) to `out` and returns it, for a rule that reports another kind of
// column (pyflakes' byte columns, pycodestyle's character ones) to set col_is_chars.
Finding& Report(Findings& out, const Violation& violation, int row, int col,
                std::initializer_list<std::string_view> args = {}, std::vector<Edit> edits = {});

}  // namespace trajc::lint
