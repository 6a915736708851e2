#include "cli/schemas_validate_command.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/json_document.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "core/fast_json.h"
#include "core/json.h"
#include "core/line_reader.h"
#include "schema/json_schema.h"

namespace trajc::cli {

namespace {

std::string PointerText(const std::string& pointer) { return pointer.empty() ? "(root)" : pointer; }

schema::Dialect DialectOfFlag(const std::string& draft) {
  if (draft == "2020-12") return schema::Dialect::kDraft2020_12;
  if (draft == "2019-09") return schema::Dialect::kDraft2019_09;
  if (draft == "7" || draft == "draft-07") return schema::Dialect::kDraft7;
  if (draft == "6" || draft == "draft-06") return schema::Dialect::kDraft6;
  if (draft == "4" || draft == "draft-04") return schema::Dialect::kDraft4;
  throw Error({"trajc", 0, 0}, "--draft takes 2020-12, 2019-09, 7, 6 or 4, got '" + draft + "'", kExitUsage);
}

// --remote URI=FILE: FILE's document, reachable by $ref as URI.
void AddRemotes(const std::vector<std::string>& remotes, schema::SchemaRegistry& registry) {
  for (const std::string& remote : remotes) {
    size_t eq = remote.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == remote.size())
      throw Error({"trajc", 0, 0}, "--remote takes URI=FILE, got '" + remote + "'", kExitUsage);
    registry.Add(remote.substr(0, eq), LoadJsonDocument(remote.substr(eq + 1)).value);
  }
}

schema::CompiledSchema CompileSchema(const JsonDocument& doc, const schema::CompileOptions& options) {
  try {
    return schema::CompiledSchema::Compile(doc.value, options);
  } catch (const schema::SchemaError& e) {
    throw Error(doc.Locate(e.pointer()), "invalid JSON Schema: " + e.message() + " (at " + PointerText(e.pointer()) + ")");
  }
}

class Validator {
 public:
  Validator(const schema::CompiledSchema& schema, const SchemasValidateOptions& o) : schema_(schema), o_(o) {}

  // One instance of file `path` (line > 0 with --jsonl); `locate` finds a pointer's line:col.
  template <typename Locate>
  void Check(const std::string& path, int line, const Json& instance, Locate&& locate) {
    ++instances_;
    // Most instances are valid: the checking pass stops early and builds no strings; only
    // an invalid instance pays for the collecting pass that words every error.
    std::vector<schema::ValidationError> errors;
    if (!schema_.IsValid(instance)) errors = schema_.Validate(instance);
    if (!errors.empty()) {
      ++invalid_;
      error_count_ += errors.size();
    }
    if (o_.json) {
      Json result = {{"file", path}};
      if (line > 0) result["line"] = line;
      result["valid"] = errors.empty();
      Json list = Json::array();
      for (const auto& e : errors)
        list.push_back({{"instance_location", e.instance_location}, {"keyword_location", e.keyword_location},
                        {"message", e.message}});
      result["errors"] = std::move(list);
      std::cout << Dump(result) << '\n';
    } else if (!o_.quiet) {
      for (const auto& e : errors)
        std::cout << FormatDiagnostic(locate(e.instance_location), "error",
                                      PointerText(e.instance_location) + ": " + e.message + " [schema: " +
                                          PointerText(e.keyword_location) + "]")
                  << '\n';
    }
  }

  // An instance that could not be read or parsed: its located error, on stderr.
  void Unusable(const std::string& path, int line, const Error& e) {
    ++instances_;
    ++invalid_;
    ++unusable_;
    if (o_.json) {
      Json result = {{"file", path}};
      if (line > 0) result["line"] = line;
      result["valid"] = false;
      result["errors"] = Json::array();
      result["error"] = e.what();
      std::cout << Dump(result) << '\n';
    }
    if (!o_.quiet) std::cerr << e.what() << '\n';
  }

  void Jsonl(const std::string& path, std::istream& in) {
    // Lines are parsed in place in the reader's block: no copy per line.
    LineReader lines(in, FastJsonParser::kPadding);
    std::string_view text;
    for (int number = 1; lines.Next(text); ++number) {
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines hold no instance
      Json instance;
      try {
        instance = ParsePaddedJsonLine(path, text, number);
      } catch (const Error& e) {
        Unusable(path, number, e);
        continue;
      }
      Check(path, number, instance,
            [&](const std::string& pointer) { return LocateInJsonText(path, text, pointer, number); });
    }
    if (lines.bad()) Unusable(path, 0, Error({path, 0, 0}, "cannot read: I/O error"));
  }

  void File(const std::string& path) {
    if (o_.jsonl) {
      if (path == "-") return Jsonl(path, std::cin);
      std::ifstream in(path, std::ios::binary);
      if (!in) return Unusable(path, 0, Error({path, 0, 0}, "cannot read file"));
      return Jsonl(path, in);
    }
    JsonDocument doc;
    try {
      doc = LoadJsonDocument(path);
    } catch (const Error& e) {
      return Unusable(path, 0, e);
    }
    Check(path, 0, doc.value, [&](const std::string& pointer) { return doc.Locate(pointer); });
  }

