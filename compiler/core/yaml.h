// core/yaml — YAML documents as trajc::Json, with the source location of every value.
//
// Subagent definitions and templates are written in YAML but checked as JSON (schemas are
// JSON Schema). Each value's location is kept by JSON pointer so that a problem found
// later, after conversion, is still reported at its `path:line:col`.
#pragma once

#include <map>
#include <string>

#include "core/diagnostic.h"
#include "core/json.h"

namespace trajc {

struct YamlDocument {
  std::string path;
  Json value;
  std::map<std::string, Location> locations;  // JSON pointer -> where its value starts

  // The location of `pointer`, or of its nearest located ancestor.
  Location Locate(const std::string& pointer) const;
  Error ErrorAt(const std::string& pointer, std::string message) const;
};

// Parses one YAML document. Plain scalars become bool/int/float/null by YAML 1.2 core
// rules; quoted scalars stay strings. Throws trajc::Error located at the problem for
// unreadable files, invalid UTF-8, malformed YAML, duplicate keys, or aliases/anchors of
// non-scalars (not needed, and a way to hide mistakes).
YamlDocument LoadYaml(const std::string& path);
YamlDocument ParseYaml(const std::string& path, const std::string& text);

// RFC 6901 escaping of one reference token.
std::string EscapePointerToken(std::string_view token);

}  // namespace trajc
