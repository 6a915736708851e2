#include "core/files.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <climits>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <streambuf>
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

// While PublishAll renames a set of files, a signal is held (recorded here) and acted on
// once the set is complete.
std::atomic<bool> g_publishing{false};
std::atomic<int> g_held_signal{0};

void RemoveTemporariesAndDie(int sig) {
  if (g_publishing.load()) {
    g_held_signal.store(sig);
    return;
  }
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

// Whether process `pid` is gone: no such process, or a zombie nobody reaped yet.
bool ProcessIsDead(long pid) {
  if (pid <= 0) return false;
  if (::kill(static_cast<pid_t>(pid), 0) == -1) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);
  size_t paren = text.rfind(')');
  return paren != std::string::npos && paren + 2 < text.size() && text[paren + 2] == 'Z';
}

// The pid in a temporary's name ".NAME.tmp-PID-XXXXXX"; 0 when the name is not one.
long TemporaryPid(const std::string& name) {
  if (name.size() < 2 || name[0] != '.') return 0;
  size_t at = name.rfind(".tmp-");
  if (at == std::string::npos || at == 0) return 0;
  size_t digits = at + 5, dash = name.find('-', digits);
  if (dash == std::string::npos || dash == digits || name.size() - dash - 1 != 6) return 0;
  for (size_t i = digits; i < dash; ++i)
    if (name[i] < '0' || name[i] > '9') return 0;
  return std::strtol(name.c_str() + digits, nullptr, 10);
}

// Follows `path` through symlinks (relative ones against their folder) to what a write
// would reach; throws for a loop. A dangling link resolves to the file it would create.
std::filesystem::path FollowSymlinks(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(std::filesystem::symlink_status(p, ec))) return p;
    std::filesystem::path link = std::filesystem::read_symlink(p, ec);
    if (ec) throw Error({path.string(), 0, 0}, "cannot read the symlink: " + ec.message());
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  throw Error({path.string(), 0, 0}, "too many levels of symbolic links; name the file itself");
}

}  // namespace

void RemoveDeadTemporaries(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    long pid = TemporaryPid(entry.path().filename().string());
    if (pid > 0 && pid != ::getpid() && ProcessIsDead(pid) && entry.is_regular_file(ec))
      std::filesystem::remove(entry.path(), ec);
  }
}

