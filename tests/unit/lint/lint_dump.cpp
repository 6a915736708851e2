// lint_dump FILE... — prints trajc's findings for every supported code, as
// `flake8 --select=<all of them>` does (`path:row:col: CODE message`), for
// bench/lint_vs_flake8.py. With --fix it instead prints the text after fixing every
// fixable finding repeatedly until nothing changes; --list-codes prints the codes.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "lint/lint.h"

namespace {

std::string Read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--list-codes") == 0) {
    std::cout << trajc::lint::JoinCodes(trajc::lint::SupportedCodes()) << "\n";
    return 0;
  }
  trajc::lint::Options all = trajc::lint::AllCodesOptions();
  bool fix = argc > 1 && std::strcmp(argv[1], "--fix") == 0;
  for (int i = fix ? 2 : 1; i < argc; ++i) {
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
    for (const auto& issue : trajc::lint::Analyze(text, all)) {
      std::cout << argv[i] << ":" << issue.line << ":" << issue.column << ": " << issue.code << " " << issue.message << "\n";
    }
  }
  return 0;
}
