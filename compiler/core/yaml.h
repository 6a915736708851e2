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

// Budgets that keep a small file from growing without bound (an alias bomb: nine aliases
// of nine aliases of … nine scalars is 9^7 values from 400 bytes) or recursing without
// bound. Values written out in the file are bounded by its size; these bound what aliases
// add on top: every alias copies its anchor's value, and all copies together may hold at
// most kMaxYamlAliasNodes values and kMaxYamlAliasBytes of text (scalars, keys and the
// pointers of their locations). Subagent definitions and templates have a few thousand
// values; 100,000 leaves ample room for sharing fragments by alias while keeping memory
// in the tens of MB and the time in milliseconds. Nesting (aliases included) is at most
// kMaxYamlDepth collections deep: deeper than any schema or template, shallow enough for
// every recursive walk over the value.
inline constexpr size_t kMaxYamlAliasNodes = 100'000;
inline constexpr size_t kMaxYamlAliasBytes = size_t{16} << 20;
inline constexpr size_t kMaxYamlDepth = 256;

struct YamlDocument {
  std::string path;
  bool empty = false;  // no document at all: 0 bytes, or only blanks and comments; value is null
  Json value;
  std::map<std::string, Location> locations;  // JSON pointer -> where its value starts

  // The location of `pointer`, or of its nearest located ancestor.
  Location Locate(const std::string& pointer) const;
  Error ErrorAt(const std::string& pointer, std::string message) const;
};

// Parses one YAML document. Plain scalars become bool/int/float/null by YAML 1.2 core
// rules; quoted scalars stay strings. Throws trajc::Error located at the problem for
// unreadable files, invalid UTF-8, characters YAML forbids (NUL and other controls),
// malformed YAML, duplicate keys, non-scalar keys, and past the budgets above. An empty
// file is a null value located at 1:1 (`empty` says so).
YamlDocument LoadYaml(const std::string& path);
YamlDocument ParseYaml(const std::string& path, const std::string& text);

// RFC 6901 escaping of one reference token.
std::string EscapePointerToken(std::string_view token);

}  // namespace trajc
