// xuncha import: an office's spreadsheets (xlsx, xls, CSV) to YAML that `xuncha check` reads:
// the header found under title rows, columns matched by the words people write, each record
// with a comment naming its row, ids taken or generated, a summary of what was read and left out.
#include "app/app.hpp"
#include "commands/import_merge.hpp"
#include "render/yaml.hpp"

#include <xuncha/import/importer.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace xuncha::cli {
namespace {

struct ImportCliOptions {
  std::vector<std::string> args;  ///< [KIND] FILE...
  std::string kind;
  std::vector<std::string> sheets;
  std::vector<std::string> map;
  std::string id_from;
  std::vector<std::string> data;
  std::string into;
  bool dry_run = false;
};

std::string render_yaml(const Context& ctx, const import::ImportResult& r, const std::vector<std::string>& files) {
  std::string names;
  for (const auto& f : files) names += (names.empty() ? "" : ", ") + f;
  std::string out = ctx.zh ? fmt::format("# 由 xuncha import 从 {} 导入（{}）\n", yaml_comment(names), r.kind->zh)
                           : fmt::format("# imported by xuncha import from {} ({})\n", yaml_comment(names), r.kind->kind);
  out += fmt::format("kind: {}\nversion: 1\n{}:", r.kind->kind, r.kind->kind);
  if (r.records.empty()) return out + " []\n";
  out += "\n";
  for (const auto& rec : r.records) out += yaml_record(rec, 2, ctx.zh, true);
  return out;
}

import::References references(Context& ctx, const std::vector<std::string>& data) {
  import::References refs;
  if (data.empty()) return refs;
  auto loaded = load_inputs(ctx, data);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    throw UsageError("--data 中的数据有错误（见上）", "the --data set has errors (see above)");
  }
  const auto& d = loaded.result.data;
  for (const auto& x : d.regions) refs["regions"].emplace_back(x.id, x.name);
  for (const auto& x : d.units) refs["units"].emplace_back(x.id, x.name);
  for (const auto& x : d.people) refs["people"].emplace_back(x.id, x.name);
  for (const auto& x : d.tours) refs["tours"].emplace_back(x.id, "");
  for (const auto& x : d.teams) refs["teams"].emplace_back(x.id, "");
  // Ids only: generated ids never take one of them.
  for (const auto& x : d.appointments) refs["appointments"].emplace_back(x.id, "");
  for (const auto& x : d.ledger.problems) refs["problems"].emplace_back(x.id, "");
  for (const auto& x : d.ledger.hazards) refs["hazards"].emplace_back(x.id, x.name);
  for (const auto& x : d.ledger.leads) refs["leads"].emplace_back(x.id, "");
  for (const auto& x : d.ledger.reports) refs["public_reports"].emplace_back(x.id, "");
  return refs;
}

// --into DATA: the records merged into the file of DATA that holds their kind (a new KIND.yaml
// in the folder when none does); the changes listed; with --dry-run nothing written.
void merge_into(Context& ctx, const ImportCliOptions& o, const import::ImportResult& res, const std::vector<std::string>& files) {
  const auto& kind = res.kind->kind;
  std::vector<Diagnostic> diags;
  load::WalkOptions walk;
  walk.exclude = ctx.global.exclude;
  std::string target;
  std::string text;
  for (const auto& in : load::expand_paths({o.into}, diags, walk)) {
    if (in.role != load::InputRole::data) continue;
    Message why;
    auto t = load::read_regular_file(in.name, ctx.global.max_file_bytes, why);
    if (!t) continue;
    auto parsed = load::parse_yaml(*t);
    for (const auto& d : parsed.documents) {
      const auto& root = d.node(d.root);
      if (root.type != load::YNode::Type::map) continue;
      for (std::uint32_t i = 0; i + 1 < root.count; i += 2)
        if (d.value(d.node(d.child(root, i))) == "kind" && d.value(d.node(d.child(root, i + 1))) == kind) target = in.name;
    }
    if (!target.empty()) {
      text = std::move(*t);
      break;
    }
  }
  MergeResult m;
  if (target.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(o.into, ec))
      throw UsageError(fmt::format("--into {}：没有 kind: {} 的文档，也不是文件夹", quote_path(o.into), kind),
                       fmt::format("--into {}: holds no kind: {} document and is not a folder", quote_path(o.into), kind));
    target = (std::filesystem::path(o.into) / (std::string(kind) + ".yaml")).string();
    m.ok = true;
    m.text = render_yaml(ctx, res, files);
    for (const auto& r : res.records) m.added.push_back(r.id);
  } else {
    m = merge_records(text, kind, res.records, ctx.zh);
    if (!m.ok)  // (m.error is in the run's language already)
      throw UsageError(fmt::format("--into {}：{}", quote_path(target), m.error), fmt::format("--into {}: {}", quote_path(target), m.error));
  }
  std::string& err = ctx.err;
  std::string last;
  const std::string pre = ctx.t("xuncha import：", "xuncha import: ");
  for (const auto& c : m.changes) {
    if (c.id != last) err += fmt::format("{}{} {}\n", pre, ctx.t("更新", "update"), c.id);
    last = c.id;
    err += fmt::format("    {}: {} -> {}\n", c.field, c.before.empty() ? "-" : c.before, c.after);
  }
  auto ids = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& id : v) s += (s.empty() ? "" : ", ") + id;
    return s;
  };
  if (!m.added.empty()) err += fmt::format("{}{} {}: {}\n", pre, ctx.t("新增", "added"), m.added.size(), ids(m.added));
  if (!m.kept.empty())
    err += fmt::format("{}{} {}: {}\n", pre,
                       ctx.t("表中没有、保留未动的记录", "records not in the sheet, kept as they are"), m.kept.size(), ids(m.kept));
  err += ctx.zh ? fmt::format("xuncha import：{}{}：更新 {} 条，新增 {} 条，保留 {} 条{}\n", o.dry_run ? "（试运行，未写入）" : "",
                              target, m.updated.size(), m.added.size(), m.kept.size(), o.dry_run ? "" : "，已写入")
                : fmt::format("xuncha import: {}{}: {} updated, {} added, {} kept{}\n", o.dry_run ? "(dry run, nothing written) " : "",
                              target, m.updated.size(), m.added.size(), m.kept.size(), o.dry_run ? "" : "; written");
  ctx.no_result = true;
  if (!o.dry_run && (!m.changes.empty() || !m.added.empty())) write_output(target, m.text);
}

