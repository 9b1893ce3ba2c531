// From sheets to records (importer.hpp): the header found, columns matched, rows read.
#include <xuncha/import/importer.hpp>

#include "text.hpp"
#include "values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace xuncha::import {
namespace {

// Headers that are known and hold nothing to import (a row number, notes, contact details).
constexpr std::string_view ignored_headers[] = {
    "序号", "no", "no.", "#", "编号序号", "备注", "说明", "notes", "note", "remark", "remarks", "联系电话", "手机",
    "手机号码", "办公电话", "联系方式", "电话", "phone", "mobile", "性别", "sex", "gender", "出生年月", "民族", "政治面貌",
    "学历", "职务", "现任职务", "title", "position", "身份证号"};

// First cells that mark a totals or notes row below the table.
constexpr std::string_view footer_words[] = {"合计", "总计", "小计", "共计", "合 计", "备注:", "说明:", "注:", "填表说明",
                                             "填表人", "审核人", "制表", "Total", "TOTAL"};

const Column* match_header(const KindSpec& k, const std::string& norm) {
  if (norm.empty()) return nullptr;
  if (const Column* c = column_for_header(k, norm)) return c;
  // "联系电话（手机）", "职级(必填)": the words before a bracket.
  for (std::string_view open : {"(", "（", "["}) {
    auto p = norm.find(open);
    if (p != std::string::npos && p > 0) return column_for_header(k, norm.substr(0, p));
  }
  return nullptr;
}

bool is_ignored_header(const std::string& norm) {
  for (auto h : ignored_headers)
    if (normalize_header(h) == norm) return true;
  return false;
}

// How many distinct fields of `k` a row's cells name.
std::size_t header_score(const KindSpec& k, const Row& row) {
  std::set<const Column*> seen;
  for (const auto& c : row.cells)
    if (c.type == Cell::Type::text)
      if (const Column* col = match_header(k, normalize_header(c.text))) seen.insert(col);
  return seen.size();
}

struct HeaderPick {
  std::size_t row_index = 0;
  std::size_t score = 0;
};

// The best header row among the first rows (title rows above it are passed over).
HeaderPick find_header(const KindSpec& k, const Sheet& s) {
  HeaderPick best;
  for (std::size_t i = 0; i < s.rows.size() && i < 20; ++i) {
    std::size_t sc = header_score(k, s.rows[i]);
    if (sc > best.score) best = {i, sc};
  }
  return best;
}

std::string source_label(const Workbook& b, const Sheet& s, int row, bool zh) {
  if (b.format == Format::csv) return zh ? fmt::format("{}!第{}行", b.file, row) : fmt::format("{}!row {}", b.file, row);
  return zh ? fmt::format("{}!{}!第{}行", b.file, s.name, row) : fmt::format("{}!{}!row {}", b.file, s.name, row);
}

std::string sheet_where(const Workbook& b, const Sheet& s) {
  return b.format == Format::csv ? b.file : fmt::format("{}!{}", b.file, s.name);
}

void add_skip(ImportResult& r, Message reason) {
  for (auto& s : r.skipped)
    if (s.reason == reason) {
      ++s.rows;
      return;
    }
  r.skipped.push_back({std::move(reason), 1});
}

// Puts `v` at the dotted path `key` (milestones.notified) among `fields`.
void put(std::vector<Field>& fields, std::string_view key, Value v) {
  auto dot = key.find('.');
  if (dot == std::string_view::npos) {
    // A key given twice (a period and a start column) keeps the later value.
    auto same = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == key; });
    if (same != fields.end()) same->value = std::move(v);
    else fields.push_back({std::string(key), std::move(v)});
    return;
  }
  std::string head(key.substr(0, dot));
  auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.key == head; });
  if (it == fields.end()) {
    Value m;
    m.type = Value::Type::map;
    fields.push_back({head, std::move(m)});
    it = fields.end() - 1;
  }
  put(it->value.fields, key.substr(dot + 1), std::move(v));
}

