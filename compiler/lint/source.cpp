#include "lint/source.h"

#include <algorithm>
#include <exception>

#include "core/utf8.h"

namespace trajc::lint {

namespace {

// PEP 263 cookie on one of the first two lines naming latin-1 (the only non-UTF-8
// encoding worth honouring for columns: one byte is one character).
bool HasLatin1Cookie(const std::vector<std::string_view>& lines) {
  for (size_t i = 0; i < lines.size() && i < 2; ++i) {
    std::string line(lines[i]);
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t hash = line.find('#');
    if (hash == std::string::npos) continue;
    size_t coding = line.find("coding", hash);
    if (coding == std::string::npos) continue;
    std::string rest = line.substr(coding + 6);
    if (rest.empty() || (rest[0] != ':' && rest[0] != '=')) continue;
    rest = rest.substr(1);
    rest.erase(0, rest.find_first_not_of(" \t"));
    for (std::string_view name : {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-latin-1", "l1", "cp1252", "windows-1252", "iso-8859-15"}) {
      if (rest.rfind(name, 0) == 0) return true;
    }
  }
  return false;
}

}  // namespace

Source::Source(std::string_view original) : original_(original) {
  if (original.substr(0, 3) == "\xEF\xBB\xBF") bom_ = 3;
  text.reserve(original.size());
  for (size_t i = bom_; i < original.size();) {
    orig_start_.push_back(i);
    line_start_.push_back(text.size());
    size_t j = i;
    while (j < original.size() && original[j] != '\n' && original[j] != '\r') ++j;
    text.append(original.substr(i, j - i));
    content_len_.push_back(j - i);
    if (j >= original.size()) break;
    size_t term = (original[j] == '\r' && j + 1 < original.size() && original[j + 1] == '\n') ? 2 : 1;
    if (line_start_.size() == 1) newline_ = std::string(original.substr(j, term));
    text.push_back('\n');
    i = j + term;
  }
  lines = python::SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].empty() && (lines[i][0] == ' ' || lines[i][0] == '\t')) {
      first_indented_row = static_cast<int>(i) + 1;
      first_indent_char = lines[i][0];
      break;
    }
  }
  if (FindInvalidUtf8(text) != std::string::npos) {
    decodable = HasLatin1Cookie(lines);
    bytes_are_chars = decodable;
  }
  tokens = python::Tokenize(lines);
  try {
    tree.emplace(python::SourceTree::Parse(text, {}, flat));
    tree_clean = !ts_node_has_error(tree->root());
  } catch (const python::TooDeep&) {
    throw;  // never a silent pass nor a false E999: the caller reports it, located
  } catch (const std::exception&) {
    tree.reset();
    flat = python::FlatTree();
  }
}

size_t Source::Offset(int row, int col) const {
  if (row < 1) return 0;
  if (row > total_lines()) return text.size();
  size_t start = line_start_[row - 1];
  return std::min(start + static_cast<size_t>(std::max(col, 0)), text.size());
}

int Source::CharColumn(int row, int byte_col) const {
  std::string_view line = Line(row);
  if (bytes_are_chars || byte_col <= 0) return byte_col;
  int chars = 0;
  size_t limit = std::min(static_cast<size_t>(byte_col), line.size());
  for (size_t i = 0; i < limit; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  return chars + (byte_col - static_cast<int>(limit));
}

size_t Source::ToOriginal(size_t offset) const {
  if (line_start_.empty()) return std::min(bom_, original_.size());
  auto it = std::upper_bound(line_start_.begin(), line_start_.end(), offset);
  size_t i = static_cast<size_t>(it - line_start_.begin()) - 1;
  size_t delta = offset - line_start_[i];
  if (delta <= content_len_[i]) return orig_start_[i] + delta;
  // Past the content: the terminator, or the end of the text.
  return i + 1 < orig_start_.size() ? orig_start_[i + 1] : original_.size();
}

std::string Source::Apply(std::vector<Edit> edits, std::vector<AppliedSpan>* spans) const {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  size_t at = 0;
  size_t last_end = 0;
  bool any = false;
  for (const Edit& e : edits) {
    if (e.end < e.begin || e.end > text.size()) continue;
    if (any && e.begin < last_end) continue;  // overlapping: keep the first
    if (any && e.begin == last_end && e.begin == e.end && e.replacement.empty()) continue;
    size_t b = ToOriginal(e.begin);
    size_t en = e.end == text.size() ? original_.size() : ToOriginal(e.end);
    if (b < at) continue;
    out.append(original_, at, b - at);
    const size_t new_begin = out.size();
    for (char c : e.replacement) {
      if (c == '\n') {
        out += newline_;
      } else {
        out.push_back(c);
      }
    }
    if (spans != nullptr) spans->push_back({b, std::max(en, b), new_begin, out.size()});
    at = std::max(en, b);
    last_end = e.end;
    any = true;
  }
  out.append(original_, std::min(at, original_.size()), std::string::npos);
  return out;
}

}  // namespace trajc::lint
