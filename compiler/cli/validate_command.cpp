#include "cli/validate_command.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "compile/project.h"
#include "core/diagnostic.h"
#include "core/json.h"
#include "core/json_depth.h"
#include "core/json_locate.h"
#include "core/utf8.h"
#include "schema/record_validator.h"
#include "schema/subagent.h"

namespace trajc::cli {

namespace {

struct FileResult {
  uint64_t records = 0;
  uint64_t invalid_records = 0;
  uint64_t errors = 0;
};

// nlohmann reports a byte position; users want line:col within the JSONL line.
int ColumnOf(const nlohmann::json::parse_error& e) { return static_cast<int>(e.byte == 0 ? 1 : e.byte); }

FileResult ValidateFile(const std::string& path, const schema::Subagent& agent, const ValidateOptions& o, Json& report) {
  FileResult r;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error({path, 0, 0}, "cannot read file");
  std::string line;
  int number = 0;
  auto emit = [&](int line_no, int col, const std::string& message, const std::string& pointer,
                  const schema::Violation* v = nullptr) {
    ++r.errors;
    bool from_schema = v != nullptr && !v->subject.empty();
    if (o.json) {
      Json e = {{"file", path}, {"line", line_no}, {"message", message}, {"pointer", pointer}};
      if (from_schema) {
        e["schema"] = v->subject;
        e["instance_location"] = v->instance_location;
        e["keyword_location"] = v->keyword_location;
      }
      report.push_back(std::move(e));
    } else if (!o.quiet) {
      // Record violations carry the JSON pointer of what is wrong; parse errors a column.
      // A tool schema violation also names the tool, the value inside the arguments or
      // result, and the keyword of the tool's schema that failed.
      auto text_of = [](const std::string& p) { return p.empty() ? std::string("(root)") : p; };
      std::string text = col > 0 ? message
                         : from_schema
                             ? v->subject + ": " + text_of(v->instance_location) + ": " + message + " [schema: " +
                                   text_of(v->keyword_location) + "] (at " + pointer + ")"
                             : message + " (at " + (pointer.empty() ? "/" : pointer) + ")";
      std::cout << FormatDiagnostic({path, line_no, col}, "error", text) << "\n";
    }
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry no record
    ++r.records;
    uint64_t before = r.errors;
    size_t bad = FindInvalidUtf8(line);
    size_t deep = bad == std::string::npos ? FindTooDeepJson(line) : std::string::npos;
    if (bad != std::string::npos) {
      emit(number, static_cast<int>(bad) + 1, "invalid UTF-8 byte", "");
    } else if (deep != std::string::npos) {
      emit(number, static_cast<int>(deep) + 1, JsonTooDeepMessage(), "");
    } else {
      Json record;
      try {
        record = Json::parse(line);
      } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        size_t colon = what.rfind(": ");
        emit(number, ColumnOf(e), "invalid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)), "");
      } catch (const nlohmann::json::out_of_range&) {  // a number beyond a double (json_locate.h)
        OutOfRangeNumber bad_number = FindOutOfRangeNumber(line);
        size_t at = bad_number.offset == std::string::npos ? 0 : bad_number.offset;
        emit(number, static_cast<int>(at) + 1, bad_number.message, "");
      }
      if (!record.is_null())
        for (const auto& v : schema::ValidateRecord(record, agent)) emit(number, 0, v.message, v.pointer, &v);
    }
    if (r.errors > before) ++r.invalid_records;
  }
  if (in.bad()) throw Error({path, 0, 0}, "cannot read file: I/O error");
  return r;
}

}  // namespace

int RunValidate(const ValidateOptions& o) {
  std::string schemas = o.schemas;
  if (schemas.empty()) {
    compile::RequireDomain(o.domain);
    schemas = compile::ResolveInputs(o.root, o.domain, "", "", "").schemas;
  }
  schema::Subagent agent = schema::LoadSubagent(schemas);
  FileResult total;
  Json report = Json::array();
  for (const std::string& file : o.files) {
    FileResult r = ValidateFile(file, agent, o, report);
    total.records += r.records;
    total.invalid_records += r.invalid_records;
    total.errors += r.errors;
  }
  if (o.json) {
    std::cout << Json({{"valid", total.errors == 0}, {"records", total.records}, {"invalid_records", total.invalid_records},
                       {"errors", report}})
                     .dump()
              << "\n";
  } else if (!o.quiet) {
    std::cout << "trajc: " << total.records << " records in " << o.files.size() << " file(s): "
              << (total.errors == 0 ? std::string("all valid") : std::to_string(total.invalid_records) + " invalid, " +
                                                                      std::to_string(total.errors) + " errors")
              << " (schemas: " << schemas << ")\n";
  }
  return total.errors == 0 ? kExitOk : kExitInvalid;
}

void AddValidateCommand(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand("validate", "Check JSONL datasets against a subagent's tool schemas");
  cmd->add_option("files", o->files, "JSONL files (one record per line)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--domain", o->domain, "Use tool_schemas/<domain>.yaml")->capture_default_str();
  cmd->add_option("--schemas", o->schemas, "Use this subagent definition instead of the domain's");
  cmd->add_option("--root", o->root, "Project root for --domain");
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing; the exit code says it");
  cmd->add_flag("--json", o->json, "Print one JSON object with every error");
  cmd->footer(kExitCodes);
  cmd->callback([o, &exit_code] { exit_code = RunValidate(*o); });
}

}  // namespace trajc::cli
