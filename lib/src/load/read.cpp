// Reading input files: regular files only, size limit, encoding checks (UTF-16, GBK, NUL),
// empty files, then the YAML parse and the decoder; and folder walks (expand_paths).
#include "decoder.hpp"

#include <xuncha/load/file_read.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fnmatch.h>
#include <optional>
#include <set>
#include <sys/stat.h>

namespace xuncha::load {
namespace fs = std::filesystem;

namespace detail {

Diagnostic input_error(std::string_view rule, std::string file, int line, int column, Message message) {
  Diagnostic d;
  d.rule = std::string(rule);
  d.severity = Severity::error;
  d.where = {std::move(file), line, column};
  d.message = std::move(message);
  return d;
}

namespace {

bool whitespace_only(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

// Comment-only files are empty too: they hold no document.
bool has_content(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    auto line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#' && line.substr(first, 3) != "---" &&
        line.substr(first, 3) != "...")
      return true;
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return false;
}

}  // namespace

// A document whose top is a map with a kind: key.
// Inline suppressions: `# xuncha: ignore[ID, ID] -- reason` as a comment (after a space or at
// the start of a line), anywhere on a line.
static void find_suppressions(const std::string& file, std::string_view text, std::vector<Suppression>& out) {
  static constexpr std::string_view mark = "xuncha: ignore[";
  int line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto eol = text.find('\n', pos);
    auto row = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    for (std::size_t hash = row.find('#'); hash != std::string_view::npos; hash = row.find('#', hash + 1)) {
      if (hash > 0 && row[hash - 1] != ' ' && row[hash - 1] != '\t') continue;
      auto rest = row.substr(hash + 1);
      auto start = rest.find_first_not_of(" \t");
      if (start == std::string_view::npos || rest.substr(start, mark.size()) != mark) continue;
      rest.remove_prefix(start + mark.size());
      auto close = rest.find(']');
      if (close == std::string_view::npos) continue;
      Suppression s;
      s.file = file;
      s.line = line;
      s.column = static_cast<int>(hash) + 1;
      std::string ids(rest.substr(0, close));
      for (std::size_t a = 0; a < ids.size();) {
        auto b = ids.find(',', a);
        auto id = ids.substr(a, b == std::string::npos ? std::string::npos : b - a);
        auto f = id.find_first_not_of(" \t"), l = id.find_last_not_of(" \t");
        if (f != std::string::npos) s.rules.push_back(id.substr(f, l - f + 1));
        if (b == std::string::npos) break;
        a = b + 1;
      }
      auto after = rest.substr(close + 1);
      auto dash = after.find("--");
      if (dash != std::string_view::npos) {
        auto reason = after.substr(dash + 2);
        auto f = reason.find_first_not_of(" \t\r"), l = reason.find_last_not_of(" \t\r");
        if (f != std::string_view::npos) s.reason = std::string(reason.substr(f, l - f + 1));
      }
      out.push_back(std::move(s));
      break;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
    ++line;
  }
}

static bool has_kind(const YDocument& doc) {
  const YNode& root = doc.node(doc.root);
  if (root.type != YNode::Type::map) return false;
  for (std::uint32_t k = 0; k + 1 < root.count; k += 2) {
    const YNode& key = doc.node(doc.child(root, k));
    if (key.type == YNode::Type::scalar && doc.value(key) == "kind") return true;
  }
  return false;
}

void decode_file(const InputFile& input, std::uint32_t index, const LoadOptions& options,
                 FileData& out) {
  if (input.role == InputRole::unread) {
    out.spreadsheet = true;
    out.notes.push_back(input_error("", input.name, 0, 0,
                                    {"电子表格不会被读取：xuncha 只读 YAML 数据文件；请按 `xuncha schema` 所述的格式另存为 .yaml",
                                     "a spreadsheet is not read: xuncha reads YAML data files only; save it as .yaml "
                                     "in the format `xuncha schema` describes"}));
    out.notes.back().severity = Severity::info;
    return;
  }
  std::string storage;
  std::string_view text;
  if (input.text) {
    text = *input.text;
  } else {
    Message why;
    auto content = read_regular_file(input.name, options.max_file_bytes, why);
    if (!content) {
      out.diagnostics.push_back(input_error("L012", input.name, 0, 0, std::move(why)));
      out.incomplete = true;
      return;
    }
    storage = std::move(*content);
    text = storage;
  }
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    out.diagnostics.push_back(input_error(
        "L008", input.name, 1, 1,
        {"文件是 UTF-16 编码；请另存为 UTF-8", "file is UTF-16 encoded; save it as UTF-8"}));
    out.incomplete = true;
    return;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line = 0, column = 0;
  auto problem = check_encoding(text, line, column);
  if (!problem.empty()) {
    auto d = input_error("L008", input.name, line, column, {});
    auto bar = problem.find('|');
    d.message = {problem.substr(0, bar), problem.substr(bar + 1)};
    out.diagnostics.push_back(std::move(d));
    out.incomplete = true;
    return;
  }
  if (whitespace_only(text) || !has_content(text)) {
    out.diagnostics.push_back(input_error(
        "L009", input.name, 1, 1,
        {"文件为空：至少需要一个含 kind: 与 version: 的文档",
         "file is empty: expected at least one document with kind: and version:"}));
    out.incomplete = true;
    return;
  }
  auto parsed = parse_yaml(text);
  // A quoted value left open takes the rest of the file without a parse error (only yaml-cpp
  // reads quoted values over several lines): one syntax error at the quote, and the documents
  // from the one it is in onwards are not decoded (their records would all be cascades).
  std::optional<std::tuple<std::uint32_t, std::uint32_t, Message>> open_quote;
  if (parsed.general && !parsed.failed && (open_quote = unclosed_quote(text))) {
    auto at = std::get<0>(*open_quote);
    std::size_t keep = 0;
    while (keep + 1 < parsed.documents.size() && parsed.documents[keep + 1].line <= at) ++keep;
    parsed.documents.resize(keep);
    parsed.failed = true;
    parsed.error = {at, std::get<1>(*open_quote), "unclosed quote", false};
  }
  if (text.find("xuncha: ignore[") != std::string_view::npos) find_suppressions(input.name, text, out.suppressions);
  if (input.walked && input.role == InputRole::data && !parsed.failed && !parsed.documents.empty() &&
      std::none_of(parsed.documents.begin(), parsed.documents.end(), has_kind)) {
    // A folder walk meets other YAML (CI files, docker-compose.yml): a note, not an error.
    out.notes.push_back(input_error("", input.name, 0, 0,
                                    {"不是 xuncha 数据文件（没有 kind:），已跳过",
                                     "not a xuncha data file (no kind:); skipped"}));
    out.notes.back().severity = Severity::info;
    return;
  }
  Decoder decoder(input.name, index, out);
  for (auto& doc : parsed.documents) {
    if (decoder.capped()) break;
    decoder.document(doc, input.role);
    doc = YDocument{};  // (its records are decoded: the tree goes now, not with the file)
  }
  if (decoder.capped() || parsed.failed) out.incomplete = true;
  if (decoder.capped()) {
    out.diagnostics.push_back(input_error(
        "L015", input.name, 1, 1,
        {fmt::format("本文件错误超过 {} 个，已停止读取；请先修正以上错误", max_errors_per_file),
         fmt::format("more than {} errors in this file; stopped reading it: fix those first", max_errors_per_file)}));
  }
  if (parsed.failed) {
    Diagnostic d = input_error(parsed.error.too_deep ? "L015" : "L001", input.name,
                               static_cast<int>(parsed.error.line),
                               static_cast<int>(parsed.error.column), {});
    if (parsed.error.too_deep) {
      d.message = {"嵌套层次过深，已停止解析", "nesting too deep; stopped parsing"};
    } else if (open_quote) {
      const auto& why = std::get<2>(*open_quote);
      d.message = {fmt::format("YAML 语法错误：{}", why.zh), fmt::format("YAML syntax error: {}", why.en)};
    } else if (auto hint = syntax_hint(text, parsed.error.line, parsed.error.message)) {
      const auto& [at_line, at_column, why] = *hint;
      d.where.line = static_cast<int>(at_line);
      d.where.column = static_cast<int>(at_column);
      d.message = {fmt::format("YAML 语法错误：{}", why.zh), fmt::format("YAML syntax error: {}", why.en)};
    } else {
      d.message = {fmt::format("YAML 语法错误：{}", parsed.error.message),
                   fmt::format("YAML syntax error: {}", parsed.error.message)};
    }
    out.diagnostics.push_back(std::move(d));
  }
}

}  // namespace detail

using detail::input_error;

std::string check_encoding(std::string_view text, int& line, int& column) {
  line = 1;
  column = 1;
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  while (i < n) {
    unsigned char c = s[i];
    std::size_t len = 0;
    if (c == 0) {
      return "文件含有 NUL 字节（可能是二进制文件）|file contains NUL bytes (is it a binary file?)";
    }
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      ok = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
    } else if (ok && len == 4) {
      ok = !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
    }
    if (!ok) {
      // GBK/GB18030 double-byte characters: lead 0x81–0xFE, trail 0x40–0xFE (not 0x7F).
      std::size_t pairs = 0, bad = 0;
      for (std::size_t k = i; k < n && k < i + 4096;) {
        if (s[k] < 0x80) {
          ++k;
          continue;
        }
        if (s[k] >= 0x81 && s[k] <= 0xFE && k + 1 < n && s[k + 1] >= 0x40 && s[k + 1] <= 0xFE &&
            s[k + 1] != 0x7F) {
          ++pairs;
          k += 2;
        } else {
          ++bad;
          ++k;
        }
      }
      if (pairs > 0 && bad == 0) {
        return fmt::format(
            "文件不是 UTF-8 编码（第 {} 行第 {} 列字节 0x{:02X}）；看起来是 GBK/GB18030 编码，请用 "
            "`iconv -f GB18030 -t UTF-8` 转换后再读取|file is not UTF-8 (byte 0x{:02X} at line {}, "
            "column {}); it looks like GBK/GB18030, common in Chinese offices: convert it with "
            "`iconv -f GB18030 -t UTF-8`",
            line, column, c, c, line, column);
      }
      return fmt::format("文件不是 UTF-8 编码（第 {} 行第 {} 列字节 0x{:02X}）；请另存为 UTF-8|file is "
                         "not UTF-8 (byte 0x{:02X} at line {}, column {}); save it as UTF-8",
                         line, column, c, c, line, column);
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return {};
}

namespace {

bool excluded(const std::vector<std::string>& globs, const std::string& relative, const std::string& name) {
  for (const auto& g : globs)
    if (::fnmatch(g.c_str(), relative.c_str(), 0) == 0 || ::fnmatch(g.c_str(), name.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace

bool is_config_name(std::string_view name) { return name == "xuncha.yaml" || name == ".xuncha.yaml"; }

namespace {

// The reason in both languages (errors here come from std::filesystem, in the system category).
Message reason_of(const std::error_code& ec) { return system_reason(ec.value()); }

// Files an office keeps beside its data that xuncha does not read: named once each, with what to
// do, so a roster saved as a spreadsheet is not silently missing from the data set.
std::string lower(std::string_view text) {
  std::string e(text);
  for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

bool spreadsheet_ext(std::string_view ext) {
  auto e = lower(ext);
  return e == ".csv" || e == ".xlsx" || e == ".xls" || e == ".ods" || e == ".et";
}

std::optional<Message> unread_file_note(std::string_view ext) {
  auto e = lower(ext);
  if (e == ".docx" || e == ".doc" || e == ".wps" || e == ".pdf" || e == ".txt" || e == ".json")
    return Message{"不是 YAML 数据文件，未读取；如需作为数据，请按 `xuncha schema` 所述的格式另存为 .yaml",
                   "not a YAML data file; not read (to use it as data, save it as .yaml in the format "
                   "`xuncha schema` describes)"};
  return std::nullopt;
}

struct Walker {
  const WalkOptions& walk;
  std::vector<Diagnostic>& diagnostics;
  fs::path root;
  std::vector<std::string> found;
  std::vector<std::string> sheets;  ///< spreadsheets beside the data
  bool failed = false;
  /// Documents beside the data are named one by one up to a few; past that, the rest are counted
  /// into one note (a folder of 500 scanned notices is one line, not 500).
  static constexpr std::size_t named_unread = 5;
  std::size_t unread = 0;
  std::vector<std::string> more_unread;

  void error(const fs::path& where, const std::error_code& ec) {
    failed = true;
    diagnostics.push_back(input_error("L012", where.lexically_normal().string(), 0, 0,
                                      {fmt::format("无法读取文件夹：{}", reason_of(ec).zh),
                                       fmt::format("cannot read folder: {}", reason_of(ec).en)}));
  }

  // Every unreadable folder is an error naming it; the walk goes on with the rest, so one run
  // reports them all. Symbolic links to folders are not followed: a link loop cannot trap it.
  void folder(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return error(dir, ec);
    std::vector<fs::directory_entry> entries;
    for (; it != end; it.increment(ec)) {
      if (ec) return error(dir, ec);
      entries.push_back(*it);
    }
    if (ec) return error(dir, ec);
    // The order the file system lists them in differs between machines; the report may not.
    std::sort(entries.begin(), entries.end(),
              [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
    for (const auto& entry : entries) {
      // Hidden files and folders (.git, .github, .gitlab-ci.yml) and --exclude matches are left
      // out, folders with everything in them; so is the repository configuration file.
      std::string name = entry.path().filename().string();
      if (!name.empty() && name[0] == '.') continue;
      if (excluded(walk.exclude, entry.path().lexically_relative(root).string(), name)) continue;
      std::error_code tec;
      auto type = entry.symlink_status(tec).type();
      if (tec) {
        // (a path too long to look at, an entry gone meanwhile): named, never skipped unseen
        failed = true;
        diagnostics.push_back(input_error("L012", entry.path().lexically_normal().string(), 0, 0,
                                          {fmt::format("无法读取：{}", reason_of(tec).zh),
                                           fmt::format("cannot read: {}", reason_of(tec).en)}));
        continue;
      }
      if (type == fs::file_type::directory) {
        folder(entry.path());
        continue;
      }
      if (type == fs::file_type::symlink && fs::is_directory(entry.path(), tec)) {
        diagnostics.push_back(input_error("", entry.path().lexically_normal().string(), 0, 0,
                                          {"指向文件夹的符号链接不会被跟随；如需读取，请在命令行上直接给出该文件夹",
                                           "a symbolic link to a folder is not followed; name the folder on the "
                                           "command line to read it"}));
        diagnostics.back().severity = Severity::info;
        continue;
      }
      auto ext = lower(entry.path().extension().string());
      if (spreadsheet_ext(ext)) {
        sheets.push_back(entry.path().lexically_normal().string());
        continue;
      }
      if (ext != ".yaml" && ext != ".yml") {
        if (auto note = unread_file_note(ext); note && ++unread <= named_unread) {
          diagnostics.push_back(input_error("", entry.path().lexically_normal().string(), 0, 0, *note));
          diagnostics.back().severity = Severity::info;
        } else if (note) {
          more_unread.push_back(entry.path().filename().string());
        }
        continue;
      }
      if (is_config_name(name)) continue;
      // Whatever else it is (a FIFO, a device, a link to one), the reader refuses it by name.
      found.push_back(entry.path().lexically_normal().string());
    }
  }
};

}  // namespace

std::vector<InputFile> expand_paths(const std::vector<std::string>& paths, std::vector<Diagnostic>& diagnostics,
                                    const WalkOptions& walk) {
  std::vector<InputFile> out;
  std::set<std::string> seen;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back({p, std::nullopt, InputRole::data});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      auto reason = ec ? reason_of(ec) : system_reason(ENOENT);
      diagnostics.push_back(input_error("L012", p, 0, 0,
                                        {fmt::format("无法访问：{}", reason.zh), fmt::format("cannot access: {}", reason.en)}));
      continue;
    }
    if (fs::is_directory(status)) {
      Walker walker{walk, diagnostics, fs::path(p), {}, {}, false, 0, {}};
      walker.folder(fs::path(p));
      if (!walker.more_unread.empty()) {
        std::string some, some_zh;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, walker.more_unread.size()); ++i) {
          some += (i ? ", " : "") + walker.more_unread[i];
          some_zh += (i ? "、" : "") + walker.more_unread[i];
        }
        diagnostics.push_back(input_error(
            "", p, 0, 0,
            {fmt::format("另有 {} 个非 YAML 文件未读取（如 {}）；如需作为数据，请另存为 .yaml，或用 --exclude 略去",
                         walker.more_unread.size(), some_zh),
             fmt::format("{} more files that are not YAML were not read ({}, ...); save them as .yaml to use them "
                         "as data, or leave them out with --exclude",
                         walker.more_unread.size(), some)}));
        diagnostics.back().severity = Severity::info;
      }
      if (walker.found.empty() && !walker.failed) {
        // Never "no findings" about a folder that held nothing to check.
        diagnostics.push_back(input_error(
            "L012", p, 0, 0,
            {"文件夹中没有数据文件（*.yaml、*.yml），没有可检查的内容；请检查路径",
             "the folder holds no data file (*.yaml, *.yml): nothing to check; check the path"}));
      }
      std::sort(walker.found.begin(), walker.found.end());
      for (auto& f : walker.found)
        if (seen.insert(f).second) out.push_back({f, std::nullopt, InputRole::data, true});
      for (auto& f : walker.sheets)
        if (seen.insert(f).second) out.push_back({f, std::nullopt, InputRole::unread, true});
      continue;
    }
    auto norm = fs::path(p).lexically_normal().string();
    if (seen.insert(norm).second) out.push_back({norm, std::nullopt, InputRole::data});
  }
  // One file reached by two paths (a link, a folder named twice, a hard link) is read once: its
  // records would otherwise all be duplicates of themselves.
  std::set<std::pair<dev_t, ino_t>> files;
  std::erase_if(out, [&](const InputFile& f) {
    struct stat st {};
    if (f.name == "-" || ::stat(f.name.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    return !files.insert({st.st_dev, st.st_ino}).second;
  });
  return out;
}

}  // namespace xuncha::load
