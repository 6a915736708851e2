// The sample_data domain's parts on small sources: the annotation parser, the models of a
// module, the validator (every error code), the generator (determinism, constraints),
// the wrong write, the environment's tools, and the seed hook over the project's fixtures.
#include <catch2/catch.hpp>

#include <functional>
#include <iterator>
#include <set>

#include "core/prng.h"
#include "domains/domain.h"
#include "domains/fixture.h"
#include "domains/sample_data/generate.h"
#include "domains/sample_data/model.h"
#include "domains/sample_data/sample_data_environment.h"
#include "domains/sample_data/type_expr.h"
#include "domains/sample_data/validate.h"
#include "python/facts.h"

using trajc::Json;
using trajc::SplitMix64;
namespace sd = trajc::domains::sample_data;

namespace {

const char* kSource =
    "\"\"\"Shop.\"\"\"\n"
    "from dataclasses import dataclass, field\n"
    "from datetime import date, datetime\n"
    "from enum import Enum, IntEnum\n"
    "from typing import Literal, NamedTuple, Optional, TypedDict\n"
    "\n"
    "\n"
    "class Status(Enum):\n"
    "    ACTIVE = \"active\"\n"
    "    CLOSED = \"closed\"\n"
    "\n"
    "\n"
    "class Priority(IntEnum):\n"
    "    LOW = 1\n"
    "    HIGH = 3\n"
    "\n"
    "\n"
    "class Address(TypedDict):\n"
    "    street: str\n"
    "    city: str\n"
    "\n"
    "\n"
    "class Point(NamedTuple):\n"
    "    lat: float\n"
    "    lon: float = 0.0\n"
    "\n"
    "\n"
    "@dataclass(frozen=True)\n"
    "class Customer:\n"
    "    name: str\n"
    "    email: str\n"
    "    age: int\n"
    "    address: Address\n"
    "    joined: date\n"
    "    last_seen: Optional[datetime]\n"
    "    plan: Literal[\"free\", \"pro\"] = \"free\"\n"
    "    status: Status = Status.ACTIVE\n"
    "    tags: list[str] = field(default_factory=list)\n"
    "    scores: dict[str, float] = field(default_factory=dict)\n"
    "    where: tuple[float, float] | None = None\n"
    "    labels: set[Priority] = field(default_factory=set)\n"
    "    counter: int = field(init=False, default=0)\n"
    "\n"
    "\n"
    "def create_order(customer: Customer, quantity: int, *, note: str | None = None) -> None:\n"
    "    \"\"\"Create.\"\"\"\n"
    "\n"
    "\n"
    "def helper(x, y: int) -> int:\n"
    "    return y\n";

struct Module {
  sd::ModuleModels models;
  explicit Module(const std::string& text)
      : models(sd::ModelsOf(trajc::python::FactsOf(trajc::python::SourceTree::Parse(text)), "shop.py", text)) {}
  const sd::Model& operator[](const std::string& name) const {
    const sd::Model* m = models.Find(name);
    REQUIRE(m != nullptr);
    return *m;
  }
};

const Module& Shop() {
  static const Module m(kSource);
  return m;
}

std::string Parsed(const std::string& annotation, const sd::ClassKinds& classes = {}) {
  sd::ParsedType p = sd::ParseType(annotation, classes);
  return p.ok() ? sd::TypeText(p.type) : "error@" + std::to_string(p.offset) + ": " + p.error;
}

std::vector<std::string> Codes(const std::vector<sd::Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.code + " " + p.path);
  return out;
}

Json GoodCustomer() {
  return Json::parse(R"({"name":"Ada Lovelace","email":"ada@example.com","age":36,"address":{"street":"1 Elm Street","city":"Lyon"},
                         "joined":"2024-02-29","last_seen":null,"plan":"pro","status":"closed","tags":["vip"],"scores":{"q1":4},
                         "where":[38.7,-9.1],"labels":[1,3]})");
}

}  // namespace

