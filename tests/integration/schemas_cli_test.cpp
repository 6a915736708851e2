// `trajc schemas validate` and `trajc schemas check` as users run them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli_support.h"

using namespace cli_test;

namespace {

const char* kSchema = R"({
  "type": "object",
  "properties": {
    "issue_code": {"type": "string", "pattern": "^[EFW][0-9]{3}$"},
    "line_number": {"type": "integer", "minimum": 1}
  },
  "required": ["issue_code", "line_number"],
  "additionalProperties": false
}
)";

Result SchemasValidate(const fs::path& scratch, const std::string& args) {
  return Trajc("schemas validate " + args, scratch);
}

std::string P(const fs::path& p) { return Quote(p.string()); }

// A subagent definition with one problem of each kind `check` reports; kept apart from
// the repo's files so that line numbers are fixed here.
const char* kBadDefinition = R"(name: broken
system_prompt: s
context_template: c
colour: blue
tools:
  - name: "bad name"
    description: d
    parameters:
      type: object
      properties:
        a: {type: integer, description: the a}
      required: [a]
      additionalProperties: false
  - name: nested
    description: ""
    parameters:
      type: object
      properties:
        outer:
          type: object
          description: an object
          properties:
            inner: {type: string, description: the inner}
          required: [inner, ghost]
          additionalProperties: false
        count: {type: integer, minimum: "one"}
      required: [outer, count]
      additionalProperties: false
)";

}  // namespace

TEST_CASE("schemas validate: exit 0 when every instance is valid, nothing on stdout") {
  fs::path scratch = Scratch("schemas-valid");
  WriteFile(scratch / "s.json", kSchema);
  WriteFile(scratch / "a.json", R"({"issue_code": "E231", "line_number": 3})");
  WriteFile(scratch / "b.json", R"({"issue_code": "W291", "line_number": 1})");
  Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "a.json") + " " + P(scratch / "b.json"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "trajc: 2 instance(s) in 2 file(s): all valid\n");
}

TEST_CASE("schemas validate: each error located at the failing value, with the keyword that failed") {
  fs::path scratch = Scratch("schemas-invalid");
  WriteFile(scratch / "s.json", kSchema);
  WriteFile(scratch / "a.json", "{\n  \"issue_code\": \"X1\",\n  \"line_number\": -3\n}\n");
  Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "a.json"));
  CHECK(r.exit_code == 1);
  std::string f = (scratch / "a.json").string();
  CHECK(r.out == f + ":2:17: error: /issue_code: 'X1' does not match '^[EFW][0-9]{3}$' [schema: "
                     "/properties/issue_code/pattern]\n" +
                     f + ":3:18: error: /line_number: -3 is less than the minimum of 1 [schema: "
                         "/properties/line_number/minimum]\n");
  CHECK(r.err == "trajc: 1 instance(s) in 1 file(s): 1 invalid (2 schema errors, 0 unreadable)\n");
}

TEST_CASE("schemas validate --jsonl: line numbers, blank lines skipped, a malformed line reported and skipped") {
  fs::path scratch = Scratch("schemas-jsonl");
  WriteFile(scratch / "s.json", kSchema);
  WriteFile(scratch / "i.jsonl",
            "{\"issue_code\":\"E231\",\"line_number\":3}\n\n"
            "{\"issue_code\":\"E231\",\"line_number\":-3}\r\n"
            "{oops\n"
            "{\"line_number\": 2, \"x\": 1}\n");
  std::string f = (scratch / "i.jsonl").string();
  Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "i.jsonl") + " --jsonl");
  CHECK(r.exit_code == 1);
  CHECK(r.out == f + ":3:36: error: /line_number: -3 is less than the minimum of 1 [schema: /properties/line_number/minimum]\n" +
                     f + ":5:1: error: (root): 'issue_code' is a required property [schema: /required]\n" + f +
                     ":5:1: error: (root): Additional properties are not allowed ('x' was unexpected) [schema: "
                     "/additionalProperties]\n");
  CHECK_THAT(r.err, Catch::StartsWith(f + ":4:2: error: invalid JSON: syntax error while parsing object key"));
  CHECK_THAT(r.err, Catch::EndsWith("trajc: 4 instance(s) in 1 file(s): 3 invalid (3 schema errors, 1 unreadable)\n"));

  SECTION("--json: one object per instance per line") {
    Result j = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "i.jsonl") + " --jsonl --json");
    CHECK(j.exit_code == 1);
    std::vector<trajc::Json> results = ParseJsonl(j.out);
    REQUIRE(results.size() == 4);
    CHECK(results[0] == trajc::Json::parse(R"({"file":")" + f + R"(","line":1,"valid":true,"errors":[]})"));
    CHECK(results[1] == trajc::Json::parse(R"({"file":")" + f + R"(","line":3,"valid":false,"errors":[)"
                                           R"({"instance_location":"/line_number","keyword_location":"/properties/line_number/minimum",)"
                                           R"("message":"-3 is less than the minimum of 1"}]})"));
    CHECK(results[2]["line"] == 4);
    CHECK(results[2]["valid"] == false);
    CHECK_THAT(results[2]["error"].get<std::string>(), Catch::StartsWith(f + ":4:2: error: invalid JSON"));
    CHECK(results[3]["errors"].size() == 2);
    CHECK(results[3]["errors"][0]["instance_location"] == "");
    CHECK(results[3]["errors"][0]["keyword_location"] == "/required");
  }
  SECTION("-q: nothing printed, the exit code says it") {
    Result q = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "i.jsonl") + " --jsonl -q");
    CHECK(q.exit_code == 1);
    CHECK(q.out.empty());
    CHECK(q.err.empty());
  }
}

