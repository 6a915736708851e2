// python/docstring_reader — the Reader every style reads through: problems located by
// line, dedented blocks, the preamble (summary, description, doctests) and stray text, and
// the item lists a section's entries go to; plus the entry splitting and empty-section
// check that Google and NumPy sections share.
#include <algorithm>

#include "python/docstring_internal.h"

namespace trajc::python::docstring_internal {

// What an entry is called in problem messages.
std::string_view Noun(Kind kind) {
  switch (kind) {
    case Kind::kParams: return "parameter";
    case Kind::kAttributes: return "attribute";
    case Kind::kRaises: return "raises";
    case Kind::kReturns: return "returns";
    case Kind::kYields: return "yields";
    default: return "section";
  }
}

void Reader::Unreadable(size_t i, Kind kind) {
  LineProblem(i, "cannot read a " + std::string(Noun(kind)) + " entry: '" + std::string(Trim(at(i))) + "'");
}

std::string Reader::Dedented(size_t begin, size_t end) const {
  while (begin < end && Blank(begin)) ++begin;
  while (end > begin && Blank(end - 1)) --end;
  size_t margin = kNone;
  for (size_t i = begin; i < end; ++i)
    if (!Blank(i)) margin = std::min(margin, Indent(at(i)));
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += '\n';
    if (!Blank(i)) out += at(i).substr(margin);
  }
  return out;
}

std::string Reader::AsWritten(size_t begin, size_t end) const {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (i > begin ? "\n" : "") + lines[i];
  return out;
}

void Reader::ReadPreamble(size_t end) {
  end = std::min(end, size());
  bool first = true;
  ForEachParagraph(0, end, [&](size_t b, size_t e) {
    if (IsDoctest(b)) {
      AppendBlock(doc.examples, Dedented(b, e));
    } else if (first) {
      doc.summary = JoinText(Range(b, e));
    } else {
      AppendBlock(doc.description, AsWritten(b, e));
    }
    first = false;
  });
}

void Reader::ReadStray(size_t begin, size_t end) {
  ForEachParagraph(begin, end, [&](size_t b, size_t e) {
    if (IsDoctest(b)) {
      AppendBlock(doc.examples, Dedented(b, e));
      return;
    }
    AppendBlock(doc.description, AsWritten(b, e));
    LineProblem(b, "text after the sections is not part of any section");
  });
}

void Reader::SetOnce(std::optional<DocItem>& slot, DocItem item, std::string_view section) {
  if (slot) {
    Problem("several " + std::string(section) + " entries are not supported");
    return;
  }
  slot = std::move(item);
}

void Reader::AddItem(Kind kind, DocItem item) {
  if (kind == Kind::kParams) doc.params.push_back(std::move(item));
  else if (kind == Kind::kAttributes) doc.attributes.push_back(std::move(item));
  else if (kind == Kind::kRaises) doc.raises.push_back(std::move(item));
}

std::vector<Entry> Entries(const Reader& r, size_t begin, size_t end) {
  std::vector<Entry> entries;
  size_t indent = 0;
  for (size_t i = begin; i < end; ++i) {
    if (r.Blank(i)) {
      if (!entries.empty()) entries.back().more.push_back("");
      continue;
    }
    if (entries.empty()) indent = Indent(r.at(i));
    if (Indent(r.at(i)) <= indent) entries.push_back({i, {}});
    else entries.back().more.push_back(r.at(i));
  }
  return entries;
}

// Whether a section body has any content; an empty one is reported.
bool HasContent(Reader& r, size_t begin, size_t end, std::string_view name) {
  for (size_t i = begin; i < end; ++i)
    if (!r.Blank(i)) return true;
  r.Problem("section '" + std::string(name) + "' is empty");
  return false;
}

}  // namespace trajc::python::docstring_internal
