// xuncha init: starts a province's data folder: a commented, schema-linked skeleton (policy with
// the province's name, regions from a list or CSV, empty people, units, teams, tours and ledger
// files, the projected holiday calendar) and a README for the office. Never overwrites a file.
#include "app/app.hpp"
#include "base/embedded.hpp"
#include "render/yaml.hpp"

#include <xuncha/model/policy.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <set>

namespace xuncha::cli {
namespace {

namespace fs = std::filesystem;

/// The editor modeline: the schema `xuncha schema` prints, where this binary's installation put
/// it (PREFIX/share/xuncha/schema beside PREFIX/bin/xuncha: /usr/local after a
/// `cmake --install --prefix /usr/local`), else where the Debian package puts it.
const std::string& modeline_text() {
  static const std::string text = [] {
    std::string schema = "/usr/share/xuncha/schema/xuncha.json";
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && exe.parent_path().filename() == "bin") {
      auto installed = exe.parent_path().parent_path() / "share" / "xuncha" / "schema" / "xuncha.json";
      if (std::filesystem::is_regular_file(installed, ec)) schema = installed.lexically_normal().string();
    }
    return "# yaml-language-server: $schema=" + schema + "\n";
  }();
  return text;
}

struct InitOptions {
  std::string dir;
  std::string province;
  std::string regions;
};

struct NewRegion {
  std::string name;
  std::optional<RegionClass> cls;  ///< from a CSV's class column; unset: to be checked
  std::optional<int> counties;     ///< from a CSV's counties column
  int line = 0;
};

std::string trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// One CSV line split at commas; a cell may be "double-quoted" ("" inside is a quote).
std::optional<std::vector<std::string>> csv_cells(std::string_view line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"' && trim(cell).empty()) {
      quoted = was_quoted = true;
      cell.clear();
    } else if (c == ',') {
      cells.push_back(was_quoted ? cell : trim(cell));
      cell.clear();
      was_quoted = false;
    } else {
      cell += c;
    }
  }
  if (quoted) return std::nullopt;
  cells.push_back(was_quoted ? cell : trim(cell));
  return cells;
}

std::optional<RegionClass> parse_class(std::string_view s) {
  for (std::size_t i = 0; i < region_class_names.size(); ++i)
    if (s == region_class_names[i] || s == region_class_zh[i]) return static_cast<RegionClass>(i);
  return std::nullopt;
}

// What a region's name says of its class: an autonomous prefecture (…自治州) or a forestry
// district (…林区). A name ending in 市 may be a city or a city under the province's direct
// administration, which only the office knows.
std::optional<RegionClass> class_from_name(std::string_view name) {
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail;
  };
  if (ends("自治州") || ends("盟")) return RegionClass::prefecture;
  if (ends("林区")) return RegionClass::forestry;
  return std::nullopt;
}

