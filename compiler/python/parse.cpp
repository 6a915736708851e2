#include "python/parse.h"

#include <cstring>

#include "python/children.h"

extern "C" const TSLanguage* tree_sitter_python(void);

namespace trajc::python {

void SourceTree::TreeDeleter::operator()(TSTree* tree) const { ts_tree_delete(tree); }

SourceTree SourceTree::Parse(std::string source) {
  SourceTree out;
  out.text_ = std::make_unique<std::string>(std::move(source));
  TSParser* parser = ts_parser_new();
  // An ABI mismatch leaves the parser without a language and every tree empty: fail loudly.
  if (!ts_parser_set_language(parser, tree_sitter_python())) {
    ts_parser_delete(parser);
    throw Error({"tree-sitter-python", 0, 0},
                "grammar ABI " + std::to_string(ts_language_version(tree_sitter_python())) +
                    " cannot be loaded by this libtree-sitter; rebuild with tree-sitter-python 0.23.6");
  }
  out.tree_.reset(ts_parser_parse_string(parser, nullptr, out.text_->data(),
                                         static_cast<uint32_t>(out.text_->size())));
  ts_parser_delete(parser);
  return out;
}

TSNode SourceTree::root() const { return ts_tree_root_node(tree_.get()); }

std::string_view SourceTree::TextOf(TSNode node) const {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  return std::string_view(*text_).substr(start, end - start);
}

namespace {

std::optional<TSNode> FindFirstBad(TSNode node) {
  if (ts_node_is_missing(node) || strcmp(ts_node_type(node), "ERROR") == 0) return node;
  if (!ts_node_has_error(node)) return std::nullopt;
  for (TSNode child : Children(node)) {
    if (auto bad = FindFirstBad(child)) return bad;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> SourceTree::FirstSyntaxError(std::string_view path) const {
  TSNode root_node = root();
  if (!ts_node_has_error(root_node)) return std::nullopt;
  std::optional<TSNode> bad = FindFirstBad(root_node);
  if (!bad) bad = root_node;
  Location loc{std::string(path), LineOf(*bad), ColumnOf(*bad)};
  std::string message;
  if (ts_node_is_missing(*bad)) {
    message = std::string("syntax error: missing '") + ts_node_type(*bad) + "'";
  } else {
    std::string_view snippet = TextOf(*bad);
    size_t nl = snippet.find('\n');
    if (nl != std::string_view::npos) snippet = snippet.substr(0, nl);
    if (snippet.size() > 40) snippet = snippet.substr(0, 40);
    message = snippet.empty() ? std::string("syntax error")
                              : "syntax error: cannot parse '" + std::string(snippet) + "'";
  }
  message += "; the file must be valid Python 3";
  return Error(std::move(loc), std::move(message));
}

}  // namespace trajc::python
