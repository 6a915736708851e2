#include "cli/lint_inputs.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "core/files.h"
#include "core/python_files.h"
#include "core/utf8.h"
#include "lint/lint.h"

namespace trajc::cli {

namespace fs = std::filesystem;

namespace {

// The *.py files under `dir`, shown as `shown`/relative, sorted.
std::vector<std::string> PythonFilesUnder(const fs::path& dir, const std::string& shown) {
  std::error_code ec;  // as flake8: what cannot be walked is not linted
  std::vector<std::string> found;
  for (const fs::path& rel : trajc::PythonFilesUnder(dir, ec)) found.push_back((fs::path(shown) / rel).string());
  std::sort(found.begin(), found.end());
  return found;
}

// PEP 263: a coding cookie on one of the first two lines naming latin-1 (or a code page
// the analyzer reads byte for byte, as lint::Source does).
bool DeclaresLatin1(std::string_view text) {
  size_t start = 0;
  for (int i = 0; i < 2 && start < text.size(); ++i) {
    size_t nl = text.find('\n', start);
    std::string line(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    start = nl == std::string_view::npos ? text.size() : nl + 1;
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t hash = line.find('#');
    size_t coding = hash == std::string::npos ? std::string::npos : line.find("coding", hash);
    if (coding == std::string::npos) continue;
    std::string rest = line.substr(coding + 6);
    if (rest.empty() || (rest[0] != ':' && rest[0] != '=')) continue;
    rest.erase(0, rest.find_first_not_of(" \t", 1));
    for (std::string_view name : {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso-latin-1", "l1", "cp1252",
                                  "windows-1252", "iso-8859-15"}) {
      if (rest.rfind(name, 0) == 0) return true;
    }
  }
  return false;
}

bool ValidCode(const std::string& code) {
  size_t letters = 0;
  while (letters < code.size() && std::isupper(static_cast<unsigned char>(code[letters]))) ++letters;
  if (letters == 0) return false;
  return std::all_of(code.begin() + static_cast<long>(letters), code.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The first prefix in `list` (longest first) that `code` starts with, or nullptr.
const std::string* FirstMatch(const std::string& code, const std::vector<std::string>& list) {
  for (const std::string& p : list)
    if (code.starts_with(p)) return &p;
  return nullptr;
}

std::vector<std::string> SortedDescending(std::vector<std::string> v) {
  std::sort(v.begin(), v.end(), std::greater<>());
  return v;
}

}  // namespace

std::vector<std::string> CollectPythonFiles(const std::vector<std::string>& paths, std::vector<Error>& errors) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const std::string& f) {
    if (seen.insert(fs::path(f).lexically_normal().string()).second) files.push_back(f);
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      errors.emplace_back(Location{path, 0, 0}, "no such file or directory");
    } else if (fs::is_directory(status)) {
      std::vector<std::string> found = PythonFilesUnder(path, path);
      if (found.empty()) errors.emplace_back(Location{path, 0, 0}, "no Python files (*.py) in this folder or below it");
      for (const std::string& f : found) add(f);
    } else {
      add(path);
    }
  }
  return files;
}

std::string ReadPythonSource(const std::string& path) {
  std::string text = ReadFile(path);
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos && !DeclaresLatin1(text)) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[bad]));
    throw Error(LocationOfOffset(path, text, bad),
                std::string("invalid UTF-8 (byte ") + byte +
                    "); Python source is read as UTF-8: re-save the file as UTF-8 or declare its encoding "
                    "(# -*- coding: latin-1 -*-)");
  }
  return text;
}

std::vector<std::string> ParseCodeList(const std::string& option, const std::string& value) {
  std::vector<std::string> codes;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    if (!ValidCode(current))
      throw Error({"trajc", 0, 0},
                  option + " takes comma-separated codes or prefixes such as E2,W291,F401; got '" + current + "'",
                  kExitUsage);
    codes.push_back(current);
    current.clear();
  };
  for (char c : value) {
    if (c == ',' || std::isspace(static_cast<unsigned char>(c))) flush();
    else current += c;
  }
  flush();
  return codes;
}

std::vector<std::string> SelectedCodes(const CodeSelection& s) {
  static const std::vector<std::string> kDefaultSelect = {"E", "F", "W", "C90"};
  static const std::vector<std::string> kDefaultIgnore = {"E121", "E123", "E126", "E226", "E24", "E704", "W503", "W504"};
  // flake8 5's DecisionEngine, word for word: explicit lists, and the effective ones
  // (the option when given, else the default), each sorted longest-first.
  const std::vector<std::string> selected_explicitly = SortedDescending(s.select_given ? s.select : std::vector<std::string>{});
  const std::vector<std::string> ignored_explicitly = SortedDescending(s.ignore_given ? s.ignore : std::vector<std::string>{});
  const std::vector<std::string> selected = SortedDescending(s.select_given ? s.select : kDefaultSelect);
  const std::vector<std::string> ignored = SortedDescending(s.ignore_given ? s.ignore : kDefaultIgnore);
  enum Verdict { kSelectedExplicitly, kSelectedImplicitly, kIgnoredExplicitly, kIgnoredImplicitly };
  std::vector<std::string> codes;
  for (const lint::RuleInfo& rule : lint::SupportedRules()) {
    const std::string& code = rule.code;
    Verdict sel = FirstMatch(code, selected_explicitly) ? kSelectedExplicitly
                  : FirstMatch(code, selected)          ? kSelectedImplicitly
                                                        : kIgnoredImplicitly;
    Verdict ign = FirstMatch(code, ignored_explicitly) ? kIgnoredExplicitly
                  : FirstMatch(code, ignored)          ? kIgnoredImplicitly
                                                       : kSelectedImplicitly;
    bool sel_is_selected = sel != kIgnoredImplicitly;
    bool ign_is_selected = ign == kSelectedImplicitly;
    bool keep;
    if (sel_is_selected && ign_is_selected) keep = true;
    else if (!sel_is_selected && !ign_is_selected) keep = false;
    else if (sel == kSelectedExplicitly && ign != kIgnoredExplicitly) keep = true;
    else if (sel != kSelectedExplicitly && ign == kIgnoredExplicitly) keep = false;
    else if (sel == kIgnoredImplicitly && ign == kSelectedImplicitly) keep = false;
    else keep = FirstMatch(code, selected)->size() > FirstMatch(code, ignored)->size();  // in both: longest wins
    if (keep) codes.push_back(code);
  }
  return codes;
}

std::vector<std::string> UnmatchedPrefixes(const CodeSelection& s) {
  std::vector<std::string> unmatched;
  for (const std::string& p : s.select) {
    bool any = std::any_of(lint::SupportedRules().begin(), lint::SupportedRules().end(),
                           [&](const lint::RuleInfo& r) { return r.code.starts_with(p); });
    if (!any && std::find(unmatched.begin(), unmatched.end(), p) == unmatched.end()) unmatched.push_back(p);
  }
  return unmatched;
}

lint::Options AnalyzerOptions(const CodeSelection& selection, int max_line_length, bool quiet,
                              const std::string& consequence) {
  if (max_line_length < 1)
    throw Error({"trajc", 0, 0}, "--max-line-length must be at least 1, got " + std::to_string(max_line_length),
                kExitUsage);
  if (!quiet)
    for (const std::string& p : UnmatchedPrefixes(selection))
      std::cerr << "trajc: warning: --select " << p << " matches no code trajc supports; it " << consequence << "\n";
  lint::Options options;
  options.max_line_length = max_line_length;
  options.select = SelectedCodes(selection);
  return options;
}

}  // namespace trajc::cli