TEST_CASE("schemas validate reads - from standard input, as one document or as JSONL") {
  fs::path scratch = Scratch("schemas-stdin");
  WriteFile(scratch / "s.json", kSchema);
  Result one = Shell("printf '{\"issue_code\":\"E231\",\"line_number\":0}' | " + Quote(TRAJC_BINARY) +
                         " schemas validate " + P(scratch / "s.json") + " -",
                     scratch);
  CHECK(one.exit_code == 1);
  CHECK(one.out == "-:1:36: error: /line_number: 0 is less than the minimum of 1 [schema: /properties/line_number/minimum]\n");
  Result lines = Shell("printf '{\"issue_code\":\"E231\",\"line_number\":1}\\n{\"issue_code\":\"E231\",\"line_number\":2}\\n' | " +
                           Quote(TRAJC_BINARY) + " schemas validate " + P(scratch / "s.json") + " - --jsonl",
                       scratch);
  CHECK(lines.exit_code == 0);
  CHECK(lines.err == "trajc: 2 instance(s) in 1 file(s): all valid\n");
  Result twice = SchemasValidate(scratch, "- -");
  CHECK(twice.exit_code == 2);
  CHECK_THAT(twice.err, Catch::Contains("standard input (-) can be read only once"));
}

TEST_CASE("schemas validate: a bad schema or instance file is one located error, exit 1") {
  fs::path scratch = Scratch("schemas-bad-input");
  WriteFile(scratch / "s.json", kSchema);
  WriteFile(scratch / "ok.json", R"({"issue_code": "E231", "line_number": 3})");
  std::string ok = P(scratch / "ok.json");

  SECTION("malformed schema JSON") {
    WriteFile(scratch / "m.json", "{\n  \"type\": \"object\",\n  \"properties\": {,}\n}\n");
    Result r = SchemasValidate(scratch, P(scratch / "m.json") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "m.json").string() + ":3:18: error: invalid JSON: "));
    CHECK(Lines(r.err).size() == 1);
  }
  SECTION("a schema that does not compile: located at the keyword") {
    WriteFile(scratch / "c.json", "{\"type\": \"object\",\n \"properties\": {\n  \"a\": {\"minimum\": \"x\"}}}\n");
    Result r = SchemasValidate(scratch, P(scratch / "c.json") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (scratch / "c.json").string() +
                       ":3:20: error: invalid JSON Schema: must be a number (at /properties/a/minimum)\n");
  }
  SECTION("a YAML schema that does not compile: located in the YAML") {
    WriteFile(scratch / "c.yaml", "type: object\nproperties:\n  a:\n    minimum: x\n");
    Result r = SchemasValidate(scratch, P(scratch / "c.yaml") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (scratch / "c.yaml").string() +
                       ":4:14: error: invalid JSON Schema: must be a number (at /properties/a/minimum)\n");
  }
  SECTION("a YAML schema validates like its JSON") {
    WriteFile(scratch / "s.yaml", "type: object\nproperties:\n  line_number: {type: integer, minimum: 1}\n");
    WriteFile(scratch / "bad.json", R"({"line_number": 0})");
    Result r = SchemasValidate(scratch, P(scratch / "s.yaml") + " " + P(scratch / "bad.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("/line_number: 0 is less than the minimum of 1 [schema: /properties/line_number/minimum]"));
  }
  SECTION("non-UTF-8 schema") {
    WriteFile(scratch / "u.json", "{\"description\": \"caf\xe9\"}");
    Result r = SchemasValidate(scratch, P(scratch / "u.json") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (scratch / "u.json").string() + ":1:21: error: invalid UTF-8 byte; the input must be UTF-8\n");
  }
  SECTION("non-UTF-8 JSONL line: located, the other lines still validated") {
    WriteFile(scratch / "u.jsonl", "{\"issue_code\":\"E231\",\"line_number\":1}\n{\"issue_code\":\"\xff\",\"line_number\":1}\n"
                                   "{\"issue_code\":\"E231\",\"line_number\":0}\n");
    Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "u.jsonl") + " --jsonl");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "u.jsonl").string() + ":2:16: error: invalid UTF-8 byte"));
    CHECK_THAT(r.out, Catch::StartsWith((scratch / "u.jsonl").string() + ":3:36: error: /line_number"));
  }
  SECTION("missing instance file; the others still validated") {
    Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "nope.json") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "nope.json").string() + ": error: cannot read"));
    CHECK_THAT(r.err, Catch::EndsWith("2 instance(s) in 2 file(s): 1 invalid (0 schema errors, 1 unreadable)\n"));
  }
  SECTION("missing schema file") {
    Result r = SchemasValidate(scratch, P(scratch / "nope.json") + " " + ok);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith((scratch / "nope.json").string() + ": error: cannot read"));
  }
}

