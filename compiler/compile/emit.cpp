#include "compile/emit.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>

#include "compile/example.h"
#include "compile/manifest.h"
#include "compile/skipped.h"
#include "core/big_stack.h"

namespace trajc::compile {

namespace fs = std::filesystem;

namespace {

constexpr uint64_t kBatch = 256;  // examples compiled in parallel, then written in order

class Progress {
 public:
  Progress(bool enabled, uint64_t total) : enabled_(enabled && isatty(STDERR_FILENO)), total_(total) {}
  void Update(uint64_t done) {
    if (!enabled_ || total_ == 0) return;
    int width = 40;
    int filled = static_cast<int>(width * done / total_);
    std::fprintf(stderr, "\r[%s%s] %llu/%llu", std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_));
    if (done == total_) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  uint64_t total_;
};

void EmitPart(const Loaded& in, const Split& split, Part& part, const GenerateOptions& o, Progress& progress, uint64_t& done) {
  std::vector<std::string> lines(kBatch);
  std::vector<PlanSlot> slots(kBatch);
  for (uint64_t begin = part.first; begin < part.end; begin += kBatch) {
    uint64_t n = std::min(kBatch, part.end - begin);
    auto work = [&](unsigned worker) {
      for (uint64_t k = worker; k < n; k += o.jobs) lines[k] = CompileExample(in, split, o.seed, begin + k, slots[k]);
    };
    if (o.jobs == 1) {
      work(0);
    } else {
      RunInParallel(o.jobs, work);  // large stacks, as the command's own thread (core/big_stack.h)
    }
    for (uint64_t k = 0; k < n; ++k) {
      part.file->Write(lines[k]);
      const PlanSlot& s = slots[k];
      const Candidate& c = split.viable[s.template_index][s.node];
      ++part.by_template[in.templates[s.template_index].id];
      ++part.by_fixture[*c.manifest_path];
      for (const std::string& label : c.node->labels) ++part.by_label[label];
      part.repeats += s.repeat;
    }
    done += n;
    progress.Update(done);
  }
}

void PrintSummary(const std::array<Split, 2>& splits, const GenerateOptions& o, const fs::path& out,
                  const std::vector<std::string>& warnings) {
  std::string written;
  Json summary = {{"out", out.generic_string()}};
  for (const Split& sp : splits)
    for (const Part& p : sp.parts) {
      written += (written.empty() ? "" : " + ") + std::to_string(p.end - p.first) + " " + p.name;
      summary[p.name] = p.end - p.first;
      summary[p.name + "_sha256"] = p.file->sha256();
    }
  summary["warnings"] = warnings;
  if (o.json) {
    std::cout << summary.dump() << "\n";
  } else if (!o.quiet) {
    std::cerr << "trajc: wrote " << written << " examples"
              << (o.shard.count > 1 ? " (shard " + ShardText(o.shard) + ")" : "") << " to " << out.generic_string()
              << "/ (manifest.json)\n";
  }
}

}  // namespace

void WriteSplits(const Loaded& in, std::array<Split, 2>& splits, const GenerateOptions& o,
                 const std::vector<std::string>& warnings) {
  fs::path out = o.out.empty() ? fs::path("out") / o.domain : fs::path(o.out);
  std::error_code ec;
  bool created = false;
  if (!fs::exists(out, ec)) {
    created = fs::create_directories(out, ec);
    if (ec) throw Error({out.generic_string(), 0, 0}, "cannot create output directory: " + ec.message() + "; choose another with --out");
  } else if (!fs::is_directory(out, ec)) {
    throw Error({out.generic_string(), 0, 0}, "exists and is not a directory; choose another with --out");
  }
  // Temporaries of earlier runs into this folder that were killed (SIGKILL: no handler
  // ran) are garbage; those of a run still going are its own.
  RemoveDeadTemporaries(out);
  try {
    uint64_t to_write = 0;
    for (Split& sp : splits)
      for (Part& p : sp.parts) {
        p.file = std::make_unique<AtomicFile>(out / (p.name + ".jsonl"));
        to_write += p.end - p.first;
      }
    AtomicFile manifest(out / "manifest.json");
    for (const auto& w : warnings)
      if (!o.quiet) std::cerr << "trajc: warning: " << w << "\n";
    std::string skipped = SkippedLine(splits);
    if (!o.quiet && !skipped.empty()) std::cerr << "trajc: " << skipped << "\n";
    Progress progress(!o.quiet, to_write);
    uint64_t done = 0;
    for (Split& sp : splits)
      for (Part& p : sp.parts) {
        EmitPart(in, sp, p, o, progress, done);
        p.file->Close();
      }

    manifest.Write(ManifestJson(in, splits, o, warnings).dump(2) + "\n");
    // The manifest last: it pins the sha256 of the files it belongs to, so that readers
    // (check, stats) refuse the mixture a run killed between the renames leaves.
    std::vector<AtomicFile*> files;
    for (Split& sp : splits)
      for (Part& p : sp.parts) files.push_back(p.file.get());
    files.push_back(&manifest);
    PublishAll(files);
    PrintSummary(splits, o, out, warnings);
  } catch (...) {
    if (created) fs::remove_all(out, ec);
    throw;
  }
}

}  // namespace trajc::compile
