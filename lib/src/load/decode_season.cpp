// Seasons with no tour on site: a region's `blocked` periods and the policy's blocked_by_class
// (both lists of yearly MM-DD periods, shared here so both read them the same way).
#include "decoder.hpp"

namespace xuncha::load::detail {

const RecordSpec& season_block_spec() {
  static const RecordSpec s{{
      {.key = "name", .type = FieldType::text, .about = {"名称（如 汛期、深冬）", "the period's name (e.g. 汛期, flood season)"}},
      {.key = "from", .type = FieldType::month_day, .required = true, .about = {"每年第一天（MM-DD）", "first day, each year (MM-DD)"}},
      {.key = "to", .type = FieldType::month_day, .required = true,
       .about = {"每年最后一天（MM-DD；早于 from 表示跨年，如 12-15 至 02-15）",
                 "last day, each year (MM-DD; before `from` it runs over the new year, e.g. 12-15 to 02-15)"}},
  }, {"每年不安排进驻的一段时间（MM-DD 至 MM-DD，含首尾）", "a period of each year with no tour on site (MM-DD to MM-DD, inclusive)"}};
  return s;
}

const RecordSpec& blocked_by_class_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"按地区类别的每年不进驻时段", "periods of each year with no tour on site, by region class"}};
    static constexpr std::array<About, 4> classes{{{"市的不进驻时段", "periods for a city (市)"},
                                                    {"州的不进驻时段", "periods for a prefecture (州)"},
                                                    {"直管市的不进驻时段", "periods for a directly administered city (直管市)"},
                                                    {"林区的不进驻时段", "periods for a forestry district (林区)"}}};
    for (std::size_t i = 0; i < classes.size(); ++i)
      r.fields.push_back({.key = region_class_names[i], .type = FieldType::record, .list = true,
                          .record = &season_block_spec(), .about = classes[i]});
    return r;
  }();
  return s;
}

bool season_blocks(Decoder& d, std::uint32_t index, const std::string& path, std::vector<SeasonBlock>& out) {
  bool ok = true;
  auto items = d.sequence(index, path);
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto r = d.record(items[i], fmt::format("{}[{}]", path, i), season_block_spec());
    SeasonBlock b;
    b.name = d.text_field(r, "name").value_or("");
    d.field(r, "from", [&](std::uint32_t v, const std::string& p) { return d.month_day(v, p, b.from_month, b.from_day); });
    d.field(r, "to", [&](std::uint32_t v, const std::string& p) { return d.month_day(v, p, b.to_month, b.to_day); });
    if (r.ok) out.push_back(std::move(b));
    ok = ok && r.ok;
  }
  return ok;
}

void blocked_by_class(Decoder& d, std::uint32_t index) {
  auto r = d.record(index, "blocked_by_class", blocked_by_class_spec());
  for (std::size_t c = 0; c < region_class_names.size(); ++c)
    d.field(r, region_class_names[c], [&](std::uint32_t v, const std::string& p) {
      std::vector<SeasonBlock> blocks;
      if (!season_blocks(d, v, p, blocks)) return false;
      d.out().policy.push_back([c, blocks](Policy& pol) { pol.class_blocked[c] = blocks; });
      return true;
    });
}

}  // namespace xuncha::load::detail
