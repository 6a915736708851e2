#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "formats/functiongemma.h"

using trajc::Json;
using trajc::formats::FunctionGemmaCompletions;
using trajc::formats::RenderFunctionGemma;

namespace {

Json Tool(const std::string& name, const std::string& description, Json parameters) {
  return Json{{"type", "function"},
              {"function", {{"name", name}, {"description", description}, {"parameters", std::move(parameters)}}}};
}

Json Call(const std::string& id, const std::string& name, Json arguments) {
  return Json{{"role", "assistant"},
              {"content", nullptr},
              {"tool_calls", Json::array({Json{{"id", id},
                                               {"type", "function"},
                                               {"function", {{"name", name}, {"arguments", std::move(arguments)}}}}})}};
}

Json Result(const std::string& id, const std::string& content) {
  return Json{{"role", "tool"}, {"tool_call_id", id}, {"content", content}};
}

bool EndsWith(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

// Three tools (one without parameters) and a conversation that calls each of them.
Json SmallConversation() {
  Json tools = Json::array();
  tools.push_back(Tool("list_files", "List the files.", Json::parse(R"({"type":"object","properties":{}})")));
  tools.push_back(Tool("search_issues", "Find issues in a file.", Json::parse(R"({
    "type": "object",
    "properties": {
      "path": {"type": "string", "description": "File to scan."},
      "severity": {"type": "string", "enum": ["low", "high"], "description": "Minimum severity."},
      "limit": {"type": "integer", "description": "Most results."},
      "Scope": {"type": "object", "description": "Extra filters.",
                "properties": {"tags": {"type": "array", "items": {"type": "string"}, "description": "Tags."},
                               "fixable": {"type": "boolean", "description": "Only fixable."}},
                "required": ["tags"]}
    },
    "required": ["path"]})")));
  tools.push_back(Tool("submit_result", "Report the outcome.", Json::parse(R"({
    "type": "object",
    "properties": {"summary": {"type": "string", "description": "What was done."},
                   "done": {"type": "boolean", "description": "Finished?"}},
    "required": ["summary", "done"]})")));
  Json messages = Json::array();
  messages.push_back({{"role", "system"}, {"content", " You lint files.\n"}});
  messages.push_back({{"role", "user"}, {"content", "Lint a.py."}});
  messages.push_back(Call("c1", "list_files", Json::object()));
  Json listed = Result("c1", R"({"truncated":false,"files":["a.py","b.py"]})");
  listed["name"] = "list_files";
  messages.push_back(listed);
  messages.push_back(Call("c2", "search_issues", Json::parse(R"({"severity":"high","path":"a.py","limit":3,
                                                                 "Scope":{"tags":["style"],"fixable":true}})")));
  messages.push_back(Result("c2", R"({"ratio":0.25,"issues":[{"line":4,"code":"E501","note":null}],"count":1})"));
  messages.push_back(Call("c3", "submit_result", Json::parse(R"({"summary":"One issue in a.py.","done":true})")));
  return Json{{"messages", messages}, {"tools", tools}};
}

// Written by hand from the documented format, not produced by the code under test.
const std::string kExpected =
    "<bos><start_of_turn>developer\n"
    "You lint files."
    "<start_function_declaration>declaration:list_files{description:<escape>List the files.<escape>,"
    "parameters:{type:<escape>OBJECT<escape>}}<end_function_declaration>"
    "<start_function_declaration>declaration:search_issues{description:<escape>Find issues in a file.<escape>,"
    "parameters:{properties:{"
    "limit:{description:<escape>Most results.<escape>,type:<escape>INTEGER<escape>},"
    "path:{description:<escape>File to scan.<escape>,type:<escape>STRING<escape>},"
    "Scope:{description:<escape>Extra filters.<escape>,properties:{"
    "fixable:{description:<escape>Only fixable.<escape>,type:<escape>BOOLEAN<escape>},"
    "tags:{description:<escape>Tags.<escape>,items:{type:<escape>STRING<escape>},type:<escape>ARRAY<escape>}"
    "},required:[<escape>tags<escape>],type:<escape>OBJECT<escape>},"
    "severity:{description:<escape>Minimum severity.<escape>,enum:[<escape>low<escape>,<escape>high<escape>],"
    "type:<escape>STRING<escape>}"
    "},required:[<escape>path<escape>],type:<escape>OBJECT<escape>}}<end_function_declaration>"
    "<start_function_declaration>declaration:submit_result{description:<escape>Report the outcome.<escape>,"
    "parameters:{properties:{"
    "done:{description:<escape>Finished?<escape>,type:<escape>BOOLEAN<escape>},"
    "summary:{description:<escape>What was done.<escape>,type:<escape>STRING<escape>}"
    "},required:[<escape>summary<escape>,<escape>done<escape>],type:<escape>OBJECT<escape>}}"
    "<end_function_declaration><end_of_turn>\n"
    "<start_of_turn>user\nLint a.py.<end_of_turn>\n"
    "<start_of_turn>model\n"
    "<start_function_call>call:list_files{}<end_function_call>"
    "<start_function_response>response:list_files{files:[<escape>a.py<escape>,<escape>b.py<escape>],"
    "truncated:false}<end_function_response>"
    "<start_function_call>call:search_issues{limit:3,path:<escape>a.py<escape>,"
    "Scope:{fixable:true,tags:[<escape>style<escape>]},severity:<escape>high<escape>}<end_function_call>"
    "<start_function_response>response:search_issues{count:1,"
    "issues:[{code:<escape>E501<escape>,line:4,note:null}],ratio:0.25}<end_function_response>"
    "<start_function_call>call:submit_result{done:true,summary:<escape>One issue in a.py.<escape>}"
    "<end_function_call><start_function_response>";

// A record with one tool whose single parameter has `schema`, and one call with `arguments`.
Json OneCall(const Json& schema, const Json& arguments, const std::string& result = "{}") {
  Json parameters{{"type", "object"}, {"properties", {{"x", schema}}}};
  Json messages = Json::array({Json{{"role", "user"}, {"content", "go"}}, Call("c1", "f", arguments), Result("c1", result)});
  return Json{{"messages", messages}, {"tools", Json::array({Tool("f", "F.", parameters)})}};
}

}  // namespace

TEST_CASE("a small conversation renders exactly as written by hand") {
  CHECK(RenderFunctionGemma(SmallConversation()) == kExpected);
}

TEST_CASE("completion pairs: one per model message, and they reassemble to the full text") {
  const Json record = SmallConversation();
  const std::string full = RenderFunctionGemma(record);
  const auto pairs = FunctionGemmaCompletions(record);
  REQUIRE(pairs.size() == 3);
  CHECK(EndsWith(pairs[0].first, "<start_of_turn>user\nLint a.py.<end_of_turn>\n<start_of_turn>model\n"));
  CHECK(pairs[0].second == "<start_function_call>call:list_files{}<end_function_call><start_function_response>");
  // Later model messages continue the same turn, after the tool's response.
  CHECK(EndsWith(pairs[1].first, "truncated:false}<end_function_response>"));
  CHECK(pairs[2].second ==
        "<start_function_call>call:submit_result{done:true,summary:<escape>One issue in a.py.<escape>}"
        "<end_function_call><start_function_response>");
  for (const auto& [prompt, completion] : pairs) {
    CHECK(full.compare(0, prompt.size() + completion.size(), prompt + completion) == 0);
  }
  CHECK(pairs.back().first + pairs.back().second == full);
}

TEST_CASE("a text answer after a tool response stays in the model turn and closes it") {
  Json record = SmallConversation();
  record["messages"].erase(record["messages"].size() - 1);
  record["messages"].push_back({{"role", "assistant"}, {"content", "Done.\n"}});
  const std::string text = RenderFunctionGemma(record);
  CHECK(EndsWith(text, "ratio:0.25}<end_function_response>Done.<end_of_turn>\n"));
  const auto pairs = FunctionGemmaCompletions(record);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[2].second == "Done.<end_of_turn>\n");
  CHECK(pairs[2].first + pairs[2].second == text);
}

TEST_CASE("strings may hold braces, commas, colons and quotes: <escape> delimits them") {
  const std::string text =
      RenderFunctionGemma(OneCall(Json{{"type", "string"}}, Json{{"x", "a{b}, c:\"d\" [e] <escape"}}));
  CHECK(text.find("call:f{x:<escape>a{b}, c:\"d\" [e] <escape<escape>}<end_function_call>") != std::string::npos);
}

TEST_CASE("a control token inside a string cannot be represented and is refused") {
  CHECK_THROWS_AS(RenderFunctionGemma(OneCall(Json{{"type", "string"}}, Json{{"x", "a<escape>b"}})),
                  std::invalid_argument);
  CHECK_THROWS_AS(RenderFunctionGemma(OneCall(Json{{"type", "string"}}, Json{{"x", "ok"}}, R"({"y":"<end_of_turn>"})")),
                  std::invalid_argument);
  Json record = OneCall(Json{{"type", "string"}}, Json{{"x", "ok"}});
  record["messages"][0]["content"] = "hi <start_function_call>";
  CHECK_THROWS_AS(RenderFunctionGemma(record), std::invalid_argument);
}

TEST_CASE("tool results: JSON objects field by field, other JSON and plain text as value") {
  const Json string_schema{{"type", "string"}};
  CHECK(RenderFunctionGemma(OneCall(string_schema, Json::object(), "not json {")).find(
            "response:f{value:<escape>not json {<escape>}<end_function_response>") != std::string::npos);
  CHECK(RenderFunctionGemma(OneCall(string_schema, Json::object(), "[1,2.5,true]")).find(
            "response:f{value:[1,2.5,true]}") != std::string::npos);
  CHECK(RenderFunctionGemma(OneCall(string_schema, Json::object(), R"({"b":{"y":[],"x":{}},"a":15.0})")).find(
            "response:f{a:15.0,b:{x:{},y:[]}}") != std::string::npos);
}

TEST_CASE("keys follow Jinja dictsort: case-insensitive, ties in insertion order") {
  const Json args = Json::parse(R"({"beta":1,"Alpha":2,"b":{"Z":1,"a":2},"alpha":3})");
  const std::string text = RenderFunctionGemma(OneCall(Json{{"type", "string"}}, args));
  CHECK(text.find("call:f{Alpha:2,alpha:3,b:{a:2,Z:1},beta:1}") != std::string::npos);
  // required and enum keep their order.
  Json record = OneCall(Json{{"type", "string"}, {"enum", {"z", "a"}}}, Json::object());
  record["tools"][0]["function"]["parameters"]["required"] = {"x", "a"};
  CHECK(RenderFunctionGemma(record).find("enum:[<escape>z<escape>,<escape>a<escape>],type:<escape>STRING<escape>}},"
                                         "required:[<escape>x<escape>,<escape>a<escape>]") != std::string::npos);
}

TEST_CASE("types are upper-cased, as the template's `| upper` does") {
  CHECK(RenderFunctionGemma(OneCall(Json{{"type", "number"}}, Json::object())).find("type:<escape>NUMBER<escape>") !=
        std::string::npos);
  // A list of types prints as Jinja prints a list.
  CHECK(RenderFunctionGemma(OneCall(Json{{"type", {"string", "null"}}}, Json::object()))
            .find("x:{description:<escape><escape>,type:<escape>['STRING', 'NULL']<escape>}") != std::string::npos);
  // Array items: keys sorted, type upper-cased, other keys through format_argument.
  const Json items = Json::parse(R"({"type":"array","items":{"type":"integer","minimum":1}})");
  CHECK(RenderFunctionGemma(OneCall(items, Json::object()))
            .find("items:{minimum:1,type:<escape>INTEGER<escape>},type:<escape>ARRAY<escape>}") != std::string::npos);
}

TEST_CASE("the template's quirks are kept: keyword-named parameters are not declared") {
  Json record = OneCall(Json{{"type", "string"}}, Json::object());
  record["tools"][0]["function"]["parameters"]["properties"]["type"] = Json{{"type", "string"}};
  CHECK(RenderFunctionGemma(record).find("properties:{x:{description:<escape><escape>,type:<escape>STRING<escape>}}") !=
        std::string::npos);
}

TEST_CASE("arguments given as JSON text are parsed; malformed conversations are refused") {
  CHECK(RenderFunctionGemma(OneCall(Json{{"type", "integer"}}, Json(R"({"x":7})"))).find("call:f{x:7}") !=
        std::string::npos);
  CHECK_THROWS_AS(RenderFunctionGemma(OneCall(Json{{"type", "integer"}}, Json("[7]"))), std::invalid_argument);
  Json unanswered = OneCall(Json{{"type", "integer"}}, Json::object());
  unanswered["messages"][2] = Json{{"role", "user"}, {"content", "again"}};
  CHECK_THROWS_AS(RenderFunctionGemma(unanswered), std::invalid_argument);
  Json orphan = OneCall(Json{{"type", "integer"}}, Json::object());
  orphan["messages"][2]["tool_call_id"] = "nope";
  CHECK_THROWS_AS(RenderFunctionGemma(orphan), std::invalid_argument);
}

TEST_CASE("no system message and no tools: no developer turn") {
  const Json record{{"messages", Json::array({Json{{"role", "user"}, {"content", "Hi"}},
                                              Json{{"role", "assistant"}, {"content", "Hello"}}})}};
  CHECK(RenderFunctionGemma(record) == "<bos><start_of_turn>user\nHi<end_of_turn>\n<start_of_turn>model\nHello<end_of_turn>\n");
}