int run_import(Context& ctx, const ImportCliOptions& o) {
  require_format(ctx, "import", {"text", "yaml"});
  std::vector<std::string> files = o.args;
  std::string kind = o.kind.empty() ? "auto" : o.kind;
  if (!files.empty() && (files.front() == "auto" || import::find_kind(files.front()))) {
    if (!o.kind.empty() && o.kind != files.front())
      throw UsageError(fmt::format("import：类型给了两次（「{}」与 --kind {}）", files.front(), o.kind),
                       fmt::format("import: the kind is given twice ('{}' and --kind {})", files.front(), o.kind));
    kind = files.front();
    files.erase(files.begin());
  }
  if (files.empty()) throw UsageError("import：请给出要导入的文件", "import: name the files to import");
  import::ImportOptions opt;
  opt.kind = kind;
  opt.sheets = o.sheets;
  opt.id_from = o.id_from;
  for (const auto& m : o.map) {
    auto eq = m.rfind('=');
    if (eq == std::string::npos || eq == 0)
      throw UsageError(fmt::format("--map 的写法是 列名=字段（或 列名=- 略去该列）；收到「{}」", m),
                       fmt::format("--map expects COLUMN=field (or COLUMN=- to leave a column out), got '{}'", m));
    opt.map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  if (!o.into.empty() && !ctx.global.output.empty())
    throw UsageError("import：--into 与 -o 只能二选一", "import: give --into or -o, not both");
  if (o.dry_run && o.into.empty()) throw UsageError("import：--dry-run 须与 --into 同用", "import: --dry-run goes with --into");
  std::vector<std::string> data = o.data;
  if (!o.into.empty()) data.push_back(o.into);
  opt.refs = references(ctx, data);

  std::vector<import::Workbook> books;
  for (const auto& f : files) {
    Message why;
    auto bytes = load::read_regular_file(f, ctx.global.max_file_bytes, why);
    if (!bytes) throw UsageError(fmt::format("{}：{}", quote_path(f), why.zh), fmt::format("{}: {}", quote_path(f), why.en));
    ctx.input_names.push_back(f);
    auto r = import::read_workbook(*bytes, f, f);
    if (!r.ok())
      throw UsageError(fmt::format("{}{}：{}", quote_path(f), r.error.where.empty() ? "" : "!" + r.error.where, r.error.message.zh),
                       fmt::format("{}{}: {}", quote_path(f), r.error.where.empty() ? "" : "!" + r.error.where, r.error.message.en));
    books.push_back(std::move(*r.book));
  }
  auto res = import::import_books(books, opt);
  if (res.fatal)
    throw UsageError(fmt::format("{}{}", res.fatal->where.empty() ? "" : res.fatal->where + "：", res.fatal->message.zh),
                     fmt::format("{}{}", res.fatal->where.empty() ? "" : res.fatal->where + ": ", res.fatal->message.en));

  const auto& k = *res.kind;
  std::string& err = ctx.err;
  if (res.guessed)
    err += ctx.zh ? fmt::format("xuncha import：按表头识别为“{}”（{}）；如不对，请写明种类：xuncha import KIND …\n", k.zh, k.kind)
                  : fmt::format("xuncha import: the header says {} ({}); if that is wrong, name the kind: xuncha import KIND ...\n", k.kind, k.zh);
  if (!ctx.global.quiet) {
    for (const auto& s : res.sheets) {
      std::string cols, skipped;
      for (const auto& [h, f] : s.columns) {
        if (f.empty()) skipped += (skipped.empty() ? "" : ctx.t("、", ", ")) + h;
        else cols += (cols.empty() ? "" : ctx.t("，", ", ")) + h + "→" + f;
      }
      std::string where = s.sheet.empty() ? s.file : s.file + "!" + s.sheet;
      err += ctx.zh ? fmt::format("xuncha import：{}：表头在第 {} 行；{}{}\n", where, s.header_row, cols,
                                  skipped.empty() ? "" : "；未导入的列：" + skipped)
                    : fmt::format("xuncha import: {}: header on row {}; {}{}\n", where, s.header_row, cols,
                                  skipped.empty() ? "" : "; columns not imported: " + skipped);
    }
    for (const auto& n : res.notes) err += fmt::format("{}: {}: {}\n", n.where, ctx.t("注", "note"), ctx.t(n.message));
    std::size_t generated = 0;
    for (const auto& r : res.records) generated += r.id_generated ? 1 : 0;
    if (generated > 0) {
      err += ctx.zh ? fmt::format("xuncha import：生成编号 {} 个（同一表格再次导入得到相同编号）：\n", generated)
                    : fmt::format("xuncha import: {} ids generated (the same sheet imported again gets the same ids):\n", generated);
      for (const auto& r : res.records)
        if (r.id_generated)
          err += fmt::format("  {} -> {}{}\n", ctx.zh ? r.source_zh : r.source_en, r.id, r.label.empty() ? "" : "  " + r.label);
    }
  }
  for (const auto& e : res.errors) err += fmt::format("{}: {}: {}\n", e.where, ctx.t("错误", "error"), ctx.t(e.message));
  std::size_t skipped = 0;
  std::string why;
  for (const auto& s : res.skipped) {
    skipped += s.rows;
    why += ctx.zh ? fmt::format("{}{} {} 行", why.empty() ? "" : "，", s.reason.zh, s.rows)
                  : fmt::format("{}{} {}", why.empty() ? "" : ", ", s.reason.en, s.rows);
  }
  err += ctx.zh ? fmt::format("xuncha import：读取 {} 行，写出 {} 条记录，跳过 {} 行{}；无法读取的值 {} 个\n", res.rows_read,
                              res.records.size(), skipped, why.empty() ? "" : "（" + why + "）", res.errors.size())
                : fmt::format("xuncha import: {} rows read, {} records written, {} rows skipped{}; {} values unreadable\n",
                              res.rows_read, res.records.size(), skipped, why.empty() ? "" : " (" + why + ")", res.errors.size());
  int code = res.errors.empty() ? 0 : 1;
  if (o.into.empty()) {
    ctx.out = render_yaml(ctx, res, files);
    return code;
  }
  merge_into(ctx, o, res, files);
  return code;
}

}  // namespace