TEST_CASE("sample_data type parser: supported annotations, canonical text") {
  sd::ClassKinds classes = {{"Status", sd::TypeKind::kEnum}, {"Customer", sd::TypeKind::kModel}};
  CHECK(Parsed("int") == "int");
  CHECK(Parsed("Optional[str]") == "str | None");
  CHECK(Parsed("typing.Optional[typing.List[int]]") == "list[int] | None");
  CHECK(Parsed("None | date") == "date | None");
  CHECK(Parsed("Union[datetime.datetime, None]") == "datetime | None");
  CHECK(Parsed("Optional[int | None]") == "int | None");
  CHECK(Parsed("tuple[int, ...]") == "tuple[int, ...]");
  CHECK(Parsed("Tuple[str, float, bool]") == "tuple[str, float, bool]");
  CHECK(Parsed("dict[str, list[Customer]]", classes) == "dict[str, list[Customer]]");
  CHECK(Parsed("set[Status]", classes) == "set[Status]");
  CHECK(Parsed("Literal['a', \"b\", 3, -1, True, None]") == "Literal['a', 'b', 3, -1, True, None]");
  CHECK(Parsed("'Customer'", classes) == "Customer");
  CHECK(Parsed("list['Customer'] | None", classes) == "list[Customer] | None");
  CHECK(Parsed("None") == "None");
}

TEST_CASE("sample_data type parser: unsupported annotations are errors at their offset") {
  sd::ClassKinds classes = {{"Customer", sd::TypeKind::kModel}};
  CHECK(Parsed("dict[str, Any]") == "error@10: unsupported annotation 'Any'; sample_data supports int, float, str, bool, None, "
                                    "Optional[X], X | None, list, tuple, dict[str, X], set, Literal, date, datetime and the "
                                    "module's Enum and model classes");
  CHECK(Parsed("int | str") == "error@0: unions other than X | None are not supported; sample_data supports int, float, str, "
                               "bool, None, Optional[X], X | None, list, tuple, dict[str, X], set, Literal, date, datetime and "
                               "the module's Enum and model classes");
  CHECK(Parsed("list") == "error@0: give list's item types, e.g. list[str]");
  CHECK(Parsed("dict[int, str]") == "error@0: dict keys must be str (JSON object keys), not int");
  CHECK(Parsed("set[list[int]]") == "error@0: set items must be int, float, str, bool, Literal, Enum, date or datetime, not list[int]");
  CHECK(Parsed("Literal[1.5]") == "error@8: only int, str, bool and None literals are supported in Literal[...]");
  CHECK(Parsed("list[int") == "error@8: expected ']' at the end");
  CHECK(Parsed("Customer[int]", classes) == "error@8: Customer is not generic");
  CHECK(Parsed("'Missing'") == "error@1: unsupported annotation 'Missing'; sample_data supports int, float, str, bool, None, "
                               "Optional[X], X | None, list, tuple, dict[str, X], set, Literal, date, datetime and the "
                               "module's Enum and model classes");
  CHECK(Parsed("Literal[1234567890123456789012]") == "error@8: integer literal too large");
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "list[";
  deep += "int" + std::string(40, ']');
  CHECK(Parsed(deep) == "error@160: annotation nested too deeply");
  CHECK(Parsed("Literal[") == "error@8: only int, str, bool and None literals are supported in Literal[...]");
  CHECK(Parsed("") == "error@0: empty annotation");
  CHECK(Parsed("'unterminated") == "error@0: unterminated string in annotation");
  CHECK(Parsed("tuple[..., int]") == "error@6: expected a type, got '...'");
}

