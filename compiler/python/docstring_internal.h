// python/docstring_internal — what the docstring parser's files share; not part of the
// public face (python/docstring.h).
//
// docstring.cpp cleans the text, detects the style and checks the result; each style has
// its own reader (docstring_google.cpp, docstring_numpy.cpp, docstring_sphinx.cpp) over
// one Reader (docstring_reader.cpp: the cleaned lines and the ParsedDocstring being
// built), with the character and line helpers of docstring_text.cpp. After CleanDocstring
// no line has trailing whitespace, so a blank line is an empty one; indentation is spaces
// only, tabs having been expanded.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/docstring.h"

namespace trajc::python::docstring_internal {

using Lines = std::vector<std::string>;
inline constexpr size_t kNone = std::string_view::npos;

// ---------------------------------------------------------------------------------------
// Text helpers (docstring_text.cpp). The small ones are here so that every file inlines them.

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

inline std::string_view TrimLeft(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && IsSpace(s[b])) ++b;
  return s.substr(b);
}

inline std::string_view TrimRight(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && IsSpace(s[e - 1])) --e;
  return s.substr(0, e);
}

inline std::string_view Trim(std::string_view s) { return TrimLeft(TrimRight(s)); }

inline size_t Indent(std::string_view line) { return line.size() - TrimLeft(line).size(); }

inline bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Python identifiers may be non-ASCII; any byte of a multi-byte UTF-8 sequence counts.
inline bool IsIdentifierChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || u == '_' || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

bool IsIdentifier(std::string_view s);
// A parameter name as authors write it: `x`, `*args`, `**kwargs`.
bool IsParamName(std::string_view s);
// An exception name, possibly qualified: `ValueError`, `json.JSONDecodeError`.
bool IsDottedName(std::string_view s);
// Whether the text before a colon in a Google Returns line reads as a type annotation
// (`int`, `dict[str, int]`, `int | None`) rather than prose: prose has bare spaces.
bool LooksLikeType(std::string_view s);
// Joins an item's lines: a paragraph's lines by single spaces, paragraphs by "\n\n".
std::string JoinText(const std::vector<std::string_view>& lines);
void AppendBlock(std::string& to, std::string block);
// Tabs to spaces with stops every 8 columns, like str.expandtabs().
std::string ExpandTabs(std::string_view line);
Lines SplitLines(std::string_view text);

// ---------------------------------------------------------------------------------------
// Section kinds. Google and NumPy share the supported kinds (each style file has its own
// table of names); the other names they know are recognised only to report them, since
// fixtures must not use them.

enum class Kind { kParams, kReturns, kYields, kRaises, kAttributes, kExamples, kNotes, kUnsupported };

struct SectionName {
  std::string_view name;
  Kind kind;
};

template <size_t N>
std::optional<Kind> Lookup(const SectionName (&table)[N], std::string_view name) {
  for (const SectionName& s : table)
    if (s.name == name) return s.kind;
  return std::nullopt;
}

// What an entry is called in problem messages.
std::string_view Noun(Kind kind);

// ---------------------------------------------------------------------------------------
// The cleaned lines and the result being built, shared by the three styles
// (docstring_reader.cpp).

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
  void Unreadable(size_t i, Kind kind);

  std::vector<std::string_view> Range(size_t begin, size_t end) const {
    return std::vector<std::string_view>(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                         lines.begin() + static_cast<std::ptrdiff_t>(end));
  }

  // [begin, end) without its leading and trailing blank lines, dedented by the common
  // indentation and joined with "\n": how examples and notes are kept.
  std::string Dedented(size_t begin, size_t end) const;
  // A description paragraph: its lines as cleaning left them.
  std::string AsWritten(size_t begin, size_t end) const;

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
  void ReadPreamble(size_t end);
  // Text between or after sections that belongs to none: doctests are examples wherever
  // they are; prose stays in the description but is reported, since trajc would move it.
  void ReadStray(size_t begin, size_t end);
  // Keeps the first Returns/Yields item; a second one is a problem.
  void SetOnce(std::optional<DocItem>& slot, DocItem item, std::string_view section);
  void AddItem(Kind kind, DocItem item);
};

// An entry of an item list: its first line at the entry indentation (the first content
// line's) and the more-indented lines that continue it, blank ones kept as breaks.
struct Entry {
  size_t line;
  std::vector<std::string_view> more;
};

std::vector<Entry> Entries(const Reader& r, size_t begin, size_t end);

// Whether a section body has any content; an empty one is reported.
bool HasContent(Reader& r, size_t begin, size_t end, std::string_view name);

// ---------------------------------------------------------------------------------------
// The styles. FirstX: the line where the style's structure starts (kNone: none), which
// style detection weighs; ParseX: reads the whole docstring in that style.

// Google: `Args:` headers at indentation 0 (docstring_google.cpp).
size_t FirstGoogleHeader(const Reader& r);
void ParseGoogle(Reader& r);

// NumPy: a header underlined with dashes (docstring_numpy.cpp).
size_t FirstNumpyHeader(const Reader& r);
void ParseNumpy(Reader& r);

// Sphinx: a known reST field such as `:param x:` (docstring_sphinx.cpp).
size_t FirstSphinxField(const Reader& r);
void ParseSphinx(Reader& r);

}  // namespace trajc::python::docstring_internal
