// xlsx (Office Open XML) as Excel, WPS and LibreOffice write it, read with libzip and pugixml:
// the workbook's sheets and their states, shared strings, styles (which numbers are dates),
// each sheet's rows, cells and merged ranges. Every part is read with a bound on its real
// (not declared) uncompressed size, so a zip bomb stops at the limit.
#include <xuncha/import/sheet.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

namespace xuncha::import {
namespace {

struct Failure {
  ReadError error;
};

[[noreturn]] void fail(std::string zh, std::string en, std::string where = {}) {
  throw Failure{{{std::move(zh), std::move(en)}, std::move(where)}};
}

struct Zip {
  zip_t* z = nullptr;
  const ReadLimits& limits;
  std::size_t total = 0;

  Zip(std::string_view bytes, const ReadLimits& l) : limits(l) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) fail("无法读取", "cannot be read");
    z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
      // Some producers' zips fail the strict consistency check and are otherwise fine.
      z = zip_open_from_source(src, ZIP_RDONLY, &err);
    }
    if (!z) {
      zip_source_free(src);
      zip_error_fini(&err);
      fail("不是有效的 xlsx 工作簿（zip 结构损坏）", "not a valid xlsx workbook (damaged zip structure)");
    }
    zip_error_fini(&err);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  ~Zip() {
    if (z) zip_discard(z);
  }

  bool has(const std::string& name) { return zip_name_locate(z, name.c_str(), 0) >= 0; }

  // The part's bytes; nothing when it is absent and not required.
  std::optional<std::string> read(const std::string& name, bool required) {
    zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
    if (index < 0) {
      if (required) fail(fmt::format("缺少部件 {}（不是完整的 xlsx 工作簿）", name),
                         fmt::format("the part {} is missing (not a complete xlsx workbook)", name), name);
      return std::nullopt;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0)
      fail("zip 结构损坏", "damaged zip structure", name);
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      fail("工作簿设有密码（已加密）：请在 Excel/WPS 中取消密码后另存再导入",
           "the workbook is password-protected (encrypted): remove the password in Excel/WPS, save, and import again", name);
    auto too_big = [&] {
      fail(fmt::format("部件 {} 解压后超过 {} MiB（疑为 zip 炸弹）", name, limits.max_part_bytes >> 20),
           fmt::format("the part {} is larger than {} MiB uncompressed (a zip bomb?)", name, limits.max_part_bytes >> 20), name);
    };
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits.max_part_bytes) too_big();
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
    if (!f) fail("zip 部件无法解压（损坏或加密）", "a zip part cannot be decompressed (damaged or encrypted)", name);
    std::string out;
    char buf[65536];
    for (;;) {
      zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        zip_fclose(f);
        fail("zip 部件解压出错（文件损坏）", "a zip part fails to decompress (damaged file)", name);
      }
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      total += static_cast<std::size_t>(n);
      if (out.size() > limits.max_part_bytes) {
        zip_fclose(f);
        too_big();
      }
      if (total > limits.max_total_bytes) {
        zip_fclose(f);
        fail(fmt::format("解压后总大小超过 {} MiB（疑为 zip 炸弹）", limits.max_total_bytes >> 20),
             fmt::format("more than {} MiB uncompressed in all (a zip bomb?)", limits.max_total_bytes >> 20), name);
      }
    }
    zip_fclose(f);
    return out;
  }
};

void parse_xml(pugi::xml_document& doc, std::string& text, const std::string& part) {
  auto r = doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r)
    fail(fmt::format("部件 {} 的 XML 损坏（第 {} 字节：{}）", part, r.offset, r.description()),
         fmt::format("the part {} holds damaged XML (byte {}: {})", part, r.offset, r.description()), part);
}

// Local names: producers differ in namespace prefixes (x:row, row).
std::string_view local(const pugi::xml_node& n) {
  std::string_view s = n.name();
  auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}
pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c = n.first_child(); c; c = c.next_sibling())
    if (local(c) == name) return c;
  return {};
}
std::string_view attr(const pugi::xml_node& n, std::string_view name) {
  for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view s = a.name();
    auto colon = s.find(':');
    if ((colon == std::string_view::npos ? s : s.substr(colon + 1)) == name) return a.value();
  }
  return {};
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s; phonetic runs left out.
void append_text(const pugi::xml_node& n, std::string& out) {
  for (auto c = n.first_child(); c; c = c.next_sibling()) {
    auto name = local(c);
    if (name == "t") out += c.child_value();
    else if (name == "r") append_text(c, out);
  }
}

bool is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  if (code.empty()) return false;
  // Quoted text, [colour]/[locale] sections and \-escapes say nothing about dates.
  std::string bare;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      auto e = code.find('"', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
    } else if (c == '[') {
      auto e = code.find(']', i + 1);
      if (e == std::string_view::npos) break;
      i = e;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      bare += c;
    }
  }
  for (char c : bare)
    if (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'e') return true;
  return bare.find("年") != std::string::npos || bare.find("月") != std::string::npos || bare.find("日") != std::string::npos;
}

// "C7" -> column 2, row 7; false when it is not a cell reference within the limits.
bool parse_ref(std::string_view ref, std::uint32_t& col, std::uint32_t& row, const ReadLimits& limits) {
  std::size_t i = 0;
  std::uint64_t c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) c = c * 26 + static_cast<std::uint64_t>(ref[i++] - 'A' + 1);
  if (i == 0 || c > limits.max_columns) return false;
  std::uint64_t r = 0;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && digits < 8) r = r * 10 + static_cast<std::uint64_t>(ref[i++] - '0'), ++digits;
  if (i != ref.size() || r == 0 || r > limits.max_rows) return false;
  col = static_cast<std::uint32_t>(c - 1);
  row = static_cast<std::uint32_t>(r);
  return true;
}

