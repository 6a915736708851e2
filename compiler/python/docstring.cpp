#include "python/docstring.h"

#include <algorithm>
#include <set>
#include <utility>

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

namespace {

using Lines = std::vector<std::string>;
constexpr size_t kNone = std::string_view::npos;

// ---------------------------------------------------------------------------------------
// Text helpers. After CleanDocstring no line has trailing whitespace, so a blank line is
// an empty one; indentation is spaces only, tabs having been expanded.

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view TrimLeft(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && IsSpace(s[b])) ++b;
  return s.substr(b);
}

std::string_view TrimRight(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && IsSpace(s[e - 1])) --e;
  return s.substr(0, e);
}

std::string_view Trim(std::string_view s) { return TrimLeft(TrimRight(s)); }

size_t Indent(std::string_view line) { return line.size() - TrimLeft(line).size(); }

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Python identifiers may be non-ASCII; any byte of a multi-byte UTF-8 sequence counts.
bool IsIdentifierChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || u == '_' || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool IsIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), IsIdentifierChar);
}

// A parameter name as authors write it: `x`, `*args`, `**kwargs`.
bool IsParamName(std::string_view s) {
  size_t stars = 0;
  while (stars < s.size() && stars < 2 && s[stars] == '*') ++stars;
  return IsIdentifier(s.substr(stars));
}

// An exception name, possibly qualified: `ValueError`, `json.JSONDecodeError`.
bool IsDottedName(std::string_view s) {
  while (true) {
    size_t dot = s.find('.');
    if (!IsIdentifier(s.substr(0, dot))) return false;
    if (dot == kNone) return true;
    s.remove_prefix(dot + 1);
  }
}

// Whether a run of spaces at [at] (outside brackets) touches a `|`, as in `int | None`.
bool SpacesAroundBar(std::string_view s, size_t at) {
  size_t left = at, right = at;
  while (left > 0 && s[left - 1] == ' ') --left;
  while (right < s.size() && s[right] == ' ') ++right;
  return (left > 0 && s[left - 1] == '|') || (right < s.size() && s[right] == '|');
}

// Whether the text before a colon in a Google Returns line reads as a type annotation
// (`int`, `dict[str, int]`, `int | None`) rather than prose: prose has bare spaces.
bool LooksLikeType(std::string_view s) {
  if (s.empty() || !IsIdentifierChar(s[0]) || (s[0] >= '0' && s[0] <= '9')) return false;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsIdentifierChar(c) || c == '.' || c == ',' || c == '|') continue;
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (--depth < 0) return false;
    } else if (c != ' ' || (depth == 0 && !SpacesAroundBar(s, i))) {
      return false;
    }
  }
  return depth == 0;
}

// Joins an item's lines: a paragraph's lines by single spaces, paragraphs by "\n\n".
std::string JoinText(const std::vector<std::string_view>& lines) {
  std::string out;
  bool paragraph_break = false;
  for (std::string_view line : lines) {
    std::string_view text = Trim(line);
    if (text.empty()) {
      paragraph_break = !out.empty();
      continue;
    }
    if (!out.empty()) out += paragraph_break ? "\n\n" : " ";
    paragraph_break = false;
    out += text;
  }
  return out;
}

void AppendBlock(std::string& to, std::string block) {
  if (block.empty()) return;
  if (!to.empty()) to += "\n\n";
  to += block;
}

// Tabs to spaces with stops every 8 columns, like str.expandtabs(); columns count code
// points, not bytes, so a tab after non-ASCII text lands where Python puts it.
std::string ExpandTabs(std::string_view line) {
  std::string out;
  size_t column = 0;
  for (char c : line) {
    if (c == '\t') {
      size_t n = 8 - column % 8;
      out.append(n, ' ');
      column += n;
      continue;
    }
    out += c;
    if (c == '\r') column = 0;
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
  }
  return out;
}

Lines SplitLines(std::string_view text) {
  Lines lines;
  while (true) {
    size_t nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    if (nl == kNone) return lines;
    text.remove_prefix(nl + 1);
  }
}

// ---------------------------------------------------------------------------------------
// Section names. Google and NumPy share the supported kinds; the other names they know
// are recognised only to report them, since fixtures must not use them.

