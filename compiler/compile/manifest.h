// compile/manifest — manifest.json, written beside the parts: what `trajc check` needs to
// recompile the dataset and to say why it no longer reproduces. It records the trajc
// version, the normalised command line and "flags" (compile.h: CommandLine,
// ManifestFlags, the one conversion `trajc check` reads back), every input's path
// (relative to the project root) and sha256, each part's file, example counts, bytes,
// sha256 and coverage, what was skipped (compile/skipped.h), and the run's warnings. Key order is fixed (Json keeps insertion
// order), so the manifest's bytes are as deterministic as the parts'.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "compile/compile.h"
#include "compile/pipeline.h"

namespace trajc::compile {

// The manifest of a run whose parts are all written (their files closed: bytes and hashes
// are final). Reads the schemas and template files again to hash them; throws
// trajc::Error if one cannot be read.
Json ManifestJson(const Loaded& in, const std::array<Split, 2>& splits, const GenerateOptions& options,
                  const std::vector<std::string>& warnings);

}  // namespace trajc::compile
