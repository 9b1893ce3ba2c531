// libFuzzer target for the loader: the input bytes are one in-memory file given to load::load.
// A first byte 0x01 or 0x02 makes the file a --policy or --calendar file (and is dropped), so the
// role checks are reached too.
#include <xuncha/load/loader.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xuncha::load;
  auto role = InputRole::data;
  if (size > 0 && (data[0] == 1 || data[0] == 2)) {
    role = data[0] == 1 ? InputRole::policy : InputRole::calendar;
    ++data;
    --size;
  }
  std::vector<InputFile> inputs;
  inputs.push_back({"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), role});
  auto result = load(std::move(inputs));
  // Every diagnostic of an in-memory file must point into it (line 0 is for unreadable paths).
  for (const auto& d : result.diagnostics)
    if (d.where.file == "fuzz.yaml" && d.where.line < 0) __builtin_trap();
  return 0;
}