enum class Kind { kParams, kReturns, kYields, kRaises, kAttributes, kExamples, kNotes, kUnsupported };

struct SectionName {
  std::string_view name;
  Kind kind;
};

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

constexpr SectionName kNumpySections[] = {
    {"Parameters", Kind::kParams},         {"Returns", Kind::kReturns},
    {"Yields", Kind::kYields},             {"Raises", Kind::kRaises},
    {"Attributes", Kind::kAttributes},     {"Examples", Kind::kExamples},
    {"Notes", Kind::kNotes},               {"Other Parameters", Kind::kUnsupported},
    {"See Also", Kind::kUnsupported},      {"References", Kind::kUnsupported},
    {"Warns", Kind::kUnsupported},         {"Warnings", Kind::kUnsupported},
    {"Methods", Kind::kUnsupported},       {"Receives", Kind::kUnsupported},
};

template <size_t N>
std::optional<Kind> Lookup(const SectionName (&table)[N], std::string_view name) {
  for (const SectionName& s : table)
    if (s.name == name) return s.kind;
  return std::nullopt;
}

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

// ---------------------------------------------------------------------------------------
// The cleaned lines and the result being built, shared by the three styles.

struct Reader {
  Lines lines;
  ParsedDocstring doc;

  size_t size() const { return lines.size(); }
  std::string_view at(size_t i) const { return lines[i]; }
  bool Blank(size_t i) const { return lines[i].empty(); }

  void Problem(std::string message) { doc.problems.push_back(std::move(message)); }
  void LineProblem(size_t i, std::string_view message) {
    Problem("line " + std::to_string(i + 1) + ": " + std::string(message));
  }
  void Unreadable(size_t i, Kind kind) {
    LineProblem(i, "cannot read a " + std::string(Noun(kind)) + " entry: '" + std::string(Trim(at(i))) + "'");
  }

  std::vector<std::string_view> Range(size_t begin, size_t end) const {
    return std::vector<std::string_view>(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                         lines.begin() + static_cast<std::ptrdiff_t>(end));
  }

