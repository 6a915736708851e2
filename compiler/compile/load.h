// compile/load — the first stage: the flags checked, then the domain, its subagent
// definition and its templates loaded, and the record format chosen. Everything that can
// be wrong with the flags or these inputs is found here, before a split is planned or any
// output opened. Throws trajc::Error: kExitUsage for impossible flags (--count < 1, shares
// that do not add up, an unknown --format, --style or domain), kExitInvalid, located in
// the file, for an input that does not load.
#pragma once

#include "compile/compile.h"
#include "compile/pipeline.h"

namespace trajc::compile {

Loaded LoadInputs(const GenerateOptions& options);

}  // namespace trajc::compile
