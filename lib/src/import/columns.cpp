// The column tables: for each kind an office keeps in a sheet, the fields in export order with
// the header words and value words people use (IMPORT.md lists what offices write).
#include <xuncha/import/columns.hpp>

#include <xuncha/model/ledger.hpp>
#include <xuncha/model/ledger_policy.hpp>
#include <xuncha/model/model.hpp>

#include "text.hpp"

#include <array>
#include <map>
#include <unordered_map>

namespace xuncha::import {
namespace {

using V = ValueType;

template <std::size_t N>
std::vector<Choice> coded(const std::array<std::string_view, N>& names, const std::array<std::string_view, N>& zh) {
  std::vector<Choice> out;
  for (std::size_t i = 0; i < N; ++i) out.push_back({names[i], {zh[i], names[i]}});
  return out;
}

Column text(std::string_view field, std::string_view zh, std::string_view en, std::vector<std::string_view> syn = {},
            bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::text, .required = required, .synonyms = std::move(syn)};
}
Column date(std::string_view field, std::string_view zh, std::string_view en, std::vector<std::string_view> syn = {},
            bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::date, .required = required, .synonyms = std::move(syn)};
}
Column ref(std::string_view field, std::string_view zh, std::string_view en, std::string_view kind,
           std::vector<std::string_view> syn = {}, bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::text, .required = required, .synonyms = std::move(syn), .ref = kind};
}
Column pick(std::string_view field, std::string_view zh, std::string_view en, std::vector<Choice> choices,
            std::vector<std::string_view> syn = {}, bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::choice, .required = required, .synonyms = std::move(syn),
          .choices = std::move(choices)};
}
Column boolean(std::string_view field, std::string_view zh, std::string_view en, std::vector<std::string_view> syn = {},
               bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::boolean, .required = required, .synonyms = std::move(syn)};
}
Column integer(std::string_view field, std::string_view zh, std::string_view en, long long lo, long long hi,
               std::vector<std::string_view> syn = {}, bool required = false) {
  return {.field = field, .zh = zh, .en = en, .type = V::integer, .required = required, .synonyms = std::move(syn), .lo = lo, .hi = hi};
}
Column list(std::string_view field, std::string_view zh, std::string_view en, std::vector<std::string_view> syn = {}) {
  return {.field = field, .zh = zh, .en = en, .type = V::list, .synonyms = std::move(syn)};
}
Column records(std::string_view field, std::string_view zh, std::string_view en, std::vector<Column> parts,
               std::string_view note) {
  return {.field = field, .zh = zh, .en = en, .type = V::records, .parts = std::move(parts), .note = note};
}
Column months(std::string_view field, std::string_view zh, std::string_view en, std::vector<std::string_view> syn = {}) {
  return {.field = field, .zh = zh, .en = en, .type = V::month_list, .synonyms = std::move(syn)};
}
Column month_day(std::string_view field, std::string_view zh, std::string_view en, bool required) {
  return {.field = field, .zh = zh, .en = en, .type = V::month_day, .required = required};
}
Column id(std::vector<std::string_view> syn = {}) {
  syn.insert(syn.end(), {"编号", "代码", "id", "code"});
  return text("id", "编号", "id", std::move(syn));
}

std::vector<Choice> ranks() {
  return {{"none", {"无", "none", "无职级", "其他"}},
          {"科级", {"科级", "正科", "正科级", "副科", "副科级", "科长", "副科长", "section"}},
          {"副处", {"副处", "副处级", "处级副职", "副处长", "副县级", "副调研员", "deputy_division"}},
          {"正处", {"正处", "正处级", "处级正职", "处长", "正县级", "调研员", "县处级", "division"}},
          {"副厅", {"副厅", "副厅级", "厅级副职", "副厅长", "副局长", "副巡视员", "副主任", "deputy_bureau"}},
          {"正厅", {"正厅", "正厅级", "厅级正职", "厅长", "巡视员", "一级巡视员", "bureau"}}};
}

