// schema_bench SCHEMA.json INSTANCES.jsonl [REPEAT] — the validator-only level of
// bench/schema_speed.sh: compiles SCHEMA once, parses every line of INSTANCES first (not
// timed), then checks every instance with IsValid, REPEAT times; prints
// "<instances> <valid count> <best cpu seconds> <best wall seconds>" of the IsValid loop.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "schema/json_schema.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: schema_bench SCHEMA.json INSTANCES.jsonl [REPEAT]\n";
    return 2;
  }
  std::ifstream schema_in(argv[1]);
  std::ifstream instances_in(argv[2]);
  if (!schema_in || !instances_in) {
    std::cerr << "schema_bench: cannot read the inputs\n";
    return 2;
  }
  const trajc::Json schema = trajc::Json::parse(schema_in);
  std::vector<trajc::Json> instances;
  for (std::string line; std::getline(instances_in, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) instances.push_back(trajc::Json::parse(line));
  }
  const int repeat = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  auto compiled = trajc::schema::CompiledSchema::Compile(schema);
  using Clock = std::chrono::steady_clock;
  double best_cpu = 1e300, best_wall = 1e300;
  std::size_t valid = 0;
  for (int r = 0; r < repeat; ++r) {
    std::clock_t cpu = std::clock();
    auto wall = Clock::now();
    valid = 0;
    for (const auto& instance : instances) valid += compiled.IsValid(instance) ? 1 : 0;
    best_wall = std::min(best_wall, std::chrono::duration<double>(Clock::now() - wall).count());
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
  }
  std::printf("%zu %zu %.6f %.6f\n", instances.size(), valid, best_cpu, best_wall);
  return 0;
}
