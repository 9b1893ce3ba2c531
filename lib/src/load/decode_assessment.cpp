// The policy's `assessment:` record: how a region's inspection results are scored for the annual
// safety target assessment, and who receives a copy (IV.2.6; model/policy.hpp, AssessmentPolicy).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

struct ScoreKey {
  std::string_view key;
  int AssessmentPolicy::*field;
};
const ScoreKey score_keys[] = {
    {"base_score", &AssessmentPolicy::base_score},
    {"per_overdue", &AssessmentPolicy::per_overdue},
    {"per_repeat", &AssessmentPolicy::per_repeat},
    {"per_unlisted_hazard", &AssessmentPolicy::per_unlisted_hazard},
    {"closure_points", &AssessmentPolicy::closure_points},
    {"min_score", &AssessmentPolicy::min_score},
};

}  // namespace

const RecordSpec& assessment_policy_spec() {
  static const RecordSpec s{{
      {.key = "base_score", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：扣分前的基础分（默认 100）", "assessment: the score before deductions (default 100)"}},
      {.key = "per_overdue", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：每个逾期未整改问题扣分（默认 2）", "assessment: points off per problem past its time limit (default 2)"}},
      {.key = "per_repeat", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：每个屡查屡犯（销号后反弹）问题扣分（默认 5）",
                 "assessment: points off per repeat problem, relapsed after it was closed (屡查屡犯; default 5)"}},
      {.key = "per_unlisted_hazard", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：每项未按期挂牌督办的重大隐患扣分（规则 R206，默认 5）",
                 "assessment: points off per major hazard not listed in time (rule R206; default 5)"}},
      {.key = "closure_points", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：销号率为 0 时扣的分，按未销号问题的比例扣（默认 20）",
                 "assessment: points off at a closure rate of 0, in proportion to the problems not closed (default 20)"}},
      {.key = "min_score", .type = FieldType::integer, .lo = 0, .hi = 10000,
       .about = {"结果运用：最低分（默认 0）", "assessment: the lowest score (default 0)"}},
      {.key = "recipients", .type = FieldType::ids,
       .about = {"结果运用：抄送单位，每个单位一份（默认 organisation 省委组织部、discipline 省纪委监委、political_legal "
                 "省委政法委；其他名称照写）",
                 "assessment: who receives a copy, one copy each (default organisation, discipline, political_legal: the "
                 "organisation department, the discipline commission, the political-legal commission; any other name as written)"},
       .min_items = 1},
  }, {"巡查结果运用（IV.2.6）：目标考核的计分办法和抄送单位", "use of the results (IV.2.6): the target assessment's scoring and its recipients"}};
  return s;
}

void assessment_policy(Decoder& d, const Entry& e) {
  auto& patches = d.out().policy;
  auto r = d.record(e.value, "assessment", assessment_policy_spec());
  if (!r.ok) return;
  for (const auto& k : score_keys) {
    auto f = k.field;
    d.int_field(r, k.key, [&](int value) { patches.push_back([f, value](Policy& pol) { pol.assessment.*f = value; }); });
  }
  // recipients: with no value (null) is absent, as everywhere in a record: the defaults stay.
  if (auto re = Decoder::find(r.entries, "recipients"); re && d.node(re->value).type != Type::null) {
    std::vector<std::string> who;
    if (!d.id_list(r, "recipients", who)) return;
    if (who.empty()) {
      d.error("L013", d.node(re->value), "assessment.recipients",
              {"assessment.recipients 至少要有一个抄送单位", "assessment.recipients needs at least one recipient"});
      return;
    }
    patches.push_back([who](Policy& pol) { pol.assessment.recipients = who; });
  }
}

}  // namespace xuncha::load::detail