bool parse_double(std::string_view s, double& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string resolve_target(std::string_view target) {
  if (target.starts_with('/')) return std::string(target.substr(1));
  std::string t(target);
  while (t.starts_with("./")) t.erase(0, 2);
  if (t.starts_with("xl/")) return t;
  return "xl/" + t;
}

struct Context {
  const ReadLimits& limits;
  std::vector<std::string> shared;
  std::vector<bool> date_style;
  bool date1904 = false;
  std::size_t cells = 0;
};

Sheet read_sheet(Zip& zip, Context& cx, const std::string& part, Sheet sheet) {
  auto text = zip.read(part, true);
  pugi::xml_document doc;
  parse_xml(doc, *text, part);
  auto ws = doc.first_child();
  auto data = child(ws, "sheetData");
  std::uint32_t next_row = 1;
  for (auto r = data.first_child(); r; r = r.next_sibling()) {
    if (local(r) != "row") continue;
    Row row;
    std::uint32_t rn = next_row;
    if (auto rs = attr(r, "r"); !rs.empty()) {
      std::uint32_t v = 0;
      auto [p, ec] = std::from_chars(rs.data(), rs.data() + rs.size(), v);
      if (ec != std::errc() || p != rs.data() + rs.size() || v == 0 || v > cx.limits.max_rows)
        fail(fmt::format("工作表“{}”的行号“{}”无效", sheet.name, rs), fmt::format("sheet '{}': bad row number '{}'", sheet.name, rs), part);
      rn = v;
    }
    next_row = rn + 1;
    row.number = static_cast<int>(rn);
    auto hidden = attr(r, "hidden");
    row.hidden = hidden == "1" || hidden == "true";
    std::uint32_t next_col = 0;
    bool any = false;
    for (auto c = r.first_child(); c; c = c.next_sibling()) {
      if (local(c) != "c") continue;
      std::uint32_t col = next_col, crow = rn;
      if (auto ref = attr(c, "r"); !ref.empty()) {
        if (!parse_ref(ref, col, crow, cx.limits))
          fail(fmt::format("工作表“{}”的单元格引用“{}”无效或超出 Excel 的范围", sheet.name, ref),
               fmt::format("sheet '{}': cell reference '{}' is bad or beyond Excel's limits", sheet.name, ref), part);
      }
      if (col >= cx.limits.max_columns)
        fail(fmt::format("工作表“{}”第 {} 行列数过多", sheet.name, rn), fmt::format("sheet '{}': too many columns on row {}", sheet.name, rn), part);
      next_col = col + 1;
      std::string_view t = attr(c, "t");
      Cell cell;
      auto v = child(c, "v");
      std::string_view value = v ? v.child_value() : std::string_view{};
      auto where = [&] { return fmt::format("{}!{}", sheet.name, cell_name(col, static_cast<int>(rn))); };
      if (t == "s") {
        if (!value.empty()) {
          std::size_t idx = 0;
          auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), idx);
          if (ec != std::errc() || p != value.data() + value.size() || idx >= cx.shared.size())
            fail(fmt::format("共享字符串序号“{}”超出范围（共 {} 个）", value, cx.shared.size()),
                 fmt::format("shared string index '{}' is out of range ({} strings)", value, cx.shared.size()), where());
          cell = Cell::of_text(cx.shared[idx]);
        }
      } else if (t == "inlineStr") {
        std::string s;
        if (auto is = child(c, "is")) append_text(is, s);
        cell = Cell::of_text(std::move(s));
      } else if (t == "str") {
        cell = Cell::of_text(std::string(value));
      } else if (t == "b") {
        cell = Cell::of_bool(value == "1" || value == "true");
      } else if (t == "e") {
        cell.type = Cell::Type::error;
        cell.text = value;
      } else if (t == "d") {
        auto d = parse_iso_date(value.substr(0, 10));
        if (d) cell = Cell::of_date(*d);
        else cell = Cell::of_text(std::string(value));
      } else if (!value.empty()) {
        double x = 0;
        if (!parse_double(value, x))
          fail(fmt::format("数值“{}”无效", value), fmt::format("bad number '{}'", value), where());
        std::size_t style = 0;
        if (auto s = attr(c, "s"); !s.empty()) (void)std::from_chars(s.data(), s.data() + s.size(), style);
        std::optional<Date> d;
        if (style < cx.date_style.size() && cx.date_style[style]) d = date_of_serial(x, cx.date1904);
        cell = d ? Cell::of_date(*d) : Cell::of_number(x, std::string(value));
      }
      if (cell.empty() && cell.type != Cell::Type::error) continue;
      if (row.cells.size() <= col) {
        cx.cells += col + 1 - row.cells.size();
        if (cx.cells > cx.limits.max_cells)
          fail("单元格过多（超出读取上限）", "too many cells (beyond the reader's limit)", part);
        row.cells.resize(col + 1);
      }
      row.cells[col] = std::move(cell);
      any = true;
    }
    if (any) sheet.rows.push_back(std::move(row));
  }
  std::sort(sheet.rows.begin(), sheet.rows.end(), [](const Row& a, const Row& b) { return a.number < b.number; });
  // Merged ranges: the top-left value fills the range (a region name merged over its rows).
  if (auto merges = child(ws, "mergeCells")) {
    for (auto m = merges.first_child(); m; m = m.next_sibling()) {
      std::string_view ref = attr(m, "ref");
      auto colon = ref.find(':');
      std::uint32_t c1 = 0, r1 = 0, c2 = 0, r2 = 0;
      if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), c1, r1, cx.limits) ||
          !parse_ref(ref.substr(colon + 1), c2, r2, cx.limits) || c2 < c1 || r2 < r1)
        continue;  // a bad merge is ignored: the cells keep what they hold
      auto first = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), static_cast<int>(r1),
                                    [](const Row& a, int n) { return a.number < n; });
      if (first == sheet.rows.end() || first->number != static_cast<int>(r1) || first->cells.size() <= c1) continue;
      Cell top = first->cells[c1];
      if (top.empty()) continue;
      // Only rows that hold something are filled, so a merge never creates rows.
      for (auto it = first; it != sheet.rows.end() && it->number <= static_cast<int>(r2); ++it) {
        if (it->cells.size() <= c2) {
          cx.cells += c2 + 1 - it->cells.size();
          if (cx.cells > cx.limits.max_cells) fail("单元格过多（超出读取上限）", "too many cells (beyond the reader's limit)", part);
          it->cells.resize(c2 + 1);
        }
        for (std::uint32_t c = c1; c <= c2; ++c)
          if (it->cells[c].empty()) it->cells[c] = top;
      }
    }
  }
  return sheet;
}

}  // namespace

