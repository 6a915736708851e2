// The JSON-Schema-Test-Suite copy shipped by Debian's libtest-json-schema-acceptance-perl
// (listed in scripts/setup.sh): unlike the json-schema-test-suite package it has
// draft2020-12, including optional/format/. TRAJC_JSON_SCHEMA_ACCEPTANCE overrides the path
// (a suite checkout's `tests` folder).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "core/json.h"

namespace trajc::test {

inline std::filesystem::path AcceptanceSuiteDir() {
  if (const char* env = std::getenv("TRAJC_JSON_SCHEMA_ACCEPTANCE")) return env;
  return "/usr/share/perl5/auto/share/dist/Test-JSON-Schema-Acceptance/tests";
}

// One suite file (an array of groups); throws when it is missing so that a test cannot pass
// without having run.
inline Json ReadSuiteFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string() + " (apt-get install libtest-json-schema-acceptance-perl)");
  return Json::parse(in);
}

}  // namespace trajc::test
