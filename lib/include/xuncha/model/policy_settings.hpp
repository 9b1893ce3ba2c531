#pragma once
// The effective policy as a flat list of settings, named by their key in a kind: policy document
// ("report_workdays", "team_size.min", "ledger.overdue_grace"), for `xuncha config`.
#include <string>
#include <vector>

#include <xuncha/model/policy.hpp>

namespace xuncha {

struct PolicySetting {
  std::string key;    ///< the key path as a policy document writes it
  std::string value;  ///< the value as a policy document would write it
};

/// Every setting of `p`, in the order of the policy document's reference (docs/data-format.md).
std::vector<PolicySetting> policy_settings(const Policy& p);

}  // namespace xuncha
