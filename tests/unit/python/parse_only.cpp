// parse_only FILE... — parses each file with python::SourceTree::Parse and nothing else,
// for bench/lint_speed.sh: the floor under `trajc lint`'s time on the same files (reading
// plus tree-sitter), so that the bench can say what the analysis itself costs.
// Prints "<files> files, <bytes> bytes, <n> with syntax errors"; exit 1 if a file cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>

#include "python/parse.h"

int main(int argc, char** argv) {
  size_t bytes = 0, with_errors = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": error: cannot read\n";
      return 1;
    }
    std::ostringstream s;
    s << in.rdbuf();
    std::string text = std::move(s).str();
    bytes += text.size();
    trajc::python::SourceTree tree = trajc::python::SourceTree::Parse(std::move(text));
    if (ts_node_has_error(tree.root())) ++with_errors;
  }
  std::cout << argc - 1 << " files, " << bytes << " bytes, " << with_errors << " with syntax errors\n";
  return 0;
}