// A name or id resolved to an id of `kind` in the data set: the id itself, a unique name, or a
// unique abbreviation (its characters in order in one name: 省应急厅 -> 省应急管理厅).
std::optional<std::pair<std::string, std::string>> resolve(const References& refs, std::string_view kind, const std::string& v) {
  auto it = refs.find(kind);
  if (it == refs.end()) return std::nullopt;
  for (const auto& [id, name] : it->second)
    if (id == v) return std::pair{id, std::string{}};
  const std::pair<std::string, std::string>* found = nullptr;
  int count = 0;
  for (const auto& e : it->second)
    if (e.second == v) found = &e, ++count;
  if (count == 1) return std::pair{found->first, found->second};
  count = 0;
  auto subsequence = [&](std::string_view small, std::string_view big) {
    std::size_t j = 0;
    for (std::size_t i = 0; i < small.size();) {
      std::size_t n = 1;
      auto c = static_cast<unsigned char>(small[i]);
      if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
      auto pos = big.find(small.substr(i, n), j);
      if (pos == std::string_view::npos) return false;
      j = pos + n;
      i += n;
    }
    return true;
  };
  for (const auto& e : it->second)
    if (v.size() >= 6 && subsequence(v, e.second)) found = &e, ++count;
  if (count == 1) return std::pair{found->first, found->second};
  return std::nullopt;
}

std::string field_text(const std::vector<Field>& fields, std::string_view key) {
  for (const auto& f : fields)
    if (f.key == key) return f.value.type == Value::Type::date ? format_iso(f.value.date) : f.value.text;
  return {};
}

// A readable id for a row without one: from the tour or region and a count (problems of
// T2026-wuhan: P2026-wuhan-01, -02, ...), else the kind's letter and a count (p001); counts
// skip ids already `taken`. Tours (T2026-wuhan) and appointments are named by what they are.
template <class Taken>
std::string generate_id(const KindSpec& k, const Record& r, std::map<std::string, int>& counters, Taken taken) {
  std::string tour = field_text(r.fields, "tour");
  std::string region = field_text(r.fields, "region");
  if (k.kind == "tours") {
    std::string year = field_text(r.fields, "year");
    if (year.empty()) {
      std::string start = field_text(r.fields, "start");
      if (start.size() >= 4) year = start.substr(0, 4);
    }
    return fmt::format("T{}-{}", year, region);
  }
  if (k.kind == "appointments") return fmt::format("A-{}-{}", tour, field_text(r.fields, "person"));
  std::string base = !tour.empty() ? (tour.starts_with('T') ? tour.substr(1) : tour) : region;
  for (;;) {
    int n = ++counters[base];
    std::string id = base.empty() ? fmt::format("{}{:03}", k.id_prefix, n)
                     : k.kind == "problems" ? fmt::format("{}{}-{:02}", k.id_prefix, base, n)
                                            : fmt::format("{}{}-{}", k.id_prefix, base, n);
    if (!taken(id)) return id;
  }
}

bool known_id(const References& refs, std::string_view kind, const std::string& id) {
  auto it = refs.find(kind);
  if (it == refs.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const auto& e) { return e.first == id; });
}

// The id of the one record of the data set with this record's name (people, units, regions).
std::optional<std::string> same_name(const References& refs, const KindSpec& k, const Record& r) {
  auto it = refs.find(k.kind);
  std::string name = field_text(r.fields, "name");
  if (it == refs.end() || name.empty()) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& [id, n] : it->second)
    if (n == name) {
      if (found) return std::nullopt;
      found = id;
    }
  return found;
}

// Text made an id: letters (Chinese too), digits, '-', '_' and '.' kept; anything else (spaces,
// brackets, slashes) becomes '-', runs of them one.
std::string id_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    bool keep = n > 1 ? !s.substr(i, n).starts_with("\xEF\xBC") && !s.substr(i, n).starts_with("\xE3\x80")  // full-width and CJK punctuation
                      : (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.');
    if (keep) out.append(s.substr(i, n));
    else if (!out.empty() && out.back() != '-') out += '-';
    i += n;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

struct Mapped {
  std::size_t column;
  const Column* col;  ///< nullptr: the pseudo-column id-from
};

}  // namespace

std::string cell_where(const Workbook& book, const Sheet& sheet, std::size_t column, int row) {
  if (book.format == Format::csv) return fmt::format("{}:{}:{}", book.file, row, column + 1);
  return fmt::format("{}!{}!{}", book.file, sheet.name, cell_name(column, row));
}

