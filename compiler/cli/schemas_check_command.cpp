#include "cli/schemas_check_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "compile/project.h"
#include "compile/returns_probe.h"
#include "core/diagnostic.h"
#include "core/json.h"
#include "schema/definition_check.h"

namespace trajc::cli {

namespace {

namespace fs = std::filesystem;

bool IsYaml(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// The definition files to check, each folder's *.yaml sorted by name. A missing path or a
// folder without YAML files is a located error.
std::vector<std::string> DefinitionFiles(const SchemasCheckOptions& o, std::vector<Error>& errors) {
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) {
    fs::path root = compile::ResolveInputs(o.root, "lint", "", "", "").root;
    paths.push_back((root / "tool_schemas").lexically_normal().generic_string());
  }
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.is_regular_file(ec) && IsYaml(entry.path())) found.push_back(entry.path().generic_string());
      std::sort(found.begin(), found.end());
      if (found.empty()) errors.emplace_back(Location{path, 0, 0}, "no *.yaml subagent definitions in this folder");
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      errors.emplace_back(Location{path, 0, 0}, "no such file or folder");
    }
  }
  return files;
}

// CheckDefinition's findings, then, for a definition that loads and names a domain, whether
// that domain's environment gives results its `returns` schemas accept.
std::vector<schema::DefinitionFinding> FindingsOf(const std::string& file, const std::string& root) {
  std::vector<schema::DefinitionFinding> findings = schema::CheckDefinition(file);
  for (const schema::DefinitionFinding& f : findings)
    if (f.severity == schema::Severity::kError) return findings;
  compile::ReturnsProbe probe = compile::ProbeReturns(root, file);
  if (probe.mismatch) {
    findings.push_back({probe.mismatch->where(), schema::Severity::kError, probe.mismatch->pointer(),
                        probe.mismatch->message()});
  } else if (!probe.not_probed.empty()) {
    findings.push_back({Location{file, 0, 0}, schema::Severity::kWarning, "",
                        "returns schemas not checked against the environment: " + probe.not_probed});
  }
  return findings;
}

const char* SeverityName(schema::Severity s, bool strict) {
  return s == schema::Severity::kError || strict ? "error" : "warning";
}

}  // namespace

int RunSchemasCheck(const SchemasCheckOptions& o) {
  std::vector<Error> bad_paths;
  std::vector<std::string> files = DefinitionFiles(o, bad_paths);

  size_t errors = bad_paths.size(), warnings = 0;
  Json findings = Json::array();
  for (const Error& e : bad_paths) {
    if (o.json) findings.push_back({{"path", e.where().path}, {"line", 0}, {"column", 0}, {"severity", "error"},
                                    {"pointer", ""}, {"message", e.message()}});
    else std::cout << e.what() << '\n';
  }
  for (const std::string& file : files) {
    for (const schema::DefinitionFinding& f : FindingsOf(file, o.root)) {
      bool error = f.severity == schema::Severity::kError || o.strict;
      (error ? errors : warnings) += 1;
      const char* severity = SeverityName(f.severity, o.strict);
      if (o.json) {
        findings.push_back({{"path", f.where.path}, {"line", f.where.line}, {"column", f.where.column},
                            {"severity", severity}, {"pointer", f.pointer}, {"message", f.message}});
      } else if (error || !o.quiet) {
        std::cout << FormatDiagnostic(f.where, severity, f.message) << '\n';
      }
    }
  }
  if (o.json) {
    std::cout << Dump(Json{{"ok", errors == 0}, {"files", files.size()}, {"errors", errors}, {"warnings", warnings},
                           {"findings", std::move(findings)}})
              << '\n';
  } else if (!o.quiet) {
    std::cerr << "trajc: " << files.size() << " definition(s): " << errors << " error(s), " << warnings
              << " warning(s)\n";
  }
  return errors == 0 ? kExitOk : kExitInvalid;
}

void AddSchemasCheckCommand(CLI::App& schemas, int& exit_code) {
  auto o = std::make_shared<SchemasCheckOptions>();
  CLI::App* cmd = schemas.add_subcommand(
      "check",
      "Check subagent definitions (tool_schemas/*.yaml) and their tools' schemas, reporting every problem of each "
      "file as PATH:LINE:COL: error|warning: MESSAGE.\n"
      "Errors: what trajc refuses to load (missing or mistyped fields, invalid or duplicate tool names, no "
      "submit_result tool), a parameters/returns schema that is not valid against its metaschema or does not compile, "
      "a `required` name missing from `properties` (nested objects too), a tool without a description; a `returns` "
      "schema that refuses a result of the domain's environment (a definition named after a domain is dry-run with "
      "the project's templates on its fixtures, as generate does).\n"
      "Warnings (errors with --strict): a parameter without a description; what function-calling runtimes refuse or "
      "drop in a tool's parameters: OpenAI strict mode (every object needs additionalProperties: false and every "
      "property in required; only the keywords of OpenAI's structured-outputs subset; the root an object, not anyOf) "
      "and FunctionGemma's prompt format (properties need a single type; enum is shown only on strings; a property "
      "named type, description, properties, required or nullable is not shown).\n"
      "e.g.: trajc schemas check tool_schemas/lint.yaml --strict");
  cmd->add_option("paths", o->paths, "Definition files, or folders whose *.yaml files to check [default: <root>/tool_schemas]");
  cmd->add_option("--root", o->root, "Project root [default: $TRAJC_ROOT, ., installed data]");
  cmd->add_flag("--strict", o->strict, "Warnings count as errors");
  cmd->add_flag("--json", o->json,
                "One JSON report: {\"ok\", \"files\", \"errors\", \"warnings\", \"findings\": [{\"path\", \"line\", "
                "\"column\", \"severity\", \"pointer\", \"message\"}]}");
  cmd->add_flag("-q,--quiet", o->quiet, "Print only errors");
  cmd->footer("\nExit codes: 0 no errors (warnings allowed unless --strict); 1 errors found; 2 usage error.\n");
  cmd->callback([o, &exit_code] { exit_code = RunSchemasCheck(*o); });
}

}  // namespace trajc::cli
