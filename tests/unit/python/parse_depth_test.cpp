// python::SourceTree::Parse measures every tree once and refuses one deeper than
// DepthLimit() with a located TooDeep; the limit follows the calling thread's stack.
#include <catch2/catch.hpp>

#include <string>

#include "core/big_stack.h"
#include "python/parse.h"

using namespace trajc::python;

namespace {

// `x = a or a …` with `terms` terms: module, statement, assignment, terms - 1 `or`s and
// the first `a` make terms + 3 levels.
std::string OrChain(int terms) {
  std::string text = "\nx = a";
  for (int i = 1; i < terms; ++i) text += " or a";
  return text + "\n";
}

}  // namespace

TEST_CASE("DepthLimit is kMaxTreeDepth on a big stack and smaller, never larger, on a small one") {
  int on_big = 0;
  trajc::RunOnBigStack([&] { on_big = DepthLimit(); });
  CHECK(on_big == kMaxTreeDepth);
  int on_small = 0;
  trajc::RunOnBigStack([&] { on_small = DepthLimit(); }, size_t{16} << 20);
  CHECK(on_small == static_cast<int>(((size_t{16} << 20) - (size_t{2} << 20)) / kStackBytesPerLevel));
  CHECK(DepthLimit() <= kMaxTreeDepth);
}

TEST_CASE("a tree at the limit parses; one level more is TooDeep at its deepest node") {
  trajc::RunOnBigStack([] {
    SourceTree ok = SourceTree::Parse(OrChain(kMaxTreeDepth - 3), "ok.py");
    CHECK(!ok.FirstSyntaxError("ok.py"));
    try {
      SourceTree::Parse(OrChain(kMaxTreeDepth - 2), "deep.py");
      FAIL("no TooDeep");
    } catch (const TooDeep& e) {
      CHECK(e.depth() == kMaxTreeDepth + 1);
      CHECK(e.limit() == kMaxTreeDepth);
      CHECK(std::string(e.what()) ==
            "deep.py:2:5: error: too deep for trajc: the syntax tree nests 20001 levels here, the limit is 20000; "
            "split the expression or statement, e.g. with intermediate variables");
      CHECK(std::string(e.In("other.py").what()).rfind("other.py:2:5: error: too deep for trajc", 0) == 0);
    }
  });
}

TEST_CASE("FirstSyntaxError finds an error under a deep tree without recursing") {
  trajc::RunOnBigStack([] {
    std::string text = "\nx = (" + OrChain(15000).substr(5);  // an unclosed bracket, at line 2 column 5
    SourceTree tree = SourceTree::Parse(text, "bad.py");
    auto error = tree.FirstSyntaxError("bad.py");
    REQUIRE(error);
    CHECK(error->where().line == 2);
  });
}
