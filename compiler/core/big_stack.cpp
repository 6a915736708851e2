#include "core/big_stack.h"

#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <vector>

namespace trajc {

namespace {

struct Job {
  const std::function<void()>* work;
  std::exception_ptr error;
};

void* RunJob(void* arg) {
  auto* job = static_cast<Job*>(arg);
  try {
    (*job->work)();
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}

constexpr size_t kMinBigStack = size_t{16} << 20;
constexpr size_t kDefaultStack = size_t{8} << 20;

}  // namespace

size_t RunOnBigStack(const std::function<void()>& work, size_t bytes) {
  Job job{&work, nullptr};
  for (size_t size = bytes; size >= kMinBigStack; size /= 2) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) break;
    pthread_t thread;
    bool started = pthread_attr_setstacksize(&attr, size) == 0 && pthread_create(&thread, &attr, RunJob, &job) == 0;
    pthread_attr_destroy(&attr);
    if (!started) continue;  // e.g. EAGAIN under a strict overcommit policy: ask for less
    pthread_join(thread, nullptr);
    if (job.error) std::rethrow_exception(job.error);
    return size;
  }
  // No thread at all: run here; DepthLimit() then follows this thread's smaller stack.
  work();
  return CurrentThreadStackBytes();
}

void RunInParallel(unsigned n, const std::function<void(unsigned)>& work, size_t bytes) {
  std::vector<std::function<void()>> jobs;
  std::vector<Job> states(n);
  std::vector<pthread_t> threads(n);
  std::vector<bool> started(n, false);
  jobs.reserve(n);
  for (unsigned i = 0; i < n; ++i) jobs.emplace_back([&work, i] { work(i); });
  for (unsigned i = 0; i < n; ++i) {
    states[i] = Job{&jobs[i], nullptr};
    for (size_t size = bytes; size >= kMinBigStack && !started[i]; size /= 2) {
      pthread_attr_t attr;
      if (pthread_attr_init(&attr) != 0) break;
      started[i] = pthread_attr_setstacksize(&attr, size) == 0 && pthread_create(&threads[i], &attr, RunJob, &states[i]) == 0;
      pthread_attr_destroy(&attr);
    }
  }
  // A job without a thread runs here, after the others started, so that all still run.
  for (unsigned i = 0; i < n; ++i)
    if (!started[i]) RunJob(&states[i]);
  for (unsigned i = 0; i < n; ++i)
    if (started[i]) pthread_join(threads[i], nullptr);
  for (const Job& job : states)
    if (job.error) std::rethrow_exception(job.error);
}

size_t CurrentThreadStackBytes() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return kDefaultStack;
  size_t size = 0;
  int rc = pthread_attr_getstacksize(&attr, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0 || size == 0) return kDefaultStack;
  return size;
}

void ParallelFor(size_t items, unsigned threads, const std::function<void(size_t)>& work) {
  std::atomic<size_t> next{0};
  std::mutex lock;
  size_t failed_item = items;
  std::exception_ptr failure;
  auto drain = [&](unsigned) {
    for (size_t i = next++; i < items; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> hold(lock);
        if (i < failed_item) failed_item = i, failure = std::current_exception();
      }
    }
  };
  unsigned n = static_cast<unsigned>(std::min<size_t>(std::max(threads, 1u), std::max<size_t>(items, 1)));
  if (n <= 1) drain(0);
  else RunInParallel(n, drain);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace trajc
