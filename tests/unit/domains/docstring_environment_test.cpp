// The docstring domain's parts on small sources: rendering in each style, the text edits
// (remove, insert, replace), the check's problems, and the environment's tools.
#include <catch2/catch.hpp>

#include "domains/docstring/check.h"
#include "domains/docstring/docstring_environment.h"
#include "domains/docstring/edit.h"
#include "domains/docstring/render.h"

using trajc::Json;
using trajc::python::DocstringStyle;
namespace ds = trajc::domains::docstring;

namespace {

const char* kSource =
    "\"\"\"Durations.\"\"\"\n"
    "\n"
    "\n"
    "def parse(text: str, *parts, strict: bool = False, **options) -> int:\n"
    "    \"\"\"Parse a duration into seconds.\n"
    "\n"
    "    Args:\n"
    "        text: The duration to parse, such as ``1h30m``, which may be long enough to need wrapping in\n"
    "            every style.\n"
    "        *parts (str): More durations.\n"
    "        strict: Refuse unknown units.\n"
    "        **options: Parser options.\n"
    "\n"
    "    Returns:\n"
    "        The duration in seconds.\n"
    "\n"
    "    Raises:\n"
    "        ValueError: If *text* is not a duration.\n"
    "    \"\"\"\n"
    "    if not text:\n"
    "        raise ValueError(text)\n"
    "    return len(text)\n"
    "\n"
    "\n"
    "class Hook:\n"
    "    \"\"\"A hook to override.\n"
    "\n"
    "    Attributes:\n"
    "        name: The hook's name.\n"
    "    \"\"\"\n"
    "\n"
    "    name: str = \"hook\"\n"
    "\n"
    "    def run(self) -> None:\n"
    "        \"\"\"Run the hook.\"\"\"\n";

struct Module {
  trajc::python::ModuleFacts facts;
  explicit Module(const std::string& text) : facts(trajc::python::FactsOf(trajc::python::SourceTree::Parse(text))) {}
  const trajc::python::Definition& operator[](const std::string& name) const { return *ds::FindTarget(facts, name); }
};

std::string Render(const trajc::python::Definition& d, DocstringStyle style, const std::string& omit = "") {
  ds::RenderOptions o;
  o.style = style;
  o.indent = d.body_column - 1;
  o.omit_param = omit;
  ds::Rendered r = ds::RenderDocstring(d, d.docstring->parsed, o);
  REQUIRE(r.errors.empty());
  return r.text;
}

}  // namespace

TEST_CASE("render: a function in each style, annotations preferred to authored types") {
  Module m(kSource);
  CHECK(Render(m["parse"], DocstringStyle::kGoogle) ==
        "Parse a duration into seconds.\n\n"
        "Args:\n"
        "    text: The duration to parse, such as ``1h30m``, which may be long\n"
        "        enough to need wrapping in every style.\n"
        "    *parts (str): More durations.\n"
        "    strict: Refuse unknown units.\n"
        "    **options: Parser options.\n\n"
        "Returns:\n"
        "    The duration in seconds.\n\n"
        "Raises:\n"
        "    ValueError: If *text* is not a duration.");
  CHECK(Render(m["parse"], DocstringStyle::kNumpy) ==
        "Parse a duration into seconds.\n\n"
        "Parameters\n----------\n"
        "text : str\n"
        "    The duration to parse, such as ``1h30m``, which may be long enough to\n"
        "    need wrapping in every style.\n"
        "*parts : str\n    More durations.\n"
        "strict : bool, optional\n    Refuse unknown units.\n"
        "**options\n    Parser options.\n\n"
        "Returns\n-------\nint\n    The duration in seconds.\n\n"
        "Raises\n------\nValueError\n    If *text* is not a duration.");
  CHECK(Render(m["parse"], DocstringStyle::kSphinx) ==
        "Parse a duration into seconds.\n\n"
        ":param text: The duration to parse, such as ``1h30m``, which may be long\n"
        "    enough to need wrapping in every style.\n"
        ":type text: str\n"
        ":param parts: More durations.\n"
        ":type parts: str\n"
        ":param strict: Refuse unknown units.\n"
        ":type strict: bool\n"
        ":param options: Parser options.\n"
        ":returns: The duration in seconds.\n"
        ":rtype: int\n"
        ":raises ValueError: If *text* is not a duration.");
}

