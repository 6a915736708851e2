// Runs the official JSON-Schema-Test-Suite.
//
// The suite comes from Debian's libtest-json-schema-acceptance-perl (tests/ and remotes/
// under /usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance) or from the folder
// named by the environment variable TRAJC_JSON_SCHEMA_TEST_SUITE (holding tests/ and
// remotes/). remotes/ is registered offline as "http://localhost:1234/<relative path>".
//
// Required: every file of tests/draft2020-12 and tests/draft7 (nothing skipped); any
// failure, or a missing suite, fails the test. Reported only (figures, no failure): the
// optional/ files (optional/format/ with format assertion on) and drafts 2019-09, 6, 4.
// A pass table per draft and per file goes to stdout.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "schema/json_schema.h"

namespace fs = std::filesystem;
using trajc::Json;
using trajc::schema::CompiledSchema;
using trajc::schema::CompileOptions;
using trajc::schema::Dialect;
using trajc::schema::SchemaError;
using trajc::schema::SchemaRegistry;

namespace {

constexpr const char* kDebianSuite = "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance";

fs::path SuiteRoot() {
  if (const char* env = std::getenv("TRAJC_JSON_SCHEMA_TEST_SUITE"); env != nullptr && *env != '\0') return env;
  return kDebianSuite;
}

struct Row {
  std::string file;
  int groups = 0, tests = 0, passed = 0, failed = 0;
};

struct Failure {
  std::string where;  // file: "group" / "test"
  std::string why;
};

std::vector<fs::path> JsonFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Row RunFile(const fs::path& file, const std::string& label, const SchemaRegistry& registry, Dialect dialect,
            bool format_assertion, std::vector<Failure>& failures) {
  Row row;
  row.file = label;
  std::ifstream in(file);
  Json groups = Json::parse(in);
  for (const Json& group : groups) {
    ++row.groups;
    const std::string group_name = group["description"].get<std::string>();
    CompileOptions options;
    options.default_dialect = dialect;
    options.registry = &registry;
    options.format_assertion = format_assertion;
    std::unique_ptr<CompiledSchema> schema;
    std::string compile_error;
    try {
      schema = std::make_unique<CompiledSchema>(CompiledSchema::Compile(group["schema"], options));
    } catch (const SchemaError& e) {
      compile_error = e.what();
    }
    for (const Json& test : group["tests"]) {
      ++row.tests;
      const std::string where = label + ": \"" + group_name + "\" / \"" + test["description"].get<std::string>() + "\"";
      if (!schema) {
        ++row.failed;
        failures.push_back({where, "did not compile: " + compile_error});
        continue;
      }
      bool expected = test["valid"].get<bool>();
      bool is_valid = schema->IsValid(test["data"]);
      auto errors = schema->Validate(test["data"]);
      if (is_valid == expected && errors.empty() == expected) {
        ++row.passed;
        continue;
      }
      ++row.failed;
      std::string why = std::string("expected ") + (expected ? "valid" : "invalid") + ", IsValid=" +
                        (is_valid ? "true" : "false") + ", errors=" + std::to_string(errors.size());
      if (!errors.empty()) why += " (first: " + errors[0].keyword_location + ": " + errors[0].message + ")";
      failures.push_back({where, why});
    }
  }
  return row;
}

void PrintTable(const std::string& title, const std::vector<Row>& rows) {
  Row total;
  std::printf("\nJSON-Schema-Test-Suite %s\n", title.c_str());
  std::printf("  %-44s %6s %6s %7s %7s\n", "file", "groups", "tests", "passed", "failed");
  for (const Row& row : rows) {
    std::printf("  %-44s %6d %6d %7d %7d\n", row.file.c_str(), row.groups, row.tests, row.passed, row.failed);
    total.groups += row.groups;
    total.tests += row.tests;
    total.passed += row.passed;
    total.failed += row.failed;
  }
  std::printf("  %-44s %6d %6d %7d %7d\n", "TOTAL", total.groups, total.tests, total.passed, total.failed);
  std::fflush(stdout);
}

struct DraftRun {
  std::vector<Row> rows;
  std::vector<Failure> failures;
};

// Every file of tests/<draft>/ (optional: its optional/ and optional/format/ files instead).
DraftRun RunDraft(const fs::path& root, const std::string& draft, Dialect dialect, bool optional) {
  SchemaRegistry registry;
  registry.AddDirectory((root / "remotes").string(), "http://localhost:1234/");
  DraftRun run;
  const fs::path dir = root / "tests" / draft;
  if (!optional) {
    for (const fs::path& file : JsonFiles(dir)) {
      run.rows.push_back(RunFile(file, file.stem().string(), registry, dialect, false, run.failures));
    }
    return run;
  }
  for (const fs::path& file : JsonFiles(dir / "optional")) {
    run.rows.push_back(RunFile(file, "optional/" + file.stem().string(), registry, dialect, false, run.failures));
  }
  for (const fs::path& file : JsonFiles(dir / "optional" / "format")) {
    run.rows.push_back(RunFile(file, "optional/format/" + file.stem().string(), registry, dialect, true, run.failures));
  }
  return run;
}

fs::path RequireSuite() {
  fs::path root = SuiteRoot();
  INFO("JSON-Schema-Test-Suite expected at " << root.string()
       << " (apt-get install libtest-json-schema-acceptance-perl, or set TRAJC_JSON_SCHEMA_TEST_SUITE "
          "to a folder holding tests/ and remotes/)");
  std::error_code ec;
  REQUIRE(fs::is_directory(root / "tests", ec));
  REQUIRE(fs::is_directory(root / "remotes", ec));
  return root;
}

void RequireAllPass(const fs::path& root, const std::string& draft, Dialect dialect) {
  REQUIRE(fs::is_directory(root / "tests" / draft));
  DraftRun run = RunDraft(root, draft, dialect, false);
  PrintTable(draft + " (required)", run.rows);
  REQUIRE_FALSE(run.rows.empty());
  for (const Failure& failure : run.failures) {
    INFO(failure.where << ": " << failure.why);
    CHECK(false);
  }
  CHECK(run.failures.empty());
}

}  // namespace

