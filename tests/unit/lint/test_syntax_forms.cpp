// E999 on every syntax form of Python 3.11, against CPython's own parser run at test time.
//
// tests/unit/lint/syntax_forms/forms.txt holds one valid program per form of the language
// reference and one invalid variant of each. ast_verdicts.py (beside it) reports what
// `ast.parse` says of each, so the table cannot claim what CPython does not: a valid
// program must parse and get no E999 from trajc; an invalid one must fail to parse and
// get E999 on the line ast.parse names.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lint/lint.h"

namespace fs = std::filesystem;

namespace {

struct Form {
  std::string name;
  std::string valid;
  std::string invalid;
};

std::vector<Form> ReadForms(const fs::path& table) {
  std::ifstream in(table);
  std::vector<Form> forms;
  int part = 0;  // 1: valid program, 2: invalid one
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("=== ", 0) == 0) {
      forms.push_back(Form{line.substr(4), "", ""});
      part = 1;
    } else if (line == "--- invalid" && part == 1) {
      part = 2;
    } else if (part == 1) {
      forms.back().valid += line + "\n";
    } else if (part == 2) {
      forms.back().invalid += line + "\n";
    }
  }
  // Blank lines separate blocks; a program ends at its last non-blank line.
  auto trim = [](std::string& s) {
    while (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
  };
  for (Form& f : forms) {
    trim(f.valid);
    trim(f.invalid);
  }
  return forms;
}

// path -> 0 when ast.parse accepts it, else the SyntaxError's lineno.
std::map<std::string, int> AstVerdicts(const fs::path& script, const std::vector<fs::path>& files) {
  std::string cmd = "python3 '" + script.string() + "'";
  for (const fs::path& f : files) cmd += " '" + f.string() + "'";
  std::map<std::string, int> verdicts;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    std::array<char, 4096> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), p)) {
      std::string line = buf.data();
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      std::string verdict = line.substr(tab + 1);
      verdicts[line.substr(0, tab)] = verdict.rfind("ok", 0) == 0 ? 0 : std::stoi(verdict);
    }
    pclose(p);
  }
  return verdicts;
}

int E999Line(const std::string& text) {
  trajc::lint::Options options;
  options.select = {"E999"};
  for (const auto& issue : trajc::lint::Analyze(text, options))
    if (issue.code == "E999") return issue.line;
  return 0;
}

}  // namespace

TEST_CASE("lint: E999 agrees with ast.parse on every syntax form") {
  const fs::path dir = fs::path(TRAJC_SOURCE_DIR) / "tests/unit/lint/syntax_forms";
  std::vector<Form> forms = ReadForms(dir / "forms.txt");
  REQUIRE(forms.size() >= 60);
  const fs::path tmp = fs::temp_directory_path() / "trajc_syntax_forms";
  fs::create_directories(tmp);
  std::vector<fs::path> files;
  for (size_t i = 0; i < forms.size(); ++i) {
    for (int invalid = 0; invalid < 2; ++invalid) {
      fs::path p = tmp / (std::to_string(i) + (invalid ? "_invalid.py" : "_valid.py"));
      std::ofstream(p, std::ios::binary) << (invalid ? forms[i].invalid : forms[i].valid);
      files.push_back(p);
    }
  }
  std::map<std::string, int> cpython = AstVerdicts(dir / "ast_verdicts.py", files);
  REQUIRE(cpython.size() == files.size());  // python3 ran and judged every program
  int agreed = 0;
  for (size_t i = 0; i < forms.size(); ++i) {
    const Form& f = forms[i];
    int valid_verdict = cpython[files[2 * i].string()];
    int invalid_verdict = cpython[files[2 * i + 1].string()];
    INFO("form: " << f.name << "\nvalid:\n" << f.valid << "invalid:\n" << f.invalid);
    CHECK(!f.valid.empty());
    CHECK(!f.invalid.empty());
    CHECK(valid_verdict == 0);        // the table's valid program is valid
    CHECK(invalid_verdict > 0);       // and its invalid one is not
    int ours_valid = E999Line(f.valid), ours_invalid = E999Line(f.invalid);
    CHECK(ours_valid == 0);
    CHECK(ours_invalid == invalid_verdict);
    agreed += ours_valid == 0 && invalid_verdict > 0 && ours_invalid == invalid_verdict;
  }
  std::printf("syntax forms: %zu forms x (valid, invalid), %d agree with ast.parse\n", forms.size(), agreed);
  fs::remove_all(tmp);
}
