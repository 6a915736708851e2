// stats/coverage — templates, fixtures and labels are not in a plain record. They come
// from, in order: the records' `meta` objects; else the per-split `coverage` of the
// manifest.json beside the files (written by `trajc generate`); else they are unknown.
// Labels are grouped by their prefix: `style:google` counts under `styles`,
// `kind:function` under `node_kinds`, an unprefixed lint code (`E501`) under `codes`,
// any other unprefixed label under `tags`, any other prefix under itself.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/json.h"

namespace trajc::stats {

struct Coverage {
  std::string source = "unknown";  // "meta", "manifest" or "unknown"
  std::map<std::string, uint64_t> templates;
  std::map<std::string, uint64_t> fixtures;
  std::map<std::string, uint64_t> labels;  // ungrouped, as recorded
};

// The coverage the manifest.json beside `file` records for it (matched by the split's
// `file` name, else by the split's name); false when there is none. A manifest that
// cannot be read is a warning.
bool ManifestCoverage(const std::string& file, const std::string& split, Coverage& into,
                      std::vector<std::string>& warnings);

// {"codes": {"E501": 3}, "styles": {…}, …}: groups in sorted order, labels sorted within.
Json GroupLabels(const std::map<std::string, uint64_t>& labels);

}  // namespace trajc::stats
