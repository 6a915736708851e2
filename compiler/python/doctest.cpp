#include "python/doctest.h"

namespace trajc::python {

namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    if (nl == text.size()) break;
    start = nl + 1;
  }
  return out;
}

size_t Indent(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

bool IsBlank(std::string_view line) { return Indent(line) == line.size(); }

// A prompt at `indent` (">>>" or "..."), followed by a space or the end of the line.
bool HasPrompt(std::string_view line, size_t indent, std::string_view prompt) {
  std::string_view rest = line.substr(indent);
  return rest.substr(0, 3) == prompt && (rest.size() == 3 || rest[3] == ' ');
}

std::string_view AfterPrompt(std::string_view line, size_t indent) {
  std::string_view rest = line.substr(indent + 3);
  return rest.empty() ? rest : rest.substr(1);
}

// doctest's rule: the exception line is the first one after the Traceback header that
// starts without indentation; the type ends at the first ':'.
std::optional<DoctestException> ExceptionOf(const std::vector<std::string>& want) {
  if (want.empty()) return std::nullopt;
  if (want[0] != "Traceback (most recent call last):" && want[0] != "Traceback (innermost last):") return std::nullopt;
  for (size_t i = 1; i < want.size(); ++i) {
    const std::string& line = want[i];
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    DoctestException e;
    size_t colon = line.find(':');
    e.type = line.substr(0, colon);
    if (colon != std::string::npos) e.message = line.substr(colon + 1 + (colon + 1 < line.size() && line[colon + 1] == ' '));
    for (size_t j = i + 1; j < want.size(); ++j) e.message += "\n" + want[j];
    return e;
  }
  return std::nullopt;
}

}  // namespace

std::vector<DoctestExample> ParseDoctests(std::string_view raw) {
  std::vector<std::string_view> lines = Lines(raw);
  std::vector<DoctestExample> out;
  size_t i = 0;
  while (i < lines.size()) {
    size_t indent = Indent(lines[i]);
    if (!HasPrompt(lines[i], indent, ">>>")) {
      ++i;
      continue;
    }
    DoctestExample ex;
    ex.line = static_cast<int>(i) + 1;
    ex.source = std::string(AfterPrompt(lines[i], indent));
    ++i;
    while (i < lines.size() && Indent(lines[i]) == indent && HasPrompt(lines[i], indent, "...")) {
      ex.source += "\n" + std::string(AfterPrompt(lines[i], indent));
      ++i;
    }
    std::vector<std::string> want;
    while (i < lines.size() && !IsBlank(lines[i]) && !HasPrompt(lines[i], Indent(lines[i]), ">>>")) {
      std::string_view line = lines[i];
      want.emplace_back(Indent(line) >= indent ? line.substr(indent) : line.substr(Indent(line)));
      ++i;
    }
    for (size_t k = 0; k < want.size(); ++k) ex.want += (k ? "\n" : "") + want[k];
    ex.exception = ExceptionOf(want);
    ex.has_directive = ex.source.find("doctest:") != std::string::npos;
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace trajc::python
