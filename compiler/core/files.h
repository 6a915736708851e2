// core/files — reading inputs and writing outputs all-or-nothing, and standard output
// checked like any other output.
//
// AtomicFile writes to a hidden temporary beside its target and renames it into place
// only on Publish(); destroyed unpublished (an error, an exception) or killed by
// SIGINT/SIGTERM/SIGHUP, it removes the temporary, so a failed or interrupted run leaves
// no partial dataset behind. A target that is a symlink is written through to the file it
// names (the link stays); a target that is not a regular file (a character device such as
// /dev/null, a FIFO, a socket) is opened and written directly, never replaced.
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

  const std::filesystem::path& target() const { return target_; }  // as named by the caller
  bool direct() const { return direct_; }  // written in place: a device or FIFO
  // The folder the file is renamed into (symlinks followed).
  std::filesystem::path resolved_parent() const {
    return resolved_.has_parent_path() ? resolved_.parent_path() : std::filesystem::path(".");
  }
  const std::string& sha256() const { return sha256_; }  // after Close()
  uint64_t bytes_written() const { return bytes_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path resolved_;  // target_ with symlinks followed: what is replaced
  std::filesystem::path temp_;
  bool direct_ = false;
  std::FILE* file_ = nullptr;
  Sha256 hash_;
  std::string sha256_;
  uint64_t bytes_ = 0;
  bool published_ = false;
  int signal_slot_ = -1;  // where a fatal signal finds the temporary to remove
};

// Publishes several files together, in order: put the file that describes the others
// (a manifest naming their sha256) last, so that a reader of an interrupted publication
// finds a description that does not match. SIGINT/SIGTERM/SIGHUP arriving meanwhile are
// held until every rename is done, so that a signal never splits the set; only SIGKILL
// or a crash can, and then the hashes tell.
void PublishAll(const std::vector<AtomicFile*>& files);

// Removes, in `dir`, the temporaries AtomicFile left there when its process was killed
// by SIGKILL (names ".NAME.tmp-PID-XXXXXX" whose PID no longer runs). Temporaries of live
// processes are left alone.
void RemoveDeadTemporaries(const std::filesystem::path& dir);

// ---- standard output ----
// std::cout and stdout are outputs like files: a command's text is only delivered when
// they are flushed without error. Throws trajc::Error "trajc: error: cannot write to
// standard output: <cause>" when a write to them failed (a full disk, a closed pipe end,
// /dev/full), now or earlier.
void CheckStandardOutput();

// Makes std::cout write straight to fd 1 (64 KiB buffered, line-buffered on a terminal)
// so that the errno of a failed write is known to CheckStandardOutput(). Call once, first
// thing in main(); write standard output only through std::cout afterwards.
void InstallCheckedStandardOutput();

}  // namespace trajc
