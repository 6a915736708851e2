// schema_bench SCHEMA.json INSTANCES.json [REPEAT] — the validation floor for
// bench/schema_speed.py: compiles SCHEMA once, then checks every instance of the JSON array
// INSTANCES with IsValid (and once with Validate), REPEAT times; prints
// "<valid count> <best IsValid seconds> <Validate seconds>".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "schema/json_schema.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: schema_bench SCHEMA.json INSTANCES.json [REPEAT]\n";
    return 2;
  }
  std::ifstream schema_in(argv[1]);
  std::ifstream instances_in(argv[2]);
  if (!schema_in || !instances_in) {
    std::cerr << "schema_bench: cannot read the inputs\n";
    return 2;
  }
  const trajc::Json schema = trajc::Json::parse(schema_in);
  const trajc::Json instances = trajc::Json::parse(instances_in);
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 3;
  auto compiled = trajc::schema::CompiledSchema::Compile(schema);
  using Clock = std::chrono::steady_clock;
  double best = 1e300;
  std::size_t valid = 0;
  for (int r = 0; r < repeat; ++r) {
    auto start = Clock::now();
    valid = 0;
    for (const auto& instance : instances) valid += compiled.IsValid(instance) ? 1 : 0;
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  auto start = Clock::now();
  std::size_t errors = 0;
  for (const auto& instance : instances) errors += compiled.Validate(instance).size();
  double collect = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("%zu %.6f %.6f %zu\n", valid, best, collect, errors);
  return 0;
}