bool has_control(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// The regions file: one name per line, or a CSV whose header names a name column (name or 名称)
// and optionally class (类别) and counties (县级区划数). Blank lines and lines starting with #
// are skipped. Any bad line stops the command with FILE:LINE.
std::vector<NewRegion> read_regions(const Context& ctx, const std::string& path) {
  Message why;
  auto text = load::read_regular_file(path, ctx.global.max_file_bytes, why);
  if (!text) throw UsageError(fmt::format("--regions {}：{}", quote_path(path), why.zh), fmt::format("--regions {}: {}", quote_path(path), why.en));
  std::string_view rest = *text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  auto fail = [&](int line, std::string_view zh, std::string_view en) {
    return UsageError(fmt::format("{}:{}：{}", quote_path(path), line, zh), fmt::format("{}:{}: {}", quote_path(path), line, en));
  };
  std::vector<NewRegion> out;
  std::optional<std::size_t> name_col, class_col, counties_col;
  std::size_t columns = 0;
  bool first = true, csv = false;
  for (int n = 1; !rest.empty(); ++n) {
    auto nl = rest.find('\n');
    std::string line = trim(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (line.empty() || line.starts_with('#')) continue;
    if (has_control(line))
      throw fail(n, "含有控制字符", "the line holds a control character");
    if (first) {
      first = false;
      csv = line.find(',') != std::string::npos;
      if (csv) {
        auto header = csv_cells(line);
        if (!header) throw fail(n, "引号未闭合", "unterminated quote");
        columns = header->size();
        for (std::size_t i = 0; i < header->size(); ++i) {
          const std::string& h = (*header)[i];
          std::optional<std::size_t>* slot = nullptr;
          if (h == "name" || h == "名称") slot = &name_col;
          else if (h == "class" || h == "类别") slot = &class_col;
          else if (h == "counties" || h == "县级区划数") slot = &counties_col;
          else
            throw fail(n, fmt::format("未知的列“{}”（CSV 首行为列名：name、class、counties）", h),
                       fmt::format("unknown column '{}' (a CSV's first line names its columns: name, class, counties)", h));
          auto& col = *slot;
          if (col) throw fail(n, fmt::format("列“{}”重复", h), fmt::format("column '{}' appears twice", h));
          col = i;
        }
        if (!name_col)
          throw fail(n, "CSV 首行须有 name 列（名称）", "a CSV's first line must name a name column");
        continue;
      }
    }
    NewRegion r;
    r.line = n;
    if (csv) {
      auto cells = csv_cells(line);
      if (!cells) throw fail(n, "引号未闭合", "unterminated quote");
      if (cells->size() != columns)
        throw fail(n, fmt::format("有 {} 列，首行有 {} 列", cells->size(), columns),
                   fmt::format("{} cells; the header has {}", cells->size(), columns));
      r.name = (*cells)[*name_col];
      if (class_col && !(*cells)[*class_col].empty()) {
        const std::string& c = (*cells)[*class_col];
        r.cls = parse_class(c);
        if (!r.cls)
          throw fail(n, fmt::format("类别“{}”无效：应为 city（市）、prefecture（州）、direct_city（直管市）或 forestry（林区）", c),
                     fmt::format("class '{}' is not one of city (市), prefecture (州), direct_city (直管市), forestry (林区)", c));
      }
      if (counties_col && !(*cells)[*counties_col].empty()) {
        const std::string& c = (*cells)[*counties_col];
        int v = 0;
        bool ok = c.size() <= 4 && c.find_first_not_of("0123456789") == std::string::npos;
        if (ok) v = std::stoi(c);
        if (!ok || v > 1000)
          throw fail(n, fmt::format("县级区划数“{}”不是 0—1000 的整数", c),
                     fmt::format("counties '{}' is not a whole number from 0 to 1000", c));
        r.counties = v;
      }
    } else {
      if (line.find(',') != std::string::npos || line.find('\t') != std::string::npos)
        throw fail(n, "名称中有逗号或制表符（CSV 文件的首行须是列名，如 name,class）",
                   "a name holds a comma or tab (a CSV's first line must name its columns, e.g. name,class)");
      r.name = line;
    }
    if (r.name.empty()) throw fail(n, "地区名称为空", "the region's name is empty");
    for (const auto& o : out)
      if (o.name == r.name)
        throw fail(n, fmt::format("地区“{}”重复（第 {} 行已有）", r.name, o.line),
                   fmt::format("region '{}' is listed twice (first on line {})", r.name, o.line));
    out.push_back(std::move(r));
  }
  if (out.size() > 99999) throw UsageError(fmt::format("--regions {}：地区过多", quote_path(path)), fmt::format("--regions {}: too many regions", quote_path(path)));
  return out;
}

std::string empty_list(std::string_view kind, std::string_view zh, std::string_view en) {
  return fmt::format("{}# {}\n# {}\nkind: {}\nversion: 1\n{}: []\n", modeline_text(), zh, en, kind, kind);
}

std::string policy_file(const InitOptions& o, std::size_t regions) {
  const Policy def;
  std::string s(modeline_text());
  s += "# 政策设置（kind: policy）：本省的名称和对条例各项数字的规定。\n"
       "# 未写出的设置取条例的默认值；下面注释掉的各行即默认值，需要改动时去掉行首的 # 再改。\n"
       "# 全部设置见 `xuncha schema policy`。\n"
       "# Policy: the province's name and its settings. A setting left out takes the regulation's default;\n"
       "# each commented line below shows that default: remove the # to change it (all: xuncha schema policy).\n"
       "kind: policy\nversion: 1\n";
  if (o.province.empty())
    s += "# province:                  # 省份名称，如 四川省；未填写时标题中省略 / the province's name (none: titles leave it out)\n";
  else
    s += fmt::format("province: {}          # 省份名称，用于各类标题 / the province's name, shown in titles\n",
                     yaml_string(o.province));
  if (regions > 0)
    s += fmt::format("regions_expected: {}          # II.1 应覆盖的地区数（regions.yaml 中的 {} 个），规则 C100 据此核对 / regions to cover\n",
                     regions, regions);
  else
    s += "# regions_expected:          # II.1 应覆盖的地区数；填写后规则 C100 核对 regions.yaml / regions to cover (C100 checks it when given)\n";
  if (regions > 0)
    s += "# 录入已开展的巡查（tours.yaml）之前，各地区都会显示为五年内未巡查：C101 暂时只作提示；录入后删去下面一行。\n"
         "# Until the tours on record are in tours.yaml every region shows as not covered: C101 is a note\n"
         "# until then. Delete the next line once they are in.\n"
         "rules: {C101: info}\n";
  s += fmt::format("# team_size: {{min: {}, max: {}}}           # II.2 巡查组人数 / team size\n", def.team_min, def.team_max);
  s += fmt::format("# experts_min: {}               # II.2 每组至少的安全生产专家人数（规则 T119）/ safety experts per team, at least\n",
                   def.experts_min);
  s += fmt::format("# team_members: {{min: {}, max: {}}}        # II.2 每组成员人数范围（规则 T120）/ members per team\n", def.members_min,
                   def.members_max);
  s += fmt::format("# team_experts: {{min: {}, max: {}}}        # II.2 每次巡查专家人数范围（规则 T120）/ experts per tour\n",
                   def.staff_experts_min, def.staff_experts_max);
  s += fmt::format("# staff_max_days: {}            # 组队：每人每年在场天数上限 / team plan: days on site per person and year, at most\n",
                   def.staff_max_days);
  s += fmt::format("# days_on_site: {{city: {}, prefecture: {}, direct_city: {}, forestry: {}}}   # II.3 在场天数（按地区类别）/ days on site by class\n",
                   def.days_city, def.days_prefecture, def.days_direct_city, def.days_forestry);
  s += fmt::format("# coverage_years: {}            # II.3 五年内全覆盖 / every region within this many years\n", def.coverage_years);
  s += fmt::format("# cadence_years: {}             # II.3 定期巡查原则上每两年一轮 / regular rounds every this many years\n", def.cadence_years);
  s += fmt::format("# report_workdays: {}          # IV.2 巡查结束后报送报告的工作日数 / report within working days of the end\n", def.report_workdays);
  s += fmt::format("# rectification_plan_workdays: {}   # IV.2 反馈后报送整改方案的工作日数 / rectification plan within working days of feedback\n",
                   def.rectification_plan_workdays);
  s += fmt::format("# rectification_results_months: {}   # IV.2 反馈后报送整改结果的月数 / rectification results within months of feedback\n",
                   def.rectification_results_months);
  s += fmt::format("# roll_forward_to_workday: {}   # 期限末日为休息日的，顺延至下一个工作日（民法典）/ a deadline on a day off moves to the next working day\n",
                   def.roll_forward_to_workday ? "true" : "false");
  s += fmt::format("# teams_per_round: {}           # 每个巡查年度可派出的巡查组数（编排计划用）/ teams available per round year (schedule)\n",
                   def.teams_per_round);
  s += "# tour_start_day: workday      # IV.2.2 巡查开始的日子：workday 工作日、monday 周一、any 任意 / days a tour starts on\n";
  return s;
}

std::string regions_file(const std::vector<NewRegion>& regions) {
  std::string s(modeline_text());
  s += "# 巡查对象（kind: regions）：本省的市、州、直管市和林区。\n"
       "# id 是其他文件引用地区用的稳定 ASCII 标识。xuncha 没有拼音表，init 按地区清单的顺序生成 r01、r02……；\n"
       "# 可以改成拼音（如 huangshi），但要在其他文件引用之前改，或同时改掉所有引用。\n"
       "# class：city 市、prefecture 州、direct_city 直管市、forestry 林区；counties：所辖县级区划数（直管市、林区记 0）。\n"
       "# Regions to inspect. ids are stable ASCII names other files refer to: with no pinyin table, init numbers\n"
       "# them r01, r02, ... in the order of the regions list (rename them before anything refers to them).\n"
       "kind: regions\nversion: 1\n";
  if (regions.empty()) {
    s += "regions: []\n"
         "# 例 / for example:\n"
         "#  - id: r01\n#    name: 某某市\n#    class: city\n#    counties: 9\n";
    return s;
  }
  s += "regions:\n";
  int width = regions.size() > 99 ? static_cast<int>(std::to_string(regions.size()).size()) : 2;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const auto& r = regions[i];
    s += fmt::format("  - id: r{:0{}}\n    name: {}\n", i + 1, width, yaml_string(r.name));
    if (r.cls) s += fmt::format("    class: {}\n", region_class_names[static_cast<std::size_t>(*r.cls)]);
    else if (auto guess = class_from_name(r.name))
      s += fmt::format("    class: {:<13} # 按名称推断，请核实 / from the name: to check\n",
                       region_class_names[static_cast<std::size_t>(*guess)]);
    else s += "    class: city          # 待核实：city、prefecture、direct_city 或 forestry / to check\n";
    if (r.counties) s += fmt::format("    counties: {}\n", *r.counties);
    else s += "    counties: 0          # 待填写：所辖县级区划数 / to fill in: county-level divisions\n";
  }
  return s;
}

std::string readme(const Context& ctx, const InitOptions& o, std::size_t regions) {
  int next = year_of(ctx.as_of) + 1;
  std::string s = fmt::format("# {}安全生产巡查数据\n\n", o.province);
  s += "本目录由 `xuncha init` 生成，是 xuncha 读取的数据。每个 YAML 文件的第一行让编辑器（安装了 YAML 插件的 VS Code 等，\n"
       "yaml-language-server）按 xuncha 的 JSON Schema 提示和检查字段；字段说明见 `man xuncha-data` 或 `xuncha schema 类型`。\n\n"
       "| 文件 | 内容 |\n|---|---|\n";
  s += fmt::format("| `policy.yaml` | 政策设置：省份名称{}，以及条例各项数字（注释中为默认值） |\n", o.province.empty() ? "（待填写）" : "");
  s += fmt::format("| `regions.yaml` | 巡查对象：市、州、直管市、林区{} |\n",
                   regions ? fmt::format("（{} 个，请核对类别和县级区划数）", regions) : std::string("（待录入）"));
  s += "| `units.yaml` | 省安委会成员单位等单位 |\n"
       "| `people.yaml` | 巡查工作人员和省安全生产专家库专家 |\n"
       "| `teams.yaml` | 巡查组（组长、副组长、联络员、成员、专家） |\n"
       "| `tours.yaml` | 已开展的巡查及其各环节日期，包括国务院安委会的延伸巡查 |\n"
       "| `appointments.yaml` | 专家聘任（一次一聘） |\n"
       "| `problems.yaml`、`hazards.yaml`、`leads.yaml`、`public_reports.yaml`、`lookbacks.yaml` | 台账：反馈问题、挂牌督办的重大隐患、移交线索、群众举报、回头看 |\n"
       "| `calendar-projected.yaml` | 预测的节假日安排（国务院尚未发布通知的年份），仅供编排计划；通知发布后请按正式安排替换 |\n\n";
  s += "## 下一步\n\n"
       "1. 录入单位、人员和已有的巡查记录；核对 `regions.yaml` 中各地区的类别和县级区划数。\n";
  if (regions > 0)
    s += "   已有的巡查录入 `tours.yaml` 后，删去 `policy.yaml` 中的 `rules: {C101: info}` 一行，五年全覆盖（C101）即恢复为错误。\n";
  s += "2. 检查数据（每次修改后都可运行；无问题时退出码为 0）：\n\n"
       "   ```sh\n   xuncha check .\n   ```\n\n";
  s += fmt::format("3. 编排 {} 年起的巡查计划：\n\n   ```sh\n   xuncha schedule . --from {}\n   ```\n", next, next);
  return s;
}

int run_init(Context& ctx, const InitOptions& o) {
  require_format(ctx, "init", {"text"});
  ctx.no_result = true;
  if (has_control(o.province)) throw UsageError("init：--province 含有控制字符", "init: --province holds a control character");
  std::error_code ec;
  auto st = fs::status(o.dir, ec);
  if (fs::exists(st) && !fs::is_directory(st))
    throw UsageError(fmt::format("init：{} 已存在且不是文件夹", quote_path(o.dir)),
                     fmt::format("init: {} exists and is not a folder", quote_path(o.dir)));
  std::vector<NewRegion> regions;
  if (!o.regions.empty()) {
    ctx.input_names.push_back(o.regions);
    regions = read_regions(ctx, o.regions);
  }
  std::vector<std::pair<std::string, std::string>> files{
      {"policy.yaml", policy_file(o, regions.size())},
      {"regions.yaml", regions_file(regions)},
      {"units.yaml", empty_list("units", "单位（kind: units）：省安委会成员单位等，巡查组成员来自这些单位。",
                                "Units: the provincial safety committee's member units and others the team members come from.")},
      {"people.yaml", empty_list("people", "人员（kind: people）：巡查工作人员和省安全生产专家库专家。",
                                 "People: the tours' staff and the experts of the provincial pool.")},
      {"teams.yaml", empty_list("teams", "巡查组（kind: teams）：组长、副组长、联络员、成员和专家。",
                                "Teams: leader, deputies, liaison, members and experts.")},
      {"tours.yaml", empty_list("tours", "巡查（kind: tours）：已开展的巡查及各环节日期，含国务院安委会延伸巡查。",
                                "Tours on record with their procedure dates, State Council tours included.")},
      {"appointments.yaml", empty_list("appointments", "专家聘任（kind: appointments）：一次一聘。",
                                       "Expert appointments: one per expert and tour.")},
      {"problems.yaml", empty_list("problems", "反馈问题台账（kind: problems）。", "The problem ledger: problems found and their rectification.")},
      {"hazards.yaml", empty_list("hazards", "挂牌督办的重大隐患（kind: hazards）。", "Major hazards under listed supervision.")},
      {"leads.yaml", empty_list("leads", "问题线索及其移交（kind: leads）。", "Leads and where they were transferred.")},
      {"public_reports.yaml", empty_list("public_reports", "群众举报及其核查、答复（kind: public_reports）。",
                                         "Public reports, verified and answered.")},
      {"lookbacks.yaml", empty_list("lookbacks", "回头看（kind: lookbacks）。", "Look-backs.")},
      {"calendar-projected.yaml", modeline_text() + std::string(projected_calendar_text())},
      {"README.md", readme(ctx, o, regions.size())},
  };
  // Every name is checked before anything is written: a refusal leaves the folder as it was.
  for (const auto& [name, text] : files) {
    fs::path p = fs::path(o.dir) / name;
    auto s = fs::symlink_status(p, ec);
    if (fs::exists(s) || fs::is_symlink(s))
      throw UsageError(fmt::format("init：{} 已存在，不会覆盖（未写入任何文件）", quote_path(p.string())),
                       fmt::format("init: {} exists; refusing to overwrite it (nothing written)", quote_path(p.string())));
  }
  fs::create_directories(o.dir, ec);
  if (ec)
    throw UsageError(fmt::format("init：无法建立 {}：{}", quote_path(o.dir), system_reason(ec.value()).zh),
                     fmt::format("init: cannot create {}: {}", quote_path(o.dir), system_reason(ec.value()).en));
  for (const auto& [name, text] : files) write_output((fs::path(o.dir) / name).string(), text);
  if (!ctx.global.quiet)
    ctx.err += ctx.t(fmt::format("xuncha：已在 {} 中建立 {} 个文件；下一步：xuncha check {}\n", quote_path(o.dir), files.size(),
                                 quote_path(o.dir)),
                     fmt::format("xuncha: wrote {} files into {}; next: xuncha check {}\n", files.size(), quote_path(o.dir),
                                 quote_path(o.dir)));
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_init(CLI::App& app) {
  auto opts = std::make_shared<InitOptions>();
  app.add_option("DIR", opts->dir, "The folder to start (created if missing; existing files are never overwritten)")
      ->required();
  app.add_option("--province", opts->province, "The province's name, e.g. 四川省 (without it: left empty, with a comment)");
  app.add_option("--regions", opts->regions,
                 "Regions from FILE: one name per line, or a CSV with a header naming name, class and counties columns");
  app.footer("Writes policy.yaml, regions.yaml, empty units, people, teams, tours, appointments and ledger files,\n"
             "calendar-projected.yaml (the projected holidays shipped with xuncha) and a README.md; each YAML\n"
             "file starts with a yaml-language-server modeline. Region ids are r01, r02, ... in file order.\n"
             "Exit: 0 written, 2 a file exists (nothing written) or a bad regions file (FILE:LINE).");
  return [opts](Context& ctx) { return run_init(ctx, *opts); };
}

}  // namespace xuncha::cli