TEST_CASE("schemas validate: usage errors exit 2 and nothing is written") {
  fs::path scratch = Scratch("schemas-usage");
  WriteFile(scratch / "s.json", kSchema);
  WriteFile(scratch / "ok.json", R"({"issue_code": "E231", "line_number": 3})");
  CHECK(SchemasValidate(scratch, "").exit_code == 2);
  CHECK(SchemasValidate(scratch, P(scratch / "s.json")).exit_code == 2);
  CHECK(SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "ok.json") + " --draft 9").exit_code == 2);
  Result remote = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "ok.json") + " --remote nothing");
  CHECK(remote.exit_code == 2);
  CHECK_THAT(remote.err, Catch::Contains("--remote takes URI=FILE, got 'nothing'"));
  CHECK(Trajc("schemas", scratch).exit_code == 2);
  // validate and check only read: the scratch folder holds exactly what the test wrote.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(scratch)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"ok.json", "s.json"});
}

TEST_CASE("schemas validate --remote: a $ref reaches a registered document; --draft and --format-assertion apply") {
  fs::path scratch = Scratch("schemas-remote");
  WriteFile(scratch / "defs.json", R"({"$defs": {"line": {"type": "integer", "minimum": 1}}})");
  WriteFile(scratch / "s.json",
            R"({"type": "object", "properties": {"line": {"$ref": "https://example.com/defs.json#/$defs/line"}}})");
  WriteFile(scratch / "i.json", R"({"line": 0})");
  Result r = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "i.json") +
                                          " --remote https://example.com/defs.json=" + P(scratch / "defs.json"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("/line: 0 is less than the minimum of 1"));
  Result unresolved = SchemasValidate(scratch, P(scratch / "s.json") + " " + P(scratch / "i.json"));
  CHECK(unresolved.exit_code == 1);
  CHECK_THAT(unresolved.err, Catch::Contains("invalid JSON Schema"));

  WriteFile(scratch / "f.json", R"({"format": "date"})");
  WriteFile(scratch / "d.json", R"("not a date")");
  CHECK(SchemasValidate(scratch, P(scratch / "f.json") + " " + P(scratch / "d.json")).exit_code == 0);
  CHECK(SchemasValidate(scratch, P(scratch / "f.json") + " " + P(scratch / "d.json") + " --format-assertion").exit_code == 1);

  // draft-04's exclusiveMinimum is a boolean beside minimum; 2020-12's is a number.
  WriteFile(scratch / "x.json", R"({"minimum": 1, "exclusiveMinimum": true})");
  WriteFile(scratch / "one.json", "1");
  CHECK(SchemasValidate(scratch, P(scratch / "x.json") + " " + P(scratch / "one.json") + " --draft 4").exit_code == 1);
}

