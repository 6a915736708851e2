#include "llm/batch.h"

#include <filesystem>
#include <iostream>

namespace trajc::llm {

CachedAnswer CompleteCached(const CallContext& ctx, HttpClient& http, const Json& body, const std::string& salt,
                            uint64_t jitter_seed, bool dry_run, const AcceptAnswer& accept) {
  CachedAnswer out;
  std::string key = ResponseCache::KeyOf(ctx.config->ChatUrl() + salt, body);
  if (ctx.cache != nullptr) {
    std::optional<Json> hit = ctx.cache->Get(key);
    if (hit && hit->contains("content") && (*hit)["content"].is_string()) {
      out.cached = true;
      out.answer.ok = true;
      out.answer.content = (*hit)["content"].get<std::string>();
      return out;
    }
  }
  if (dry_run) {
    out.dry = true;
    return out;
  }
  int attempts = 0;
  for (int round = 0; round <= ctx.retry.max_retries; ++round) {
    ChatAnswer a = Complete(http, *ctx.config, body, ctx.retry, *ctx.limiter, jitter_seed + static_cast<uint64_t>(round));
    attempts += a.attempts;
    out.answer = a;
    out.answer.attempts = attempts;
    if (!a.ok) return out;  // Complete() spent the retries on transport and HTTP errors
    std::string why = accept ? accept(a.content) : "";
    if (why.empty()) {
      if (ctx.cache != nullptr)
        ctx.cache->Put(key, {{"content", a.content}, {"prompt_tokens", a.prompt_tokens}, {"completion_tokens", a.completion_tokens}});
      return out;
    }
    out.answer.ok = false;
    out.answer.error = ctx.config->Redact(why);
  }
  return out;
}

OutputSink::OutputSink(const std::string& path, RecordFormat format, bool discard)
    : writer_(buffer_, format), discard_(discard) {
  // "-" is standard output, as no path is. A device, FIFO or symlink is written through
  // (core/files AtomicFile), never replaced.
  if (!path.empty() && path != "-" && !discard) file_ = std::make_unique<AtomicFile>(path);
}

void OutputSink::Flush() {
  if (!discard_) {
    if (file_) {
      file_->Write(buffer_.str());
    } else {
      std::cout << buffer_.str() << std::flush;
      CheckStandardOutput();  // stop at a failed write, before more calls are paid for
    }
  }
  buffer_.str("");
}

void OutputSink::Finish() {
  if (discard_) return;
  writer_.Finish();
  Flush();
  if (file_) {
    file_->Close();
    file_->Publish();
  }
}

std::string DefaultCachePath(const std::string& output) {
  // Standard output, a device or a FIFO (-o /dev/null) has no folder of its own to hold
  // the cache: the current directory does.
  std::error_code ec;
  auto status = std::filesystem::status(output, ec);
  bool stdout_output = output.empty() || output == "-" ||
                       (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status));
  std::filesystem::path dir = stdout_output ? std::filesystem::path(".") : std::filesystem::path(output).parent_path();
  if (dir.empty()) dir = ".";
  return (dir / ".trajc-fill-cache.sqlite").string();
}

}  // namespace trajc::llm
