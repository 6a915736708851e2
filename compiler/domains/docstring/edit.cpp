#include "domains/docstring/edit.h"

#include <algorithm>

#include "python/tokenize.h"

namespace trajc::domains::docstring {

namespace {

// The text as editable lines, each with its '\n' (the last one may lack it).
std::vector<std::string> EditableLines(const std::string& text) {
  std::vector<std::string_view> views = python::SplitLines(text);
  return {views.begin(), views.end()};
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l;
  return out;
}

bool IsBlank(const std::string& line) { return line.find_first_not_of(" \t\r\n\f") == std::string::npos; }

std::string IndentOf(const std::string& line) { return line.substr(0, line.find_first_not_of(" \t")); }

// The body's only statement is the docstring (comments aside): removing it needs a `pass`.
bool DocstringIsWholeBody(const std::vector<std::string>& lines, const python::Definition& d) {
  for (int n = d.docstring->end_line + 1; n <= d.end_line && n <= static_cast<int>(lines.size()); ++n) {
    const std::string& line = lines[n - 1];
    size_t first = line.find_first_not_of(" \t\r\n\f");
    if (first != std::string::npos && line[first] != '#') return false;
  }
  return true;
}

}  // namespace

bool IsAccessor(const python::Definition& d) {
  return std::any_of(d.decorators.begin(), d.decorators.end(),
                     [](const std::string& s) { return s.ends_with(".setter") || s.ends_with(".deleter"); });
}

const python::Definition* FindTarget(const python::ModuleFacts& facts, std::string_view qualified_name) {
  for (const python::Definition& d : facts.definitions)
    if (d.qualified_name == qualified_name && !d.is_overload() && !IsAccessor(d)) return &d;
  return nullptr;
}

std::string RemoveDocstrings(const std::string& text, const std::vector<const python::Definition*>& targets) {
  std::vector<const python::Definition*> order;
  for (const python::Definition* d : targets)
    if (d->docstring && !d->body_on_header_line) order.push_back(d);
  // Bottom-up, so that each removal leaves the line numbers of the next one valid.
  std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->docstring->line > b->docstring->line; });
  std::vector<std::string> lines = EditableLines(text);
  for (const python::Definition* d : order) {
    int first = d->docstring->line, last = d->docstring->end_line;
    if (last > static_cast<int>(lines.size())) continue;
    std::string indent = IndentOf(lines[first - 1]);
    bool whole_body = DocstringIsWholeBody(lines, *d);
    if (d->is_class() && !whole_body && last < static_cast<int>(lines.size()) && IsBlank(lines[last])) ++last;
    lines.erase(lines.begin() + (first - 1), lines.begin() + last);
    if (whole_body) lines.insert(lines.begin() + (first - 1), indent + "pass\n");
  }
  return JoinLines(lines);
}

WriteOutcome WriteDocstring(const std::string& text, const python::Definition& d, std::string_view content) {
  WriteOutcome out;
  out.text = text;
  std::vector<std::string> body;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    std::string line(content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    body.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  while (!body.empty() && body.back().empty()) body.pop_back();
  while (!body.empty() && body.front().empty()) body.erase(body.begin());
  if (body.empty()) {
    out.error = "the docstring is empty";
    return out;
  }
  if (content.find("\"\"\"") != std::string_view::npos) {
    out.error = "the docstring must not contain triple double quotes";
    return out;
  }
  if (d.body_on_header_line || d.body_line == 0) {
    out.error = d.qualified_name + " is defined on one line; put its body on a line of its own first";
    return out;
  }
  std::vector<std::string> lines = EditableLines(text);
  std::string indent = IndentOf(lines[d.body_line - 1]);
  std::string prefix = content.find('\\') != std::string_view::npos ? "r" : "";
  std::vector<std::string> literal;
  if (body.size() == 1 && body[0].back() != '"') {
    literal.push_back(indent + prefix + "\"\"\"" + body[0] + "\"\"\"\n");
  } else {
    literal.push_back(indent + prefix + "\"\"\"" + body[0] + "\n");
    for (size_t i = 1; i < body.size(); ++i) literal.push_back(body[i].empty() ? "\n" : indent + body[i] + "\n");
    literal.push_back(indent + "\"\"\"\n");
  }
  int at;  // 0-based index of the first docstring line
  if (d.docstring) {
    at = d.docstring->line - 1;
    lines.erase(lines.begin() + at, lines.begin() + d.docstring->end_line);
    out.replaced = true;
  } else {
    at = d.header_end_line;
    // A class docstring is followed by one blank line (pydocstyle D204).
    if (d.is_class() && at < static_cast<int>(lines.size()) && !IsBlank(lines[at])) literal.push_back("\n");
  }
  lines.insert(lines.begin() + at, literal.begin(), literal.end());
  out.text = JoinLines(lines);
  out.line = at + 1;
  out.end_line = at + static_cast<int>(literal.size()) - (literal.back() == "\n" ? 1 : 0);
  return out;
}

}  // namespace trajc::domains::docstring