  // [begin, end) without its leading and trailing blank lines, dedented by the common
  // indentation and joined with "\n": how examples and notes are kept.
  std::string Dedented(size_t begin, size_t end) const {
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

  // A description paragraph: its lines as cleaning left them.
  std::string AsWritten(size_t begin, size_t end) const {
    std::string out;
    for (size_t i = begin; i < end; ++i) out += (i > begin ? "\n" : "") + lines[i];
    return out;
  }

  // Calls f(begin, end) for each run of non-blank lines in [begin, end).
  template <typename F>
  void ForEachParagraph(size_t begin, size_t end, F f) const {
    size_t i = begin;
    while (i < end) {
      if (Blank(i)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < end && !Blank(j)) ++j;
      f(i, j);
      i = j;
    }
  }

  bool IsDoctest(size_t i) const { return StartsWith(TrimLeft(at(i)), ">>>"); }

  // Summary, description and doctest blocks before the first section.
  void ReadPreamble(size_t end) {
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

  // Text between or after sections that belongs to none: doctests are examples wherever
  // they are; prose stays in the description but is reported, since trajc would move it.
  void ReadStray(size_t begin, size_t end) {
    ForEachParagraph(begin, end, [&](size_t b, size_t e) {
      if (IsDoctest(b)) {
        AppendBlock(doc.examples, Dedented(b, e));
        return;
      }
      AppendBlock(doc.description, AsWritten(b, e));
      LineProblem(b, "text after the sections is not part of any section");
    });
  }

  // Keeps the first Returns/Yields item; a second one is a problem.
  void SetOnce(std::optional<DocItem>& slot, DocItem item, std::string_view section) {
    if (slot) {
      Problem("several " + std::string(section) + " entries are not supported");
      return;
    }
    slot = std::move(item);
  }

  void AddItem(Kind kind, DocItem item) {
    if (kind == Kind::kParams) doc.params.push_back(std::move(item));
    else if (kind == Kind::kAttributes) doc.attributes.push_back(std::move(item));
    else if (kind == Kind::kRaises) doc.raises.push_back(std::move(item));
  }
};

// An entry of an item list: its first line at the entry indentation (the first content
// line's) and the more-indented lines that continue it, blank ones kept as breaks.
struct Entry {
  size_t line;
  std::vector<std::string_view> more;
};

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
// Google: `Args:` headers at indentation 0, entries `name (type): text` indented below.

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

// ---------------------------------------------------------------------------------------
// NumPy: a header line underlined with dashes; entries `name : type` at the section's
// indentation with their description indented below.

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

// ---------------------------------------------------------------------------------------
// Sphinx: reST field lists `:param x: text` at indentation 0, continued by indented lines.

enum class FieldKind { kParam, kType, kReturns, kRtype, kYields, kYtype, kRaises, kVar, kVartype, kUnknown };

constexpr std::pair<std::string_view, FieldKind> kSphinxFields[] = {
    {"param", FieldKind::kParam},     {"parameter", FieldKind::kParam}, {"arg", FieldKind::kParam},
    {"argument", FieldKind::kParam},  {"key", FieldKind::kParam},       {"keyword", FieldKind::kParam},
    {"type", FieldKind::kType},       {"returns", FieldKind::kReturns}, {"return", FieldKind::kReturns},
    {"rtype", FieldKind::kRtype},     {"yields", FieldKind::kYields},   {"yield", FieldKind::kYields},
    {"ytype", FieldKind::kYtype},     {"raises", FieldKind::kRaises},   {"raise", FieldKind::kRaises},
    {"except", FieldKind::kRaises},   {"exception", FieldKind::kRaises}, {"ivar", FieldKind::kVar},
    {"cvar", FieldKind::kVar},        {"var", FieldKind::kVar},         {"vartype", FieldKind::kVartype},
};

struct Field {
  FieldKind kind = FieldKind::kUnknown;
  std::string_view name;  // the field's name: "param"
  std::string_view args;  // what follows it in the marker: "int x"
  std::string_view text;  // after the marker
};

// `:name args: text`; the marker ends at the first colon followed by a space or the end,
// and its name is a plain word, so that a line opening with a role (":class:`Foo` is …")
// is not a field.
std::optional<Field> ReadField(std::string_view line) {
  if (line.size() < 3 || line[0] != ':') return std::nullopt;
  size_t close = 1;
  while (close < line.size() && !(line[close] == ':' && (close + 1 == line.size() || IsSpace(line[close + 1]))))
    ++close;
  if (close >= line.size()) return std::nullopt;
  std::string_view marker = line.substr(1, close - 1);
  size_t space = 0;
  while (space < marker.size() && !IsSpace(marker[space])) ++space;
  Field field;
  field.name = marker.substr(0, space);
  if (field.name.empty() || !IsIdentifier(field.name.substr(0, 1))) return std::nullopt;
  for (char c : field.name)
    if (!IsIdentifierChar(c) && c != '-') return std::nullopt;
  field.args = Trim(marker.substr(space));
  field.text = Trim(line.substr(close + 1));
  for (const auto& [name, kind] : kSphinxFields)
    if (name == field.name) field.kind = kind;
  return field;
}

std::optional<Field> FieldAt(const Reader& r, size_t i) {
  if (r.Blank(i) || IsSpace(r.at(i)[0])) return std::nullopt;
  return ReadField(r.at(i));
}

// A `:type x:` or `:vartype x:`, applied once every field has been read so that it may
// come before its `:param`.
struct PendingType {
  size_t line;
  Kind kind;
  std::string name;
  std::string type;
};

class SphinxParser {
 public:
  explicit SphinxParser(Reader& r) : r_(r) {}

  void Run() {
    size_t i = 0;
    while (i < r_.size() && !FieldAt(r_, i)) ++i;
    r_.ReadPreamble(i);
    while (i < r_.size()) {
      if (std::optional<Field> field = FieldAt(r_, i)) {
        size_t end = i + 1;
        while (end < r_.size() && (r_.Blank(end) || Indent(r_.at(end)) > 0)) ++end;
        std::vector<std::string_view> lines = r_.Range(i + 1, end);
        lines.insert(lines.begin(), field->text);
        Read(i, *field, JoinText(lines));
        i = end;
        continue;
      }
      size_t end = i;
      while (end < r_.size() && !FieldAt(r_, end)) ++end;
      r_.ReadStray(i, end);
      i = end;
    }
    for (const PendingType& t : types_) ApplyType(t);
  }

 private:
  void Read(size_t line, const Field& field, std::string text) {
    switch (field.kind) {
      case FieldKind::kParam: Item(line, Kind::kParams, field.args, std::move(text)); break;
      case FieldKind::kVar: Item(line, Kind::kAttributes, field.args, std::move(text)); break;
      case FieldKind::kType: Type(line, Kind::kParams, field.args, std::move(text)); break;
      case FieldKind::kVartype: Type(line, Kind::kAttributes, field.args, std::move(text)); break;
      case FieldKind::kReturns: Part(line, field, r_.doc.returns, &DocItem::text, std::move(text)); break;
      case FieldKind::kRtype: Part(line, field, r_.doc.returns, &DocItem::type, std::move(text)); break;
      case FieldKind::kYields: Part(line, field, r_.doc.yields, &DocItem::text, std::move(text)); break;
      case FieldKind::kYtype: Part(line, field, r_.doc.yields, &DocItem::type, std::move(text)); break;
      case FieldKind::kRaises:
        if (IsDottedName(field.args)) r_.AddItem(Kind::kRaises, {std::string(field.args), "", std::move(text)});
        else r_.Unreadable(line, Kind::kRaises);
        break;
      case FieldKind::kUnknown:
        r_.LineProblem(line, "field ':" + std::string(field.name) + ":' is not supported");
        break;
    }
  }

  // `:param x:` or `:param int x:`: the last word is the name, the words before it the type.
  void Item(size_t line, Kind kind, std::string_view args, std::string text) {
    size_t space = args.find_last_of(" \t");
    std::string_view name = space == kNone ? args : args.substr(space + 1);
    std::string_view type = space == kNone ? std::string_view() : Trim(args.substr(0, space));
    if (!IsParamName(name)) {
      r_.Unreadable(line, kind);
      return;
    }
    r_.AddItem(kind, {std::string(name), std::string(type), std::move(text)});
  }

  void Type(size_t line, Kind kind, std::string_view args, std::string type) {
    if (!IsParamName(args)) {
      r_.Unreadable(line, kind);
      return;
    }
    types_.push_back({line, kind, std::string(args), std::move(type)});
  }

  // `:returns:`/`:rtype:` and `:yields:`/`:ytype:` fill the two halves of one item.
  void Part(size_t line, const Field& field, std::optional<DocItem>& slot, std::string DocItem::*part,
            std::string text) {
    if (!field.args.empty()) {
      r_.Unreadable(line, field.kind == FieldKind::kReturns || field.kind == FieldKind::kRtype ? Kind::kReturns
                                                                                               : Kind::kYields);
      return;
    }
    if (!slot) slot.emplace();
    if (!((*slot).*part).empty()) {
      r_.LineProblem(line, "duplicate field ':" + std::string(field.name) + ":'");
      return;
    }
    (*slot).*part = std::move(text);
  }

  void ApplyType(const PendingType& t) {
    std::vector<DocItem>& items = t.kind == Kind::kParams ? r_.doc.params : r_.doc.attributes;
    std::string_view field = t.kind == Kind::kParams ? "type" : "vartype";
    auto item = std::find_if(items.begin(), items.end(), [&](const DocItem& i) { return i.name == t.name; });
    if (item == items.end()) {
      r_.LineProblem(t.line, "':" + std::string(field) + "' for undocumented " + std::string(Noun(t.kind)) + " '" +
                                 t.name + "'");
    } else if (!item->type.empty()) {
      r_.LineProblem(t.line, std::string(Noun(t.kind)) + " '" + t.name + "' has two types");
    } else {
      item->type = t.type;
    }
  }

  Reader& r_;
  std::vector<PendingType> types_;
};

// ---------------------------------------------------------------------------------------
// Style detection, strongest signal first: dashes under a NumPy header cannot be an
// accident, a known reST field rarely is, and `Args:` alone could be prose.

DocstringStyle DetectStyle(const Reader& r) {
  if (FirstNumpyHeader(r) != kNone) return DocstringStyle::kNumpy;
  for (size_t i = 0; i < r.size(); ++i) {
    std::optional<Field> field = FieldAt(r, i);
    if (field && field->kind != FieldKind::kUnknown) return DocstringStyle::kSphinx;
  }
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
    case DocstringStyle::kSphinx: SphinxParser(r).Run(); break;
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
