// compile/emit — the last stage: the planned splits written to <out>/.
//
// Each part is written in plan order, kBatch examples at a time: a batch is compiled
// across --jobs threads (worker w takes examples w, w + jobs, ...), then written in order,
// so the bytes never depend on --jobs. Lines go to temporaries (core/files AtomicFile);
// manifest.json is built last, and the parts and the manifest are published together by
// rename. The warnings, a progress bar (when stderr is a terminal) and a summary go to
// stderr unless --quiet; --json prints the summary on stdout instead.
//
// How it fails: a compile error in any batch (compile/example.h) or an I/O error throws
// trajc::Error; the temporaries are removed, nothing is published, and an output folder
// this run created is removed again, so an error leaves no partial dataset behind.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "compile/compile.h"
#include "compile/pipeline.h"

namespace trajc::compile {

// Writes the splits' parts and manifest.json to --out (default out/<domain>), creating
// the folder if needed. Throws trajc::Error when --out is not a folder or cannot be made.
void WriteSplits(const Loaded& in, std::array<Split, 2>& splits, const GenerateOptions& options,
                 const std::vector<std::string>& warnings);

}  // namespace trajc::compile
