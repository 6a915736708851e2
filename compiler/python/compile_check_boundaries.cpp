// python/compile_check_boundaries — where tree-sitter's statements end, held against
// CPython's NEWLINE tokens.
//
// tree-sitter-python's scanner emits a NEWLINE only where the grammar can take one and
// reads every other line break as a space: `for n in lambda x: int: rest:` followed by an
// indented `pass` becomes a `for` whose body is the annotated name `rest: pass`, and
// `import a b` or `nonlocal f(x)` become two statements split by a MISSING newline that
// is hidden from every tree walk. CPython ends a logical line at each line break outside
// brackets, so it refuses all of them. The rule, on a tree read without error or on the
// tree the fallback judges:
//   - a simple statement is followed by NEWLINE, `;` or the end of the file
//     (else "invalid syntax" at the token after it);
//   - no NEWLINE falls inside a simple statement (else at that NEWLINE);
//   - between a compound statement's start and its block, a NEWLINE stands only right
//     after the header's `:` (else at that NEWLINE).
// Subtrees with errors are left to the other rules, except that the fallback asks about
// the statements inside tree-sitter's first ERROR node (`nonlocal f(x)` in a function is
// read as an ERROR holding `nonlocal f`): CPython stops after such a statement, not at
// the node's start.
#include <algorithm>

#include "python/compile_check_internal.h"
#include "python/node_kind.h"

namespace trajc::python::compile_check_internal {

namespace {

bool IsSimpleStatement(TSSymbol symbol) {
  static const NodeKind kinds[] = {
      NodeKind{"expression_statement"}, NodeKind{"import_statement"},      NodeKind{"import_from_statement"},
      NodeKind{"future_import_statement"}, NodeKind{"assert_statement"},  NodeKind{"return_statement"},
      NodeKind{"delete_statement"},     NodeKind{"raise_statement"},       NodeKind{"pass_statement"},
      NodeKind{"break_statement"},      NodeKind{"continue_statement"},    NodeKind{"global_statement"},
      NodeKind{"nonlocal_statement"},   NodeKind{"print_statement"},       NodeKind{"exec_statement"},
      NodeKind{"type_alias_statement"},
  };
  return std::any_of(std::begin(kinds), std::end(kinds), [&](const NodeKind& k) { return k.Matches(symbol); });
}

}  // namespace

void Checker::StatementBoundaries(const FlatTree& flat, uint32_t from, uint32_t to) {
  const bool inside_error = to > from;  // only the statements in [from, to), ERROR nodes entered
  static const NodeKind kError{"ERROR"};
  if (lines_.empty()) return;
  const char* base = lines_.front().data();
  // The tokens the parser reads (INDENT and DEDENT carry no position of their own), by
  // byte offset in the text the tree was read from: the lines view that text's layout.
  std::vector<uint32_t> offset;
  std::vector<size_t> token;
  std::vector<size_t> newline;  // positions in `offset` of the NEWLINE tokens
  offset.reserve(t_.size());
  token.reserve(t_.size());
  for (size_t i = 0; i < t_.size(); ++i) {
    if (t_[i].kind == CKind::kIndent || t_[i].kind == CKind::kDedent) continue;
    if (t_[i].kind == CKind::kNewline) newline.push_back(offset.size());
    const size_t row = static_cast<size_t>(t_[i].row) - 1;  // ENDMARKER may stand on the line after the last
    const char* at = row < lines_.size() ? lines_[row].data() + t_[i].col : lines_.back().data() + lines_.back().size();
    offset.push_back(static_cast<uint32_t>(at - base));
    token.push_back(i);
  }
  auto first_at = [&](uint32_t byte) {  // the first token at or after `byte`
    return static_cast<size_t>(std::lower_bound(offset.begin(), offset.end(), byte) - offset.begin());
  };
  auto first_newline_after = [&](uint32_t byte) {  // the first NEWLINE starting after `byte`
    auto it = std::upper_bound(newline.begin(), newline.end(), byte,
                               [&](uint32_t b, size_t k) { return b < offset[k]; });
    return it == newline.end() ? offset.size() : *it;
  };
  auto ends_line = [&](size_t k) {
    const CToken& t = t_[token[k]];
    return t.kind == CKind::kNewline || t.kind == CKind::kEndMarker || IsOp(t, ";");
  };

  const std::vector<FlatTree::Node>& nodes = flat.nodes();
  for (size_t i = 0; i < nodes.size();) {
    const FlatTree::Node& n = nodes[i];
    if (kError.Matches(n.symbol) && !inside_error) {
      i = n.end;
      continue;
    }
    if (inside_error && (n.start < from || ts_node_end_byte(n.node) > to)) {
      ++i;
      continue;
    }
    if (IsSimpleStatement(n.symbol)) {
      if (!ts_node_has_error(n.node)) {
        const uint32_t end = ts_node_end_byte(n.node);
        if (size_t k = first_newline_after(n.start); k < offset.size() && offset[k] < end) {
          Generic(token[k]);
        } else if (size_t j = first_at(end); j < offset.size() && !ends_line(j)) {
          Generic(token[j]);
        }
      }
      i = n.end;  // simple statements hold no statements
      continue;
    }
    if (!ts_node_has_error(n.node)) {
      size_t block = FlatTree::npos;
      flat.ForEachChildIndex(i, [&](size_t c) {
        if (block == FlatTree::npos && kind::kBlock.Matches(nodes[c].symbol)) block = c;
      });
      if (block != FlatTree::npos) {
        const uint32_t body = nodes[block].start;
        for (size_t k = first_newline_after(n.start); k < offset.size() && offset[k] < body;
             k = first_newline_after(offset[k])) {
          // The header's last NEWLINE, right after its `:` (the next one is in the body;
          // the body's first token is not compared, as the fallback's copy may start it a
          // byte later where a leading `*` became a space).
          const bool after_colon = k > 0 && IsOp(t_[token[k - 1]], ":");
          const size_t next = first_newline_after(offset[k]);
          const bool last = next >= offset.size() || offset[next] >= body;
          if (!after_colon || !last) {
            Generic(token[k]);
            break;
          }
        }
      }
    }
    ++i;
  }
}

}  // namespace trajc::python::compile_check_internal
