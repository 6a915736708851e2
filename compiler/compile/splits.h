// compile/splits — what each split of a run holds: the parts it is written to, the
// fixtures it draws from, and its plan.
//
// A run has two splits, train and eval, each with its own fixtures (fixtures/<domain>/ and
// its eval/ folder, or a seeded hold-out of the tree's files when it has none) and its own
// plan. Train is written to train.jsonl; eval to eval.jsonl,
// or, with three --split shares, to val.jsonl and test.jsonl, which take disjoint ranges of
// the one eval plan. With --shard K/N each part is narrowed to its K-th contiguous slice,
// so that the N shards' files concatenated in order are the single run's.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "compile/compile.h"
#include "compile/pipeline.h"
#include "domains/fixture.h"

namespace trajc::compile {

// The splits with their parts and fixtures, not planned yet. Example counts are
// round(count * share), each capped by what is left. When the fixtures have no eval/
// folder and eval needs examples, eval's fixtures are held out of the tree's files
// (compile/holdout.h) and `in.holdout` says how; throws as HoldOut does.
std::array<Split, 2> MakeSplits(const GenerateOptions& options, Loaded& in, domains::FixtureSet fixtures);

// Plans `split`: its fixtures' nodes (only --style's when given), the viable candidates of
// each template (compile/viable.h), the plan, and a repeat cache when examples repeat.
// Appends to `warnings` what the run says before writing (examples that repeat, templates
// that fit no fixture). Throws a trajc::Error located at the fixtures folder when the split
// needs examples and no fixture fits any template. `split` must not move afterwards.
void PlanSplit(const Loaded& in, const GenerateOptions& options, Split& split, std::vector<std::string>& warnings);

}  // namespace trajc::compile
