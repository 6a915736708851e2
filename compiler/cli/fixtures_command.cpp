#include "cli/fixtures_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "compile/project.h"
#include "core/diagnostic.h"
#include "domains/domain.h"
#include "domains/fixture.h"

namespace trajc::cli {

namespace fs = std::filesystem;

namespace {

std::string InferDomain(const std::string& explicit_domain, const std::string& path) {
  if (!explicit_domain.empty()) return explicit_domain;
  fs::path p = fs::path(path).lexically_normal();
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (*it == "fixtures" && std::next(it) != p.end() && domains::FindDomain(std::next(it)->string()))
      return std::next(it)->string();
  }
  return "lint";
}

}  // namespace

int RunFixturesShow(const FixturesOptions& o) {
  Json all = Json::array();
  for (const std::string& file : o.files) {
    const domains::Domain& domain = compile::RequireDomain(InferDomain(o.domain, file));
    bool eval = fs::path(file).parent_path().filename() == "eval";
    domains::Fixture f = domains::LoadFixture(file, fs::path(file).filename().string(), eval);
    Json shown = domain.Show(f);
    if (o.files.size() == 1) {
      std::cout << shown.dump(o.json ? -1 : 2) << "\n";
      return kExitOk;
    }
    all.push_back(std::move(shown));
  }
  std::cout << all.dump(o.json ? -1 : 2) << "\n";
  return kExitOk;
}

namespace {

// Checks one domain's fixtures; prints what is skipped, its errors and summary; returns
// the error count.
//
// Every file and node that cannot serve is listed (`path:line:col: skipped: reason`), as
// generate skips it. A curated folder (one with an eval/ folder, the layout of
// fixtures/<domain>/) must also meet its authors' declared expectations, where an unusable
// file or node is an error as well; any other tree is an error only when nothing in it is
// usable at all.
size_t CheckDomain(const FixturesOptions& o, const std::string& name) {
  const domains::Domain& domain = compile::RequireDomain(name);
  compile::InputPaths paths = compile::ResolveInputs(o.root, name, "", "", o.fixtures);
  std::vector<Error> errors;
  std::vector<domains::FixtureFile> files = domains::ListFixtures(paths.fixtures);
  std::error_code ec;
  bool curated = fs::is_directory(fs::path(paths.fixtures) / "eval", ec);
  std::vector<domains::Fixture> loaded;
  std::vector<domains::Skipped> skipped;
  size_t skipped_files = 0;
  loaded.reserve(files.size());
  for (const domains::FixtureFile& file : files) {
    try {
      loaded.push_back(domains::LoadFixture(file.path, file.display_path, file.eval));
    } catch (const domains::UnusableFixture& e) {
      skipped.push_back({e.where(), "", e.reason()});
      ++skipped_files;
      if (curated) errors.push_back(e);  // report every broken fixture, not just the first
    } catch (const Error& e) {
      errors.push_back(e);
    }
  }
  std::vector<const domains::Fixture*> pointers;
  size_t train = 0, eval = 0, usable = 0;
  for (const auto& f : loaded) {
    pointers.push_back(&f);
    (f.eval ? eval : train) += 1;
    try {
      domains::NodeList nodes = domain.Nodes(f);
      usable += nodes.nodes.size();
      skipped.insert(skipped.end(), nodes.skipped.begin(), nodes.skipped.end());
    } catch (const Error& e) {
      errors.push_back(e);
    }
  }
  if (curated) {
    try {
      for (Error& e : domain.CheckExpectations(paths.fixtures, pointers)) errors.push_back(std::move(e));
    } catch (const Error& e) {
      errors.push_back(e);
    }
  } else if (usable == 0 && errors.empty()) {
    errors.emplace_back(Location{paths.fixtures, 0, 0}, "nothing usable: no file gives a " + name + " task (" +
                                                            std::to_string(files.size()) + " files, " +
                                                            std::to_string(skipped_files) + " skipped, " +
                                                            std::to_string(skipped.size() - skipped_files) + " nodes skipped)");
  }
  if (!o.quiet)
    for (size_t i = 0; i < skipped.size(); ++i) {
      // A definition skipped in each docstring style is one line, not three.
      std::string line = FormatDiagnostic(skipped[i].location, "skipped", skipped[i].reason);
      if (i == 0 || line != FormatDiagnostic(skipped[i - 1].location, "skipped", skipped[i - 1].reason)) std::cerr << line << "\n";
    }
  for (const Error& e : errors) std::cerr << e.what() << "\n";
  size_t skipped_nodes = skipped.size() - skipped_files;
  if (o.json) {
    std::cout << Json({{"domain", name}, {"fixtures", files.size()}, {"train", train}, {"eval", eval}, {"errors", errors.size()},
                       {"nodes", usable}, {"skipped_files", skipped_files}, {"skipped_nodes", skipped_nodes}})
                     .dump()
              << "\n";
  } else if (!o.quiet) {
    std::string skips = skipped.empty() ? "" : "; skipped " + std::to_string(skipped_files) + " files, " +
                                                  std::to_string(skipped_nodes) + " nodes";
    std::string verdict = !errors.empty()    ? std::to_string(errors.size()) + " errors"
                          : curated          ? std::string("all parse and meet their expectations")
                                             : std::to_string(usable) + " usable nodes";
    std::cout << "trajc: " << name << ": " << files.size() << " fixtures (" << train << " train, " << eval << " eval): "
              << verdict << skips << "\n";
  }
  return errors.size();
}

}  // namespace

int RunFixturesCheck(const FixturesOptions& o) {
  // Without --domain: the domain a --fixtures path names, else every domain whose fixtures
  // folder the project has.
  std::vector<std::string> names;
  if (!o.domain.empty() || !o.fixtures.empty()) {
    names.push_back(InferDomain(o.domain, o.fixtures));
  } else {
    for (const std::string& name : domains::DomainNames()) {
      std::error_code ec;
      if (fs::is_directory(compile::ResolveInputs(o.root, name, "", "", "").fixtures, ec)) names.push_back(name);
    }
    if (names.empty()) names.push_back("lint");  // reports the missing folder
  }
  size_t errors = 0;
  for (const std::string& name : names) errors += CheckDomain(o, name);
  return errors == 0 ? kExitOk : kExitInvalid;
}

void AddFixturesCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<FixturesOptions>();
  CLI::App* fixtures = app.add_subcommand("fixtures", "Inspect and check Python fixtures");
  fixtures->require_subcommand(1);
  CLI::App* show = fixtures->add_subcommand("show", "Print the facts trajc extracts from fixture files");
  show->add_option("files", o->files, "Python files")->required()->check(CLI::ExistingFile);
  show->add_option("--domain", o->domain, "Domain whose facts to show [default: from the path, else lint]");
  show->add_flag("--json", o->json, "Compact JSON on one line");
  show->callback([o, &exit_code] { exit_code = RunFixturesShow(*o); });
  CLI::App* check = fixtures->add_subcommand("check", "Prove every fixture parses and meets its declared expectations");
  check->add_option("--domain", o->domain, "Domain to check [default: every domain with a fixtures folder]");
  check->add_option("--fixtures", o->fixtures, "Fixture folder [default: <root>/fixtures/<domain>]");
  check->add_option("--root", o->root, "Project root");
  check->add_flag("-q,--quiet", o->quiet, "Print only errors");
  check->add_flag("--json", o->json, "Print a JSON summary, one line per domain checked");
  check->callback([o, &exit_code] { exit_code = RunFixturesCheck(*o); });
  fixtures->footer(kExitCodes);
}

}  // namespace trajc::cli