namespace {

// Temporaries of this target left by a process that no longer runs.
void RemoveOrphans(const std::filesystem::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    long pid = TemporaryPid(name);
    if (pid > 0 && pid != ::getpid() && ProcessIsDead(pid)) std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target, std::string_view what_to_do) : target_(std::move(target)) {
  resolved_ = FollowSymlinks(target_);
  struct stat st {};
  if (::stat(resolved_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw Error({target_.string(), 0, 0}, "is a directory; expected a file");
    // A device or a FIFO: written in place (a FIFO waits for its reader), never replaced.
    int fd = ::open(resolved_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) throw Error({target_.string(), 0, 0}, std::string("cannot open for writing: ") + std::strerror(errno));
    file_ = fdopen(fd, "wb");
    if (file_ == nullptr) {
      ::close(fd);
      throw Error({target_.string(), 0, 0}, std::string("cannot open for writing: ") + std::strerror(errno));
    }
    direct_ = true;
    return;
  }
  std::filesystem::path dir = resolved_.parent_path();
  if (dir.empty()) dir = ".";
  std::string prefix = "." + resolved_.filename().string() + ".tmp-";
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
  int error = std::fflush(file_) != 0 ? errno : 0;
  // On disk before it is renamed into place: otherwise a power loss after the rename can
  // leave the new name on an empty or partial file. Devices and FIFOs have nothing to sync.
  if (error == 0 && !direct_ && ::fsync(fileno(file_)) != 0) error = errno;
  if (std::fclose(file_) != 0 && error == 0) error = errno;
  file_ = nullptr;
  if (error != 0) throw Error({target_.string(), 0, 0}, std::string("write failed: ") + std::strerror(error));
  sha256_ = hash_.FinishHex();
}

void AtomicFile::Publish() {
  Close();
  if (direct_) {
    published_ = true;
    return;
  }
  std::error_code ec;
  std::filesystem::rename(temp_, resolved_, ec);
  if (ec) throw Error({target_.string(), 0, 0}, "cannot move output into place: " + ec.message());
  published_ = true;
  UnregisterTemporary(signal_slot_);
  signal_slot_ = -1;
}

namespace {

// Best effort: a file system that cannot sync a directory (some network ones) has
// published the files all the same.
void SyncDirectory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void PublishAll(const std::vector<AtomicFile*>& files) {
  for (AtomicFile* f : files) f->Close();
  g_publishing.store(true);
  struct Release {
    ~Release() {
      g_publishing.store(false);
      if (int sig = g_held_signal.exchange(0); sig != 0) RemoveTemporariesAndDie(sig);
    }
  } release;
  for (AtomicFile* f : files) f->Publish();
  // The renames themselves are durable once their directories are synced.
  std::vector<std::filesystem::path> dirs;
  for (const AtomicFile* f : files) {
    if (f->direct()) continue;
    std::filesystem::path dir = f->resolved_parent();
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(std::move(dir));
  }
  for (const std::filesystem::path& dir : dirs) SyncDirectory(dir);
}

// ---- standard output ----

namespace {

// The first error of a write to standard output, as errno had it then: stdio and iostreams
// keep only a flag, and errno is long overwritten when the command ends.
std::atomic<int> g_stdout_error{0};

// std::cout's buffer once InstallCheckedStandardOutput() ran: bytes go to fd 1 with
// write(2), the first failure's errno kept. Line-buffered on a terminal.
class CheckedStdoutBuf : public std::streambuf {
 public:
  CheckedStdoutBuf() : terminal_(::isatty(STDOUT_FILENO) == 1) { setp(buffer_, buffer_ + sizeof buffer_); }

 protected:
  int_type overflow(int_type ch) override {
    if (Drain() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
      if (terminal_ && ch == '\n' && Drain() != 0) return traits_type::eof();
    }
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::streamsize room = epptr() - pptr();
    if (n <= room) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
    } else {
      if (Drain() != 0 || WriteAll(s, static_cast<size_t>(n)) != 0) return 0;
    }
    if (terminal_ && std::memchr(s, '\n', static_cast<size_t>(n)) != nullptr && Drain() != 0) return 0;
    return n;
  }
  int sync() override { return Drain() == 0 ? 0 : -1; }

 private:
  int Drain() {
    size_t n = static_cast<size_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
    return n == 0 ? 0 : WriteAll(buffer_, n);
  }
  static int WriteAll(const char* data, size_t n) {
    if (g_stdout_error.load() != 0) return -1;  // one failure is enough; the rest is dropped
    while (n > 0) {
      ssize_t w = ::write(STDOUT_FILENO, data, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        int error = w < 0 ? errno : EIO;
        int expected = 0;
        g_stdout_error.compare_exchange_strong(expected, error);
        return -1;
      }
      data += w;
      n -= static_cast<size_t>(w);
    }
    return 0;
  }

  char buffer_[1 << 16];
  bool terminal_;
};

}  // namespace

void InstallCheckedStandardOutput() {
  static CheckedStdoutBuf* buf = new CheckedStdoutBuf();  // never destroyed: std::cout outlives main
  std::fflush(stdout);
  std::cout.rdbuf(buf);
}

void CheckStandardOutput() {
  std::cout.flush();
  int error = g_stdout_error.load();
  if (std::fflush(stdout) != 0 && error == 0) error = errno;
  if (error == 0 && (std::cout.bad() || std::ferror(stdout))) error = EIO;
  if (error != 0)
    throw Error({"trajc", 0, 0}, std::string("cannot write to standard output: ") + std::strerror(error));
}

}  // namespace trajc
