// schema/format: every optional/format file of the JSON-Schema-Test-Suite (draft2020-12 and
// draft7) run through CheckFormat directly, with a per-format table, plus cases the suite
// does not pin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "acceptance_suite.h"
#include "schema/format.h"

namespace fs = std::filesystem;
using trajc::Json;
using trajc::schema::CheckFormat;

namespace {

struct Tally {
  int tests = 0;
  int passed = 0;
};

// Formats the issue requires to pass every suite test.
const std::set<std::string> kRequired = {"date-time", "date", "time", "email", "ipv4",
                                         "ipv6",      "uri",  "uuid", "regex"};

}  // namespace

TEST_CASE("format: JSON-Schema-Test-Suite optional/format", "[schema][format][suite]") {
  std::map<std::string, Tally> tally;  // by format name: deterministic order
  std::vector<std::string> failures;
  int files = 0;
  for (const char* draft : {"draft2020-12", "draft7"}) {
    const fs::path dir = trajc::test::AcceptanceSuiteDir() / draft / "optional" / "format";
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
      ++files;
      for (const Json& group : trajc::test::ReadSuiteFile(path)) {
        const Json& schema = group["schema"];
        // Only groups whose schema is just {"format": X} (plus "$schema").
        if (!schema.is_object() || !schema.contains("format") || schema.size() != (schema.contains("$schema") ? 2u : 1u)) continue;
        const std::string name = schema["format"].get<std::string>();
        for (const Json& test : group["tests"]) {
          const Json& data = test["data"];
          // Non-strings are always valid; an unknown format accepts everything.
          bool valid = true;
          if (data.is_string()) valid = CheckFormat(name, data.get<std::string>()).value_or(true);
          Tally& t = tally[name];
          ++t.tests;
          if (valid == test["valid"].get<bool>()) {
            ++t.passed;
          } else {
            failures.push_back(std::string(draft) + " " + name + ": " + data.dump() + " should be " +
                               (test["valid"].get<bool>() ? "valid" : "invalid") + " (" +
                               test["description"].get<std::string>() + ")");
          }
        }
      }
    }
  }
  REQUIRE(files >= 39);  // 20 files in draft2020-12, 19 in draft7 (suite of libtest-json-schema-acceptance-perl 1.021)
  std::cout << "format                  tests  passed  failed\n";
  char line[96];
  for (const auto& [name, t] : tally) {
    std::snprintf(line, sizeof line, "%-22s %6d %7d %7d%s\n", name.c_str(), t.tests, t.passed, t.tests - t.passed,
                  kRequired.count(name) != 0 ? "  (required)" : "");
    std::cout << line;
  }
  for (const std::string& failure : failures) std::cout << "  failed: " << failure << "\n";
  for (const std::string& name : kRequired) {
    INFO(name);
    REQUIRE(tally.count(name) == 1);
    CHECK(tally[name].passed == tally[name].tests);
  }
}

TEST_CASE("format: unknown formats are not checked", "[schema][format]") {
  CHECK_FALSE(CheckFormat("color", "red").has_value());
  CHECK_FALSE(CheckFormat("Date", "2020-01-01").has_value());  // names are case-sensitive
  CHECK(CheckFormat("date", "2020-01-01") == true);
}

TEST_CASE("format: dates, times, durations", "[schema][format]") {
  CHECK(CheckFormat("date", "2000-02-29") == true);   // divisible by 400
  CHECK(CheckFormat("date", "1900-02-29") == false);  // by 100 but not 400
  CHECK(CheckFormat("date", "0000-01-01") == true);
  CHECK(CheckFormat("date-time", "2020-01-01 00:00:00Z") == false);  // RFC 3339 allows the space only in prose
  CHECK(CheckFormat("date-time", "2016-12-31T23:59:60Z") == true);
  CHECK(CheckFormat("time", "23:59:60.5Z") == true);
  CHECK(CheckFormat("time", "12:00:00.Z") == false);
  CHECK(CheckFormat("duration", "P1Y2M3DT4H5M6S") == true);
  CHECK(CheckFormat("duration", "P1Y3D") == false);  // ABNF: dur-year = Y [dur-month]
  CHECK(CheckFormat("duration", "PT1H2S") == false);
  CHECK(CheckFormat("duration", "P1W") == true);
  CHECK(CheckFormat("duration", "P1.5Y") == false);
}

