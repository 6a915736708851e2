// lint_dump [--select CODES] FILE... — prints trajc's findings for every supported code, as
// `flake8 --select=<all of them>` does (`path:row:col: CODE message`), for
// bench/lint_vs_flake8.py; `--select E2,F401` reports only those codes. `--select E999`
// alone decides just the syntax error, noqa comments aside (no other rule runs:
// bench/e999_vs_ast.py feeds it 100,000 mutants). With --fix it instead prints the text after fixing every fixable
// finding repeatedly until nothing changes; --list-codes prints the codes.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "lint/lint.h"
#include "lint/rules/flake8/syntax_error.h"
#include "lint/source.h"
#include "python/flat_tree.h"

namespace {

std::string Read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> SplitCodes(std::string_view list) {
  std::vector<std::string> codes;
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (std::string_view code = list.substr(0, comma); !code.empty()) codes.emplace_back(code);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return codes;
}

// The E999 line Analyze would print, without running the rules a file that parses gets,
// and without `# noqa` (which flake8 applies after parsing): the decision `ast.parse` makes.
void DumpSyntaxError(const char* path, std::string_view text) {
  trajc::lint::Source src(text);
  std::optional<trajc::python::FlatTree> flat;
  if (src.tree) flat.emplace(src.tree->root());
  std::optional<trajc::lint::Finding> e999 = trajc::lint::CheckSyntaxError(src, flat ? &*flat : nullptr);
  if (!e999) return;
  std::cout << path << ":" << e999->row << ":" << std::max(e999->col, 0) + 1 << ": " << e999->code << " "
            << e999->message << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--list-codes") == 0) {
    std::cout << trajc::lint::JoinCodes(trajc::lint::SupportedCodes()) << "\n";
    return 0;
  }
  trajc::lint::Options all = trajc::lint::AllCodesOptions();
  int first = 1;
  bool fix = argc > 1 && std::strcmp(argv[1], "--fix") == 0;
  if (fix) first = 2;
  if (!fix && argc > 2 && std::strcmp(argv[1], "--select") == 0) {
    all.select = SplitCodes(argv[2]);
    first = 3;
  }
  bool only_e999 = all.select.size() == 1 && all.select[0] == "E999";
  for (int i = first; i < argc; ++i) {
    std::string text = Read(argv[i]);
    if (fix) {
      for (int round = 0; round < 50; ++round) {
        bool changed = false;
        for (const auto& issue : trajc::lint::Analyze(text)) {
          if (!issue.fixable) continue;
          if (auto next = trajc::lint::FixLine(text, issue.code, issue.line); next && *next != text) {
            text = *next;
            changed = true;
            break;
          }
        }
        if (!changed) break;
      }
      std::cout << text;
      continue;
    }
    all.filename = argv[i];
    if (only_e999) {
      try {
        DumpSyntaxError(argv[i], text);
      } catch (const std::exception& e) {  // a tree too deep: the file is named, the batch goes on
        std::cerr << argv[i] << ": " << e.what() << "\n";
      }
      continue;
    }
    for (const auto& issue : trajc::lint::Analyze(text, all)) {
      std::cout << argv[i] << ":" << issue.line << ":" << issue.column << ": " << issue.code << " " << issue.message << "\n";
    }
  }
  return 0;
}
