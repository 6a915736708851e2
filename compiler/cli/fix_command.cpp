#include "cli/fix_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "cli/command.h"
#include "cli/fix_signature.h"
#include "core/files.h"
#include "core/unified_diff.h"
#include "lint/lint.h"
#include "python/parse.h"

namespace trajc::cli {

namespace fs = std::filesystem;

namespace {

struct FileResult {
  std::string fixed;
  size_t fixes = 0;                   // findings fixed
  bool converged = true;              // a round changed nothing before kMaxFixRounds
  std::vector<lint::Issue> remaining; // selected findings after fixing
  // (line, code) of remaining findings whose safe fix was refused here because it would
  // have changed the code, not just its layout (W291 inside a docstring).
  std::set<std::pair<int, std::string>> refused;
};

bool Allowed(const lint::Issue& issue, bool unsafe_fixes) {
  const lint::RuleInfo* rule = lint::FindRule(issue.code);
  return issue.fixable && rule != nullptr && rule->fixable && (unsafe_fixes || !rule->unsafe);
}

FileResult FixText(std::string text, const lint::Options& options, bool unsafe_fixes) {
  FileResult r;
  // A file CPython cannot parse is left as it is (flake8 reports E999 alone for it, and
  // no fix can be held to a program that does not exist); its E999 remains whatever
  // --select says, so the user learns why nothing was fixed. The analyzer reports E999
  // alone, so the first round's findings tell whether there is one, except when they are
  // empty and E999 may be deselected: only then is it asked for separately.
  std::vector<lint::Issue> issues = lint::Analyze(text, options);
  bool syntax_error = std::any_of(issues.begin(), issues.end(), [](const lint::Issue& i) { return i.code == "E999"; });
  if (!syntax_error && issues.empty()) {
    lint::Options syntax = options;
    syntax.select = {"E999"};
    issues = lint::Analyze(text, syntax);
    syntax_error = !issues.empty();
  }
  if (syntax_error) {
    r.fixed = std::move(text);
    r.remaining = std::move(issues);
    return r;
  }
  r.converged = false;
  lint::Options syntax_only = options;
  syntax_only.select = {"E999"};
  // Safe fixes are layout only by the code table's word; the signature holds them to it.

  for (int round = 0; round < kMaxFixRounds; ++round) {
    r.refused.clear();
    if (round > 0) issues = lint::Analyze(text, options);
    // (line, code) pairs, last line first: where two fixes overlap or touch, the later
    // line's goes first and the other waits for the next round.
    std::map<std::pair<int, std::string>, size_t, std::greater<>> targets;
    for (const lint::Issue& issue : issues)
      if (Allowed(issue, unsafe_fixes)) ++targets[{issue.line, issue.code}];
    bool changed = false;
    // This round's fixes all from one analysis, applied at once; when together they would
    // change more than layout, the targets are bisected for the ones to hold back. (A fix
    // per target, each after an analysis of the whole file, made a file with thousands of
    // findings take minutes.)
    std::vector<lint::FixTarget> plan_targets;
    std::vector<std::pair<int, std::string>> keys;
    std::vector<size_t> counts;
    for (const auto& [key, count] : targets) {
      plan_targets.push_back({key.second, key.first});
      keys.push_back(key);
      counts.push_back(count);
    }
    const lint::FixPlan plan(text, plan_targets);
    const SignatureGuard guard(unsafe_fixes ? std::string() : text);
    // A fix that cuts into a string is refused at once: its own sift would end in a refusal,
    // after a parse per halving.
    std::vector<size_t> all;
    for (size_t i = 0; i < plan_targets.size(); ++i) {
      if (!unsafe_fixes && guard.CutsToken(plan.EditRanges(i))) r.refused.insert(keys[i]);
      else all.push_back(i);
    }
    const std::set<std::pair<int, std::string>> cut = r.refused;
    std::vector<size_t> keep;  // targets whose fixes keep the signature
    bool whole = false;        // judge each step on the whole file, not the statements it touched
    // On the whole file, a fix must also leave it without E999: tree-sitter's tokens (the
    // signature) accept what CPython's parser refuses, e.g. W391 dropping the blank line
    // after a trailing backslash (`x = 1\` at the end of the file).
    auto keeps_whole = [&](const std::string& fixed) {
      return (unsafe_fixes || guard.KeepsWhole(fixed)) && lint::Analyze(fixed, syntax_only).empty();
    };
    std::function<void(const std::vector<size_t>&)> sift = [&](const std::vector<size_t>& which) {
      lint::BatchFix batch = plan.Apply(which);
      if (batch.text == text) return;  // nothing here changes the text
      if (whole ? keeps_whole(batch.text) : unsafe_fixes || guard.Keeps(batch)) {
        keep.insert(keep.end(), which.begin(), which.end());
        return;
      }
      if (which.size() == 1) {
        r.refused.insert(keys[which[0]]);
        return;
      }
      const auto half = which.begin() + static_cast<long>(which.size() / 2);
      sift(std::vector<size_t>(which.begin(), half));
      sift(std::vector<size_t>(half, which.end()));
    };
    sift(all);
    std::sort(keep.begin(), keep.end());
    lint::BatchFix batch = plan.Apply(keep);
    // Each kept part kept the signature alone; their union must too, on the whole file. If
    // it does not, the statements parsed apart misled the sift: it is done again on whole files.
    if (batch.text != text && !keeps_whole(batch.text)) {
      keep.clear();
      r.refused = cut;
      whole = true;
      sift(all);
      std::sort(keep.begin(), keep.end());
      batch = plan.Apply(keep);
    }
    if (batch.text != text && keeps_whole(batch.text)) {
      for (size_t i = 0; i < counts.size(); ++i)
        if (batch.applied[i]) r.fixes += counts[i];
      text = std::move(batch.text);
      changed = true;
    }
    if (!changed) {
      r.converged = true;
      r.remaining = std::move(issues);
      break;
    }
  }
  if (!r.converged) r.remaining = lint::Analyze(text, options);
  r.fixed = std::move(text);
  return r;
}

bool ParsesCleanly(const std::string& text) {
  python::SourceTree tree = python::SourceTree::Parse(text);
  return !ts_node_has_error(tree.root());
}

void WriteInPlace(const std::string& path, const std::string& text) {
  // Through a symlink to the file it names; the file keeps its mode.
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);
  if (ec) target = path;
  fs::perms mode = fs::status(target, ec).permissions();
  AtomicFile out(target, "fix rewrites files in place (through a temporary beside them): make the folder "
                         "writable, or print the fixes as a patch with --diff");
  out.Write(text);
  out.Publish();
  if (!ec) fs::permissions(target, mode, ec);
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

int RunFix(const FixOptions& o) {
  lint::Options options = AnalyzerOptions(o.codes, o.max_line_length, o.quiet, "fixes nothing");

  std::vector<Error> errors;
  const std::vector<std::string> files = CollectPythonFiles(o.paths, errors);
  for (const Error& e : errors) std::cerr << e.what() << "\n";
  size_t bad_inputs = errors.size();
  bool internal_error = false;

  size_t total_fixes = 0, files_changed = 0;
  std::string remaining_lines;
  std::map<std::string, size_t> remaining_by_code, refused_by_code;
  std::string diff;
  for (const std::string& path : files) {
    try {
      const std::string original = ReadPythonSource(path);
      if (options.select.empty()) continue;  // lint::Options reads an empty list as "the defaults"
      options.filename = path;  // pyflakes reads an `__init__.py` apart (no F822)
      FileResult r = FixText(original, options, o.unsafe_fixes);
      if (r.fixed != original) {
        if (ParsesCleanly(original) && !ParsesCleanly(r.fixed)) {
          throw Error({path, 0, 0},
                      "internal error: the fixes would break the file's syntax, so it is left as it was; please "
                      "report it with the file",
                      kExitInternal);
        }
        if (!r.converged) {
          std::cerr << FormatDiagnostic({path, 0, 0}, "warning",
                                        "fixes still changed the file after " + std::to_string(kMaxFixRounds) +
                                            " rounds; the last round's text is kept")
                    << "\n";
        }
        if (o.diff) diff += UnifiedDiff(original, r.fixed, path, path);
        else WriteInPlace(path, r.fixed);
        ++files_changed;
        total_fixes += r.fixes;
      }
      for (const lint::Issue& issue : r.remaining) {
        remaining_lines += path + ":" + std::to_string(issue.line) + ":" + std::to_string(issue.column) + ": " +
                           issue.code + " " + issue.message + "\n";
        ++remaining_by_code[issue.code];
        if (r.refused.count({issue.line, issue.code})) ++refused_by_code[issue.code];
      }
    } catch (const python::TooDeep& e) {  // raised where the path is not known
      std::cerr << e.In(path).what() << "\n";
      ++bad_inputs;
    } catch (const Error& e) {
      std::cerr << e.what() << "\n";
      ++bad_inputs;
      internal_error = internal_error || e.exit_code() == kExitInternal;
    }
  }
  std::cout.write(diff.data(), static_cast<std::streamsize>(diff.size())).flush();

  size_t remaining = 0;
  for (const auto& [code, n] : remaining_by_code) remaining += n;
  if (!o.quiet) {
    std::cerr << remaining_lines;
    std::string summary = std::string("trajc: ") + (o.diff ? "would fix " : "fixed ") +
                          Plural(total_fixes, "finding", "findings") + " in " + Plural(files_changed, "file", "files") +
                          " (" + Plural(files.size(), "file", "files") + " checked)";
    if (remaining == 0) {
      summary += "; nothing selected remains";
    } else {
      std::string no_fix, unsafe, stuck;
      auto add = [](std::string& list, const std::string& code, size_t n) {
        if (n > 0) list += (list.empty() ? "" : ", ") + code + " x" + std::to_string(n);
      };
      for (const auto& [code, n] : remaining_by_code) {
        const lint::RuleInfo* rule = lint::FindRule(code);
        size_t refused = refused_by_code.count(code) ? refused_by_code.at(code) : 0;
        if (rule == nullptr || !rule->fixable) {
          add(no_fix, code, n);
        } else if (rule->unsafe && !o.unsafe_fixes) {
          add(unsafe, code, n);
        } else {
          add(unsafe, code, refused);  // a safe rule's fix that would change a string here
          add(stuck, code, n - refused);
        }
      }
      summary += "; " + std::to_string(remaining) + (remaining == 1 ? " remains:" : " remain:");
      std::string sep = " ";
      if (!no_fix.empty()) summary += sep + "no automatic fix (" + no_fix + ")", sep = "; ";
      if (!unsafe.empty()) summary += sep + "unsafe fix, rerun with --unsafe-fixes (" + unsafe + ")", sep = "; ";
      if (!stuck.empty()) summary += sep + "fix not applicable here (" + stuck + ")";
    }
    std::cerr << summary << "\n";
  }
  if (internal_error) return kExitInternal;
  if (bad_inputs > 0) return kExitInvalid;
  return remaining == 0 ? kExitOk : kExitInvalid;
}

void AddFixCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<FixOptions>();
  auto codes = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fix",
      "Fix Python files in place: lints them (as trajc lint) and applies every fixable finding's fix, again and "
      "again until nothing changes. Only safe fixes (whitespace and layout; the program's AST is unchanged) unless "
      "--unsafe-fixes, which also applies fixes that change the AST or may change behaviour (F401 removes an import, "
      "E711/E712 use `is`, F632 uses `==`, F901 raises NotImplementedError, E401 splits an import, E713/E714 rewrite "
      "`not x in y`). Each file is "
      "replaced all at once and keeps its newline style. The findings that remain and a summary "
      "(N fixed in M files, what remains and why) go to stderr.\ne.g.: trajc fix src/ --diff | patch -p0");
  cmd->add_option("paths", o->paths, "Python files, and folders to search for *.py")->required();
  AddCodeOptions(cmd, *codes, true);
  cmd->add_option("--max-line-length", o->max_line_length, "E501's limit (E501 has no fix; it is reported)")
      ->capture_default_str();
  cmd->add_flag("--diff", o->diff,
                "Write nothing; print a unified diff of the fixes (--- PATH / +++ PATH, applies with patch -p0)");
  cmd->add_flag("--unsafe-fixes", o->unsafe_fixes,
                "Also apply the fixes `trajc lint --help` marks unsafe (F401, E711, E712, ...)");
  cmd->add_flag("-q,--quiet", o->quiet, "No remaining findings or summary on stderr (errors still)");
  cmd->footer("\nExit codes: 0 no selected finding remains (with --diff: would remain); 1 findings remain (listed "
              "on stderr) or an input could not be fixed (a located error; the other files are still fixed); 2 "
              "usage error; 70 a fix would have broken a file's syntax (the file is left as it was).\n");
  cmd->callback([cmd, o, codes, &exit_code] {
    o->codes = ParseCodes(cmd, *codes);
    exit_code = RunFix(*o);
  });
}

}  // namespace trajc::cli