  void Summary(size_t files) const {
    if (o_.quiet) return;
    std::cerr << "trajc: " << instances_ << " instance(s) in " << files << " file(s): "
              << (invalid_ == 0 ? std::string("all valid")
                                : std::to_string(invalid_) + " invalid (" + std::to_string(error_count_) +
                                      " schema errors, " + std::to_string(unusable_) + " unreadable)")
              << '\n';
  }

  bool all_valid() const { return invalid_ == 0; }

 private:
  const schema::CompiledSchema& schema_;
  const SchemasValidateOptions& o_;
  uint64_t instances_ = 0, invalid_ = 0, error_count_ = 0, unusable_ = 0;
};

}  // namespace

int RunSchemasValidate(const SchemasValidateOptions& o) {
  // Only iostreams are used from here on; unsynced they read and write in large blocks.
  // Unsyncing gives std::cout a new buffer: the checked one (core/files) is put back.
  std::ios::sync_with_stdio(false);
  InstallCheckedStandardOutput();
  size_t stdin_uses = 0;
  for (const std::string& path : o.instances) stdin_uses += path == "-";
  if (stdin_uses + (o.schema == "-") > 1)
    throw Error({"trajc", 0, 0}, "standard input (-) can be read only once", kExitUsage);

  schema::CompileOptions options;
  options.default_dialect = DialectOfFlag(o.draft);
  options.format_assertion = o.format_assertion;
  schema::SchemaRegistry registry;
  AddRemotes(o.remotes, registry);
  if (!o.remotes.empty()) options.registry = &registry;
  JsonDocument schema_doc = LoadJsonDocument(o.schema);
  schema::CompiledSchema compiled = CompileSchema(schema_doc, options);

  Validator validator(compiled, o);
  for (const std::string& path : o.instances) validator.File(path);
  std::cout.flush();
  validator.Summary(o.instances.size());
  return validator.all_valid() ? kExitOk : kExitInvalid;
}

void AddSchemasValidateCommand(CLI::App& schemas, int& exit_code) {
  auto o = std::make_shared<SchemasValidateOptions>();
  CLI::App* cmd = schemas.add_subcommand(
      "validate",
      "Validate JSON instances against a JSON Schema (draft 2020-12 by default; the schema's $schema decides), "
      "compiled once. A schema or instance file ending in .yaml/.yml is read as YAML. Each violation is one line on "
      "stdout, located at the failing value:\n"
      "  PATH:LINE:COL: error: INSTANCE_POINTER: MESSAGE [schema: KEYWORD_POINTER]\n"
      "e.g. calls.jsonl:3:15: error: /line_number: -3 is less than the minimum of 1 [schema: "
      "/properties/line_number/minimum]\n"
      "(the root is written (root)). A summary goes to stderr. An unreadable, non-UTF-8 or malformed file, or a schema "
      "that does not compile, is one located error on stderr (PATH:LINE:COL: error: ...).\n"
      "e.g.: trajc schemas validate schema.json calls.jsonl --jsonl");
  cmd->add_option("schema", o->schema, "JSON Schema file (- for standard input)")->required();
  cmd->add_option("instances", o->instances, "Instance files (- for standard input)")->required();
  cmd->add_flag("--jsonl", o->jsonl,
                "Each file holds one instance per line (blank lines skipped), streamed: memory does not grow with the "
                "number of lines; errors name the line");
  cmd->add_flag("--json", o->json,
                "One JSON object per instance per line: {\"file\", \"line\" (with --jsonl), \"valid\", \"errors\": "
                "[{\"instance_location\", \"keyword_location\", \"message\"}]} (+ \"error\" for an unreadable instance)");
  cmd->add_flag("--format-assertion", o->format_assertion, "`format` fails invalid values (default: an annotation only)");
  cmd->add_option("--draft", o->draft, "Dialect of a schema without $schema: 2020-12, 2019-09, 7, 6 or 4")
      ->capture_default_str()
      ->check(CLI::IsMember({"2020-12", "2019-09", "7", "6", "4", "draft-07", "draft-06", "draft-04"}));
  // One value per occurrence: a vector option would otherwise take the positionals after it.
  cmd->add_option("--remote", o->remotes,
                  "URI=FILE: a JSON document a $ref may reach by that absolute URI (repeatable); nothing is fetched")
      ->allow_extra_args(false);
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing; the exit code says it");
  cmd->footer("\nExit codes: 0 every instance valid; 1 some instance invalid or unreadable, or the schema unusable (a "
              "located error); 2 usage error.\n");
  cmd->callback([o, &exit_code] { exit_code = RunSchemasValidate(*o); });
}

}  // namespace trajc::cli
