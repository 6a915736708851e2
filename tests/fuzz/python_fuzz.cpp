// Fuzz target: Python source through what trajc does with it — tree-sitter parse and the
// syntax check (python/parse), fact extraction (python/facts), the analyzer with every
// code (lint/, as `trajc lint --select` all), the fixes (lint::FixPlan, as `trajc fix
// --unsafe-fixes`), and for a file that loads as a fixture, each domain's nodes, user-turn
// context and `fixtures show` view.
//
// Properties checked besides "no crash": the fixes of a file without E999 leave it
// without E999 (lint.h: "fixes never break the syntax of a file that parsed").
//
// Deep input: python::SourceTree::Parse refuses a tree deeper than python::DepthLimit()
// (which follows this thread's stack: libFuzzer's main thread is smaller than trajc's
// working threads, so the limit here is lower) with a located error, an answer like any
// other; only what escapes as something else, or crashes, is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "domains/domain.h"
#include "domains/fixture.h"
#include "fuzz_support.h"
#include "lint/lint.h"
#include "python/facts.h"
#include "python/parse.h"

namespace {

using namespace trajc;

bool HasSyntaxError(std::string_view source) {
  lint::Options syntax;
  syntax.select = {"E999"};
  return !lint::Analyze(source, syntax).empty();
}

void Fixes(std::string_view source, const std::vector<lint::Issue>& issues) {
  std::vector<lint::FixTarget> targets;
  for (const lint::Issue& issue : issues)
    if (issue.fixable && (targets.empty() || targets.back().code != issue.code || targets.back().line != issue.line))
      targets.push_back({issue.code, issue.line});
  if (targets.empty()) return;
  bool had_syntax_error = HasSyntaxError(source);
  lint::FixPlan plan(source, targets);
  std::vector<size_t> all(targets.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  lint::BatchFix fixed = plan.Apply(all);
  if (!had_syntax_error && HasSyntaxError(fixed.text))
    fuzz::Finding("the fixes of " + std::to_string(targets.size()) + " finding(s) broke the syntax");
  // One fix alone, as `trajc lint` offers them one by one (FixLine).
  (void)lint::FixLine(source, targets[0].code, targets[0].line);
}

void Domains(std::string_view source) {
  std::string path = fuzz::ScratchFile("fuzz.py", source);
  domains::Fixture fixture;
  try {
    fixture = domains::LoadFixture(path, "fuzz.py", false);
  } catch (const Error& e) {  // not UTF-8, or ERROR nodes: refused as a fixture
    fuzz::CheckLocated(e, path, source);
    return;
  }
  // Facts are taken from fixtures only (domains/), so only from text that loaded.
  python::SourceTree tree = python::SourceTree::Parse(fixture.text);
  (void)Dump(python::ToJson(python::FactsOf(tree)));
  for (const std::string& name : domains::DomainNames()) {
    const domains::Domain* domain = domains::FindDomain(name);
    try {
      std::vector<domains::Node> nodes = domain->Nodes(fixture).nodes;
      for (size_t i = 0; i < nodes.size() && i < 4; ++i) (void)domain->Context(fixture, nodes[i]);
      (void)domain->Show(fixture);
    } catch (const Error& e) {
      fuzz::CheckLocated(e, path, source);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source = fuzz::AsText(data, size);
  try {
    python::SourceTree tree = python::SourceTree::Parse(std::string(source), "fuzz.py");
    if (std::optional<Error> error = tree.FirstSyntaxError("fuzz.py")) fuzz::CheckLocated(*error, "fuzz.py", source);
  } catch (const Error& e) {  // too deep for trajc: every step below refuses it alike
    fuzz::CheckLocated(e, "fuzz.py", source);
    return 0;
  }
  std::vector<lint::Issue> issues = lint::Analyze(source, lint::AllCodesOptions());
  Fixes(source, issues);
  Domains(source);
  return 0;
}