TEST_CASE("schemas check: the repo's tool_schemas have no errors; --strict makes the warnings errors") {
  fs::path scratch = Scratch("schemas-check-repo");
  Result r = Trajc("schemas check --json" + Root(), scratch);
  CHECK(r.exit_code == 0);
  trajc::Json report = trajc::Json::parse(r.out);
  CHECK(report["ok"] == true);
  CHECK(report["files"] == 4);
  CHECK(report["errors"] == 0);
  for (const trajc::Json& f : report["findings"]) {
    CHECK(f["severity"] == "warning");
    CHECK(f["line"].get<int>() > 0);
  }
  Result strict = Trajc("schemas check --json --strict" + Root(), scratch);
  trajc::Json strict_report = trajc::Json::parse(strict.out);
  CHECK(strict.exit_code == (report["warnings"] == 0 ? 0 : 1));
  CHECK(strict_report["errors"] == report["warnings"]);
  CHECK(Trajc("schemas check " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/lint.yaml"), scratch).exit_code == 0);
}

TEST_CASE("schemas check reports every problem of a definition, located") {
  fs::path scratch = Scratch("schemas-check-bad");
  fs::path def = scratch / "defs" / "broken.yaml";
  WriteFile(def, kBadDefinition);
  Result r = Trajc("schemas check " + P(scratch / "defs"), scratch);
  CHECK(r.exit_code == 1);
  std::string f = def.string();
  std::vector<std::string> lines = Lines(r.out);
  auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  CHECK(has(f + ":4:1: error: unknown field 'colour'; expected one of: name, system_prompt, context_template, tools"));
  CHECK(has(f + ":6:11: error: tool name 'bad name' is not a valid function name (letters, digits, _ and -, at most 64)"));
  CHECK(has(f + ":15:18: error: 'description' is empty"));
  CHECK(has(f + ":24:29: error: 'ghost' is required but not declared in properties"));
  // The 2020-12 metaschema rejects it first; the compiler's own message for the same keyword is not repeated.
  CHECK_THAT(r.out, Catch::Contains(f + ":26:41: error: not a valid JSON Schema: 'one' is not of type 'number' "
                                        "[metaschema: /allOf/1/$ref/properties/properties/"));
  CHECK(r.out.find("'minimum' must be a number") == std::string::npos);
  CHECK(has(f + ":6:3: error: no 'submit_result' tool; every conversation ends with a submit_result call"));
  CHECK(has(f + ":26:9: warning: parameter 'count' has no description; the model sees only its name"));
  // Sorted by position.
  std::vector<std::string> sorted = lines;
  auto line_of = [](const std::string& l, const std::string& file) {
    return std::stoi(l.substr(file.size() + 1));
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const std::string& a, const std::string& b) { return line_of(a, f) < line_of(b, f); });
  CHECK(sorted == lines);

  SECTION("--json") {
    Result j = Trajc("schemas check --json " + P(def), scratch);
    CHECK(j.exit_code == 1);
    trajc::Json report = trajc::Json::parse(j.out);
    CHECK(report["ok"] == false);
    CHECK(report["errors"] == 6);
    bool found = false;
    for (const trajc::Json& finding : report["findings"])
      if (finding["pointer"] == "/tools/1/parameters/properties/outer/required/1") {
        found = true;
        CHECK(finding["line"] == 24);
        CHECK(finding["severity"] == "error");
      }
    CHECK(found);
  }
}

TEST_CASE("schemas check: runtime compatibility is a warning, an error with --strict") {
  fs::path scratch = Scratch("schemas-check-compat");
  fs::path def = scratch / "compat.yaml";
  WriteFile(def, R"(name: compat
system_prompt: s
context_template: c
tools:
  - name: submit_result
    description: Finish.
    parameters:
      type: object
      properties:
        summary: {type: string, description: What was done., minLength: 1}
        mode: {enum: [a, b], description: Which mode.}
        tags:
          type: array
          description: Labels.
          items:
            type: object
            properties:
              name: {type: string, description: A label.}
      required: [summary]
)");
  Result r = Trajc("schemas check " + P(def), scratch);
  CHECK(r.exit_code == 0);
  std::string f = def.string();
  std::vector<std::string> lines = Lines(r.out);
  auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  CHECK(has(f + ":8:7: warning: OpenAI strict mode: an object needs \"additionalProperties\": false"));
  CHECK(has(f + ":10:62: warning: OpenAI strict mode: 'minLength' is not in the supported subset of JSON Schema"));
  CHECK(has(f + ":11:9: warning: OpenAI strict mode: property 'mode' must be listed in required (make its type "
                "nullable to keep it optional)"));
  CHECK(has(f + ":16:13: warning: OpenAI strict mode: an object needs \"additionalProperties\": false"));
  CHECK(has(f + ":11:15: warning: FunctionGemma's prompt needs one \"type\" for parameter 'mode' (it has none)"));
  CHECK(has(f + ":11:16: warning: FunctionGemma's prompt shows enum only for string parameters; 'mode' is not a string"));
  CHECK(has(f + ":10:18: warning: FunctionGemma's prompt does not show minLength of parameter 'summary'; the model never sees it"));
  Result strict = Trajc("schemas check --strict " + P(def), scratch);
  CHECK(strict.exit_code == 1);
  CHECK(Lines(strict.out).size() == lines.size());
  CHECK_THAT(strict.out, Catch::Contains(f + ":8:7: error: OpenAI strict mode: an object needs \"additionalProperties\": false"));
  CHECK(strict.out.find("warning:") == std::string::npos);
}

TEST_CASE("schemas check: a missing path, an empty folder and malformed YAML are located errors") {
  fs::path scratch = Scratch("schemas-check-inputs");
  fs::create_directories(scratch / "empty");
  WriteFile(scratch / "m.yaml", "name: [unclosed\n");
  Result r = Trajc("schemas check " + P(scratch / "nope") + " " + P(scratch / "empty") + " " + P(scratch / "m.yaml"), scratch);
  CHECK(r.exit_code == 1);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == (scratch / "nope").string() + ": error: no such file or folder");
  CHECK(lines[1] == (scratch / "empty").string() + ": error: no *.yaml subagent definitions in this folder");
  CHECK_THAT(lines[2], Catch::StartsWith((scratch / "m.yaml").string() + ":"));
  CHECK_THAT(lines[2], Catch::Contains(": error: "));
}

