// load(): reads and decodes every input (in parallel), merges them and checks references.
// The pieces are described at the top of decoder.hpp.
#include <xuncha/load/loader.hpp>

#include "decoder.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace xuncha::load {

LoadResult load(std::vector<InputFile> inputs, const LoadOptions& options) {
  LoadResult result;
  std::vector<detail::FileData> files(inputs.size());
  unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(inputs.size())));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      detail::decode_file(inputs[i], static_cast<std::uint32_t>(i), options, files[i]);
  } else {
    std::atomic<std::size_t> next{0};
    // An exception in a worker (std::bad_alloc on an input too large for the memory) must reach
    // the caller, not std::terminate: the first one stops every worker and is rethrown here.
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
      try {
        for (std::size_t i = next++; i < inputs.size(); i = next++)
          detail::decode_file(inputs[i], static_cast<std::uint32_t>(i), options, files[i]);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = inputs.size();
      }
    };
    std::vector<std::thread> workers;
    try {
      for (unsigned w = 1; w < jobs; ++w) workers.emplace_back(work);
    } catch (const std::system_error&) {
      // (no thread to be had, e.g. under an address-space limit: the workers started do it all)
    }
    work();
    for (auto& t : workers) t.join();
    if (failure) std::rethrow_exception(failure);
  }

  Dataset& data = result.data;
  for (const auto& in : inputs) data.files.push_back(in.name);
  for (auto& f : files) {
    for (auto& n : f.notes) result.notes.push_back(std::move(n));
    for (auto& s : f.suppressions) result.suppressions.push_back(std::move(s));
  }
  detail::merge_files(files, data, result.diagnostics);
  detail::check_references(data, files, result.diagnostics);
  detail::ledger_notes(data, result.notes);
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace xuncha::load
