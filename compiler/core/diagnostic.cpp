#include "core/diagnostic.h"

namespace trajc {

namespace {

// `message` on one line: a line break inside it (a parser's message, a quoted value) is
// written as the escape \n (\r for a carriage return), so that every diagnostic is one line.
std::string OneLine(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (char c : message) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

}  // namespace

std::string FormatDiagnostic(const Location& where, std::string_view severity,
                             std::string_view message) {
  std::string out = where.path;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  out += ": ";
  out += severity;
  out += ": ";
  out += OneLine(message);
  return out;
}

Error::Error(Location where, std::string message, int exit_code)
    : std::runtime_error(FormatDiagnostic(where, "error", message)),
      where_(std::move(where)),
      message_(OneLine(message)),
      exit_code_(exit_code) {}

Location LocationOfOffset(std::string_view path, std::string_view text, size_t offset) {
  Location loc{std::string(path), 1, 1};
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

}  // namespace trajc