TEST_CASE("sample_data models: kinds, fields, defaults, members, function parameters") {
  const Module& shop = Shop();
  CHECK(shop.models.errors.empty());
  std::vector<std::string> names;
  for (const auto& m : shop.models.models) names.push_back(m.name + ":" + std::string(sd::ModelKindName(m.kind)));
  CHECK(names == std::vector<std::string>{"Status:enum", "Priority:enum", "Address:typeddict", "Point:namedtuple", "Customer:dataclass",
                                          "create_order:function"});  // helper: a parameter without annotation
  CHECK(shop["Status"].members[1].name == "CLOSED");
  CHECK(shop["Status"].members[1].value == "closed");
  CHECK(shop["Priority"].members[1].value == 3);
  const sd::Model& c = shop["Customer"];
  REQUIRE(c.fields.size() == 12);  // counter: init=False is not an argument
  CHECK(c.fields[0].required);
  CHECK(c.fields[5].required);  // Optional without a default is still required
  CHECK_FALSE(c.fields[6].required);
  CHECK(c.fields[6].default_text == "\"free\"");
  CHECK(c.fields[8].default_text == "field(default_factory=list)");
  CHECK(sd::TypeText(c.fields[3].type) == "Address");
  CHECK(sd::ReferencedModels(shop.models, c) == std::vector<std::string>{"Address", "Status", "Priority"});
  const sd::Model& f = shop["create_order"];
  REQUIRE(f.fields.size() == 3);
  CHECK(f.fields[2].name == "note");
  CHECK_FALSE(f.fields[2].required);
  CHECK(shop["Point"].fields[1].default_text == "0.0");
}

TEST_CASE("sample_data models: unsupported annotations and enum values are located errors") {
  Module bad(
      "from dataclasses import dataclass\nfrom enum import Enum\n\n\n"
      "class Shape(Enum):\n    CIRCLE = (1, 2)\n\n\n"
      "@dataclass\nclass Box:\n    size: int\n    payload: Any\n\n\n"
      "def place(box: Box, at: Callable) -> None:\n    pass\n");
  REQUIRE(bad.models.errors.size() == 3);
  CHECK(std::string(bad.models.errors[0].what()) ==
        "shop.py:6:1: error: Shape.CIRCLE: enum member values must be str or int literals or auto(), not (1, 2)");
  CHECK_THAT(bad.models.errors[1].what(), Catch::StartsWith("shop.py:12:14: error: Box.payload: unsupported annotation 'Any'"));
  CHECK_THAT(bad.models.errors[2].what(), Catch::StartsWith("shop.py:15:25: error: place.at: unsupported annotation 'Callable'"));
  CHECK(bad["Box"].has_errors);
}

TEST_CASE("sample_data models: a model that must contain itself is an error; an optional or list recursion is not") {
  Module tree(
      "from dataclasses import dataclass\nfrom typing import Optional\n\n\n"
      "@dataclass\nclass Category:\n    name: str\n    parent: Optional['Category']\n    children: list['Category']\n\n\n"
      "@dataclass\nclass Link:\n    label: str\n    next: 'Link'\n");
  REQUIRE(tree.models.errors.size() == 1);
  CHECK(std::string(tree.models.errors[0].what()) ==
        "shop.py:15:1: error: Link.next: Link contains itself through required fields without end; make the field Optional or a list");
  CHECK_FALSE(tree["Category"].has_errors);
  for (uint64_t seed = 0; seed < 50; ++seed) {
    SplitMix64 rng(seed);
    Json samples = sd::GenerateSamples(tree.models, tree["Category"], 3, rng);
    CHECK(sd::ValidateSamples(tree.models, tree["Category"], samples).empty());
  }
}

