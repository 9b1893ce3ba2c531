// xuncha export KIND DATA -f xlsx: one kind of a data set as the workbook `xuncha import` reads
// back: the same columns with Chinese headers under a title row, coded fields as the words
// people use with a drop-down list of them, and a notes sheet saying what each column takes.
#include "app/app.hpp"
#include "render/province.hpp"
#include "render/xlsx.hpp"

#include <xuncha/import/columns.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

using import::Column;
using import::ValueType;

struct ExportOptions {
  std::string kind;
  std::vector<std::string> paths;
};

struct Doc {
  const load::YDocument& d;

  std::string_view text(std::uint32_t n) const { return d.value(d.node(n)); }
  std::optional<std::uint32_t> get(std::uint32_t map, std::string_view key) const {
    const auto& m = d.node(map);
    if (m.type != load::YNode::Type::map) return std::nullopt;
    for (std::uint32_t i = 0; i + 1 < m.count; i += 2)
      if (text(d.child(m, i)) == key) return d.child(m, i + 1);
    return std::nullopt;
  }
  std::optional<std::uint32_t> path(std::uint32_t map, std::string_view dotted) const {
    std::optional<std::uint32_t> at = map;
    while (at) {
      auto dot = dotted.find('.');
      at = get(*at, dotted.substr(0, dot));
      if (dot == std::string_view::npos) break;
      dotted.remove_prefix(dot + 1);
    }
    return at;
  }
  std::vector<std::uint32_t> items(std::uint32_t n) const {
    std::vector<std::uint32_t> out;
    const auto& node = d.node(n);
    if (node.type == load::YNode::Type::sequence)
      for (std::uint32_t i = 0; i < node.count; ++i) out.push_back(d.child(node, i));
    else if (node.type == load::YNode::Type::scalar)
      out.push_back(n);
    return out;
  }
};

std::string word_of(const Column& c, std::string_view v) {
  if (auto code = import::choice_for(c, import::normalize_header(v)))
    for (const auto& ch : c.choices)
      if (ch.value == *code) return std::string(ch.words.front());
  return std::string(v);
}

std::string bool_word(std::string_view v) {
  return v == "true" || v == "yes" || v == "True" || v == "是" ? "是" : "否";
}

// The text of one part of a records cell, or of one list item.
std::string part_text(const Doc& doc, const Column& c, std::uint32_t n) {
  std::string_view v = doc.text(n);
  switch (c.type) {
    case ValueType::choice:
    case ValueType::choice_list: return word_of(c, v);
    case ValueType::boolean: return bool_word(v);
    default: return std::string(v);
  }
}

xlsx::Cell cell_for(const Doc& doc, const Column& c, std::uint32_t record) {
  if (c.type == ValueType::category) return xlsx::Cell::of(std::string(doc.get(record, "expert") ? "专家" : "工作人员"));
  auto n = doc.path(record, c.field);
  if (!n || doc.d.node(*n).type == load::YNode::Type::null) return {};
  switch (c.type) {
    case ValueType::date:
      if (auto d = parse_iso_date(doc.text(*n))) return xlsx::Cell::of(*d);
      return xlsx::Cell::of(std::string(doc.text(*n)));
    case ValueType::integer: {
      std::string s(doc.text(*n));
      if (!s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos) return xlsx::Cell::of(std::stoi(s));
      return xlsx::Cell::of(s);
    }
    case ValueType::boolean: return xlsx::Cell::of(bool_word(doc.text(*n)));
    case ValueType::choice: return xlsx::Cell::of(word_of(c, doc.text(*n)));
    case ValueType::list:
    case ValueType::choice_list:
    case ValueType::date_list:
    case ValueType::month_list: {
      std::string s;
      for (auto item : doc.items(*n)) s += (s.empty() ? "" : "、") + part_text(doc, c, item);
      return xlsx::Cell::of(s);
    }
    case ValueType::records: {
      std::string s;
      for (auto item : doc.items(*n)) {
        std::string line;
        // Trailing empty parts are left out; inner ones stay as empty places between bars.
        std::vector<std::string> parts;
        for (const auto& p : c.parts) {
          auto v = doc.get(item, p.field);
          parts.push_back(v ? part_text(doc, p, *v) : std::string{});
        }
        while (!parts.empty() && parts.back().empty()) parts.pop_back();
        for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? " | " : "") + parts[i];
        s += (s.empty() ? "" : "\n") + line;
      }
      return xlsx::Cell::of(s);
    }
    default: return xlsx::Cell::of(std::string(doc.text(*n)));
  }
}

std::vector<std::string> allowed(const Column& c) {
  std::vector<std::string> out;
  if (c.type == ValueType::choice)
    for (const auto& ch : c.choices) out.emplace_back(ch.words.front());
  if (c.type == ValueType::boolean) out = {"是", "否"};
  if (c.type == ValueType::category) out = {"工作人员", "专家"};
  return out;
}

