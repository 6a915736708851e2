#include "core/line_reader.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> ReadAll(const std::string& text) {
  std::istringstream in(text);
  trajc::LineReader reader(in, 64);
  std::vector<std::string> lines;
  std::string_view line;
  while (reader.Next(line)) lines.emplace_back(line);
  CHECK_FALSE(reader.bad());
  return lines;
}

std::vector<std::string> WithGetline(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("LineReader gives the lines std::getline gives") {
  for (const std::string text : {"", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\n\n", "x\r\ny\r\n"}) {
    CAPTURE(text);
    CHECK(ReadAll(text) == WithGetline(text));
  }
}

TEST_CASE("LineReader keeps lines whole across its blocks and grows for a line longer than one") {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += std::string(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26)) + "\n";
  text += std::string(3u << 20, 'z') + "\n";  // longer than the 1 MiB block
  text += "{\"last\": true}";
  std::vector<std::string> lines = ReadAll(text);
  REQUIRE(lines.size() == 50002);
  CHECK(lines == WithGetline(text));
  CHECK(lines[50000].size() == (3u << 20));
}
