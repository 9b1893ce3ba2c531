#include <xuncha/model/ledger.hpp>

#include <algorithm>

namespace xuncha {

namespace {
// The last approved extension's date, else `base`.
std::optional<Date> in_force(std::optional<Date> base, const std::vector<LedgerExtension>& exts) {
  for (const auto& e : exts)
    if (e.approved) base = e.until;
  return base;
}
}  // namespace

std::optional<Date> Problem::due_in_force() const { return in_force(due, extensions); }
std::vector<Verification> Problem::all_verifications() const {
  std::vector<Verification> out = verifications;
  if (verified && std::none_of(out.begin(), out.end(), [&](const Verification& v) { return v.date == *verified; }))
    out.push_back({*verified, verified_by, VerifyResult::passed});
  std::stable_sort(out.begin(), out.end(), [](const Verification& a, const Verification& b) { return a.date < b.date; });
  return out;
}
std::optional<Date> Hazard::deadline_in_force() const { return in_force(deadline, extensions); }

}  // namespace xuncha
