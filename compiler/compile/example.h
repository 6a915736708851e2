// compile/example — one example, from its plan slot to its output line.
//
// Example `index` of a split is a pure function of the inputs, the flags and `index`: its
// slot (template, node, variant) comes from the split's plan, its seed from
// compile/seeds.h ExampleSeed. The template is instantiated on the node in the domain's
// environment, the record validated against the subagent's schemas, and formatted as
// --format asks. So examples can be compiled in any order, on any thread.
//
// Throws trajc::Error located at the template when a variant or seed behaves unlike the
// viability dry run (an `expect:` fails), when the record breaks the tool schemas, or when
// it cannot be written in the chosen format: each is a fault in the inputs that the dry run
// could not see, and the run stops rather than skip the example.
#pragma once

#include <cstdint>
#include <string>

#include "compile/pipeline.h"

namespace trajc::compile {

// The JSONL line of example `index` of `split` under --seed `seed`, and its `slot`. Past
// the split's distinct capacity, a repeated slot's line comes re-keyed from the split's
// repeat cache when one was proven (compile/repeat_cache.h); the bytes are the same.
std::string CompileExample(const Loaded& in, const Split& split, uint64_t seed, uint64_t index, PlanSlot& slot);

}  // namespace trajc::compile
