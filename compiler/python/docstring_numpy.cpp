// python/docstring_numpy — NumPy-style (numpydoc) docstrings: a header line underlined
// with dashes; entries `name : type` at the section's indentation with their description
// indented below.
#include "python/docstring_internal.h"

namespace trajc::python::docstring_internal {

namespace {

// The section names numpydoc knows; the unsupported ones are reported.
constexpr SectionName kNumpySections[] = {
    {"Parameters", Kind::kParams},         {"Returns", Kind::kReturns},
    {"Yields", Kind::kYields},             {"Raises", Kind::kRaises},
    {"Attributes", Kind::kAttributes},     {"Examples", Kind::kExamples},
    {"Notes", Kind::kNotes},               {"Other Parameters", Kind::kUnsupported},
    {"See Also", Kind::kUnsupported},      {"References", Kind::kUnsupported},
    {"Warns", Kind::kUnsupported},         {"Warnings", Kind::kUnsupported},
    {"Methods", Kind::kUnsupported},       {"Receives", Kind::kUnsupported},
};

bool IsDashes(std::string_view line) {
  line = Trim(line);
  return line.size() >= 3 && line.find_first_not_of('-') == kNone;
}

std::optional<Kind> NumpyHeader(const Reader& r, size_t i) {
  if (i + 1 >= r.size() || !IsDashes(r.at(i + 1))) return std::nullopt;
  return Lookup(kNumpySections, Trim(r.at(i)));
}

struct NumpyHead {
  std::vector<std::string_view> names;
  std::string_view type;
};

// `name : type`, `name`, or `a, b : type`.
std::optional<NumpyHead> ReadNumpyHead(std::string_view line) {
  line = Trim(line);
  size_t colon = line.find(':');
  std::string_view names = Trim(line.substr(0, colon));
  NumpyHead head;
  if (colon != kNone) head.type = Trim(line.substr(colon + 1));
  while (true) {
    size_t comma = names.find(',');
    std::string_view name = Trim(names.substr(0, comma));
    if (!IsParamName(name)) return std::nullopt;
    head.names.push_back(name);
    if (comma == kNone) return head;
    names.remove_prefix(comma + 1);
  }
}

void ReadNumpyItems(Reader& r, Kind kind, size_t begin, size_t end) {
  for (const Entry& entry : Entries(r, begin, end)) {
    std::string_view line = Trim(r.at(entry.line));
    std::string text = JoinText(entry.more);
    if (kind == Kind::kRaises) {
      if (IsDottedName(line)) r.AddItem(kind, {std::string(line), "", text});
      else r.Unreadable(entry.line, kind);
      continue;
    }
    std::optional<NumpyHead> head = ReadNumpyHead(line);
    if (!head) {
      r.Unreadable(entry.line, kind);
      continue;
    }
    for (std::string_view name : head->names) r.AddItem(kind, {std::string(name), std::string(head->type), text});
  }
}

// Returns/Yields: the type alone, or `name : type` (the name is not kept).
void ReadNumpyReturn(Reader& r, std::optional<DocItem>& slot, std::string_view section, size_t begin,
                     size_t end) {
  std::vector<Entry> entries = Entries(r, begin, end);
  if (entries.empty()) return;
  if (entries.size() > 1) r.Problem("several " + std::string(section) + " entries are not supported");
  std::string_view line = Trim(r.at(entries[0].line));
  size_t colon = line.find(':');
  if (colon != kNone && IsParamName(Trim(line.substr(0, colon)))) line = Trim(line.substr(colon + 1));
  r.SetOnce(slot, {"", std::string(line), JoinText(entries[0].more)}, section);
}

void ReadNumpySection(Reader& r, size_t header, size_t begin, size_t end) {
  std::string_view name = Trim(r.at(header));
  Kind kind = *Lookup(kNumpySections, name);
  if (kind == Kind::kUnsupported) {
    r.Problem("section '" + std::string(name) + "' is not supported");
    return;
  }
  if (!HasContent(r, begin, end, name)) return;
  switch (kind) {
    case Kind::kReturns: ReadNumpyReturn(r, r.doc.returns, "Returns", begin, end); break;
    case Kind::kYields: ReadNumpyReturn(r, r.doc.yields, "Yields", begin, end); break;
    case Kind::kExamples: AppendBlock(r.doc.examples, r.Dedented(begin, end)); break;
    case Kind::kNotes: AppendBlock(r.doc.notes, r.Dedented(begin, end)); break;
    default: ReadNumpyItems(r, kind, begin, end); break;
  }
}

}  // namespace

size_t FirstNumpyHeader(const Reader& r) {
  for (size_t i = 0; i < r.size(); ++i)
    if (NumpyHeader(r, i)) return i;
  return kNone;
}

void ParseNumpy(Reader& r) {
  size_t i = FirstNumpyHeader(r);
  r.ReadPreamble(std::min(i, r.size()));
  // A section runs to the next header: NumPy sections have no indentation of their own.
  while (i < r.size()) {
    size_t end = i + 2;
    while (end < r.size() && !NumpyHeader(r, end)) ++end;
    ReadNumpySection(r, i, i + 2, end);
    i = end;
  }
}

}  // namespace trajc::python::docstring_internal
