#include <xuncha/rules/checkers.hpp>

namespace xuncha::rules {

std::span<const RuleInfo> suppression_rules() {
  static constexpr RuleInfo rules[] = {
      {"X001", "suppression-without-reason", Severity::warning, "—", "抑制注释缺少理由",
       "suppression without a reason",
       "行内抑制注释 # xuncha: ignore[编号] 后面没有写理由。请写成 # xuncha: ignore[编号] -- 理由，让以后的读者知道为何接受这个问题。",
       "An inline suppression # xuncha: ignore[ID] gives no reason. Write # xuncha: ignore[ID] -- why, so later readers know why the finding is accepted."},
      {"X002", "unused-suppression", Severity::warning, "—", "未使用或无效的抑制注释",
       "unused or invalid suppression",
       "行内抑制注释没有抑制任何问题（所在行或所在记录中没有该规则的问题），或写了不存在的规则编号（会给出最接近的编号）。请删除或改正该注释。",
       "An inline suppression suppressed nothing (its line or record has no finding of that rule), or names a rule that does not exist (the closest id is suggested). Remove or correct the comment."},
  };
  return rules;
}

}  // namespace xuncha::rules
