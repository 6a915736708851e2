// schema/regex: ECMA-262 patterns on PCRE2 — the suite's regex files, the ECMA rewrites
// and the guard against catastrophic backtracking.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "acceptance_suite.h"
#include "schema/json_schema.h"
#include "schema/regex.h"

using trajc::Json;
using trajc::schema::CompiledSchema;
using trajc::schema::Pattern;
using Result = Pattern::Result;

namespace {

Result Search(const std::string& pattern, std::string_view subject) { return Pattern(pattern).Search(subject); }

std::string CompileError(const std::string& pattern) {
  try {
    Pattern p(pattern);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(compiled)";
}

}  // namespace

TEST_CASE("regex: the suite's pattern files", "[schema][regex][suite]") {
  const auto dir = trajc::test::AcceptanceSuiteDir() / "draft2020-12";
  int run = 0;
  for (const char* file : {"pattern.json", "patternProperties.json", "optional/ecmascript-regex.json",
                           "optional/non-bmp-regex.json"}) {
    for (const Json& group : trajc::test::ReadSuiteFile(dir / file)) {
      const Json& schema = group["schema"];
      // `\a is not an ECMA 262 control escape` validates a schema against the metaschema's
      // format "regex"; format_test covers it through CheckFormat.
      if (schema.contains("$ref")) continue;
      CompiledSchema compiled = CompiledSchema::Compile(schema);
      for (const Json& test : group["tests"]) {
        INFO(file << ": " << group["description"].get<std::string>() << ": " << test["description"].get<std::string>());
        CHECK(compiled.IsValid(test["data"]) == test["valid"].get<bool>());
        ++run;
      }
    }
  }
  CHECK(run == 118);  // every test of the four files but the one $ref group
}

TEST_CASE("regex: ECMA-262 semantics", "[schema][regex]") {
  CHECK(Search("b", "abc") == Result::kMatch);  // unanchored
  CHECK(Search("^abc$", "abc\n") == Result::kNoMatch);
  CHECK(Search("^.$", "\xC3\xA9") == Result::kMatch);  // code points, not bytes
  for (const char* terminator : {"\n", "\r", "\xE2\x80\xA8", "\xE2\x80\xA9"}) CHECK(Search("^.$", terminator) == Result::kNoMatch);
  CHECK(Search("^.$", "\x0b") == Result::kMatch);
  CHECK(Search("^\\v$", "\x0b") == Result::kMatch);
  CHECK(Search("^\\v$", "\n") == Result::kNoMatch);  // PCRE2's \v would match any vertical space
  CHECK(Search("^\\u00e9\\x41$", "\xC3\xA9" "A") == Result::kMatch);
  CHECK(Search("^\\u{1F432}$", "\xF0\x9F\x90\xB2") == Result::kMatch);
  CHECK(Search("^\\ud83d\\udc32$", "\xF0\x9F\x90\xB2") == Result::kMatch);
  CHECK(Search("^[\\s]+$", " \xE3\x80\x80\t") == Result::kMatch);
  CHECK(Search("^[a\\S]$", "x") == Result::kMatch);
  CHECK(Search("^[a\\S]$", "\xC2\xA0") == Result::kNoMatch);
  CHECK(Search("^[^a\\S]$", "\xC2\xA0") == Result::kMatch);
  CHECK(Search("^[^a\\S]$", "a") == Result::kNoMatch);
  CHECK(Search("^[^a\\S]$", "x") == Result::kNoMatch);
  CHECK(Search("^[^]$", "\n") == Result::kMatch);
  CHECK(Search("[]", "abc") == Result::kNoMatch);
  CHECK(Search("^[[:alpha:]]$", ":]") == Result::kMatch);  // no POSIX classes in ECMA-262
  CHECK(Search("^a{,2}$", "a{,2}") == Result::kMatch);    // not a quantifier in ECMA-262
  CHECK(Search("^\\p{Lu}\\P{L}$", "\xC3\x89" "1") == Result::kMatch);
  CHECK(Search("^\\p{General_Category=Decimal_Number}$", "7") == Result::kMatch);
  CHECK(Search("^\\p{Script=Greek}+$", "\xCE\xB1\xCE\xB2") == Result::kMatch);
  CHECK(Search("^(?<x>a)\\k<x>\\1$", "aaa") == Result::kMatch);
  CHECK(Search("^(?<=a)b|ab$", "ab") == Result::kMatch);
  CHECK(Search("^\\cJ$", "\n") == Result::kMatch);
  CHECK(Search("^[\\b]$", "\b") == Result::kMatch);
  CHECK(Search("a", "\xFF" "a") == Result::kMatch);  // invalid UTF-8 subject: bad byte is U+FFFD
  CHECK(Search("^.a$", "\xFF" "a") == Result::kMatch);
}

TEST_CASE("regex: syntax ECMA-262 rejects, with its offset", "[schema][regex][errors]") {
  CHECK(CompileError("x\\a") == "'\\a' is not an ECMA-262 escape at offset 1");
  CHECK(CompileError("\\Qa\\E") == "'\\Q' is not an ECMA-262 escape at offset 0");
  CHECK(CompileError("a++") == "nothing to repeat before '+' at offset 2");
  CHECK(CompileError("a{2}+") == "nothing to repeat before '+' at offset 4");
  CHECK(CompileError("a??") == "(compiled)");  // lazy
  CHECK(CompileError("a???") == "nothing to repeat before '?' at offset 3");
  CHECK(CompileError("(?i)a") == "'(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>' at offset 0");
  CHECK(CompileError("(*LIMIT_MATCH=1)a") == "nothing to repeat before '*' at offset 1");
  CHECK(CompileError("\\ud800") == "a lone surrogate never occurs in UTF-8 text at offset 0");
  CHECK(CompileError("\\x4") == "'\\x' must be followed by two hex digits at offset 0");
  CHECK(CompileError("ab\\") == "'\\' at end of pattern at offset 2");
  CHECK(CompileError("^(abc]") == "missing closing parenthesis at offset 6");
  CHECK(CompileError("a[bc") == "missing ']' for the character class at offset 1");
  CHECK(CompileError("(a)\\2") == "reference to non-existent subpattern at offset 3");
  CHECK(CompileError("\\p{NoSuchProperty}") == "unknown property after \\P or \\p at offset 18");
}

TEST_CASE("regex: long subjects and catastrophic backtracking are bounded", "[schema][regex]") {
  CHECK(Search("^[a-z]+$", std::string(1'000'000, 'a')) == Result::kMatch);
  CHECK(Search("^[a-z]+$", std::string(1'000'000, 'a') + "!") == Result::kNoMatch);
  std::string pairs;
  for (int i = 0; i < 100'000; ++i) pairs += "ab";
  CHECK(Search("^(ab)+$", pairs) == Result::kMatch);  // needs more than the JIT stack: interpreter fallback

  const auto start = std::chrono::steady_clock::now();
  CHECK(Search("(a+)+$", std::string(40, 'a') + "!") == Result::kUnmatchable);
  CHECK(Search("^(\\w+\\s?)*$", std::string(60, 'a') + "!") == Result::kUnmatchable);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 1.0);
  // A short subject the same pattern can decide is decided.
  CHECK(Search("(a+)+$", "aaa!") == Result::kNoMatch);
  CHECK(Search("(a+)+$", "aaa") == Result::kMatch);
}

TEST_CASE("regex: one Pattern searched from many threads", "[schema][regex]") {
  const Pattern pattern("^\\p{L}+-\\d+$");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string subject = "\xC3\xA9t\xC3\xA9-" + std::to_string(i * t);
        if (pattern.Search(subject) != Result::kMatch) ++wrong;
        if (pattern.Search(subject + "x") != Result::kNoMatch) ++wrong;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
}
