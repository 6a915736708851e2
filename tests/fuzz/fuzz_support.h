// tests/fuzz/fuzz_support — what the fuzz targets share: the checkout's path, a scratch
// file for the entry points that only read files, and the check that a located error
// points inside the input it blames.
//
// A target calls a library the way the CLI does and catches only the errors the library
// documents for bad input (trajc::Error and the like); anything else that escapes — another
// exception, a crash, a sanitizer report, a hang, memory past libFuzzer's limit — is a
// finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace trajc::fuzz {

// The input bytes as text (trajc's loaders take std::string / std::string_view).
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The checkout the target was built from (tool_schemas/ etc.).
std::string SourceDir();

// Writes `text` to the file `name` in this process's scratch folder (reused for every
// input, removed at exit) and returns its path: for loaders that only take a path.
std::string ScratchFile(std::string_view name, std::string_view text);

// Aborts (a finding) when `error` blames a line or column beyond `text`: a located error
// must point into the file it names. `path` is the name the input was given; errors about
// other files (a tool schema the target loaded itself) are not checked.
void CheckLocated(const Error& error, std::string_view path, std::string_view text);

// Aborts with `what` on stderr: a property of the library that the input broke.
[[noreturn]] void Finding(std::string_view what);

}  // namespace trajc::fuzz
