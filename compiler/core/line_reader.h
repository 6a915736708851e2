// core/line_reader — the lines of a stream, read in large blocks and handed out as views
// into the block, each followed by at least `padding` readable bytes: a JSONL stream is
// parsed in place by simdjson (which reads past the end of its input) with no copy per line.
// Memory is one block, grown only to hold a line longer than it.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace trajc {

class LineReader {
 public:
  LineReader(std::istream& in, std::size_t padding);

  // The next line, without its "\n" (the last line may lack one, as with std::getline);
  // false at the end of the input. The view stays valid until the next call.
  bool Next(std::string_view& line);
  bool bad() const { return in_.bad(); }

 private:
  bool Fill();  // reads more after the unread part; false when nothing more came

  std::istream& in_;
  std::size_t padding_;
  std::string block_;  // capacity_ bytes of data room, then padding_ bytes never read into
  std::size_t capacity_;
  std::size_t begin_ = 0, end_ = 0;  // the unread part of the block
};

}  // namespace trajc
