#pragma once
// Shared timing helper for the benchmarks.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace xuncha::bench {

/// Runs `f` `runs` times and returns the median wall time in milliseconds.
inline double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace xuncha::bench
