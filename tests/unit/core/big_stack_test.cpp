// core/big_stack: work runs on a thread with the stack asked for, its exceptions come back
// to the caller, and parallel jobs report the lowest index's error.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/big_stack.h"

using namespace trajc;

TEST_CASE("RunOnBigStack runs the work on a thread with at least the stack asked for") {
  size_t seen = 0;
  size_t got = RunOnBigStack([&] { seen = CurrentThreadStackBytes(); }, size_t{64} << 20);
  CHECK(got == size_t{64} << 20);
  CHECK(seen >= size_t{64} << 20);
  CHECK(CurrentThreadStackBytes() > 0);
}

TEST_CASE("RunOnBigStack's default reservation is 1 GiB, only touched pages cost memory") {
  size_t seen = 0;
  CHECK(RunOnBigStack([&] { seen = CurrentThreadStackBytes(); }) == kBigStackBytes);
  CHECK(seen >= kBigStackBytes);
}

TEST_CASE("RunOnBigStack rethrows what the work threw") {
  CHECK_THROWS_WITH(RunOnBigStack([] { throw std::runtime_error("from the worker"); }), "from the worker");
}

TEST_CASE("RunInParallel runs every job on a large stack and rethrows the lowest failing index") {
  std::vector<size_t> stacks(5, 0);
  RunInParallel(5, [&](unsigned i) { stacks[i] = CurrentThreadStackBytes(); }, size_t{32} << 20);
  for (size_t s : stacks) CHECK(s >= size_t{32} << 20);

  std::atomic<int> ran{0};
  auto failing = [&](unsigned i) {
    ++ran;
    if (i == 1 || i == 3) throw std::runtime_error("job " + std::to_string(i));
  };
  CHECK_THROWS_WITH(RunInParallel(4, failing, size_t{16} << 20), "job 1");
  CHECK(ran == 4);
  RunInParallel(0, failing);  // nothing to run
}
