// W391 blank line at end of file.
//
// What it does: finds empty lines after the last line of code.
// Why is this bad: the file should end with exactly one newline.
// Example: `x = 1\n\n`          Use instead: `x = 1\n`
// Fix (safe): delete every trailing blank line.
#pragma once

#include "lint/rules/rule.h"

namespace trajc::lint {

void CheckBlankLineAtEof(const Source& src, const PhysicalLine& line, Findings& out);

}  // namespace trajc::lint
