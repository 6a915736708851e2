#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "compile/compile.h"
#include "core/diagnostic.h"
#include "core/json_depth.h"
#include "core/files.h"
#include "core/json.h"
#include "core/sha256.h"

namespace trajc::cli {

namespace fs = std::filesystem;

namespace {

// Inputs whose recorded sha256 differs from the file's now (or that are gone or new).
std::vector<std::string> ChangedInputs(const Json& recorded, const Json& now) {
  std::vector<std::string> out;
  auto index = [](const Json& inputs) {
    std::vector<std::pair<std::string, std::string>> files;
    if (inputs.contains("schemas")) files.emplace_back(inputs["schemas"]["path"], inputs["schemas"]["sha256"]);
    for (const char* kind : {"templates", "fixtures"})
      if (inputs.contains(kind))
        for (const Json& f : inputs[kind]) files.emplace_back(f["path"], f["sha256"]);
    return files;
  };
  auto before = index(recorded);
  auto after = index(now);
  // Named references, not structured bindings: clang before 16 cannot capture those.
  for (const auto& entry : before) {
    const std::string& path = entry.first;
    const std::string& sha = entry.second;
    auto it = std::find_if(after.begin(), after.end(), [&](const auto& p) { return p.first == path; });
    if (it == after.end()) out.push_back(path + " (removed)");
    else if (it->second != sha) out.push_back(path + " (changed)");
  }
  for (const auto& entry : after)
    if (std::none_of(before.begin(), before.end(), [&](const auto& p) { return p.first == entry.first; }))
      out.push_back(entry.first + " (added)");
  return out;
}

// The sha256 of a dataset file, streamed; an unreadable one is an error, as ReadFile says it.
std::string DatasetSha256(const fs::path& path) {
  std::optional<std::string> sha = Sha256OfFile(path);
  if (!sha) throw Error({path.string(), 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  return *sha;
}

// 1-based number of the first line where two files differ; 0 when equal.
size_t FirstDifferentLine(const fs::path& a, const fs::path& b) {
  std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
  std::string lx, ly;
  for (size_t line = 1;; ++line) {
    bool ax = static_cast<bool>(std::getline(x, lx));
    bool by = static_cast<bool>(std::getline(y, ly));
    if (!ax && !by) return 0;
    if (ax != by || lx != ly) return line;
  }
}

}  // namespace

int RunCheck(const CheckOptions& c) {
  std::string text = ReadFile(c.manifest);
  Json m;
  if (size_t deep = FindTooDeepJson(text); deep != std::string::npos)
    throw Error(LocationOfOffset(c.manifest, text, deep), JsonTooDeepMessage());
  try {
    m = Json::parse(text);
  } catch (const Json::parse_error& e) {
    size_t at = e.byte > 0 ? std::min<size_t>(e.byte - 1, text.size()) : 0;
    throw Error(LocationOfOffset(c.manifest, text, at), "not a trajc manifest: not JSON");
  }
  // Every field read below has its JSON type checked first: a malformed manifest is a
  // located error, never a type exception.
  compile::GenerateOptions o = compile::OptionsFromManifest(m, c.manifest, text);
  compile::CheckManifestShape(m, c.manifest, text);
  std::string command = m.value("command", "");
  fs::path dir = fs::path(c.manifest).parent_path();
  if (dir.empty()) dir = ".";
  // The files the manifest pins must be there: a dataset that is not beside its manifest
  // does not reproduce, whatever a fresh compile gives.
  for (const auto& item : m["splits"].items()) {
    fs::path beside = dir / item.value().value("file", item.key() + ".jsonl");
    std::error_code ec;
    if (!fs::is_regular_file(beside, ec))
      throw Error({beside.string(), 0, 0},
                  std::string(fs::exists(beside, ec) ? "not a regular file" : "missing") + "; " +
                      fs::path(c.manifest).filename().string() + " pins it (sha256 " +
                      item.value()["sha256"].get<std::string>() + "): nothing to check");
  }
  o.root = c.root;
  o.fixtures = c.fixtures;
  o.jobs = c.jobs;
  o.quiet = true;
  char pattern[] = "/tmp/trajc-check-XXXXXX";
  if (mkdtemp(pattern) == nullptr) throw Error({"/tmp", 0, 0}, "cannot create a temporary directory for the recompile");
  fs::path fresh = fs::path(pattern) / "out";
  o.out = fresh.string();
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{pattern};
  compile::RunGenerate(o);
  Json now = Json::parse(ReadFile(fresh / "manifest.json"));
  std::vector<std::string> changed = ChangedInputs(m.value("inputs", Json::object()), now.value("inputs", Json::object()));

  Json report = Json::object();
  report["manifest"] = c.manifest;
  report["command"] = command;
  Json differences = Json::array();
  const Json& splits = m.value("splits", Json::object());
  for (const auto& item : splits.items()) {
    const std::string& name = item.key();
    const Json& split = item.value();
    std::string file = split.value("file", name + ".jsonl");
    std::string recorded = split.value("sha256", "");
    std::string fresh_sha = DatasetSha256(fresh / file);
    fs::path beside = dir / file;
    std::string beside_sha = DatasetSha256(beside);
    if (fresh_sha == recorded && beside_sha == recorded) continue;
    Json d = {{"file", (dir / file).string()}, {"recorded_sha256", recorded}, {"recompiled_sha256", fresh_sha}};
    size_t line = FirstDifferentLine(beside, fresh / file);
    if (line > 0) d["first_different_example"] = line - 1, d["line"] = line;
    if (beside_sha != recorded) d["file_sha256"] = beside_sha;
    differences.push_back(std::move(d));
  }
  report["reproduced"] = differences.empty();
  report["differences"] = differences;
  report["changed_inputs"] = changed;
  if (c.json) {
    std::cout << Dump(report) << "\n";
  } else if (!c.quiet) {
    if (differences.empty()) {
      std::cout << "trajc check: " << c.manifest << ": reproduces byte for byte (" << command << ")\n";
    } else {
      for (const Json& d : differences) {
        std::string why = d.contains("file_sha256")
                              ? "the file is not the one the manifest pins (sha256 " + d["file_sha256"].get<std::string>() +
                                    "): edited since, or left half-replaced by an interrupted run"
                          : changed.empty() ? "no recorded input changed (a different trajc version or platform?)"
                                            : "inputs changed since: " + [&] {
                                                std::string s;
                                                for (const std::string& x : changed) s += (s.empty() ? "" : ", ") + x;
                                                return s;
                                              }();
        if (d.contains("line"))
          std::cerr << FormatDiagnostic({d["file"].get<std::string>(), d["line"].get<int>(), 1}, "error",
                                        "example " + std::to_string(d["first_different_example"].get<size_t>()) +
                                            " differs from a fresh compile; " + why)
                    << "\n";
        else
          std::cerr << FormatDiagnostic({d["file"].get<std::string>(), 0, 0}, "error",
                                        "sha256 " + d["recompiled_sha256"].get<std::string>() + " after a fresh compile, " +
                                            d["recorded_sha256"].get<std::string>() + " recorded; " + why)
                    << "\n";
      }
    }
  }
  return differences.empty() ? kExitOk : kExitInvalid;
}

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Recompile a dataset from its manifest.json and prove the bytes are the same; on a difference name the "
               "first differing example and the inputs whose hashes changed");
  cmd->add_option("manifest", o->manifest, "manifest.json written beside train.jsonl and eval.jsonl")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--root", o->root, "Project root the manifest's input paths are relative to [default: as generate]");
  cmd->add_option("--fixtures", o->fixtures, "Fixture folder the dataset was compiled from, as given to generate "
                                             "[default: <root>/fixtures/<domain>]");
  o->jobs = DefaultJobs();
  cmd->add_option("-j,--jobs", o->jobs, "Worker threads for the recompile");
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing; the exit code says it");
  cmd->add_flag("--json", o->json, "One JSON object: reproduced, differences, changed_inputs");
  cmd->footer("\nExit codes: 0 the dataset reproduces byte for byte; 1 it does not (the first differing example "
              "and the changed inputs are named), a file it pins is missing, or the manifest is unusable (the malformed "
              "field is located); 2 usage error.\n");
  cmd->callback([o, &exit_code] { exit_code = RunCheck(*o); });
}

}  // namespace trajc::cli
