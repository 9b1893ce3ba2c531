// load(): reads and decodes every input (in parallel), merges them and checks references.
// The pieces are described at the top of decoder.hpp.
#include <xuncha/load/loader.hpp>

#include "decoder.hpp"

#include <algorithm>
#include <atomic>
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
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++)
          detail::decode_file(inputs[i], static_cast<std::uint32_t>(i), options, files[i]);
      });
    }
    for (auto& t : workers) t.join();
  }

  Dataset& data = result.data;
  for (const auto& in : inputs) data.files.push_back(in.name);
  for (auto& f : files) {
    for (auto& n : f.notes) result.notes.push_back(std::move(n));
    for (auto& s : f.suppressions) result.suppressions.push_back(std::move(s));
  }
  detail::merge_files(files, data, result.diagnostics);
  detail::check_references(data, result.diagnostics);
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace xuncha::load
