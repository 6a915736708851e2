// Truth for the docstring domain, proven with the real tools: every docstring trajc can
// put in a dataset, written into its fixture by the environment, passes Debian's
// pydocstyle for its convention, leaves a file that Python compiles, and documents
// exactly what the code has according to an independent ast-based checker
// (tests/integration/docstring_coverage.py). A check_docstring failure on the recovery
// template's incomplete first attempt is what pydocstyle's D417 reports too, and every
// tool result in a compiled dataset is reproduced by replaying its calls.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>

#include "cli_support.h"
#include "core/json.h"
#include "domains/docstring/docstring_environment.h"
#include "domains/docstring/edit.h"
#include "domains/domain.h"
#include "domains/fixture.h"
#include "python/facts.h"

using namespace cli_test;
using trajc::Json;

namespace {

const char* kPython = "/usr/bin/python3";

const trajc::domains::Domain& Domain() { return *trajc::domains::FindDomain("docstring"); }

std::vector<trajc::domains::Fixture> AllFixtures() {
  auto set = trajc::domains::LoadFixtureSet(std::string(TRAJC_SOURCE_DIR) + "/fixtures/docstring");
  std::vector<trajc::domains::Fixture> all = std::move(set.train);
  for (auto& f : set.eval) all.push_back(std::move(f));
  return all;
}

std::string Convention(const std::string& style) { return style == "sphinx" ? "pep257" : style; }

// One file written for a node: the environment's text after writing the node's docstrings.
struct Written {
  std::string path;
  std::string style;
  // Where pydocstyle may report on the documented targets in the written file: their
  // decorator, def/class and docstring lines (it reports a docstring's problems at the
  // docstring's first line).
  std::set<int> lines;
  std::string label;
};

// pydocstyle's findings per file and definition line: "file:LINE in ...:\n    CODE: message".
std::map<std::string, std::map<int, std::string>> Pydocstyle(const std::string& options, const std::string& files,
                                                              const fs::path& scratch) {
  Result r = Shell(std::string(kPython) + " -m pydocstyle " + options + files, scratch);
  REQUIRE(r.exit_code <= 1);
  std::map<std::string, std::map<int, std::string>> out;
  static const std::regex kHead(R"(^(.+\.py):(\d+) (.*)$)");
  std::string file;
  int line = 0;
  for (const std::string& l : Lines(r.out)) {
    std::smatch m;
    if (std::regex_match(l, m, kHead)) {
      file = m[1];
      line = std::stoi(m[2]);
      out[file][line] += m[3].str() + "\n";
    } else if (!file.empty()) {
      out[file][line] += l + "\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every renderable docstring passes pydocstyle, compiles and documents exactly the code") {
  fs::path scratch = Scratch("docstring-truth");
  std::vector<Written> written;
  std::map<std::string, std::string> files_by_style;
  std::map<std::string, std::string> coverage_by_style;
  for (const auto& fixture : AllFixtures()) {
    for (const trajc::domains::Node& node : Domain().Nodes(fixture).nodes) {
      if (node.kind == "documented") continue;
      auto env = Domain().MakeEnvironment(fixture, node);
      std::vector<std::pair<std::string, std::string>> writes = {
          {node.facts["target"].get<std::string>(), node.facts["docstring"].get<std::string>()}};
      for (const Json& m : node.facts["methods"]) writes.emplace_back(m["target"].get<std::string>(), m["docstring"].get<std::string>());
      for (const auto& [target, docstring] : writes) {
        auto outcome = env->Call("write_docstring", {{"target", target}, {"docstring", docstring}});
        INFO(fixture.path << " " << node.id << " " << trajc::Dump(outcome.result));
        REQUIRE(outcome.ok);
      }
      auto& state = static_cast<trajc::domains::docstring::DocstringEnvironment&>(*env);
      std::string style = node.facts["style"].get<std::string>();
      std::string stem = fs::path(fixture.path).stem().string();
      std::string name = std::regex_replace(node.id, std::regex("[^A-Za-z0-9_]"), "_");
      fs::path file = scratch / style / (stem + "__" + name + ".py");
      WriteFile(file, state.text());
      Written w{file.string(), style, {}, fixture.path + " " + node.id};
      auto facts = trajc::python::FactsOf(trajc::python::SourceTree::Parse(state.text()));
      std::string lines;
      for (const auto& [target, docstring] : writes) {
        const auto* d = trajc::domains::docstring::FindTarget(facts, target);
        REQUIRE(d != nullptr);
        REQUIRE(d->docstring);
        for (int n : {d->decorated_line, d->line, d->docstring->line}) w.lines.insert(n);
        lines += (lines.empty() ? "" : ",") + std::to_string(d->line);
        // Each check the environment answers is a pass for what it wrote.
        auto check = env->Call("check_docstring", {{"target", target}, {"style", style}});
        INFO(w.label << " " << target << " " << trajc::Dump(check.result));
        CHECK(check.ok);
      }
      files_by_style[style] += " " + Quote(w.path);
      coverage_by_style[style] += " " + Quote(w.path + ":" + lines);
      written.push_back(std::move(w));
    }
  }
  REQUIRE(written.size() > 400);

  size_t clean = 0;
  for (const auto& [style, files] : files_by_style) {
    auto findings = Pydocstyle("--convention=" + Convention(style), files, scratch);
    for (const Written& w : written) {
      if (w.style != style) continue;
      std::string problems;
      for (const auto& [line, text] : findings[w.path])
        if (w.lines.count(line)) problems += std::to_string(line) + " " + text;
      INFO(w.label << " (" << style << ")\n" << Slurp(w.path));
      CHECK(problems == "");
      clean += problems.empty();
    }
    Result coverage = Shell(std::string(kPython) + " " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tests/integration/docstring_coverage.py") +
                                " --style " + style + coverage_by_style[style],
                            scratch);
    INFO(coverage.out << coverage.err);
    CHECK(coverage.exit_code == 0);
    Result compiled = Shell("PYTHONPYCACHEPREFIX=" + Quote((scratch / "pycache").string()) + " " + kPython + " -m py_compile" + files, scratch);
    INFO(compiled.err);
    CHECK(compiled.exit_code == 0);
  }
  WARN("docstring truth: " << clean << "/" << written.size() << " written docstrings pass pydocstyle, py_compile and the coverage check");
}

TEST_CASE("a docstring missing a parameter fails check_docstring, as the independent checker and pydocstyle D417 say") {
  fs::path scratch = Scratch("docstring-d417");
  std::string files;
  std::map<std::string, std::pair<int, std::string>> expected;  // file -> docstring line, missing parameter
  std::map<std::string, std::string> coverage_by_style;
  std::vector<std::string> gaps;  // what the independent checker must print
  for (const auto& fixture : AllFixtures()) {
    for (const trajc::domains::Node& node : Domain().Nodes(fixture).nodes) {
      if (node.kind == "documented" || !node.facts.contains("incomplete_docstring")) continue;
      std::string target = node.facts["target"].get<std::string>();
      std::string style = node.facts["style"].get<std::string>();
      auto env = Domain().MakeEnvironment(fixture, node);
      REQUIRE(env->Call("write_docstring", {{"target", target}, {"docstring", node.facts["incomplete_docstring"]}}).ok);
      auto check = env->Call("check_docstring", {{"target", target}, {"style", style}});
      std::string omitted = node.facts["omitted_param"].get<std::string>();
      INFO(fixture.path << " " << node.id << " " << trajc::Dump(check.result));
      REQUIRE_FALSE(check.ok);
      CHECK(check.result["problems"][0]["code"] == "missing_parameter");
      CHECK_THAT(check.result["problems"][0]["message"].get<std::string>(), Catch::Contains("'" + omitted.substr(omitted.find_first_not_of('*')) + "'"));
      // The independent checker must see the same gap, in every style (run once, below).
      std::string text = static_cast<trajc::domains::docstring::DocstringEnvironment&>(*env).text();
      auto facts = trajc::python::FactsOf(trajc::python::SourceTree::Parse(text));
      const auto* d = trajc::domains::docstring::FindTarget(facts, target);
      REQUIRE(d != nullptr);
      std::string stem = fs::path(fixture.path).stem().string() + "__" + std::regex_replace(node.id, std::regex("[^A-Za-z0-9_]"), "_");
      fs::path file = scratch / (stem + ".py");
      WriteFile(file, text);
      coverage_by_style[style] += " " + Quote(file.string() + ":" + std::to_string(d->line));
      gaps.push_back(file.string() + ":" + std::to_string(d->line) + ": " + d->name + ": parameter " + omitted + " is not documented");
      // pydocstyle 6.2.3 reports D417 only for Google docstrings, for named parameters
      // (not *args, **kwargs or positional-only ones, nor names starting with '_'), and
      // only when no section also has a NumPy section name (Returns, Raises …): it then
      // checks the docstring as NumPy and skips D417. Where it can see the gap, it must.
      std::string incomplete = node.facts["incomplete_docstring"].get<std::string>();
      bool numpy_named = false;
      for (const char* name : {"Returns:", "Yields:", "Raises:", "Attributes:", "Examples:", "Notes:"})
        numpy_named |= incomplete.find(std::string("\n") + name + "\n") != std::string::npos;
      if (style != "google" || omitted.starts_with("*") || omitted.starts_with("_") || numpy_named ||
          incomplete.find("\nArgs:\n") == std::string::npos)
        continue;
      bool positional_only = false;
      for (const auto& p : d->function.params) positional_only |= p.name == omitted && p.kind == trajc::python::ParamKind::kPositionalOnly;
      if (positional_only) continue;
      files += " " + Quote(file.string());
      expected[file.string()] = {d->docstring->line, omitted};
    }
  }
  std::string reported;
  for (const auto& [style, files_and_lines] : coverage_by_style) {
    Result coverage = Shell(std::string(kPython) + " " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tests/integration/docstring_coverage.py") +
                                " --style " + style + files_and_lines,
                            scratch);
    CHECK(coverage.exit_code == 1);
    reported += coverage.out;
  }
  for (const std::string& gap : gaps) CHECK_THAT(reported, Catch::Contains(gap));
  WARN("incomplete docstrings: " << gaps.size() << " flagged by the independent checker, " << expected.size()
                                  << " of them visible to pydocstyle's D417");
  CHECK(gaps.size() >= 100);
  REQUIRE(expected.size() >= 5);
  auto findings = Pydocstyle("--select=D417", files, scratch);
  for (const auto& [file, want] : expected) {
    INFO(file);
    const std::string& found = findings[file][want.first];
    CHECK_THAT(found, Catch::Contains("D417") && Catch::Contains(want.second));
  }
}

TEST_CASE("every tool result in a compiled docstring dataset is reproduced by replaying its calls") {
  fs::path scratch = Scratch("docstring-replay");
  Result gen = Trajc("--domain docstring --count 400 --split 0.8 --seed 7 --quiet" + Root() + " --out " + Quote((scratch / "o").string()), scratch);
  INFO(gen.err);
  REQUIRE(gen.exit_code == 0);
  std::vector<trajc::domains::Fixture> fixtures = AllFixtures();
  std::map<std::string, std::vector<trajc::domains::Node>> nodes_of;  // by fixture path
  for (const auto& f : fixtures) nodes_of[f.path] = Domain().Nodes(f).nodes;
  size_t replayed = 0;
  for (const char* split : {"train", "eval"}) {
    for (const std::string& line : Lines(Slurp(scratch / "o" / (std::string(split) + ".jsonl")))) {
      Json messages = Json::parse(line)["messages"];
      const std::string user = messages[1]["content"].get<std::string>();
      Json submit = Json::parse(messages.back()["tool_calls"][0]["function"]["arguments"].get<std::string>());
      std::string first_target = Json::parse(messages[2]["tool_calls"][0]["function"]["arguments"].get<std::string>())["target"];
      // The node whose user turn this is: same file text, first target and style.
      const trajc::domains::Node* node = nullptr;
      const trajc::domains::Fixture* fixture = nullptr;
      for (const auto& f : fixtures) {
        if (user.find("File: " + f.display_path + " (") != 0) continue;
        for (const auto& n : nodes_of[f.path]) {
          Json context = Domain().Context(f, n);
          if (n.facts["style"] == submit["style"] && n.facts["target"] == first_target &&
              user.find(context["numbered_source"].get<std::string>()) != std::string::npos) {
            node = &n;
            fixture = &f;
            break;
          }
        }
        if (node != nullptr) break;
      }
      REQUIRE(node != nullptr);
      auto env = Domain().MakeEnvironment(*fixture, *node);
      for (size_t i = 2; i + 1 < messages.size(); i += 2) {
        const Json& call = messages[i]["tool_calls"][0]["function"];
        auto outcome = env->Call(call["name"].get<std::string>(), Json::parse(call["arguments"].get<std::string>()));
        CHECK(trajc::Dump(outcome.result) == messages[i + 1]["content"].get<std::string>());
        ++replayed;
      }
      auto last = env->Call("submit_result", submit);
      CHECK(last.ok);
    }
  }
  CHECK(replayed > 800);
}

TEST_CASE("the authored fixtures pass pydocstyle for their own style, and their examples pass doctest") {
  fs::path scratch = Scratch("docstring-authored");
  std::map<std::string, std::string> files_by_convention;
  std::string doctests;
  for (const auto& fixture : AllFixtures()) {
    auto facts = trajc::python::FactsOf(trajc::python::SourceTree::Parse(fixture.text));
    std::string style;
    for (const auto& d : facts.definitions)
      if (d.docstring && d.docstring->parsed.style != trajc::python::DocstringStyle::kPlain && style.empty())
        style = std::string(trajc::python::StyleName(d.docstring->parsed.style));
    INFO(fixture.path);
    REQUIRE_FALSE(style.empty());
    files_by_convention[Convention(style)] += " " + Quote(fixture.path);
    if (fixture.text.find(">>> ") != std::string::npos) doctests += " " + Quote(fixture.path);
  }
  for (const auto& [convention, files] : files_by_convention) {
    Result r = Shell(std::string(kPython) + " -m pydocstyle --convention=" + convention + files, scratch);
    INFO(convention << "\n" << r.out << r.err);
    CHECK(r.exit_code == 0);
  }
  REQUIRE_FALSE(doctests.empty());
  Result r = Shell("PYTHONPYCACHEPREFIX=" + Quote((scratch / "pycache").string()) + " " + kPython + " -m doctest" + doctests, scratch);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
}