ImportResult import_books(const std::vector<Workbook>& books, const ImportOptions& opt) {
  ImportResult res;
  auto fatal = [&](std::string where, std::string zh, std::string en) {
    res.fatal = Issue{std::move(where), {std::move(zh), std::move(en)}};
    return res;
  };
  // The kind: named, or the one whose words the first sheets' headers use most.
  if (opt.kind != "auto" && !opt.kind.empty()) {
    res.kind = find_kind(opt.kind);
    if (!res.kind) return fatal("", fmt::format("未知的种类“{}”", opt.kind), fmt::format("unknown kind '{}'", opt.kind));
  } else {
    std::size_t best = 0;
    for (const auto& b : books)
      for (const auto& s : b.sheets)
        for (const auto& k : kind_specs()) {
          auto h = find_header(k, s);
          // Required columns found count double, so people's 姓名+单位 beat units' 单位.
          std::size_t sc = h.score * 2;
          if (h.score >= 2)
            for (const auto& c : k.columns)
              if (c.required && c.field != "id")
                for (const auto& cell : s.rows[h.row_index].cells)
                  if (cell.type == Cell::Type::text && match_header(k, normalize_header(cell.text)) == &c) ++sc;
          if (h.score >= 2 && sc > best) best = sc, res.kind = &k;
        }
    if (!res.kind) {
      std::string where = books.empty() ? std::string{} : books.front().file;
      return fatal(where, "找不到可识别的表头（无法判断是哪类数据）：请用 --kind 指明，或用 --map 列名=字段 对应各列",
                   "no recognisable header (cannot tell what the sheet holds): name the kind with --kind, or map columns with --map COLUMN=field");
    }
    res.guessed = true;
  }
  const KindSpec& k = *res.kind;
  for (const auto& [colname, field] : opt.map)
    if (field != "-" && !k.find(field))
      return fatal("", fmt::format("--map {}={}：{} 没有字段“{}”", colname, field, k.kind, field),
                   fmt::format("--map {}={}: {} has no field '{}'", colname, field, k.kind, field));
  for (const auto& want : opt.sheets) {
    bool found = false;
    for (const auto& b : books)
      for (const auto& s : b.sheets) found = found || s.name == want;
    if (!found)
      return fatal(books.empty() ? std::string{} : books.front().file, fmt::format("没有名为“{}”的工作表", want),
                   fmt::format("no sheet is named '{}'", want));
  }

  std::set<std::string> ids;
  std::map<std::string, int> counters;
  std::map<std::string, std::pair<std::size_t, std::size_t>> resolved;  // kind+name -> (note, cells)
  for (const auto& book : books) {
    std::size_t used_sheets = 0;
    for (const auto& sheet : book.sheets) {
      bool named = std::find(opt.sheets.begin(), opt.sheets.end(), sheet.name) != opt.sheets.end();
      if (!opt.sheets.empty() && !named) continue;
      // The notes sheet xuncha export writes beside the data.
      if (sheet.name == "填写说明" && !named) continue;
      if (sheet.hidden && !named) {
        res.notes.push_back({sheet_where(book, sheet), {"隐藏的工作表未导入（用 --sheet 指名可导入）",
                                                        "hidden sheet not imported (name it with --sheet to import it)"}});
        continue;
      }
      if (sheet.rows.empty()) {
        res.notes.push_back({sheet_where(book, sheet), {"空白工作表", "empty sheet"}});
        continue;
      }
      auto pick = find_header(k, sheet);
      if (pick.score < 2 && opt.map.empty()) {
        if (named || book.sheets.size() == 1)
          return fatal(sheet_where(book, sheet), fmt::format("找不到{}表的表头（前 20 行中没有一行含两个以上可识别的列名，如 {}、{}）", k.zh, k.columns[1].zh, k.columns[2].zh),
                       fmt::format("no {} header (none of the first 20 rows names two known columns, such as {} or {})", k.kind, k.columns[1].zh, k.columns[2].zh));
        res.notes.push_back({sheet_where(book, sheet), {fmt::format("没有{}表的表头，未导入", k.zh), fmt::format("no {} header: not imported", k.kind)}});
        continue;
      }
      ++used_sheets;
      const Row& header = sheet.rows[pick.row_index];
      SheetUse use{book.file, sheet.name, header.number, {}};
      std::vector<Mapped> mapped;
      std::optional<std::size_t> id_from_col;
      std::map<const Column*, std::size_t> taken;
      for (std::size_t ci = 0; ci < header.cells.size(); ++ci) {
        std::string h = clean_text(cell_text(header.cells[ci]));
        if (h.empty()) continue;
        std::string norm = normalize_header(h);
        const Column* col = nullptr;
        bool by_map = false, ignore = false;
        for (const auto& [name, field] : opt.map)
          if (normalize_header(name) == norm || name == column_letters(ci)) {
            by_map = true;
            if (field == "-") ignore = true;
            else col = k.find(field);
          }
        if (!opt.id_from.empty() && (normalize_header(opt.id_from) == norm || opt.id_from == column_letters(ci))) id_from_col = ci;
        if (!by_map) col = match_header(k, norm);
        if (ignore || !col) {
          use.columns.push_back({h, ""});
          if (!ignore && !is_ignored_header(norm) && !(id_from_col && *id_from_col == ci))
            res.notes.push_back({cell_where(book, sheet, ci, header.number),
                                 {fmt::format("列“{}”不对应{}的任何字段，未导入（可用 --map {}=字段 指定）", h, k.zh, h),
                                  fmt::format("column '{}' matches no field of {}: not imported (map it with --map {}=FIELD)", h, k.kind, h)}});
          continue;
        }
        if (auto t = taken.find(col); t != taken.end()) {
          std::string other = clean_text(cell_text(header.cells[t->second]));
          return fatal(cell_where(book, sheet, ci, header.number),
                       fmt::format("列 {}“{}”和列 {}“{}”都对应字段 {}：用 --map 指定其中一列（如 --map {}=-）", column_letters(t->second), other,
                                   column_letters(ci), h, col->field, h),
                       fmt::format("columns {} '{}' and {} '{}' both map to the field {}: choose one with --map (e.g. --map {}=-)",
                                   column_letters(t->second), other, column_letters(ci), h, col->field, h));
        }
        taken[col] = ci;
        use.columns.push_back({h, std::string(col->field)});
        mapped.push_back({ci, col});
      }
      if (!opt.id_from.empty() && !id_from_col)
        return fatal(sheet_where(book, sheet), fmt::format("--id-from：表头中没有列“{}”", opt.id_from),
                     fmt::format("--id-from: the header has no column '{}'", opt.id_from));
      for (const auto& c : k.columns)
        if (c.required && c.field != "id" && !taken.contains(&c))
          return fatal(sheet_where(book, sheet), fmt::format("第 {} 行的表头缺少必填列“{}”（{}）", header.number, c.zh, c.field),
                       fmt::format("the header on row {} lacks the required column '{}' ({})", header.number, c.zh, c.field));
      res.sheets.push_back(std::move(use));

      for (std::size_t ri = pick.row_index + 1; ri < sheet.rows.size(); ++ri) {
        const Row& row = sheet.rows[ri];
        ++res.rows_read;
        std::string first;
        for (const auto& c : row.cells)
          if (!c.empty()) {
            first = clean_text(cell_text(c));
            break;
          }
        bool any_mapped = false;
        for (const auto& m : mapped)
          if (m.column < row.cells.size() && !row.cells[m.column].empty()) any_mapped = true;
        if (row.hidden) {
          add_skip(res, {"隐藏行", "hidden rows"});
          continue;
        }
        // (clean_text makes the full-width colon of 备注： a plain one.)
        std::string first_clean = clean_text(first);
        bool footer = false;
        for (auto w : footer_words) footer = footer || first_clean.starts_with(w);
        if (footer) {
          add_skip(res, {"合计行、备注行", "totals and notes rows"});
          continue;
        }
        if (!any_mapped) {
          add_skip(res, {"没有可导入内容的行", "rows with nothing to import"});
          continue;
        }
        if (header_score(k, row) == pick.score) {
          add_skip(res, {"重复的表头行", "repeated header rows"});
          continue;
        }
        Record rec;
        rec.source_zh = source_label(book, sheet, row.number, true);
        rec.source_en = source_label(book, sheet, row.number, false);
        bool skip = false;
        bool expert = false;
        for (const auto& m : mapped) {
          static const Cell blank{};
          const Cell& cell = m.column < row.cells.size() ? row.cells[m.column] : blank;
          Message why;
          auto v = read_value(*m.col, cell, why);
          std::string where = cell_where(book, sheet, m.column, row.number);
          if (!v && !why.zh.empty()) {
            res.errors.push_back({where, why});
            if (m.col->required) skip = true;
            continue;
          }
          if (!v) {
            if (m.col->required) {
              res.errors.push_back({where, {fmt::format("必填的“{}”为空", m.col->zh), fmt::format("the required {} is empty", m.col->en)}});
              skip = true;
            }
            continue;
          }
          if (m.col->type == ValueType::category) {
            expert = v->boolean;
            continue;
          }
          if (m.col->type == ValueType::date_range) {
            for (auto& f : v->fields) put(rec.fields, f.key, std::move(f.value));
            continue;
          }
          if (!m.col->ref.empty() && v->type == Value::Type::text) {
            if (auto id = resolve(opt.refs, m.col->ref, v->text); id && id->first != v->text) {
              // One note per name, at its first cell, with how many cells hold it.
              auto [seen, fresh] = resolved.try_emplace(std::string(m.col->ref) + '\0' + v->text, res.notes.size(), 0);
              ++seen->second.second;
              if (fresh)
                res.notes.push_back({where, {fmt::format("“{}”即 {}（{}）", v->text, id->first, id->second),
                                             fmt::format("'{}' is {} ({})", v->text, id->first, id->second)}});
              v->text = id->first;
            }
          }
          if (m.col->field == "id") rec.id = v->text;
          if (m.col->field == "name" || m.col->field == "description" || m.col->field == "summary") rec.label = v->text;
          put(rec.fields, m.col->field, std::move(*v));
        }
        if (skip) {
          add_skip(res, {"必填值缺失或无法读取", "a required value missing or unreadable"});
          continue;
        }
        if (expert && std::none_of(rec.fields.begin(), rec.fields.end(), [](const Field& f) { return f.key == "expert"; })) {
          Value m;
          m.type = Value::Type::map;
          rec.fields.push_back({"expert", std::move(m)});
        }
        if (rec.id.empty()) {
          if (id_from_col) {
            std::string v = *id_from_col < row.cells.size() ? clean_name(cell_text(row.cells[*id_from_col])) : std::string{};
            v = id_text(v);
            if (v.empty()) {
              res.errors.push_back({cell_where(book, sheet, *id_from_col, row.number),
                                    {"--id-from 指定的列为空，无法生成编号", "the --id-from column is empty: no id can be made"}});
              add_skip(res, {"必填值缺失或无法读取", "a required value missing or unreadable"});
              continue;
            }
            rec.id = v;
          } else if (auto known = same_name(opt.refs, k, rec)) {
            // The data set already has this person (unit, region): the row is that record.
            rec.id = *known;
            std::size_t name_col = 0;
            for (const auto& m : mapped)
              if (m.col->field == "name") name_col = m.column;
            res.notes.push_back({cell_where(book, sheet, name_col, row.number),
                                 {fmt::format("“{}”已在数据中，沿用编号 {}", rec.label, rec.id),
                                  fmt::format("'{}' is in the data set already: its id {} is kept", rec.label, rec.id)}});
          } else {
            rec.id = generate_id(k, rec, counters, [&](const std::string& id) { return ids.contains(id) || known_id(opt.refs, k.kind, id); });
            // A tour (region and year) or appointment (person and tour) the data set has is that record.
            if ((k.kind == "tours" || k.kind == "appointments") && known_id(opt.refs, k.kind, rec.id))
              res.notes.push_back({cell_where(book, sheet, mapped.front().column, row.number),
                                   {fmt::format("{} 已在数据中，沿用其编号", rec.id), fmt::format("{} is in the data set already: its id is kept", rec.id)}});
          }
          rec.id_generated = true;
          std::string base = rec.id;
          for (int n = 2; ids.contains(rec.id); ++n) rec.id = fmt::format("{}-{}", base, n);
          Value idv;
          idv.text = rec.id;
          rec.fields.insert(rec.fields.begin(), Field{"id", std::move(idv)});
        } else if (ids.contains(rec.id)) {
          res.errors.push_back({cell_where(book, sheet, taken[k.find("id")], row.number),
                                {fmt::format("编号 {} 重复（前面已有）", rec.id), fmt::format("the id {} appears twice", rec.id)}});
          add_skip(res, {"编号重复", "duplicate ids"});
          continue;
        }
        ids.insert(rec.id);
        res.records.push_back(std::move(rec));
      }
    }
    if (used_sheets == 0 && !res.fatal)
      return fatal(book.file, fmt::format("没有一个工作表有{}表的表头", k.zh), fmt::format("no sheet has a {} header", k.kind));
  }
  for (const auto& [key, at] : resolved)
    if (at.second > 1) {
      res.notes[at.first].message.zh += fmt::format("，共 {} 处", at.second);
      res.notes[at.first].message.en += fmt::format(", {} cells", at.second);
    }
  return res;
}

}  // namespace xuncha::import
