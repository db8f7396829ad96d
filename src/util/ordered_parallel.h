// Runs work(i) for i in [0, count) on up to `jobs` threads and hands each finished index to
// done(i) on the calling thread, in index order, as soon as every index before it is done.
// The output of a run therefore never depends on the thread count: work writes its result into
// a slot of its own, done reports it in input order. An exception from work(i) is rethrown on
// the calling thread when done would have been called for i; indexes after it are not started.
// Work runs at most ordered_window(jobs) indexes ahead of done, so the results waiting for done
// are bounded however many indexes there are: a caller needs a slot per index of the window
// (i % ordered_window(jobs)), not per index.
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

// The indexes ordered_parallel(…, jobs, …) may have started and not yet handed to done: enough
// for a long file to keep one thread busy while the others go on with many short ones.
inline std::size_t ordered_window(unsigned jobs) { return 32 * static_cast<std::size_t>(std::max(1u, jobs)); }

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
  const std::size_t window = ordered_window(jobs);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished_one, room;
  std::size_t handed = 0;                          // guarded by mutex: done(i) returned for every i below
  std::vector<char> finished(window, 0);           // guarded by mutex; index i's slot is i % window
  std::vector<std::exception_ptr> failures(window);
  auto worker = [&] {
    for (std::size_t i; !stop && (i = next++) < count;) {
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || i < handed + window; });
      }
      if (stop) return;  // a failure before i: the calling thread never waits for i
      try {
        work(i);
      } catch (...) {
        failures[i % window] = std::current_exception();
        stop = true;
      }
      {
        std::lock_guard lock(mutex);
        finished[i % window] = 1;
      }
      finished_one.notify_one();
    }
  };
  std::vector<std::jthread> threads;
  threads.reserve(jobs);
  // Stops and joins the workers however the loop below ends (a done() or a rethrown failure).
  struct StopOnExit {
    std::atomic<bool>& stop;
    std::mutex& mutex;
    std::condition_variable& room;
    ~StopOnExit() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      room.notify_all();
    }
  };
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  StopOnExit stop_on_exit{stop, mutex, room};
  for (std::size_t i = 0; i < count; ++i) {
    {
      std::unique_lock lock(mutex);
      finished_one.wait(lock, [&] { return finished[i % window] != 0; });
    }
    if (failures[i % window]) std::rethrow_exception(failures[i % window]);
    done(i);
    {
      std::lock_guard lock(mutex);
      finished[i % window] = 0;
      handed = i + 1;
    }
    room.notify_all();
  }
}

}  // namespace nblint