TEST_CASE("render: a left-out parameter, classes, one-liners, and what the author did not write") {
  Module m(kSource);
  CHECK(Render(m["parse"], DocstringStyle::kGoogle, "strict").find("strict") == std::string::npos);
  CHECK(Render(m["Hook"], DocstringStyle::kNumpy) == "A hook to override.\n\nAttributes\n----------\nname : str\n    The hook's name.");
  CHECK(Render(m["Hook.run"], DocstringStyle::kSphinx) == "Run the hook.");

  Module bare("def f(a: int) -> int:\n    \"\"\"Do f.\"\"\"\n    return a\n");
  ds::RenderOptions o;
  ds::Rendered r = ds::RenderDocstring(bare["f"], bare["f"].docstring->parsed, o);
  CHECK(r.text.empty());
  CHECK(r.errors == std::vector<std::string>{"f: parameter 'a' has no description in the author's docstring",
                                             "f: the author's docstring does not describe what it returns"});
}

TEST_CASE("yield types come out of generator annotations") {
  CHECK(ds::YieldTypeOf("Iterator[int]") == "int");
  CHECK(ds::YieldTypeOf("typing.Generator[tuple[str, int], None, None]") == "tuple[str, int]");
  CHECK(ds::YieldTypeOf("\"AsyncIterator[bytes]\"") == "bytes");
  CHECK(ds::YieldTypeOf("list[int]") == "");
  CHECK(ds::YieldTypeOf("") == "");
}

TEST_CASE("edit: removing docstrings keeps the rest byte for byte; an emptied body gets pass") {
  Module m(kSource);
  std::string stripped = ds::RemoveDocstrings(kSource, {&m["parse"], &m["Hook"], &m["Hook.run"]});
  CHECK(stripped.find("Parse a duration") == std::string::npos);
  CHECK(stripped.find("class Hook:\n    name: str = \"hook\"\n") != std::string::npos);  // and its blank line
  CHECK(stripped.find("    def run(self) -> None:\n        pass\n") != std::string::npos);
  CHECK(stripped.find("def parse(text: str, *parts, strict: bool = False, **options) -> int:\n    if not text:") != std::string::npos);
  CHECK(stripped.starts_with("\"\"\"Durations.\"\"\"\n"));
}

TEST_CASE("edit: writing places quotes and indentation, a blank line after a class docstring") {
  Module m(kSource);
  std::string stripped = ds::RemoveDocstrings(kSource, {&m["Hook"], &m["Hook.run"]});
  Module s(stripped);
  ds::WriteOutcome w = ds::WriteDocstring(stripped, s["Hook"], "A hook.\n\nAttributes:\n    name: The name.\n");
  REQUIRE(w.error.empty());
  CHECK_FALSE(w.replaced);
  CHECK(w.text.find("class Hook:\n    \"\"\"A hook.\n\n    Attributes:\n        name: The name.\n    \"\"\"\n\n    name: str") !=
        std::string::npos);
  CHECK(w.line == 26);
  CHECK(w.end_line == 30);
  Module after(w.text);
  ds::WriteOutcome one = ds::WriteDocstring(w.text, after["Hook.run"], "Run it.");
  CHECK(one.text.find("    def run(self) -> None:\n        \"\"\"Run it.\"\"\"\n        pass\n") != std::string::npos);
  Module again(one.text);
  ds::WriteOutcome replaced = ds::WriteDocstring(one.text, again["Hook.run"], "Match \\d digits.");
  CHECK(replaced.replaced);
  CHECK(replaced.text.find("        r\"\"\"Match \\d digits.\"\"\"\n        pass\n") != std::string::npos);
}