std::vector<KindSpec> build() {
  std::vector<KindSpec> k;

  k.push_back({"people", "人员", "p", {
      id({"人员编号", "工号"}),
      {.field = "name", .zh = "姓名", .en = "name", .type = V::name, .required = true, .synonyms = {"名字", "人员姓名", "专家姓名"}},
      ref("unit", "工作单位", "unit", "units", {"单位", "所在单位", "单位名称", "工作单位及职务"}, true),
      pick("rank", "职级", "rank", ranks(), {"级别", "职级（级别）", "行政级别"}),
      boolean("serving", "在职", "serving", {"是否在职", "在岗", "是否在岗"}),
      boolean("safety_supervision", "从事安全监管", "safety supervision", {"是否从事安全监管", "安全监管", "从事安全生产监管"}),
      ref("home_region", "籍贯地区", "home region", "regions", {"籍贯", "原籍", "家乡", "户籍地", "工作过的地区", "回避地区"}),
      {.field = "category", .zh = "类别", .en = "category", .type = V::category, .synonyms = {"人员类别", "身份", "类型", "人员类型"},
       .note = "工作人员或专家；填“专家”“特邀专家”“专家库专家”即为专家"},
      text("expert.pool_id", "专家库编号", "expert pool id", {"专家编号", "入库编号"}),
      text("expert.field", "专业领域", "expert field", {"专业", "领域", "专长"}),
      list("expert.fields", "专业领域（多个）", "expert fields", {"专业领域列表"}),
      records("unavailable", "不能参加时段", "unavailable",
              {date("from", "起", "from", {}, true), date("to", "止", "to", {}, true), text("reason", "原因", "reason")},
              "每行一段：开始日期|结束日期|原因"),
  }});

  k.push_back({"units", "单位", "u", {
      id({"单位编号", "单位代码"}),
      text("name", "单位名称", "name", {"名称", "单位", "单位全称"}, true),
      boolean("committee_member", "安委会成员单位", "committee member", {"是否安委会成员单位", "成员单位", "是否成员单位"}, true),
      boolean("emergency_management", "应急管理部门", "emergency management", {"是否应急管理部门"}),
      ref("region", "所属地区", "region", "regions", {"地区", "所在地区"}),
  }});

  k.push_back({"regions", "地区", "r", {
      id({"地区编号", "地区代码"}),
      text("name", "地区名称", "name", {"名称", "地区", "市州", "巡查对象"}, true),
      pick("class", "类别", "class", coded(region_class_names, region_class_zh), {"地区类别", "类型"}, true),
      integer("counties", "县级区划数", "counties", 0, 1000, {"县市区数", "所辖县市区", "县（市、区）数"}, true),
      integer("days", "在场天数", "days", 1, 366, {"进驻天数", "巡查天数"}),
      integer("risk", "风险等级", "risk", 1, 5, {"风险", "安全风险"}),
      list("industries", "重点行业", "industries", {"行业", "重点行业领域"}),
      list("county_names", "下辖县市区", "county names", {"县市区名称", "下辖县（市、区）", "所辖县市区名称"}),
      months("months", "可进驻月份", "months", {"进驻月份", "可巡查月份", "巡查月份"}),
      records("blocked", "不进驻时段", "blocked periods",
              {month_day("from", "起", "from", true), month_day("to", "止", "to", true), text("name", "名称", "name")},
              "每行一段：开始月-日|结束月-日|名称（如 06-01|08-31|汛期）"),
  }});

  Column tour_kind = pick("kind", "巡查类型", "kind", {{"regular", {"定期", "regular", "定期巡查", "常规"}},
                                                      {"irregular", {"不定期", "irregular", "不定期巡查", "专项"}}},
                          {"类型", "巡查方式"});
  Column body = pick("body", "组织单位", "body", {{"province", {"省", "province", "省级", "省安委会"}},
                                                 {"state_council", {"国务院", "state_council", "国务院安委会"}}},
                     {"组织"});
  std::vector<Column> tour_cols{
      id({"巡查编号"}),
      ref("region", "被巡查地区", "region", "regions", {"巡查对象", "地区", "被巡查单位", "市州"}, true),
      tour_kind,
      body,
      integer("year", "年度", "year", min_year, max_year, {"年份", "巡查年度"}),
      ref("team", "巡查组", "team", "teams", {"组别", "巡查组别"}),
      {.field = "period", .zh = "巡查时间", .en = "period", .type = V::date_range,
       .synonyms = {"进驻时间段", "巡查时段", "起止时间", "进驻起止时间", "巡查起止时间", "时间"},
       .note = "起止日期在一格：2026年3月1日-15日、2026.3.1-3.15、2026-03-01至2026-03-15"},
      date("start", "进驻时间", "start", {"开始时间", "进驻日期", "开始日期"}),
      date("end", "结束时间", "end", {"撤离时间", "结束日期", "离开时间"}),
      integer("extension.days", "延长天数", "extension days", 1, 366, {"延期天数"}),
      text("extension.approval", "延长批准", "extension approval", {"延期批准"}),
      boolean("serious", "问题严重", "serious", {"是否问题严重", "严重"}),
  };
  for (std::size_t i = 0; i < milestone_names.size(); ++i) {
    Column c = date(milestone_names[i], milestone_zh[i], milestone_names[i]);
    static std::vector<std::string> paths = [] {
      std::vector<std::string> p;
      for (auto m : milestone_names) p.push_back("milestones." + std::string(m));
      return p;
    }();
    c.field = paths[i];
    tour_cols.push_back(std::move(c));
  }
  // What the rectification results report says (IV.2.7; rule R110).
  tour_cols.push_back(boolean("results_report.complete", "整改结果称全部完成", "results report: all done",
                              {"结果报告称全部完成", "整改全部完成"}));
  tour_cols.push_back(list("results_report.open", "整改结果所列未完成问题", "results report: still open",
                           {"结果报告所列未完成问题", "未完成问题"}));
  k.push_back({"tours", "巡查", "T", std::move(tour_cols)});

  k.push_back({"appointments", "聘任", "A", {
      id({"聘任编号"}),
      ref("person", "专家", "person", "people", {"姓名", "专家姓名", "人员"}, true),
      ref("tour", "巡查", "tour", "tours", {"巡查编号", "巡查任务"}, true),
      date("date", "聘任日期", "date", {"日期", "聘任时间"}),
  }});

  std::vector<Choice> states = coded(problem_state_names, problem_state_zh);
  states[0].words.insert(states[0].words.end(), {"未开始"});
  states[1].words.insert(states[1].words.end(), {"正在整改", "推进中", "未完成", "unfinished"});
  states[2].words.insert(states[2].words.end(), {"基本整改完成"});
  states[3].words.insert(states[3].words.end(), {"完成", "整改完成"});
  states[4].words.insert(states[4].words.end(), {"销号", "已销账"});
  k.push_back({"problems", "问题", "P", {
      id({"问题编号"}),
      ref("tour", "巡查", "tour", "tours", {"巡查编号"}, true),
      ref("region", "地区", "region", "regions", {"被巡查地区"}),
      date("found", "发现时间", "found", {"发现日期"}, true),
      text("source", "问题来源", "source", {"来源", "发现方式"}),
      text("category", "问题类别", "category", {"类别", "问题类型", "行业领域"}),
      pick("gravity", "问题等级", "gravity", coded(gravity_names, gravity_zh), {"等级", "严重程度"}),
      text("description", "问题描述", "description", {"问题", "存在问题", "问题内容"}, true),
      text("county", "县（市、区）", "county", {"县市区", "所在县区", "县区"}),
      list("evidence", "现场证据", "evidence", {"证据", "证据材料", "现场证据材料"}),
      list("proof", "佐证材料", "proof", {"整改佐证", "整改佐证材料", "销号材料"}),
      boolean("on_site", "立行立改（现场）", "on site", {"现场整改", "是否现场整改"}),
      date("reported_to_committee", "报安委会日期", "reported to committee"),
      pick("mode", "整改方式", "mode", coded(fix_mode_names, fix_mode_zh), {"整改类型"}),
      records("stages", "阶段目标", "stages",
              {date("due", "时限", "due", {}, true), text("target", "目标", "target"), date("met", "完成", "met")},
              "每行一个阶段：时限|目标|完成日期"),
      text("unit", "责任单位", "unit", {"整改责任单位", "牵头单位"}),
      text("person", "责任人", "person", {"整改责任人"}),
      text("leader", "分管领导", "leader", {"责任领导"}),
      text("measures", "整改措施", "measures", {"措施"}),
      date("due", "整改时限", "due", {"完成时限", "整改期限"}),
      records("extensions", "延期", "extensions",
              {date("requested", "申请", "requested"), date("approved", "批准", "approved"),
               date("until", "延至", "until", {}, true), text("approval", "批准单位", "approval")},
              "每行一次延期：申请日期|批准日期|延至|批准单位"),
      pick("state", "整改情况", "state", states, {"完成情况", "整改状态", "状态"}),
      records("history", "状态变更", "history",
              {pick("state", "状态", "state", coded(problem_state_names, problem_state_zh), {}, true),
               date("date", "日期", "date", {}, true)},
              "每行一次：状态|日期"),
      date("completed", "完成日期", "completed", {"整改完成日期"}),
      date("verified", "验收日期", "verified", {"核查日期"}),
      text("verified_by", "验收单位", "verified by", {"核查单位"}),
      records("verifications", "核查验收记录", "verifications",
              {date("date", "日期", "date", {}, true), text("by", "单位", "by"),
               pick("result", "结果", "result", coded(verify_result_names, verify_result_zh), {}, true)},
              "每行一次核查：日期|单位|结果（通过/未通过）"),
      date("closed", "销号日期", "closed", {"销号时间"}),
      text("hazard", "重大隐患", "hazard", {"隐患编号"}),
      list("leads", "问题线索", "leads", {"线索编号"}),
      text("from_report", "来源举报", "from report", {"举报编号", "群众举报编号"}),
      text("relapse_of", "反弹自", "relapse of"),
  }});

  k.push_back({"hazards", "重大隐患", "H", {
      id({"隐患编号"}),
      ref("region", "地区", "region", "regions", {"所在地区"}, true),
      text("county", "县（市、区）", "county", {"县市区", "所在县区", "县区"}),
      ref("tour", "巡查", "tour", "tours", {"巡查编号"}),
      text("name", "隐患名称", "name", {"名称", "隐患"}, true),
      pick("grade", "挂牌等级", "grade", coded(std::array<std::string_view, 4>{"1", "2", "3", "4"},
                                                 std::array<std::string_view, 4>{"一级", "二级", "三级", "四级"}),
           {"等级"}, true),
      date("found", "发现日期", "found", {"发现时间"}),
      date("listed", "挂牌日期", "listed", {"挂牌时间"}),
      pick("level", "挂牌层级", "level", coded(listing_level_names, listing_level_zh), {"层级"}),
      text("listed_by", "挂牌单位", "listed by"),
      text("supervisor", "督办单位", "supervisor"),
      text("unit", "责任单位", "unit"),
      text("notice.number", "督办文号", "notice number", {"文号"}),
      date("notice.date", "督办日期", "notice date"),
      date("deadline", "整改期限", "deadline", {"期限"}),
      date("published", "公布日期", "published"),
      {.field = "plan", .zh = "治理方案要素", .en = "plan", .type = V::choice_list, .choices = coded(plan_part_names, plan_part_zh)},
      {.field = "five_in_place", .zh = "五落实", .en = "five in place", .type = V::choice_list,
       .choices = coded(five_in_place_names, five_in_place_zh)},
      {.field = "progress", .zh = "进展报告日期", .en = "progress", .type = V::date_list},
      records("extensions", "延期", "extensions",
              {date("requested", "申请", "requested"), date("approved", "批准", "approved"),
               date("until", "延至", "until", {}, true), text("approval", "批准单位", "approval")},
              "每行一次延期：申请日期|批准日期|延至|批准单位"),
      date("accepted", "验收日期", "accepted"),
      date("review_requested", "申请复核日期", "review requested"),
      date("reviewed", "复核日期", "reviewed"),
      date("delisted", "摘牌日期", "delisted"),
      date("delisting_published", "摘牌公布日期", "delisting published"),
  }});

  k.push_back({"leads", "问题线索", "X", {
      id({"线索编号"}),
      ref("tour", "巡查", "tour", "tours", {"巡查编号"}, true),
      ref("region", "地区", "region", "regions"),
      text("summary", "线索摘要", "summary", {"摘要", "线索内容"}),
      pick("nature", "线索性质", "nature", coded(lead_nature_names, lead_nature_zh), {"性质"}, true),
      pick("cadre_level", "干部层级", "cadre level", coded(cadre_level_names, cadre_level_zh), {"涉及干部层级"}),
      date("found", "发现日期", "found", {"发现时间"}),
      date("classified", "分类日期", "classified"),
      pick("recipient", "移交对象", "recipient", coded(recipient_names, recipient_zh), {"移交单位"}),
      date("transferred", "移交日期", "transferred"),
      date("feedback", "反馈日期", "feedback"),
      text("outcome", "处理结果", "outcome", {"结果"}),
  }});

  k.push_back({"public_reports", "群众举报", "Q", {
      id({"举报编号"}),
      ref("tour", "巡查", "tour", "tours", {"巡查编号"}, true),
      ref("region", "地区", "region", "regions"),
      text("county", "县（市、区）", "county", {"县市区", "所在县区", "县区"}),
      text("summary", "举报内容", "summary", {"内容", "摘要"}),
      date("received", "收到日期", "received", {"受理日期", "举报日期"}, true),
      date("verified", "核查日期", "verified"),
      date("announced", "公布日期", "announced"),
      date("answered", "答复日期", "answered"),
      text("result", "核查结果", "result", {"结果", "办理结果"}),
  }});
  return k;
}

}  // namespace

