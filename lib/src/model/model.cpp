#include <xuncha/model/model.hpp>

#include <cstddef>

#include <fmt/format.h>

namespace xuncha {

namespace {

void put_number(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

std::uint32_t get_number(const char*& p) {
  std::uint32_t v = 0;
  for (unsigned shift = 0;; shift += 7) {
    auto b = static_cast<unsigned char>(*p++);
    v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
    if (b < 0x80) return v;
  }
}

}  // namespace

void FieldMarks::emplace_back(std::string_view key, Mark mark) {
  put_number(buf_, static_cast<std::uint32_t>(key.size()));
  buf_.append(key);
  put_number(buf_, mark.file);
  put_number(buf_, mark.line);
  put_number(buf_, mark.column);
}

FieldMarks::iterator::value_type FieldMarks::iterator::operator*() const {
  const char* p = p_;
  auto n = get_number(p);
  std::string_view key(p, n);
  p += n;
  Mark m;
  m.file = get_number(p);
  m.line = get_number(p);
  m.column = get_number(p);
  return {key, m};
}

FieldMarks::iterator& FieldMarks::iterator::operator++() {
  auto n = get_number(p_);
  p_ += n;
  for (int k = 0; k < 3; ++k) get_number(p_);
  return *this;
}

Mark Source::field(std::string_view name) const {
  for (const auto& [key, mark] : fields)
    if (key == name) return mark;
  return at;
}

std::vector<std::pair<Role, std::string>> Team::everyone() const {
  std::vector<std::pair<Role, std::string>> out;
  for (std::size_t r = 0; r < roles.size(); ++r)
    for (const auto& who : roles[r]) out.emplace_back(static_cast<Role>(r), who);
  return out;
}

namespace {
template <class T>
void index_of(const std::vector<T>& items, IdIndex& idx) {
  idx.clear();
  idx.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) idx.emplace(items[i].id, i);
}
template <class T>
const T* find_in(const std::vector<T>& items,
                 const IdIndex& idx, std::string_view id) {
  auto it = idx.find(id);
  return it == idx.end() ? nullptr : &items[it->second];
}
}  // namespace

void Dataset::reindex() {
  index_of(regions, region_index);
  index_of(units, unit_index);
  index_of(people, person_index);
  index_of(appointments, appointment_index);
  index_of(teams, team_index);
  index_of(tours, tour_index);
  index_of(ledger.problems, problem_index);
  index_of(ledger.hazards, hazard_index);
  index_of(ledger.leads, lead_index);
  index_of(ledger.reports, public_report_index);
  index_of(ledger.lookbacks, lookback_index);
}

Location Dataset::locate(Mark m) const {
  Location loc;
  if (m.file < files.size()) loc.file = files[m.file];
  loc.line = static_cast<int>(m.line);
  loc.column = static_cast<int>(m.column);
  return loc;
}

const Region* Dataset::region(std::string_view id) const { return find_in(regions, region_index, id); }
const Unit* Dataset::unit(std::string_view id) const { return find_in(units, unit_index, id); }
const Person* Dataset::person(std::string_view id) const { return find_in(people, person_index, id); }
const Team* Dataset::team(std::string_view id) const { return find_in(teams, team_index, id); }
const Tour* Dataset::tour(std::string_view id) const { return find_in(tours, tour_index, id); }

unsigned months_allowed(const Region& r, const Policy& p) {
  const auto& ms = r.months.empty() ? p.class_months[static_cast<std::size_t>(r.cls)] : r.months;
  unsigned mask = 0;
  for (int m : ms)
    if (m >= 1 && m <= 12) mask |= 1u << (m - 1);
  return mask ? mask : 0xFFFu;
}

std::string months_text(unsigned mask, bool zh) {
  std::string out;
  for (int m = 1; m <= 12;) {
    if (!(mask & (1u << (m - 1)))) {
      ++m;
      continue;
    }
    int e = m;
    while (e < 12 && (mask & (1u << e))) ++e;
    if (!out.empty()) out += zh ? "、" : ", ";
    out += e == m ? std::to_string(m) : std::to_string(m) + (zh ? "—" : "-") + std::to_string(e);
    m = e + 1;
  }
  return out;
}

bool SeasonBlock::covers(Date d) const {
  date::year_month_day ymd{d};
  int md = static_cast<int>(static_cast<unsigned>(ymd.month())) * 100 + static_cast<int>(static_cast<unsigned>(ymd.day()));
  int from = from_month * 100 + from_day, to = to_month * 100 + to_day;
  return from <= to ? from <= md && md <= to : md >= from || md <= to;
}

const std::vector<SeasonBlock>& blocked_periods(const Region& r, const Policy& p) {
  return r.blocked ? *r.blocked : p.class_blocked[static_cast<std::size_t>(r.cls)];
}

std::optional<Date> first_blocked_day(const std::vector<SeasonBlock>& blocks, Date first, Date last) {
  if (blocks.empty()) return std::nullopt;
  for (Date d = first; !(last < d); d += date::days{1})
    for (const auto& b : blocks)
      if (b.covers(d)) return d;
  return std::nullopt;
}

std::string blocked_text(const std::vector<SeasonBlock>& blocks, bool zh) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += zh ? "、" : ", ";
    if (!b.name.empty()) out += b.name + " ";
    out += fmt::format("{:02}-{:02}{}{:02}-{:02}", b.from_month, b.from_day, zh ? "—" : " to ", b.to_month, b.to_day);
  }
  return out;
}

int days_allowed(const Region& r, const Policy& p) {
  if (r.days) return *r.days;
  switch (r.cls) {
    case RegionClass::city: return p.days_city;
    case RegionClass::prefecture: return p.days_prefecture;
    case RegionClass::direct_city: return p.days_direct_city;
    case RegionClass::forestry: return p.days_forestry;
  }
  return p.days_city;
}

}  // namespace xuncha

namespace xuncha {

const BatchWindow* batch_holding(const Policy& p, Date d) {
  int y = static_cast<int>(date::year_month_day{d}.year());
  for (const auto& b : p.batches)
    if (!(d < b.first_day(y)) && !(b.last_day(y) < d)) return &b;
  return nullptr;
}

Date BatchWindow::first_day(int year) const {
  date::year_month_day ymd{date::year{year} / date::month{static_cast<unsigned>(from_month)} /
                           date::day{static_cast<unsigned>(from_day)}};
  if (ymd.ok()) return Date{ymd};
  // Only 02-29 outside a leap year gets here (the loader checks month and day): the next day.
  return Date{date::year{year} / date::month{static_cast<unsigned>(from_month)} / date::last} + date::days{1};
}

Date BatchWindow::last_day(int year) const {
  date::year_month_day ymd{date::year{year} / date::month{static_cast<unsigned>(to_month)} /
                           date::day{static_cast<unsigned>(to_day)}};
  if (ymd.ok()) return Date{ymd};
  return Date{date::year{year} / date::month{static_cast<unsigned>(to_month)} / date::last};
}

}  // namespace xuncha
