#include <xuncha/model/ledger.hpp>

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
std::optional<Date> Hazard::deadline_in_force() const { return in_force(deadline, extensions); }

}  // namespace xuncha
