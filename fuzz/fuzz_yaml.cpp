// libFuzzer target for the YAML fast path (lib/src/load/yaml_fast.cpp): wherever it answers,
// yaml-cpp must parse the same bytes without error into the same documents, node for node.
#include "load/yaml_sink.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xuncha::load;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<YDocument> fast;
  if (!detail::parse_yaml_fast(text, fast)) return 0;
  auto slow = detail::parse_yaml_cpp(text);
  if (slow.failed || slow.documents != fast) __builtin_trap();
  return 0;
}
