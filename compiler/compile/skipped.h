// compile/skipped — what a run reports about the files and nodes its fixtures could not
// serve (Split::skipped_*): the manifest's "skipped" object and the one-line summary on
// stderr. Any tree of Python may be --fixtures, so skipping is normal there; the counts
// say what a tree gave and why the rest did not.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "compile/pipeline.h"
#include "core/json.h"

namespace trajc::compile {

// Per split: {"files": {reason: n}, "nodes": {reason: n}, "templates": {id: {reason: n}}},
// every key sorted.
Json SkippedJson(const Loaded& in, const std::array<Split, 2>& splits);

// "skipped: 3 files (syntax error 2, not UTF-8 1), 412 nodes (docstring: … 380, …)",
// over both splits, reasons by count (most first) then name; "" when nothing was skipped.
// Per-template counts (dry runs that fail an expectation) are in the manifest only.
std::string SkippedLine(const std::array<Split, 2>& splits);
std::string SkippedLine(const std::vector<const Split*>& splits);

}  // namespace trajc::compile
