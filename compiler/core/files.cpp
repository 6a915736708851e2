#include "core/files.h"

#include <sys/stat.h>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <climits>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/diagnostic.h"

namespace trajc {

namespace {

// Temporaries of live AtomicFiles, so that SIGINT/SIGTERM/SIGHUP (Ctrl-C, a killed job)
// can remove them before the process dies. Fixed storage: a handler may only call
// async-signal-safe functions (unlink, signal, raise) and touch lock-free atomics.
constexpr int kSlots = 16;
char g_temp_paths[kSlots][PATH_MAX];
std::atomic<bool> g_slot_used[kSlots];

void RemoveTemporariesAndDie(int sig) {
  for (int i = 0; i < kSlots; ++i)
    if (g_slot_used[i].load()) unlink(g_temp_paths[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

int RegisterTemporary(const std::string& path) {
  static const bool installed = [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, RemoveTemporariesAndDie);
    return true;
  }();
  (void)installed;
  if (path.size() >= PATH_MAX) return -1;
  // Outputs are opened from one thread; the path is complete before the slot is marked used.
  for (int i = 0; i < kSlots; ++i) {
    if (g_slot_used[i].load()) continue;
    path.copy(g_temp_paths[i], path.size());
    g_temp_paths[i][path.size()] = '\0';
    g_slot_used[i].store(true);
    return i;
  }
  return -1;  // more than kSlots open at once: still removed on every normal path
}

void UnregisterTemporary(int slot) {
  if (slot >= 0) g_slot_used[slot].store(false);
}

}  // namespace

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

namespace {

// Temporaries of this target left by a process that no longer runs (killed with
// SIGKILL, which no handler sees): their names carry the writer's pid.
void RemoveOrphans(const std::filesystem::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target, std::string_view what_to_do) : target_(std::move(target)) {
  std::filesystem::path dir = target_.parent_path();
  if (dir.empty()) dir = ".";
  std::string prefix = "." + target_.filename().string() + ".tmp-";
  RemoveOrphans(dir, prefix);
  std::string pattern = (dir / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    throw Error({dir.string(), 0, 0},
                std::string("cannot write output here: ") + std::strerror(errno) + "; " + std::string(what_to_do));
  // mkstemp creates 0600; an output is an ordinary file, readable as the umask allows.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  temp_ = pattern;
  signal_slot_ = RegisterTemporary(temp_.string());
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
  UnregisterTemporary(signal_slot_);
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
  UnregisterTemporary(signal_slot_);
  signal_slot_ = -1;
}

void PublishAll(const std::vector<AtomicFile*>& files) {
  for (AtomicFile* f : files) f->Close();
  for (AtomicFile* f : files) f->Publish();
}

}  // namespace trajc
