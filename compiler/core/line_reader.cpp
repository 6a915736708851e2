#include "core/line_reader.h"

#include <cstring>

namespace trajc {

namespace {
constexpr std::size_t kBlock = 1 << 20;
}  // namespace

LineReader::LineReader(std::istream& in, std::size_t padding)
    : in_(in), padding_(padding), block_(kBlock + padding, '\0'), capacity_(kBlock) {}

bool LineReader::Next(std::string_view& line) {
  while (true) {
    const char* start = block_.data() + begin_;
    if (const void* newline = std::memchr(start, '\n', end_ - begin_)) {
      std::size_t length = static_cast<const char*>(newline) - start;
      line = std::string_view(start, length);
      begin_ += length + 1;
      return true;
    }
    if (!Fill()) {
      if (begin_ == end_) return false;
      line = std::string_view(block_.data() + begin_, end_ - begin_);  // the last line, without "\n"
      begin_ = end_;
      return true;
    }
  }
}

bool LineReader::Fill() {
  if (!in_.good()) return false;
  // Keep the unread part (a line cut by the block's end) at the front, growing the block
  // when that part already fills it.
  std::memmove(block_.data(), block_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (end_ == capacity_) {
    capacity_ *= 2;
    block_.resize(capacity_ + padding_, '\0');
  }
  in_.read(block_.data() + end_, static_cast<std::streamsize>(capacity_ - end_));
  std::size_t got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  return got > 0;
}

}  // namespace trajc
