// compile — RunGenerate: the stages of compile.h in order. Every input is loaded and every
// split planned before emit opens any output, so that a bad input or flag leaves the
// output folder as it was.
#include "compile/compile.h"

#include <array>
#include <string>
#include <vector>

#include "compile/emit.h"
#include "compile/load.h"
#include "compile/splits.h"
#include "core/diagnostic.h"
#include "domains/fixture.h"

namespace trajc::compile {

int RunGenerate(const GenerateOptions& o) {
  Loaded in = LoadInputs(o);
  std::array<Split, 2> splits = MakeSplits(o, in, domains::LoadFixtureSet(in.paths.fixtures));
  std::vector<std::string> warnings;
  for (Split& split : splits) PlanSplit(in, o, split, warnings);  // in place: candidates point into it
  WriteSplits(in, splits, o, warnings);
  return kExitOk;
}

}  // namespace trajc::compile
