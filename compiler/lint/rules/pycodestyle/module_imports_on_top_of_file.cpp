#include "lint/rules/pycodestyle/module_imports_on_top_of_file.h"

#include <algorithm>
#include <array>

#include "lint/rules/char_class.h"

namespace trajc::lint {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// DUNDER_REGEX: ^__([^\s]+)__(?::\s*[a-zA-Z.0-9_\[\]"]+)? = 
bool IsDunderAssignment(std::string_view line) {
  if (!StartsWith(line, "__")) return false;
  auto annotation_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '[' || c == ']' || c == '"';
  };
  for (size_t e = 3; e + 2 <= line.size() && !IsPySpace(line[e - 1]); ++e) {
    if (line.substr(e, 2) != "__") continue;
    size_t r = e + 2;
    if (r < line.size() && line[r] == ':') {
      size_t p = r + 1;
      while (p < line.size() && IsPySpace(line[p])) ++p;
      size_t q = p;
      while (q < line.size() && annotation_char(line[q])) ++q;
      if (q > p && line.substr(q, 3) == " = ") return true;
    }
    if (line.substr(r, 3) == " = ") return true;
  }
  return false;
}

bool IsStringLiteral(std::string_view line) {
  if (!line.empty() && std::string_view("uUbB").find(line[0]) != std::string_view::npos) line.remove_prefix(1);
  if (!line.empty() && (line[0] == 'r' || line[0] == 'R')) line.remove_prefix(1);
  return !line.empty() && (line[0] == '"' || line[0] == '\'');
}

constexpr std::array<std::string_view, 7> kAllowedKeywords = {"try", "except", "else", "finally", "with", "if", "elif"};

}  // namespace

void CheckModuleImportsOnTopOfFile(const Source&, const LogicalLine& ll, ImportPlacement& state, Findings& out) {
  if (ll.indent_level != 0 || ll.text.empty()) return;
  std::string_view line = ll.text;
  if (StartsWith(line, "import ") || StartsWith(line, "from ")) {
    if (state.seen_non_imports) {
      Position at = ll.Locate(0);
      Report(out, kModuleImportNotAtTopOfFile, at.row, at.col);
    }
  } else if (IsDunderAssignment(line)) {
    return;
  } else if (std::any_of(kAllowedKeywords.begin(), kAllowedKeywords.end(),
                         [&](std::string_view kw) { return StartsWith(line, kw); })) {
    return;
  } else if (IsStringLiteral(line)) {
    if (state.seen_docstring) {
      state.seen_non_imports = true;
    } else {
      state.seen_docstring = true;
    }
  } else {
    state.seen_non_imports = true;
  }
}

}  // namespace trajc::lint
