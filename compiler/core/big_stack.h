// core/big_stack — running work on a thread whose stack is large enough for deep input.
//
// Some of trajc's walks over a syntax tree recurse once per tree level, and a valid Python
// expression can nest thousands of levels (an `or` chain of 200,000 terms is one left-nested
// tree). The default 8 MiB stack of a process's main thread holds only a few thousand such
// levels, so trajc runs each command, and each --jobs worker, on a thread with a large
// *reserved* stack: the kernel commits a page only when it is touched, so a 1 GiB
// reservation costs what the input actually uses. python::DepthLimit() reads the stack of
// the calling thread, so a smaller stack (a fallback, a test's main thread) only lowers the
// depth trajc accepts; it never turns deep input into a crash.
#pragma once

#include <cstddef>
#include <functional>

namespace trajc {

// The reservation trajc asks for: deep enough for python::kMaxTreeDepth levels of the
// deepest recursive walk, with margin, in release and in sanitized builds.
inline constexpr size_t kBigStackBytes = size_t{1} << 30;

// Runs `work` on a new thread with a stack of `bytes` (halved, down to 16 MiB, while the
// system refuses the reservation; the calling thread runs it itself when even that fails),
// waits for it, and rethrows whatever `work` threw. Returns the stack size `work` ran with.
size_t RunOnBigStack(const std::function<void()>& work, size_t bytes = kBigStackBytes);

// Runs work(0) … work(n - 1) at once, each on its own thread with a stack of `bytes` (or
// less, as RunOnBigStack), waits for all, and rethrows the exception of the lowest index
// that threw, so that an error does not depend on thread timing.
void RunInParallel(unsigned n, const std::function<void(unsigned)>& work, size_t bytes = kBigStackBytes);

// Runs work(0) … work(items - 1) on `threads` threads (RunInParallel's stacks; the calling
// thread alone when threads <= 1), each thread taking the next unclaimed item, so that
// one large item does not hold up a fixed share of the others. Which thread runs an item
// must not matter to the result: write each item's output to its own slot and combine the
// slots in item order afterwards. Rethrows the exception of the lowest item that threw,
// after every item ran.
void ParallelFor(size_t items, unsigned threads, const std::function<void(size_t)>& work);

// Bytes of stack the calling thread has in total (its reservation, or the main thread's
// rlimit); 8 MiB when the system cannot say.
size_t CurrentThreadStackBytes();

}  // namespace trajc
