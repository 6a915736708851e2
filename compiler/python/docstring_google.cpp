// python/docstring_google — Google-style docstrings: `Args:`-style headers at indentation
// 0, entries `name (type): text` indented below them, Returns/Yields as `TYPE: text`.
#include "python/docstring_internal.h"

namespace trajc::python::docstring_internal {

namespace {

// The section names Google style knows; the unsupported ones are reported.
constexpr SectionName kGoogleSections[] = {
    {"Args", Kind::kParams},           {"Arguments", Kind::kParams},
    {"Parameters", Kind::kParams},     {"Params", Kind::kParams},
    {"Returns", Kind::kReturns},       {"Return", Kind::kReturns},
    {"Yields", Kind::kYields},         {"Yield", Kind::kYields},
    {"Raises", Kind::kRaises},         {"Attributes", Kind::kAttributes},
    {"Example", Kind::kExamples},      {"Examples", Kind::kExamples},
    {"Note", Kind::kNotes},            {"Notes", Kind::kNotes},
    {"See Also", Kind::kUnsupported},  {"Todo", Kind::kUnsupported},
    {"Warning", Kind::kUnsupported},   {"Warnings", Kind::kUnsupported},
    {"Warns", Kind::kUnsupported},     {"References", Kind::kUnsupported},
    {"Methods", Kind::kUnsupported},   {"Other Parameters", Kind::kUnsupported},
    {"Keyword Args", Kind::kUnsupported}, {"Keyword Arguments", Kind::kUnsupported},
    {"Receives", Kind::kUnsupported},
};

std::optional<Kind> GoogleHeader(const Reader& r, size_t i) {
  std::string_view line = r.at(i);
  if (line.size() < 2 || line.back() != ':' || IsSpace(line[0])) return std::nullopt;
  return Lookup(kGoogleSections, line.substr(0, line.size() - 1));
}

struct GoogleHead {
  std::string_view name, type, text;
};

// `name (type): text` or `name: text`; a dotted name for Raises, which has no type.
std::optional<GoogleHead> ReadGoogleHead(std::string_view line, Kind kind) {
  line = Trim(line);
  size_t i = 0;
  while (i < line.size() && i < 2 && line[i] == '*' && kind != Kind::kRaises) ++i;
  while (i < line.size() && (IsIdentifierChar(line[i]) || (line[i] == '.' && kind == Kind::kRaises))) ++i;
  GoogleHead head;
  head.name = line.substr(0, i);
  if (kind == Kind::kRaises ? !IsDottedName(head.name) : !IsParamName(head.name)) return std::nullopt;
  std::string_view rest = TrimLeft(line.substr(i));
  if (!rest.empty() && rest[0] == '(' && kind != Kind::kRaises) {
    int depth = 0;
    size_t close = 0;
    for (; close < rest.size(); ++close) {
      if (rest[close] == '(' || rest[close] == '[' || rest[close] == '{') ++depth;
      else if ((rest[close] == ')' || rest[close] == ']' || rest[close] == '}') && --depth == 0) break;
    }
    if (close == rest.size()) return std::nullopt;
    head.type = Trim(rest.substr(1, close - 1));
    rest = TrimLeft(rest.substr(close + 1));
  }
  if (rest.empty() || rest[0] != ':') return std::nullopt;
  head.text = Trim(rest.substr(1));
  return head;
}

void ReadGoogleItems(Reader& r, Kind kind, size_t begin, size_t end) {
  for (Entry& entry : Entries(r, begin, end)) {
    std::optional<GoogleHead> head = ReadGoogleHead(r.at(entry.line), kind);
    if (!head) {
      r.Unreadable(entry.line, kind);
      continue;
    }
    entry.more.insert(entry.more.begin(), head->text);
    r.AddItem(kind, {std::string(head->name), std::string(head->type), JoinText(entry.more)});
  }
}

// Returns/Yields: one text, split as `TYPE: text` when what precedes the first colon
// reads as a type.
DocItem ReadGoogleReturn(const Reader& r, size_t begin, size_t end) {
  std::vector<std::string_view> lines = r.Range(begin, end);
  DocItem item;
  for (std::string_view& line : lines) {
    if (Trim(line).empty()) continue;
    std::string_view first = Trim(line);
    size_t colon = first.find(':');
    if (colon != kNone && (colon + 1 == first.size() || IsSpace(first[colon + 1])) &&
        LooksLikeType(Trim(first.substr(0, colon)))) {
      item.type = std::string(Trim(first.substr(0, colon)));
      line = first.substr(colon + 1);
    }
    break;
  }
  item.text = JoinText(lines);
  return item;
}

void ReadGoogleSection(Reader& r, size_t header, size_t begin, size_t end) {
  std::string_view name = r.at(header).substr(0, r.at(header).size() - 1);
  Kind kind = *Lookup(kGoogleSections, name);
  if (kind == Kind::kUnsupported) {
    r.Problem("section '" + std::string(name) + "' is not supported");
    return;
  }
  if (!HasContent(r, begin, end, name)) return;
  switch (kind) {
    case Kind::kReturns: r.SetOnce(r.doc.returns, ReadGoogleReturn(r, begin, end), "Returns"); break;
    case Kind::kYields: r.SetOnce(r.doc.yields, ReadGoogleReturn(r, begin, end), "Yields"); break;
    case Kind::kExamples: AppendBlock(r.doc.examples, r.Dedented(begin, end)); break;
    case Kind::kNotes: AppendBlock(r.doc.notes, r.Dedented(begin, end)); break;
    default: ReadGoogleItems(r, kind, begin, end); break;
  }
}

}  // namespace

size_t FirstGoogleHeader(const Reader& r) {
  for (size_t i = 0; i < r.size(); ++i)
    if (GoogleHeader(r, i)) return i;
  return kNone;
}

void ParseGoogle(Reader& r) {
  size_t i = FirstGoogleHeader(r);
  r.ReadPreamble(i);
  while (i < r.size()) {
    if (GoogleHeader(r, i)) {
      // A section's body is everything indented below it, blank lines included.
      size_t end = i + 1;
      while (end < r.size() && (r.Blank(end) || Indent(r.at(end)) > 0)) ++end;
      ReadGoogleSection(r, i, i + 1, end);
      i = end;
      continue;
    }
    size_t end = i;
    while (end < r.size() && !GoogleHeader(r, end)) ++end;
    r.ReadStray(i, end);
    i = end;
  }
}

}  // namespace trajc::python::docstring_internal
