// core/files — reading inputs and writing outputs all-or-nothing.
//
// AtomicFile writes to a hidden temporary beside its target and renames it into place
// only on Publish(); destroyed unpublished (an error, an exception) or killed by
// SIGINT/SIGTERM/SIGHUP, it removes the temporary, so a failed or interrupted run leaves
// no partial dataset behind.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/sha256.h"

namespace trajc {

// The whole file; throws trajc::Error ("path: error: cannot read: …") on failure.
std::string ReadFile(const std::filesystem::path& path);

class AtomicFile {
 public:
  // Throws trajc::Error if the temporary cannot be created (unwritable directory …); its
  // message ends with `what_to_do` (the default suits commands with --out).
  explicit AtomicFile(std::filesystem::path target,
                      std::string_view what_to_do = "choose a writable directory with --out");
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void Write(std::string_view bytes);
  // Flushes and closes; the temporary stays until Publish(). Throws on a write error.
  void Close();
  // Renames the closed temporary onto the target.
  void Publish();

  const std::filesystem::path& target() const { return target_; }
  const std::string& sha256() const { return sha256_; }  // after Close()
  uint64_t bytes_written() const { return bytes_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  Sha256 hash_;
  std::string sha256_;
  uint64_t bytes_ = 0;
  bool published_ = false;
  int signal_slot_ = -1;  // where a fatal signal finds the temporary to remove
};

// Publishes several closed files together, so that a dataset's files appear as a set.
void PublishAll(const std::vector<AtomicFile*>& files);

}  // namespace trajc
