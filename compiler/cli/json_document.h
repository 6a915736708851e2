// cli/json_document — a JSON (or YAML) file read whole, kept with what is needed to say
// where a JSON pointer into it points: `trajc schemas validate` reports a schema keyword
// that does not compile, and an instance value that fails, at its path:line:col.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "core/json.h"
#include "core/yaml.h"

namespace trajc::cli {

struct JsonDocument {
  std::string path;  // as the user named it; "-" is standard input
  std::string text;  // the JSON text (empty for YAML)
  Json value;
  std::optional<YamlDocument> yaml;  // set when the file was read as YAML

  // Where the value at `pointer` starts, else where its nearest existing ancestor does.
  Location Locate(const std::string& pointer) const;
};

// Reads `path` ("-": standard input) as JSON, or as YAML when it ends in .yaml/.yml.
// Throws trajc::Error located at the problem for an unreadable file, invalid UTF-8 or
// malformed JSON/YAML.
JsonDocument LoadJsonDocument(const std::string& path);

// Parses one JSON text (a whole file, or one JSONL line: `line` > 0 puts the location on
// that line, the column within it). Throws trajc::Error as LoadJsonDocument does.
Json ParseJsonText(const std::string& path, std::string_view text, int line = 0);
// As ParseJsonText for a JSONL line followed by FastJsonParser::kPadding readable bytes
// (a LineReader line): parsed in place, without a copy.
Json ParsePaddedJsonLine(const std::string& path, std::string_view text, int line);

// The line:col of `pointer`'s value inside `text` (a JSONL line when `line` > 0).
Location LocateInJsonText(const std::string& path, std::string_view text, const std::string& pointer, int line = 0);

}  // namespace trajc::cli