std::function<int(Context&)> setup_import(CLI::App& app) {
  auto o = std::make_shared<ImportCliOptions>();
  app.add_option("ARGS", o->args, "[KIND] FILE...: the kind (people, units, regions, tours, appointments, problems, hazards, "
                                  "leads, public_reports, or auto), then xlsx, xls or CSV files")
      ->required();
  std::vector<std::string> kinds{"auto"};
  for (const auto& k : import::kind_specs()) kinds.emplace_back(k.kind);
  app.add_option("--kind", o->kind, "The kind, as KIND (auto: guessed from the header, and said)")->check(CLI::IsMember(kinds));
  app.add_option("--sheet", o->sheets, "Import only this sheet (repeatable; a hidden sheet too); default: every sheet whose header matches")
      ->allow_extra_args(false);
  app.add_option("--map", o->map, "COLUMN=field: the column (header text or letter) fills field; COLUMN=- leaves it out (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--id-from", o->id_from, "Make missing ids from this column's values (header text or letter)");
  app.add_option("--data", o->data, "A data set (files or folders) whose units, regions, people and tours resolve names to ids (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--into", o->into, "Merge into the data set DATA (files or folders): update records by id field by field, add new ones, keep the rest");
  app.add_flag("--dry-run", o->dry_run, "With --into: show the changes, write nothing");
  app.footer("Writes YAML (stdout or -o FILE, atomically) with a '# 来源：FILE!SHEET!第N行' comment per record; the summary,\n"
             "the generated ids and every unreadable value go to stderr. Exit 0: all read; 1: some values unreadable\n"
             "(their rows written without them, or skipped when required); 2: the file or its header cannot be read.");
  return [o](Context& ctx) { return run_import(ctx, *o); };
}

}  // namespace xuncha::cli