TEST_CASE("sample_data validator: a good sample passes; every error code is reported with its path") {
  const Module& shop = Shop();
  const sd::Model& c = shop["Customer"];
  CHECK(sd::ValidateSamples(shop.models, c, Json::array({GoodCustomer()})).empty());
  Json minimal = Json::parse(R"({"name":"A","email":"a@x","age":1,"address":{"street":"s","city":"c"},"joined":"2020-01-01",
                                 "last_seen":"2020-01-01T10:00:00Z"})");
  CHECK(sd::ValidateSamples(shop.models, c, Json::array({minimal})).empty());

  Json bad = GoodCustomer();
  bad["age"] = "36";                        // type: a number in a string
  bad["address"].erase("city");             // missing, nested
  bad["nickname"] = "ada";                  // unknown
  bad["plan"] = "gold";                     // value: not in the Literal
  bad["status"] = "ACTIVE";                 // value: the member's name, not its value
  bad["joined"] = "2023-02-29";             // format: no such day
  bad["where"] = Json::array({1.5});        // length
  bad["tags"] = Json::array({"a", 7});      // type, in a list
  bad["scores"]["q2"] = true;               // type: bool is not float
  bad["labels"] = Json::array({2});         // value: not an IntEnum member
  auto problems = sd::ValidateSamples(shop.models, c, Json::array({GoodCustomer(), bad}));
  CHECK(Codes(problems) == std::vector<std::string>{
                               "unknown samples[1].nickname", "type samples[1].age", "missing samples[1].address.city",
                               "format samples[1].joined", "value samples[1].plan", "value samples[1].status",
                               "type samples[1].tags[1]", "type samples[1].scores[\"q2\"]", "length samples[1].where",
                               "value samples[1].labels[0]"});
  CHECK(problems[1].message == "samples[1].age: expected int, got str \"36\"");
  CHECK(problems[1].expected == "int");
  CHECK(problems[1].got == "str \"36\"");
  CHECK(problems[1].sample == 1);
  CHECK(problems[0].message == "samples[1].nickname: unknown field; Customer has name, email, age, address, joined, last_seen, plan, "
                               "status, tags, scores, where, labels");
  CHECK(problems[2].message == "samples[1].address.city: missing required field (str)");
  CHECK(problems[3].message == "samples[1].joined: \"2023-02-29\" is not an ISO-8601 date (YYYY-MM-DD)");
  CHECK(problems[4].message == "samples[1].plan: \"gold\" is not one of Literal['free', 'pro']");
  CHECK(problems[5].message == "samples[1].status: \"ACTIVE\" is not a Status value; use one of \"active\", \"closed\"");
  CHECK(problems[7].message == "samples[1].scores[\"q2\"]: expected float, got bool True");
  CHECK(problems[8].message == "samples[1].where: expected tuple[float, float] of 2 items, got 1");

  // int is a float (the numeric tower); a float is not an int; null only where Optional.
  Json numbers = GoodCustomer();
  numbers["scores"]["q1"] = 4;
  CHECK(sd::ValidateSamples(shop.models, c, Json::array({numbers})).empty());
  numbers["age"] = 36.0;
  numbers["email"] = nullptr;
  CHECK(Codes(sd::ValidateSamples(shop.models, c, Json::array({numbers}))) ==
        std::vector<std::string>{"type samples[0].email", "type samples[0].age"});
  // A sample of an enum is a member's value; a model's sample must be an object.
  CHECK(Codes(sd::ValidateSamples(shop.models, shop["Priority"], Json::array({1, 2, "HIGH"}))) ==
        std::vector<std::string>{"value samples[1]", "type samples[2]"});
  CHECK(Codes(sd::ValidateSamples(shop.models, shop["Point"], Json::array({"1,2", Json::parse(R"({"lat":1})")}))) ==
        std::vector<std::string>{"type samples[0]"});
}

TEST_CASE("sample_data ISO dates") {
  CHECK(sd::IsIsoDate("2024-02-29", false));
  CHECK_FALSE(sd::IsIsoDate("2023-02-29", false));
  CHECK_FALSE(sd::IsIsoDate("2024-13-01", false));
  CHECK_FALSE(sd::IsIsoDate("03/15/2024", false));
  CHECK_FALSE(sd::IsIsoDate("2024-03-15T10:00:00", false));
  CHECK(sd::IsIsoDate("2024-03-15T10:00:00", true));
  CHECK(sd::IsIsoDate("2024-03-15 10:00", true));
  CHECK(sd::IsIsoDate("2024-03-15T10:00:00.123456+02:00", true));
  CHECK(sd::IsIsoDate("2024-03-15T10:00:00Z", true));
  CHECK_FALSE(sd::IsIsoDate("2024-03-15", true));
  CHECK_FALSE(sd::IsIsoDate("2024-03-15T24:00:00", true));
  CHECK_FALSE(sd::IsIsoDate("2024-03-15T10:00:00+2", true));
}

