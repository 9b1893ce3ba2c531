// libFuzzer target for the spreadsheet readers (lib/src/import/): xlsx (damaged zips and XML,
// shared-string indices out of range, huge dimensions and merges) and CSV (encodings, quotes),
// then the importer over whatever was read. Nothing may crash, leak or hang.
#include <xuncha/import/importer.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xuncha::import;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadLimits limits;
  limits.max_part_bytes = 8u << 20;
  limits.max_total_bytes = 32u << 20;
  limits.max_cells = 1u << 20;
  auto r = sniff_format(bytes) == Format::xlsx ? read_xlsx(bytes, "f.xlsx", limits) : read_csv(bytes, "f.csv", limits);
  if (!r.ok()) return 0;
  ImportOptions opt;
  (void)import_books({*r.book}, opt);
  opt.kind = "problems";
  opt.refs["tours"] = {{"T2026-wuhan", ""}};
  (void)import_books({*r.book}, opt);
  return 0;
}
