#pragma once
// What the benchmarks share: timing, writing a generated data folder, loading it, and running a
// subcommand in-process through the binary's own entry point.
#include "app/app.hpp"

#include <xuncha/load/loader.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
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

/// Writes the files of a generated data set under `root`, counting files and bytes.
struct Writer {
  std::filesystem::path root;
  long long files = 0, bytes = 0;
  void write(const std::filesystem::path& rel, const std::string& text) {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
    ++files;
    bytes += static_cast<long long>(text.size());
  }
};

/// Loads a folder as `xuncha` does (walk, read, parse, decode, ids and references).
inline load::LoadResult load_folder(const std::filesystem::path& root, unsigned jobs) {
  std::vector<Diagnostic> diags;
  auto inputs = load::expand_paths({root.string()}, diags);
  load::LoadOptions opts;
  opts.jobs = jobs;
  return load::load(std::move(inputs), opts);
}

/// What an in-process run of the binary printed and returned.
struct RunResult {
  int code = 0;
  std::string out, err;
};

/// Runs `xuncha ARGS...` in-process (cli::run, the binary's entry point): C locale, no colour.
inline RunResult run_cli(const std::vector<std::string>& args, unsigned cores = 1) {
  cli::Environment env;
  env.lang = "C.UTF-8";
  env.no_color = true;
  env.cores = cores;
  std::ostringstream out, err;
  RunResult r;
  r.code = cli::run(args, env, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace xuncha::bench