TEST_CASE("sample_data generator: deterministic per seed, valid, and within Literal/Enum/Optional/defaults") {
  const Module& shop = Shop();
  const sd::Model& c = shop["Customer"];
  SplitMix64 a(7), b(7), other(8);
  Json first = sd::GenerateSamples(shop.models, c, 4, a);
  CHECK(first == sd::GenerateSamples(shop.models, c, 4, b));
  CHECK(first != sd::GenerateSamples(shop.models, c, 4, other));
  std::set<std::string> plans, statuses;
  int omitted_plan = 0, null_last_seen = 0;
  for (uint64_t seed = 0; seed < 300; ++seed) {
    SplitMix64 rng(seed);
    Json samples = sd::GenerateSamples(shop.models, c, 3, rng);
    REQUIRE(samples.size() == 3);
    INFO(samples.dump());
    REQUIRE(sd::ValidateSamples(shop.models, c, samples).empty());
    for (const Json& s : samples) {
      if (s.contains("plan")) plans.insert(s["plan"].get<std::string>());
      else ++omitted_plan;
      if (s.contains("status")) statuses.insert(s["status"].get<std::string>());
      null_last_seen += s["last_seen"].is_null() ? 1 : 0;
      CHECK(s.contains("name"));  // required fields are always there
      CHECK(s["email"].get<std::string>().find('@') != std::string::npos);
    }
    SplitMix64 frng(seed);
    REQUIRE(sd::ValidateSamples(shop.models, shop["create_order"], sd::GenerateSamples(shop.models, shop["create_order"], 3, frng)).empty());
  }
  CHECK(plans == std::set<std::string>{"free", "pro"});
  CHECK(statuses == std::set<std::string>{"active", "closed"});
  CHECK(omitted_plan > 100);     // about a third: the default applies
  CHECK(null_last_seen > 100);   // about a quarter of Optional values are null
  CHECK(null_last_seen < 450);
  CHECK(sd::EnumValues(shop["Priority"]) == Json::array({1, 3}));
}

TEST_CASE("sample_data generator: a minimal sample gives only the required fields, a full one every field with a value") {
  const Module& shop = Shop();
  const sd::Model& c = shop["Customer"];
  for (uint64_t seed = 0; seed < 50; ++seed) {
    SplitMix64 rng(seed);
    Json minimal = sd::GenerateSample(shop.models, c, rng, sd::SampleShape::kMinimal);
    Json full = sd::GenerateSample(shop.models, c, rng, sd::SampleShape::kFull);
    CHECK(sd::ValidateSamples(shop.models, c, Json::array({minimal, full})).empty());
    std::vector<std::string> keys, all;
    for (const auto& item : minimal.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"name", "email", "age", "address", "joined", "last_seen"});
    for (const auto& item : full.items()) all.push_back(item.key());
    CHECK(all.size() == c.fields.size());
    CHECK_FALSE(full["last_seen"].is_null());
    CHECK_FALSE(full["where"].is_null());
  }
}

TEST_CASE("sample_data wrong write: one wrong-typed value that validation reports at its path") {
  const Module& shop = Shop();
  for (const char* name : {"Customer", "Point", "Address", "create_order"}) {
    const sd::Model& m = shop[name];
    for (uint64_t seed = 0; seed < 100; ++seed) {
      SplitMix64 rng(seed);
      Json samples = sd::GenerateSamples(shop.models, m, 3, rng);
      auto wrong = sd::MakeWrongWrite(m, samples, rng);
      REQUIRE(wrong);
      auto problems = sd::ValidateSamples(shop.models, m, wrong->samples);
      INFO(name << " " << wrong->samples.dump());
      REQUIRE(problems.size() == 1);
      CHECK(problems[0].path == wrong->path);
      CHECK(problems[0].code == "type");
      CHECK(problems[0].sample == wrong->sample);
    }
  }
  // Dates become numbers: 20240229, and a datetime its Unix time.
  Module when("from datetime import date, datetime\n\n\ndef f(day: date, at: datetime) -> None:\n    pass\n");
  const sd::Model& dates = when["f"];
  for (uint64_t seed = 0; seed < 8; ++seed) {
    SplitMix64 rng(seed);
    auto wrong = sd::MakeWrongWrite(dates, Json::parse(R"([{"day":"2024-02-29","at":"2024-03-15T09:30:00"}])"), rng);
    REQUIRE(wrong);
    CHECK(wrong->value == (wrong->field == "day" ? Json(20240229) : Json(1710495000)));
  }
  CHECK_FALSE(sd::MakeWrongWrite(shop["Status"], Json::array({"active"}), *std::make_unique<SplitMix64>(1)));
}

