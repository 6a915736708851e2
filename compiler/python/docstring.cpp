// python/docstring — the parser's front: cleaning (inspect.cleandoc), style detection,
// the checks on the whole result (duplicates, undescribed items) and the JSON form. The
// styles' readers are docstring_google.cpp, docstring_numpy.cpp and docstring_sphinx.cpp.
#include "python/docstring.h"

#include <algorithm>
#include <set>
#include <utility>

#include "python/docstring_internal.h"

// The cleaned docstring is split into a preamble (summary, description, doctest blocks)
// and the style's sections. The problems reported, one string each:
//   section 'X' is not supported          a known header trajc does not render
//   section 'X' is empty                  a header with no content below it
//   line N: cannot read a K entry: '…'    K = parameter | attribute | raises | returns | yields
//   line N: text after the sections is not part of any section
//   line N: field ':x:' is not supported  (Sphinx) an unknown field, dropped
//   line N: ':type' for undocumented parameter 'x'  (also ':vartype' … attribute)
//   line N: parameter 'x' has two types   (Sphinx) inline type and :type
//   line N: duplicate field ':returns:'   (Sphinx) also :rtype:, :yields:, :ytype:
//   several Returns entries are not supported  (also Yields; the first is kept)
//   duplicate parameter 'x' / duplicate attribute 'x'
//   parameter 'x' has no description     (also attribute, raises 'X', returns, yields)
// Line numbers count lines of the cleaned docstring from 1.

namespace trajc::python {

using namespace docstring_internal;

namespace {

// What only the whole result shows: a name documented twice, an item without a description.
void Finish(Reader& r) {
  auto duplicates = [&](const std::vector<DocItem>& items, std::string_view noun) {
    std::set<std::string> seen;
    for (const DocItem& item : items)
      if (!seen.insert(item.name).second)
        r.Problem("duplicate " + std::string(noun) + " '" + item.name + "'");
  };
  duplicates(r.doc.params, "parameter");
  duplicates(r.doc.attributes, "attribute");
  auto undescribed = [&](const std::vector<DocItem>& items, std::string_view noun) {
    for (const DocItem& item : items)
      if (item.text.empty()) r.Problem(std::string(noun) + " '" + item.name + "' has no description");
  };
  undescribed(r.doc.params, "parameter");
  undescribed(r.doc.attributes, "attribute");
  undescribed(r.doc.raises, "raises");
  if (r.doc.returns && r.doc.returns->text.empty()) r.Problem("returns has no description");
  if (r.doc.yields && r.doc.yields->text.empty()) r.Problem("yields has no description");
}

// ---------------------------------------------------------------------------------------
// Style detection, strongest signal first: dashes under a NumPy header cannot be an
// accident, a known reST field rarely is, and `Args:` alone could be prose.

DocstringStyle DetectStyle(const Reader& r) {
  if (FirstNumpyHeader(r) != kNone) return DocstringStyle::kNumpy;
  if (FirstSphinxField(r) != kNone) return DocstringStyle::kSphinx;
  if (FirstGoogleHeader(r) != kNone) return DocstringStyle::kGoogle;
  return DocstringStyle::kPlain;
}

Json ItemJson(const DocItem& item, bool with_name, bool with_type) {
  Json out = Json::object();
  if (with_name) out["name"] = item.name;
  if (with_type && !item.type.empty()) out["type"] = item.type;
  out["text"] = item.text;
  return out;
}

Json ItemsJson(const std::vector<DocItem>& items, bool with_type) {
  Json out = Json::array();
  for (const DocItem& item : items) out.push_back(ItemJson(item, true, with_type));
  return out;
}

}  // namespace

std::string_view StyleName(DocstringStyle style) {
  switch (style) {
    case DocstringStyle::kGoogle: return "google";
    case DocstringStyle::kNumpy: return "numpy";
    case DocstringStyle::kSphinx: return "sphinx";
    case DocstringStyle::kPlain: break;
  }
  return "plain";
}

std::optional<DocstringStyle> StyleFromName(std::string_view name) {
  for (DocstringStyle style :
       {DocstringStyle::kPlain, DocstringStyle::kGoogle, DocstringStyle::kNumpy, DocstringStyle::kSphinx})
    if (StyleName(style) == name) return style;
  return std::nullopt;
}

std::string CleanDocstring(std::string_view raw) {
  Lines lines = SplitLines(raw);
  size_t margin = kNone;
  for (std::string& line : lines) line = std::string(TrimRight(ExpandTabs(line)));
  for (size_t i = 1; i < lines.size(); ++i)
    if (!lines[i].empty()) margin = std::min(margin, Indent(lines[i]));
  lines[0] = std::string(TrimLeft(lines[0]));
  for (size_t i = 1; i < lines.size() && margin != kNone; ++i) lines[i].erase(0, margin);
  size_t begin = 0, end = lines.size();
  while (begin < end && lines[begin].empty()) ++begin;
  while (end > begin && lines[end - 1].empty()) --end;
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out += '\n';
    out += lines[i];
  }
  return out;
}

ParsedDocstring ParseDocstring(std::string_view raw) {
  Reader r;
  std::string cleaned = CleanDocstring(raw);
  if (cleaned.empty()) return r.doc;
  r.lines = SplitLines(cleaned);
  r.doc.style = DetectStyle(r);
  switch (r.doc.style) {
    case DocstringStyle::kNumpy: ParseNumpy(r); break;
    case DocstringStyle::kSphinx: ParseSphinx(r); break;
    case DocstringStyle::kGoogle: ParseGoogle(r); break;
    case DocstringStyle::kPlain: r.ReadPreamble(r.size()); break;
  }
  Finish(r);
  return std::move(r.doc);
}

Json ToJson(const ParsedDocstring& doc) {
  Json out = Json::object();
  out["style"] = std::string(StyleName(doc.style));
  out["summary"] = doc.summary;
  if (!doc.description.empty()) out["description"] = doc.description;
  if (!doc.params.empty()) out["params"] = ItemsJson(doc.params, true);
  if (doc.returns) out["returns"] = ItemJson(*doc.returns, false, true);
  if (doc.yields) out["yields"] = ItemJson(*doc.yields, false, true);
  if (!doc.raises.empty()) out["raises"] = ItemsJson(doc.raises, false);
  if (!doc.attributes.empty()) out["attributes"] = ItemsJson(doc.attributes, true);
  if (!doc.examples.empty()) out["examples"] = doc.examples;
  if (!doc.notes.empty()) out["notes"] = doc.notes;
  if (!doc.problems.empty()) out["problems"] = doc.problems;
  return out;
}

}  // namespace trajc::python
