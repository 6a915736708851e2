#include "core/files.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/diagnostic.h"

namespace trajc {

std::string ReadFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error({path.string(), 0, 0}, "is a directory; expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error({path.string(), 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error({path.string(), 0, 0}, "cannot read: I/O error");
  return std::move(buffer).str();
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw Error({dir.string(), 0, 0},
                std::string("cannot write output here: ") + std::strerror(errno) +
                    "; choose a writable directory with --out");
  temp_ = pattern;
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    std::filesystem::remove(temp_);
    throw Error({temp_.string(), 0, 0}, std::string("cannot open for writing: ") + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) std::fclose(file_);
  if (!published_ && !temp_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void AtomicFile::Write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    throw Error({target_.string(), 0, 0}, std::string("write failed: ") + std::strerror(errno));
  hash_.Update(bytes);
  bytes_ += bytes.size();
}

void AtomicFile::Close() {
  if (file_ == nullptr) return;
  int flush_failed = std::fflush(file_);
  int close_failed = std::fclose(file_);
  file_ = nullptr;
  if (flush_failed != 0 || close_failed != 0)
    throw Error({target_.string(), 0, 0}, std::string("write failed: ") + std::strerror(errno));
  sha256_ = hash_.FinishHex();
}

void AtomicFile::Publish() {
  Close();
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw Error({target_.string(), 0, 0}, "cannot move output into place: " + ec.message());
  published_ = true;
}

void PublishAll(std::initializer_list<AtomicFile*> files) {
  for (AtomicFile* f : files) f->Close();
  for (AtomicFile* f : files) f->Publish();
}

}  // namespace trajc
