// What a file is (sniffed from its first bytes), xls through libfreexl, and cell names and
// Excel serial dates shared by the readers.
#include <xuncha/import/sheet.hpp>

#include <fmt/format.h>
#include <freexl.h>

#include <cmath>

namespace xuncha::import {
namespace {

constexpr std::string_view cfb_magic{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8};

bool holds_utf16(std::string_view bytes, std::string_view ascii) {
  std::string pattern;
  for (char c : ascii) pattern += c, pattern += '\0';
  return bytes.find(pattern) != std::string_view::npos;
}

}  // namespace

std::string column_letters(std::size_t column) {
  std::string s;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

std::string cell_name(std::size_t column, int row) { return fmt::format("{}{}", column_letters(column), row); }

std::optional<Date> date_of_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return std::nullopt;
  auto days = static_cast<int>(std::floor(serial));
  Date d;
  if (date1904) d = Date{date::year{1904} / 1 / 1} + date::days{days};
  else if (days == 0) return std::nullopt;
  else if (days < 60) d = Date{date::year{1899} / 12 / 31} + date::days{days};
  else if (days == 60) return std::nullopt;  // Excel's 1900-02-29, a day that never was
  else d = Date{date::year{1899} / 12 / 30} + date::days{days};
  int y = year_of(d);
  if (y < min_year || y > max_year) return std::nullopt;
  return d;
}

Format sniff_format(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return Format::xlsx;
  if (bytes.starts_with(cfb_magic)) return Format::xls;
  return Format::csv;
}

ReadResult read_xls(const std::string& path, std::string file, const ReadLimits& limits) {
  ReadResult res;
  const void* h = nullptr;
  int rc = freexl_open(path.c_str(), &h);
  auto done = [&](Message m, std::string where = {}) {
    if (h) freexl_close(h);
    res.error = {std::move(m), std::move(where)};
    return res;
  };
  if (rc != FREEXL_OK)
    return done({fmt::format("不是可读的 xls 工作簿（libfreexl 错误 {}）", rc),
                 fmt::format("not a readable xls workbook (libfreexl error {})", rc)});
  unsigned int info = 0;
  if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
    return done({"工作簿设有密码（已加密）：请在 Excel/WPS 中取消密码后另存再导入",
                 "the workbook is password-protected (encrypted): remove the password in Excel/WPS, save, and import again"});
  unsigned int count = 0;
  if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
    return done({"xls 工作簿损坏", "damaged xls workbook"});
  Workbook book;
  book.file = std::move(file);
  book.format = Format::xls;
  std::size_t cells = 0;
  for (unsigned int i = 0; i < count && i < 65535; ++i) {
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(h, static_cast<unsigned short>(i), &name) == FREEXL_OK && name) sheet.name = name;
    if (freexl_select_active_worksheet(h, static_cast<unsigned short>(i)) != FREEXL_OK)
      return done({"xls 工作簿损坏", "damaged xls workbook"}, sheet.name);
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
      return done({"xls 工作簿损坏", "damaged xls workbook"}, sheet.name);
    if (rows > limits.max_rows || cols > limits.max_columns)
      return done({"工作表尺寸超出 Excel 的范围", "the sheet's dimensions are beyond Excel's limits"}, sheet.name);
    for (unsigned int r = 0; r < rows; ++r) {
      Row row;
      row.number = static_cast<int>(r + 1);
      bool any = false;
      for (unsigned short c = 0; c < cols; ++c) {
        FreeXL_CellValue v;
        if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK) continue;
        Cell cell;
        switch (v.type) {
          case FREEXL_CELL_INT: cell = Cell::of_number(v.value.int_value, std::to_string(v.value.int_value)); break;
          case FREEXL_CELL_DOUBLE: cell = Cell::of_number(v.value.double_value, fmt::format("{}", v.value.double_value)); break;
          case FREEXL_CELL_TEXT:
          case FREEXL_CELL_SST_TEXT: cell = Cell::of_text(v.value.text_value ? v.value.text_value : ""); break;
          case FREEXL_CELL_DATE:
          case FREEXL_CELL_DATETIME:
            if (v.value.text_value) {
              std::string_view t = v.value.text_value;
              if (auto d = parse_iso_date(t.substr(0, 10))) cell = Cell::of_date(*d);
              else cell = Cell::of_text(std::string(t));
            }
            break;
          case FREEXL_CELL_TIME: cell = Cell::of_text(v.value.text_value ? v.value.text_value : ""); break;
          default: break;
        }
        if (cell.empty()) continue;
        if (row.cells.size() <= c) {
          cells += c + 1u - row.cells.size();
          row.cells.resize(c + 1u);
        }
        row.cells[c] = std::move(cell);
        any = true;
      }
      if (cells > limits.max_cells) return done({"单元格过多", "too many cells"}, sheet.name);
      if (any) sheet.rows.push_back(std::move(row));
    }
    book.sheets.push_back(std::move(sheet));
  }
  freexl_close(h);
  if (book.sheets.empty()) {
    res.error = {{"工作簿中没有工作表", "the workbook holds no worksheet"}, {}};
    return res;
  }
  res.book = std::move(book);
  return res;
}

ReadResult read_workbook(std::string_view bytes, const std::string& path, std::string file, const ReadLimits& limits) {
  switch (sniff_format(bytes)) {
    case Format::xlsx: return read_xlsx(bytes, std::move(file), limits);
    case Format::xls: {
      // An encrypted xlsx is an OLE compound file holding an "EncryptedPackage" stream.
      if (holds_utf16(bytes, "EncryptedPackage") || holds_utf16(bytes, "EncryptionInfo")) {
        ReadResult res;
        res.error.message = {"工作簿设有密码（已加密）：请在 Excel/WPS 中取消密码后另存再导入",
                             "the workbook is password-protected (encrypted): remove the password in Excel/WPS, save, and import again"};
        return res;
      }
      if (path.empty() || path == "-") {
        ReadResult res;
        res.error.message = {"xls 工作簿须以文件给出（不能从标准输入读取）", "an xls workbook must be given as a file (not standard input)"};
        return res;
      }
      return read_xls(path, std::move(file), limits);
    }
    case Format::csv: break;
  }
  return read_csv(bytes, std::move(file), limits);
}

}  // namespace xuncha::import
