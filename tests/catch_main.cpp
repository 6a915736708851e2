// The test programs' main: Catch2's session, run on a big stack as trajc runs its commands
// (core/big_stack.h), so that python::DepthLimit() in a test is the limit trajc has.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "core/big_stack.h"

int main(int argc, char** argv) {
  int result = 1;
  trajc::RunOnBigStack([&] { result = Catch::Session().run(argc, argv); });
  return result;
}