TEST_CASE("sample_data environment: inspect, write, validate, submit against the truth") {
  auto models = std::make_shared<const sd::ModuleModels>(Shop().models);
  sd::SampleDataEnvironment env("shop.py", models, "Point");
  auto inspect = env.Call("inspect_model", {{"target", "Point"}});
  CHECK(inspect.ok);
  CHECK(trajc::Dump(inspect.result) == R"({"target":"Point","kind":"namedtuple","line":23,"fields":[{"name":"lat","type":"float","required":true},)"
                                       R"({"name":"lon","type":"float","required":false,"default":"0.0"}]})");
  CHECK(trajc::Dump(env.Call("inspect_model", {{"target", "Status"}}).result) ==
        R"({"target":"Status","kind":"enum","line":8,"members":[{"name":"ACTIVE","value":"active"},{"name":"CLOSED","value":"closed"}]})");
  auto unknown = env.Call("inspect_model", {{"target", "Order"}});
  CHECK_FALSE(unknown.ok);
  CHECK(unknown.result["error"] == "no model named 'Order' in shop.py; models: Status, Priority, Address, Point, Customer, create_order");
  auto before = env.Call("validate_samples", {{"target", "Point"}});
  CHECK_FALSE(before.ok);
  CHECK(before.result["error"] == "no samples written for Point; call write_samples first");

  CHECK(trajc::Dump(env.Call("write_samples", {{"target", "Point"}, {"samples", Json::parse(R"([{"lat":"1.5"},{"lat":2}])")}}).result) ==
        R"({"target":"Point","written":2,"replaced":false})");
  auto invalid = env.Call("validate_samples", {{"target", "Point"}});
  CHECK_FALSE(invalid.ok);
  CHECK(trajc::Dump(invalid.result) == R"({"target":"Point","valid":false,"checked":2,"errors":[{"sample":0,"path":"samples[0].lat",)"
                                       R"("code":"type","expected":"float","got":"str \"1.5\"","message":"samples[0].lat: expected float, got str \"1.5\""}]})");
  CHECK(env.View("seen") == invalid.result);
  CHECK_FALSE(env.Call("submit_result", {{"summary", "x"}, {"target", "Point"}, {"sample_count", 2}, {"valid", true}}).ok);
  CHECK(env.Call("write_samples", {{"target", "Point"}, {"samples", Json::parse(R"([{"lat":1.5},{"lat":2,"lon":3.25},{"lat":-4.5}])")}})
            .result["replaced"] == true);
  CHECK(env.Call("validate_samples", {{"target", "Point"}}).ok);
  CHECK(env.View("env") == Json::parse(R"({"target":"Point","sample_count":3,"valid":true,"writes":2})"));
  auto wrong_count = env.Call("submit_result", {{"summary", "x"}, {"target", "Point"}, {"sample_count", 2}, {"valid", true}});
  CHECK(wrong_count.result["error"] == "sample_count is 2, the environment says 3");
  CHECK_FALSE(env.Call("submit_result", {{"summary", "x"}, {"target", "Status"}, {"sample_count", 3}, {"valid", true}}).ok);
  CHECK(env.Call("submit_result", {{"summary", "x"}, {"target", "Point"}, {"sample_count", 3}, {"valid", true}}).ok);
}