ReadResult read_xlsx(std::string_view bytes, std::string file, const ReadLimits& limits) {
  ReadResult res;
  try {
    Zip zip(bytes, limits);
    Context cx{limits, {}, {}, false, 0};
    if (!zip.has("xl/workbook.xml")) {
      if (zip.has("EncryptedPackage"))
        fail("工作簿设有密码（已加密）", "the workbook is password-protected (encrypted)");
      fail("不是 xlsx 工作簿（缺少 xl/workbook.xml；.ods、.docx 等请先另存为 xlsx）",
           "not an xlsx workbook (no xl/workbook.xml; save .ods, .docx and the like as xlsx first)", "xl/workbook.xml");
    }
    auto wb_text = zip.read("xl/workbook.xml", true);
    pugi::xml_document wb;
    parse_xml(wb, *wb_text, "xl/workbook.xml");
    auto root = wb.first_child();
    if (auto pr = child(root, "workbookPr")) {
      auto v = attr(pr, "date1904");
      cx.date1904 = v == "1" || v == "true";
    }
    std::map<std::string, std::string, std::less<>> targets;
    if (auto rels_text = zip.read("xl/_rels/workbook.xml.rels", false)) {
      pugi::xml_document rels;
      parse_xml(rels, *rels_text, "xl/_rels/workbook.xml.rels");
      for (auto r = rels.first_child().first_child(); r; r = r.next_sibling())
        targets[std::string(attr(r, "Id"))] = resolve_target(attr(r, "Target"));
    }
    if (auto ss_text = zip.read("xl/sharedStrings.xml", false)) {
      pugi::xml_document ss;
      parse_xml(ss, *ss_text, "xl/sharedStrings.xml");
      for (auto si = ss.first_child().first_child(); si; si = si.next_sibling()) {
        if (local(si) != "si") continue;
        std::string s;
        append_text(si, s);
        cx.shared.push_back(std::move(s));
      }
    }
    if (auto st_text = zip.read("xl/styles.xml", false)) {
      pugi::xml_document st;
      parse_xml(st, *st_text, "xl/styles.xml");
      auto ss = st.first_child();
      std::map<int, std::string> formats;
      if (auto nf = child(ss, "numFmts"))
        for (auto f = nf.first_child(); f; f = f.next_sibling()) formats[std::atoi(std::string(attr(f, "numFmtId")).c_str())] = attr(f, "formatCode");
      if (auto xfs = child(ss, "cellXfs"))
        for (auto xf = xfs.first_child(); xf; xf = xf.next_sibling()) {
          if (local(xf) != "xf") continue;
          int id = std::atoi(std::string(attr(xf, "numFmtId")).c_str());
          auto it = formats.find(id);
          cx.date_style.push_back(is_date_format(id, it == formats.end() ? std::string_view{} : std::string_view(it->second)));
        }
    }
    Workbook book;
    book.file = std::move(file);
    book.format = Format::xlsx;
    int n = 0;
    for (auto s = child(root, "sheets").first_child(); s; s = s.next_sibling()) {
      if (local(s) != "sheet") continue;
      ++n;
      Sheet sheet;
      sheet.name = attr(s, "name");
      auto state = attr(s, "state");
      sheet.hidden = state == "hidden" || state == "veryHidden";
      auto it = targets.find(attr(s, "id"));
      std::string part = it != targets.end() ? it->second : fmt::format("xl/worksheets/sheet{}.xml", n);
      // Chart sheets and dialog sheets hold no table.
      if (part.find("worksheets/") == std::string::npos) continue;
      book.sheets.push_back(read_sheet(zip, cx, part, std::move(sheet)));
    }
    if (book.sheets.empty()) fail("工作簿中没有工作表", "the workbook holds no worksheet", "xl/workbook.xml");
    res.book = std::move(book);
  } catch (const Failure& f) {
    res.error = f.error;
  }
  return res;
}

}  // namespace xuncha::import
