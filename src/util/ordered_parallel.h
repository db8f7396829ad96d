// Runs work(i) for i in [0, count) on up to `jobs` threads and hands each finished index to
// done(i) on the calling thread, in index order, as soon as every index before it is done.
// The output of a run therefore never depends on the thread count: work writes its result into
// a slot of its own, done reports it in input order. An exception from work(i) is rethrown on
// the calling thread when done would have been called for i; indexes after it are not started.
#pragma once
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace nblint {

// The thread count `-j 0` means: the hardware's, at least 1.
inline unsigned default_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class Work, class Done>
void ordered_parallel(std::size_t count, unsigned jobs, Work&& work, Done&& done) {
  jobs = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), count));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      work(i);
      done(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished_one;
  std::vector<char> finished(count, 0);  // guarded by mutex
  std::vector<std::exception_ptr> failures(count);
  auto worker = [&] {
    for (std::size_t i; !stop && (i = next++) < count;) {
      try {
        work(i);
      } catch (...) {
        failures[i] = std::current_exception();
        stop = true;
      }
      {
        std::lock_guard lock(mutex);
        finished[i] = 1;
      }
      finished_one.notify_one();
    }
  };
  std::vector<std::jthread> threads;
  threads.reserve(jobs);
  // Joins the workers however the loop below ends (a done() or a rethrown failure).
  struct StopOnExit {
    std::atomic<bool>& stop;
    ~StopOnExit() { stop = true; }
  };
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  StopOnExit stop_on_exit{stop};
  for (std::size_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mutex);
      finished_one.wait(lock, [&] { return finished[i] != 0; });
    }
    if (failures[i]) std::rethrow_exception(failures[i]);
    done(i);
  }
}

}  // namespace nblint