TEST_CASE("a returns schema the environment's results do not fit: located at `returns`, by generate and schemas check") {
  fs::path scratch = Scratch("schemas-returns");
  // The project's lint definition, with run_linter promising a string instead of its object.
  std::string def = Slurp(fs::path(TRAJC_SOURCE_DIR) / "tool_schemas" / "lint.yaml");
  const std::string promise = "    returns:\n      type: object\n";
  size_t at = def.find(promise);
  REQUIRE(at != std::string::npos);
  def.replace(at, promise.size(), "    returns:\n      type: string\n");
  WriteFile(scratch / "lint.yaml", def);
  const int line = static_cast<int>(std::count(def.begin(), def.begin() + static_cast<long>(at), '\n')) + 2;
  const std::string where = (scratch / "lint.yaml").string() + ":" + std::to_string(line) + ":7: error: ";
  const std::string says = "the environment's result of run_linter does not fit this returns schema: ";

  SECTION("generate: exit 1 before any output, not an internal error") {
    fs::path out = scratch / "out";
    Result r = Trajc("--domain lint --count 5 --schemas " + P(scratch / "lint.yaml") + Root() + " --out " + P(out), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith(where + says));
    CHECK_THAT(r.err, Catch::Contains("is not of type 'string' (at /)"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  }
  SECTION("schemas check: the same finding, with its pointer") {
    Result r = Trajc("schemas check -q " + P(scratch / "lint.yaml") + Root(), scratch);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::StartsWith(where + says));
    Result j = Trajc("schemas check --json " + P(scratch / "lint.yaml") + Root(), scratch);
    trajc::Json report = trajc::Json::parse(j.out);
    CHECK(report["errors"] == 1);
    bool found = false;
    for (const trajc::Json& f : report["findings"])
      found = found || (f["severity"] == "error" && f["pointer"] == "/tools/0/returns" && f["line"] == line);
    CHECK(found);
  }
  SECTION("the project's own definition fits") {
    CHECK(Trajc("schemas check -q " + Quote(std::string(TRAJC_SOURCE_DIR) + "/tool_schemas/lint.yaml") + Root(), scratch)
              .exit_code == 0);
  }
}
