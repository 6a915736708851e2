#include "cli/json_document.h"

#include <iostream>
#include <iterator>
#include <sstream>

#include "core/fast_json.h"
#include "core/files.h"
#include "core/json_depth.h"
#include "core/json_locate.h"
#include "core/utf8.h"
#include "schema/json_pointer.h"

namespace trajc::cli {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A location inside `text`; on a JSONL line the line number is the file's, the column the line's.
Location At(const std::string& path, std::string_view text, size_t offset, int line) {
  Location loc = LocationOfOffset(path, text, offset);
  if (line > 0) loc.line = line;
  return loc;
}

// nlohmann's message without its "[json.exception…] parse error at line L, column C: " prefix.
std::string ParseErrorText(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  size_t column = what.find(", column ");
  size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string ReadStdin() {
  std::ostringstream s;
  s << std::cin.rdbuf();
  if (std::cin.bad()) throw Error({"-", 0, 0}, "cannot read standard input");
  return s.str();
}

thread_local FastJsonParser fast_parser;

// nlohmann's parser: the reference for everything simdjson declines, and the wording of every error.
Json ParseWithNlohmann(const std::string& path, std::string_view text, int line) {
  // simdjson declines (its depth limit is 1,024) what nests too deep for trajc: checked here.
  if (size_t deep = FindTooDeepJson(text); deep != std::string_view::npos)
    throw Error(At(path, text, deep, line), JsonTooDeepMessage());
  try {
    // nlohmann rejects ill-formed UTF-8 itself, so text that parses is UTF-8; the check
    // below only words the error better (and costs nothing on the valid path).
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    size_t bad = FindInvalidUtf8(text);
    if (bad != std::string_view::npos)
      throw Error(At(path, text, bad, line), "invalid UTF-8 byte; the input must be UTF-8");
    // e.byte counts from 1 and names the byte where parsing stopped.
    size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    throw Error(At(path, text, offset, line), "invalid JSON: " + ParseErrorText(e));
  } catch (const nlohmann::json::out_of_range&) {  // a number beyond a double (json_locate.h)
    OutOfRangeNumber number = FindOutOfRangeNumber(text);
    throw Error(At(path, text, number.offset == std::string_view::npos ? 0 : number.offset, line), number.message);
  }
}

}  // namespace

Json ParseJsonText(const std::string& path, std::string_view text, int line) {
  // simdjson first: on --jsonl streams nlohmann's parser is most of the time.
  Json value;
  if (fast_parser.Parse(text, value)) return value;
  return ParseWithNlohmann(path, text, line);
}

Json ParsePaddedJsonLine(const std::string& path, std::string_view text, int line) {
  Json value;
  if (fast_parser.ParsePadded(text, value)) return value;
  return ParseWithNlohmann(path, text, line);
}

Location LocateInJsonText(const std::string& path, std::string_view text, const std::string& pointer, int line) {
  std::vector<std::string> tokens = schema::ParsePointer(pointer).value_or(std::vector<std::string>{});
  while (true) {
    size_t offset = LocateJsonValue(text, tokens);
    if (offset != std::string_view::npos) return At(path, text, offset, line);
    if (tokens.empty()) return {path, line > 0 ? line : 1, 1};
    tokens.pop_back();
  }
}

Location JsonDocument::Locate(const std::string& pointer) const {
  if (yaml) return yaml->Locate(pointer);
  return LocateInJsonText(path, text, pointer);
}

JsonDocument LoadJsonDocument(const std::string& path) {
  JsonDocument doc;
  doc.path = path;
  std::string text = path == "-" ? ReadStdin() : ReadFile(path);
  if (EndsWith(path, ".yaml") || EndsWith(path, ".yml")) {
    doc.yaml = ParseYaml(path, text);
    doc.value = doc.yaml->value;
    return doc;
  }
  doc.value = ParseJsonText(path, text);
  doc.text = std::move(text);
  return doc;
}

}  // namespace trajc::cli