TEST_CASE("JSON-Schema-Test-Suite draft2020-12: every required test passes", "[suite]") {
  RequireAllPass(RequireSuite(), "draft2020-12", Dialect::kDraft2020_12);
}

TEST_CASE("JSON-Schema-Test-Suite draft7: every required test passes", "[suite]") {
  RequireAllPass(RequireSuite(), "draft7", Dialect::kDraft7);
}

// Figures only: optional files and the drafts trajc supports without promising conformance.
TEST_CASE("JSON-Schema-Test-Suite optional files and older drafts (reported)", "[suite][optional]") {
  fs::path root = RequireSuite();
  struct Entry {
    std::string draft;
    Dialect dialect;
    bool optional;
  };
  const std::vector<Entry> entries = {
      {"draft2020-12", Dialect::kDraft2020_12, true}, {"draft7", Dialect::kDraft7, true},
      {"draft2019-09", Dialect::kDraft2019_09, false}, {"draft6", Dialect::kDraft6, false},
      {"draft4", Dialect::kDraft4, false}};
  for (const Entry& entry : entries) {
    if (!fs::is_directory(root / "tests" / entry.draft)) continue;
    DraftRun run = RunDraft(root, entry.draft, entry.dialect, entry.optional);
    PrintTable(entry.draft + (entry.optional ? " optional (reported, not required)" : " (reported, not required)"),
               run.rows);
    if (std::getenv("TRAJC_SUITE_VERBOSE") != nullptr) {
      for (const Failure& failure : run.failures) std::printf("    FAIL %s: %s\n", failure.where.c_str(), failure.why.c_str());
    }
  }
  std::fflush(stdout);
}