TEST_CASE("format: addresses and host names", "[schema][format]") {
  CHECK(CheckFormat("ipv4", "0.0.0.0") == true);
  CHECK(CheckFormat("ipv4", "1.2.3.4 ") == false);
  CHECK(CheckFormat("ipv4", "1..3.4") == false);
  CHECK(CheckFormat("ipv6", "::ffff:1.2.3") == false);
  CHECK(CheckFormat("ipv6", "1:2:3:4:5:6:7::") == true);
  CHECK(CheckFormat("ipv6", "1:2:3:4:5:6:7:8::") == false);
  CHECK(CheckFormat("ipv6", "1:2:3:4:5:6:1.2.3.4") == true);
  CHECK(CheckFormat("hostname", "localhost") == true);
  CHECK(CheckFormat("hostname", "") == false);
  CHECK(CheckFormat("hostname", "example.com.") == false);
  CHECK(CheckFormat("hostname", "ab--cd.example") == false);  // reserved for A-labels
  CHECK(CheckFormat("hostname", "xn--nw2a.example") == true);
  CHECK(CheckFormat("hostname", "xn--X.example") == false);   // not Punycode
  CHECK(CheckFormat("hostname", "\xC3\xA9t\xC3\xA9.fr") == false);
  CHECK(CheckFormat("idn-hostname", "\xC3\xA9t\xC3\xA9.fr") == true);
  CHECK(CheckFormat("idn-hostname", "\xC3\x89T\xC3\x89.fr") == false);  // IDNA2008: no upper case in U-labels
  CHECK(CheckFormat("idn-hostname", "\xE5\xA4\x9A\xE3\x80\x82\xE5\xA4\x9A") == true);  // U+3002 separates labels
  std::string labels;
  for (int i = 0; i < 4; ++i) labels += std::string(63, 'a') + ".";
  CHECK(CheckFormat("hostname", labels + "a") == false);  // 256 octets
  CHECK(CheckFormat("hostname", std::string(labels, 0, 252)) == true);
  CHECK(CheckFormat("email", "a@b") == true);
  CHECK(CheckFormat("email", "\"a\\\"b\"@example.com") == true);
  CHECK(CheckFormat("email", "\"a\"b\"@example.com") == false);
  CHECK(CheckFormat("email", "a@[IPv6:1::2]") == true);
  CHECK(CheckFormat("email", "a@[::1]") == false);
  CHECK(CheckFormat("email", std::string(65, 'a') + "@example.com") == false);
  CHECK(CheckFormat("email", "\xC3\xA9@example.com") == false);
  CHECK(CheckFormat("idn-email", "\xC3\xA9@\xC3\xA9t\xC3\xA9.fr") == true);
  CHECK(CheckFormat("idn-email", "\xFF@example.com") == false);  // invalid UTF-8
}

TEST_CASE("format: URIs, IRIs, templates, pointers, regexes", "[schema][format]") {
  CHECK(CheckFormat("uri", "http://example.com:8080/a%20b?x#y") == true);
  CHECK(CheckFormat("uri", "http://example.com:80a/") == false);
  CHECK(CheckFormat("uri", "http://[v1.fe::a]/") == true);  // IPvFuture
  CHECK(CheckFormat("uri", "http://[1::2::3]/") == false);
  CHECK(CheckFormat("uri", "http://a/%2") == false);
  CHECK(CheckFormat("uri", "http://a/b c") == false);
  CHECK(CheckFormat("uri", "1http://a/") == false);
  CHECK(CheckFormat("uri", "urn:isbn:0451450523") == true);
  CHECK(CheckFormat("uri", "http://\xC3\xA9.fr/") == false);
  CHECK(CheckFormat("iri", "http://\xC3\xA9.fr/") == true);
  CHECK(CheckFormat("iri", "http://a/?\xEE\x80\x80") == true);   // iprivate in the query
  CHECK(CheckFormat("iri", "http://a/\xEE\x80\x80") == false);   // not in the path
  CHECK(CheckFormat("uri-reference", "") == true);
  CHECK(CheckFormat("uri-reference", "a:b:c/d") == true);  // scheme "a"
  CHECK(CheckFormat("uri-reference", "./a:b") == true);
  CHECK(CheckFormat("uri-template", "{+path}/here{?x,y*}{#frag:3}") == true);
  CHECK(CheckFormat("uri-template", "{var:0}") == false);
  CHECK(CheckFormat("uri-template", "{=reserved}") == false);
  CHECK(CheckFormat("uri-template", "{a..b}") == false);
  CHECK(CheckFormat("uri-template", "a}b") == false);
  CHECK(CheckFormat("json-pointer", "/~01") == true);
  CHECK(CheckFormat("relative-json-pointer", "0-1/a") == true);  // index manipulation (2020-12)
  CHECK(CheckFormat("relative-json-pointer", "0+") == false);
  CHECK(CheckFormat("uuid", "{2eb8aa08-aa98-11ea-b4aa-73b441d16380}") == false);
  CHECK(CheckFormat("regex", "\\p{Letter}+") == true);
  CHECK(CheckFormat("regex", "\\a") == false);  // not an ECMA-262 escape (the suite's metaschema case)
  CHECK(CheckFormat("regex", "(?<n>a)\\k<n>") == true);
  CHECK(CheckFormat("regex", "a{2,1}") == false);
}
