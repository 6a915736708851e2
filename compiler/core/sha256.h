// core/sha256 — content hashes for the manifest, golden tests and fixture identity
// (OpenSSL's libcrypto). Returns lowercase hex.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace trajc {

std::string Sha256Hex(std::string_view bytes);

// The sha256 of a file's bytes, read in blocks so that memory does not grow with the file
// (datasets reach gigabytes); nullopt when it cannot be opened or read (errno says why).
std::optional<std::string> Sha256OfFile(const std::filesystem::path& path);

// Incremental hashing for files written as a stream.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  std::string FinishHex();

 private:
  void* ctx_;  // EVP_MD_CTX*
};

}  // namespace trajc
