#include <catch2/catch.hpp>

#include "compile/repeat_cache.h"
#include "templates/interpreter.h"

using trajc::compile::RepeatCache;

namespace {

// A rendered line as generate writes it: `body` with each call's id where "@N" stands.
std::string Line(const std::string& body, uint64_t seed) {
  trajc::templates::CallIds ids(seed);
  std::vector<std::string> drawn;
  for (int i = 0; i < 4; ++i) drawn.push_back(ids.Next());
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '@') {
      out += drawn[body[++i] - '0'];
      continue;
    }
    out += body[i];
  }
  return out;
}

const std::string kBody = R"({"calls":[{"id":"@0"},{"tool_call_id":"@0"},{"id":"@1"},{"tool_call_id":"@1"},{"id":"@2"}]})";

}  // namespace

TEST_CASE("an admitted entry re-keys to the line a full compile gives at any seed") {
  RepeatCache cache(1 << 20);
  RepeatCache::Key key{1, 2, 3};
  REQUIRE(cache.Wants(key));
  REQUIRE(cache.Offer(key, Line(kBody, 10), 10, Line(kBody, 20), 20, 3));
  CHECK_FALSE(cache.Wants(key));
  for (uint64_t seed : {0ull, 10ull, 77ull, 123456789ull}) {
    auto line = cache.Find(key, seed);
    REQUIRE(line);
    CHECK(*line == Line(kBody, seed));
  }
  CHECK_FALSE(cache.Find({1, 2, 4}, 10));
}

TEST_CASE("lines that differ in more than their ids are not admitted") {
  RepeatCache cache(1 << 20);
  // seeded content: the second compile drew another value
  CHECK_FALSE(cache.Offer({0, 0, 0}, Line(R"({"v":1,"id":"@0"})", 1), 1, Line(R"({"v":2,"id":"@0"})", 2), 2, 1));
  // per-example data, like --with-meta's index
  CHECK_FALSE(cache.Offer({0, 0, 1}, Line(R"({"id":"@0","index":5})", 1), 1, Line(R"({"id":"@0","index":6})", 2), 2, 1));
  // an id of the first seed also appears as content: re-keying would change the content
  std::string id_as_text = trajc::templates::CallIds(1).Next();
  CHECK_FALSE(cache.Offer({0, 0, 2}, Line(R"({"id":"@0","note":")" + id_as_text + "\"}", 1), 1,
                          Line(R"({"id":"@0","note":")" + id_as_text + "\"}", 2), 2, 1));
  CHECK_FALSE(cache.Find({0, 0, 0}, 1));
  CHECK(cache.bytes() == 0);
}

TEST_CASE("the cache stops admitting at its byte budget") {
  RepeatCache cache(200);
  uint64_t admitted = 0;
  for (uint64_t node = 0; node < 10; ++node)
    admitted += cache.Offer({0, node, 0}, Line(kBody, 1), 1, Line(kBody, 2), 2, 3);
  CHECK(admitted == 2);  // the line is 166 bytes: the second entry crosses the budget
  CHECK_FALSE(cache.Wants({0, 99, 0}));
}