const std::vector<KindSpec>& kind_specs() {
  static const std::vector<KindSpec> all = build();
  return all;
}

const KindSpec* find_kind(std::string_view name) {
  for (const auto& k : kind_specs())
    if (k.kind == name || k.zh == name) return &k;
  if (name == "roster" || name == "person") return find_kind("people");
  if (name == "reports") return find_kind("public_reports");
  return nullptr;
}

std::string normalize_header(std::string_view text) {
  std::string s = fold_width(text);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == ':' || c == '_') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out += c;
  }
  return out;
}

}  // namespace xuncha::import

namespace xuncha::import {
namespace {

struct Lookup {
  std::map<const KindSpec*, std::unordered_map<std::string, const Column*>> headers;
  std::map<const Column*, std::unordered_map<std::string, std::string_view>> choices;

  void add_choices(const Column& c) {
    auto& m = choices[&c];
    for (const auto& ch : c.choices) {
      m.emplace(normalize_header(ch.value), ch.value);
      for (auto w : ch.words) m.emplace(normalize_header(w), ch.value);
    }
    for (const auto& p : c.parts) add_choices(p);
  }
};

const Lookup& lookup() {
  static const Lookup l = [] {
    Lookup out;
    for (const auto& k : kind_specs()) {
      auto& h = out.headers[&k];
      // First the fields' own names and headers, then synonyms: a synonym never hides a field.
      for (const auto& c : k.columns)
        for (auto w : {c.field, c.zh, c.en}) h.emplace(normalize_header(w), &c);
      for (const auto& c : k.columns)
        for (auto w : c.synonyms) h.emplace(normalize_header(w), &c);
      for (const auto& c : k.columns) out.add_choices(c);
    }
    return out;
  }();
  return l;
}

}  // namespace

const Column* column_for_header(const KindSpec& k, const std::string& norm) {
  const auto& l = lookup();
  auto kit = l.headers.find(&k);
  if (kit == l.headers.end()) return nullptr;
  auto it = kit->second.find(norm);
  return it == kit->second.end() ? nullptr : it->second;
}

std::optional<std::string_view> choice_for(const Column& col, const std::string& norm) {
  const auto& l = lookup();
  auto cit = l.choices.find(&col);
  if (cit == l.choices.end()) return std::nullopt;
  auto it = cit->second.find(norm);
  if (it == cit->second.end()) return std::nullopt;
  return it->second;
}

}  // namespace xuncha::import