TEST_CASE("edit: what cannot be written is refused, and the text stays as it was") {
  Module m("def f(): return 1\n\n\ndef g():\n    pass\n");
  CHECK(ds::WriteDocstring("def f(): return 1\n", m["f"], "Do f.").error ==
        "f is defined on one line; put its body on a line of its own first");
  CHECK(ds::WriteDocstring("", m["g"], "  \n \n").error == "the docstring is empty");
  CHECK(ds::WriteDocstring("", m["g"], "Say \"\"\"hi\"\"\".").error == "the docstring must not contain triple double quotes");
}

TEST_CASE("check: what a docstring lacks, has too much of, or gets wrong") {
  Module m(
      "def f(a, b):\n"
      "    \"\"\"do f\n"
      "    Args:\n"
      "        a: A.\n"
      "        c: C.\n"
      "\n"
      "    Yields:\n"
      "        Nothing.\n"
      "\n"
      "    Raises:\n"
      "        KeyError: Never.\n"
      "    \"\"\"\n"
      "    raise ValueError(a)\n"
      "    return b\n");
  std::vector<std::string> codes;
  for (const ds::Problem& p : ds::CheckDocstring(m["f"], DocstringStyle::kNumpy)) codes.push_back(p.code);
  CHECK(codes == std::vector<std::string>{"style_mismatch", "layout", "summary_punctuation", "missing_parameter",
                                          "unknown_parameter", "missing_returns", "unexpected_yields", "missing_raises",
                                          "unknown_raises"});
  Module none("def f():\n    pass\n");
  auto missing = ds::CheckDocstring(none["f"], DocstringStyle::kGoogle);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message == "f has no docstring");
}

TEST_CASE("environment: inspect, write, check and submit on the truth of the current text") {
  Module m(kSource);
  std::string stripped = ds::RemoveDocstrings(kSource, {&m["parse"]});
  ds::DocstringEnvironment env("durations.py", stripped, {"parse"}, DocstringStyle::kGoogle);
  auto inspected = env.Call("inspect_node", {{"target", "parse"}});
  CHECK(inspected.ok);
  CHECK(inspected.result["signature"] == "def parse(text: str, *parts, strict: bool = False, **options) -> int");
  CHECK(inspected.result["raises"] == Json::array({"ValueError"}));
  CHECK(inspected.result["docstring"].is_null());
  CHECK_FALSE(env.Call("inspect_node", {{"target", "nope"}}).ok);

  auto failing = env.Call("check_docstring", {{"target", "parse"}, {"style", "google"}});
  CHECK_FALSE(failing.ok);
  CHECK(failing.result["problems"][0]["code"] == "missing_docstring");
  CHECK(env.View("env")["documented"].empty());

  ds::RenderOptions o;
  std::string docstring = ds::RenderDocstring(m["parse"], m["parse"].docstring->parsed, o).text;
  auto written = env.Call("write_docstring", {{"target", "parse"}, {"docstring", docstring}});
  CHECK(written.ok);
  CHECK(written.result["line"] == 5);
  CHECK(env.Call("check_docstring", {{"target", "parse"}, {"style", "google"}}).ok);
  CHECK_FALSE(env.Call("check_docstring", {{"target", "parse"}, {"style", "numpy"}}).ok);

  Json submit = {{"summary", "Documented parse."}, {"style", "google"}, {"documented", {"parse"}}, {"changed_files", {"durations.py"}}};
  CHECK(env.Call("submit_result", submit).ok);
  submit["changed_files"] = Json::array();
  CHECK_FALSE(env.Call("submit_result", submit).ok);
  submit["changed_files"] = {"durations.py"};
  submit["style"] = "numpy";
  CHECK_FALSE(env.Call("submit_result", submit).ok);
}
