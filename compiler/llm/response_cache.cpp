#include "llm/response_cache.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "core/diagnostic.h"
#include "core/sha256.h"

namespace trajc::llm {

namespace {

// Runs a set-up statement, retrying while another process holds the database. Several
// `trajc fill` runs may open one new cache at once: switching it to WAL needs an exclusive
// lock, and SQLite reports SQLITE_BUSY there without calling the busy handler while
// another connection is creating or recovering the file.
int ExecWhenFree(sqlite3* db, const char* sql) {
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + std::chrono::seconds(30);
  auto pause = std::chrono::milliseconds(5);
  for (;;) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || Clock::now() >= give_up) return rc;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
}

}  // namespace

ResponseCache::ResponseCache(const std::string& path) : path_(path) {
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error({path, 0, 0}, "cannot open the response cache: " + why + "; choose another place with --cache PATH");
  }
  sqlite3_busy_timeout(db_, 30000);
  Check(ExecWhenFree(db_, "PRAGMA journal_mode=WAL"), "set WAL mode");
  Check(ExecWhenFree(db_, "CREATE TABLE IF NOT EXISTS completions (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        "create its table");
}

ResponseCache::~ResponseCache() { sqlite3_close(db_); }

void ResponseCache::Check(int rc, const char* what) const {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw Error({path_, 0, 0}, std::string("response cache: cannot ") + what + ": " + sqlite3_errmsg(db_));
}

std::string ResponseCache::KeyOf(const std::string& url, const Json& request_body) {
  return Sha256Hex(url + "\n" + Dump(request_body));
}

std::optional<Json> ResponseCache::Get(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(db_, "SELECT value FROM completions WHERE key = ?", -1, &stmt, nullptr), "read");
  sqlite3_bind_text(stmt, 1, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  std::optional<Json> out;
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    Json j = Json::parse(reinterpret_cast<const char*>(text), nullptr, false);
    if (!j.is_discarded()) out = std::move(j);
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) Check(rc, "read");
  return out;
}

void ResponseCache::Put(const std::string& key, const Json& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO completions (key, value) VALUES (?, ?)", -1, &stmt, nullptr), "write");
  std::string text = Dump(value);
  sqlite3_bind_text(stmt, 1, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  int rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  Check(rc, "write");
}

}  // namespace trajc::llm