TEST_CASE("sample_data seed hook: every fixture node's seeded facts are deterministic, valid, and the wrong write fails") {
  const trajc::domains::Domain& domain = *trajc::domains::FindDomain("sample_data");
  auto set = trajc::domains::LoadFixtureSet(std::string(TRAJC_SOURCE_DIR) + "/fixtures/sample_data");
  std::vector<trajc::domains::Fixture> all = std::move(set.train);
  for (auto& f : set.eval) all.push_back(std::move(f));
  REQUIRE(all.size() >= 25);
  size_t nodes = 0;
  for (const auto& fixture : all) {
    for (const auto& node : domain.Nodes(fixture).nodes) {
      ++nodes;
      CHECK(domain.SeededFacts(fixture, node, 5) == domain.SeededFacts(fixture, node, 5));
      for (uint64_t seed = 0; seed < 25; ++seed) {
        Json facts = domain.SeededFacts(fixture, node, seed);
        auto env = domain.MakeEnvironment(fixture, node);
        std::string target = facts["target"].get<std::string>();
        INFO(fixture.path << " " << node.id << " seed " << seed);
        if (facts.contains("wrong_samples")) {
          REQUIRE(env->Call("write_samples", {{"target", target}, {"samples", facts["wrong_samples"]}}).ok);
          auto check = env->Call("validate_samples", {{"target", target}});
          REQUIRE_FALSE(check.ok);
          CHECK(check.result["errors"].size() == 1);
          CHECK(check.result["errors"][0]["path"] == facts["wrong_path"]);
          CHECK(check.result["errors"][0]["code"] == "type");  // a wrong type, not merely a wrong value
        } else {
          CHECK(node.kind == "enum");
        }
        REQUIRE(env->Call("write_samples", {{"target", target}, {"samples", facts["samples"]}}).ok);
        auto check = env->Call("validate_samples", {{"target", target}});
        INFO(trajc::Dump(check.result));
        REQUIRE(check.ok);
      }
    }
  }
  CHECK(nodes >= 60);
  // No seeded facts in the other domains: their nodes' facts are used as they are.
  CHECK(trajc::domains::FindDomain("lint")->SeededFacts(all[0], trajc::domains::Node{}, 1).is_null());
}

TEST_CASE("sample_data parser and validator never crash on arbitrary input") {
  static const char* kPieces[] = {"int", "str", "list", "dict", "tuple", "set", "Optional", "Union", "Literal", "Status", "Customer",
                                  "[", "]", ",", "|", "...", "'", "\"", "None", "1", "-", " ", "date", "typing.", "x"};
  sd::ClassKinds classes = {{"Status", sd::TypeKind::kEnum}, {"Customer", sd::TypeKind::kModel}};
  SplitMix64 rng(11);
  size_t parsed = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (uint64_t k = 0, n = 1 + rng.Below(12); k < n; ++k) text += kPieces[rng.Below(std::size(kPieces))];
    sd::ParsedType p = sd::ParseType(text, classes);
    if (p.ok()) {
      ++parsed;
      CHECK_FALSE(sd::TypeText(p.type).empty());
    } else {
      CHECK(p.offset <= text.size());
    }
  }
  CHECK(parsed > 100);
  // Random JSON where a Customer is expected: problems, never a crash.
  const Module& shop = Shop();
  std::function<Json(int)> random_json = [&](int depth) -> Json {
    switch (rng.Below(depth > 3 ? 6 : 8)) {
      case 0: return nullptr;
      case 1: return rng.Below(2) == 1;
      case 2: return static_cast<int64_t>(rng.Below(100)) - 50;
      case 3: return 0.5 * static_cast<double>(rng.Below(10));
      case 4: return "2024-0" + std::to_string(rng.Below(13)) + "-1" + std::to_string(rng.Below(10));
      case 5: return Json("active");
      case 6: {
        Json a = Json::array();
        for (uint64_t k = 0, n = rng.Below(4); k < n; ++k) a.push_back(random_json(depth + 1));
        return a;
      }
      default: {
        Json o = Json::object();
        static const char* kKeys[] = {"name", "email", "age", "address", "street", "city", "joined", "tags", "where", "labels", "zz"};
        for (uint64_t k = 0, n = rng.Below(6); k < n; ++k) o[kKeys[rng.Below(std::size(kKeys))]] = random_json(depth + 1);
        return o;
      }
    }
  };
  for (int i = 0; i < 3000; ++i) {
    Json samples = Json::array({random_json(0), random_json(0)});
    for (const auto& p : sd::ValidateSamples(shop.models, shop["Customer"], samples)) CHECK(p.message.rfind(p.path + ": ", 0) == 0);
  }
}
