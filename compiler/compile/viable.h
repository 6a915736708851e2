// compile/viable — which fixture nodes each template can use in a split, and, in a domain
// with styles, the strata those nodes form.
//
// A (template, node) pair is viable when the node's kind is the template's, the
// template's `when` conditions hold on the node's facts, and a dry run of the template
// (its first variant, at domains::kDryRunSeed) meets every `expect:`. A dry run that
// fails an expectation only rules the pair out; any other exception propagates and stops
// the run, since it is a fault in an input rather than a poor fit.
#pragma once

#include <cstdint>
#include <vector>

#include "compile/pipeline.h"

namespace trajc::compile {

// The reason a candidate that its template's dry run rules out is counted under.
inline constexpr const char* kExpectationNotMet = "expectation not met";

// Fills split.viable, one list per template, in fixture then node order, and counts the
// candidates ruled out in split.skipped_by_template (when it is sized: PlanSplit sizes it). The candidates
// point into `split` (its fixtures, manifest paths and nodes), which must not move after.
void FindViable(const Loaded& in, Split& split);

// In a domain with styles, a template's nodes of one style form a stratum, so that the
// styles take turns in each template instead of mixing by chance: sorts `viable` by style
// (stably: nodes keep their order within a style) and returns the strata sizes, in order.
std::vector<uint64_t> Stratify(std::vector<Candidate>& viable);

}  // namespace trajc::compile