std::string how_to_fill(const Column& c) {
  std::string s;
  switch (c.type) {
    case ValueType::text:
    case ValueType::name: s = c.ref.empty() ? "文字" : fmt::format("编号或名称（{}）", c.ref); break;
    case ValueType::integer: s = fmt::format("{}—{} 的整数", c.lo, c.hi); break;
    case ValueType::boolean: s = "是/否（也可填 √/×、Y/N、有/无）"; break;
    case ValueType::date: s = "日期（2026-03-01、2026/3/1、2026.3.1、2026年3月1日、20260301 均可）"; break;
    case ValueType::choice: s = "从下拉列表中选择"; break;
    case ValueType::list: s = "多个时以顿号“、”分隔"; break;
    case ValueType::choice_list: s = "多个时以顿号“、”分隔"; break;
    case ValueType::date_list: s = "多个日期以顿号“、”分隔"; break;
    case ValueType::month_list: s = "月份 1—12，以顿号“、”分隔，可写范围（4-6、9-10）"; break;
    case ValueType::month_day: s = "月-日（06-01、6月1日）"; break;
    case ValueType::records: s = std::string(c.note); break;
    case ValueType::category:
    case ValueType::date_range: s = std::string(c.note); break;
  }
  if (c.required) s = "必填；" + s;
  if (c.field == "id") s = "留空则导入时自动生成";
  return s;
}

int run_export(Context& ctx, const ExportOptions& o) {
  if (ctx.global.format == "text")
    throw UsageError("export：请用 -f xlsx（唯一的格式）并用 -o 文件.xlsx 指定输出", "export: give -f xlsx (the only format) and -o FILE.xlsx");
  require_format(ctx, "export", {"xlsx"});
  const import::KindSpec* k = import::find_kind(o.kind);
  if (!k) {
    std::string names, names_zh;
    for (const auto& s : import::kind_specs()) names += (names.empty() ? "" : ", ") + std::string(s.kind);
    for (const auto& s : import::kind_specs()) names_zh += (names_zh.empty() ? "" : "、") + std::string(s.kind);
    throw UsageError(fmt::format("export：未知的类型「{}」；可用：{}", o.kind, names_zh),
                     fmt::format("export: unknown kind '{}'; expected one of: {}", o.kind, names));
  }
  auto loaded = load_inputs(ctx, o.paths);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    ctx.no_result = true;
    return 2;
  }
  const auto& data = loaded.result.data;
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = fmt::format("{}{}", data.policy.province, k->zh);
  xlsx::Sheet s;
  s.name = std::string(k->zh);
  s.title = {fmt::format("{}安全生产巡查{}（xuncha export 导出，可填写后用 xuncha import 导回）", data.policy.province, k->zh)};
  // A period column is for sheets that write both dates in one cell; export writes them apart.
  std::vector<const Column*> cols;
  for (const auto& c : k->columns)
    if (c.type != ValueType::date_range) cols.push_back(&c);
  for (const Column* cp : cols) {
    const Column& c = *cp;
    s.header.emplace_back(c.zh);
    s.widths.push_back(c.type == ValueType::records ? 36 : c.type == ValueType::date ? 12 : 16);
    s.validation.push_back(allowed(c));
  }
  for (const auto& file : data.files) {
    Message why;
    auto text = load::read_regular_file(file, ctx.global.max_file_bytes, why);
    if (!text) continue;
    auto parsed = load::parse_yaml(*text);
    for (const auto& d : parsed.documents) {
      Doc doc{d};
      auto kind = doc.get(d.root, "kind");
      if (!kind || doc.text(*kind) != k->kind) continue;
      auto list = doc.get(d.root, k->kind);
      if (!list) continue;
      for (auto rec : doc.items(*list)) {
        std::vector<xlsx::Cell> row;
        for (const Column* c : cols) row.push_back(cell_for(doc, *c, rec));
        s.rows.push_back(std::move(row));
        s.highlight.push_back(false);
      }
    }
  }
  wb.sheets.push_back(std::move(s));
  xlsx::Sheet notes;
  notes.name = "填写说明";
  notes.header = {"列名", "字段", "填写说明", "可选值", "导入时也认的列名"};
  notes.widths = {18, 22, 48, 40, 40};
  for (const auto& c : k->columns) {
    std::string values, synonyms;
    for (const auto& v : allowed(c)) values += (values.empty() ? "" : "、") + v;
    for (auto w : c.synonyms) synonyms += (synonyms.empty() ? "" : "、") + std::string(w);
    notes.rows.push_back({xlsx::Cell::of(std::string(c.zh)), xlsx::Cell::of(std::string(c.field)), xlsx::Cell::of(how_to_fill(c)),
                          xlsx::Cell::of(values), xlsx::Cell::of(synonyms)});
    notes.highlight.push_back(false);
  }
  wb.sheets.push_back(std::move(notes));
  ctx.out = xlsx::render(wb);
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_export(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  std::vector<std::string> kinds;
  for (const auto& k : import::kind_specs()) kinds.emplace_back(k.kind);
  app.add_option("KIND", o->kind, "The kind: people, units, regions, tours, appointments, problems, hazards, leads, public_reports")
      ->required()
      ->check(CLI::IsMember(kinds));
  app.add_option("PATH", o->paths, "Data files or folders")->required();
  app.footer("Needs -f xlsx and usually -o FILE.xlsx. The workbook holds the kind's sheet (a title row, the Chinese header\n"
             "import reads, drop-down lists for coded fields) and a notes sheet (填写说明) explaining each column.");
  return [o](Context& ctx) { return run_export(ctx, *o); };
}

}  // namespace xuncha::cli
