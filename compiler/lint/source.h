// lint/source — one file's text as flake8 sees it, and the findings made over it.
//
// flake8 reads with universal newlines and drops a UTF-8 BOM, so the rules work on a
// normalized copy ("\n" only, no BOM); Source keeps what is needed to map positions and
// edits back to the original bytes. Rows are 1-based, columns 0-based bytes of the
// normalized line until Report converts them to flake8's 1-based character columns.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/lint.h"
#include "python/flat_tree.h"
#include "python/parse.h"
#include "python/tokenize.h"

namespace trajc::lint {

// Replace normalized bytes [begin, end) with `replacement` ("\n" stands for the file's newline).
struct Edit {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;
  bool operator==(const Edit&) const = default;
};

struct Finding {
  std::string code;
  int row = 0;
  int col = 0;                 // 0-based byte column unless col_is_chars
  bool col_is_chars = false;   // physical checks that report a fixed character column (E501)
  std::string message;
  std::vector<Edit> edits;     // empty when the finding has no fix
};

class Source {
 public:
  explicit Source(std::string_view original);
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  std::string text;                      // normalized
  std::vector<std::string_view> lines;   // views into text, each with its "\n"
  python::Tokens tokens;                 // CPython 3.11 tokenize over `lines`
  bool decodable = true;                 // flake8 could decode it (UTF-8, or latin-1 by cookie)
  bool bytes_are_chars = false;          // latin-1: one byte is one character
  std::optional<python::SourceTree> tree;
  python::FlatTree flat;                 // tree's named nodes (empty without a tree), from the parse's depth walk
  bool tree_clean = false;               // tree-sitter found no ERROR/MISSING node
  // The first line that starts with a space or a tab (0: none) and that character:
  // pycodestyle's indent_char, found once rather than by a scan per indented line.
  int first_indented_row = 0;
  char first_indent_char = 0;

  int total_lines() const { return static_cast<int>(lines.size()); }
  std::string_view Line(int row) const {  // "" when out of range; inline: rules call it per token
    return row < 1 || row > total_lines() ? std::string_view() : lines[row - 1];
  }
  size_t Offset(int row, int col) const; // normalized byte offset of (row, byte col)
  // flake8's 0-based column (characters) for a byte column of `row`.
  int CharColumn(int row, int byte_col) const;
  // Applies edits (normalized offsets, non-overlapping ones only) to the original text;
  // `spans`, when given, receives where each applied edit landed, in order.
  std::string Apply(std::vector<Edit> edits, std::vector<AppliedSpan>* spans = nullptr) const;
  // The original bytes [begin, end) an edit replaces.
  std::pair<size_t, size_t> OriginalRange(const Edit& e) const {
    return {ToOriginal(e.begin), e.end == text.size() ? original_.size() : ToOriginal(e.end)};
  }

 private:
  std::string original_;
  size_t bom_ = 0;
  std::vector<size_t> line_start_;       // normalized offset of each line
  std::vector<size_t> orig_start_;       // original offset of each line
  std::vector<size_t> content_len_;      // bytes before the terminator
  std::string newline_ = "\n";
  size_t ToOriginal(size_t offset) const;
};

}  // namespace trajc::lint
