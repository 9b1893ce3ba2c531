#include <xuncha/core/diagnostic.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <tuple>

namespace xuncha {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

const Message& severity_words(Severity s) {
  static const Message words[] = {{"关闭", "off"}, {"提示", "info"}, {"警告", "warning"}, {"错误", "error"}};
  return words[static_cast<int>(s)];
}

Message system_reason(int err) {
  const char* zh = nullptr;
  switch (err) {
    case ENOENT: zh = "没有这个文件或文件夹"; break;
    case EACCES: zh = "没有权限"; break;
    case EPERM: zh = "不允许的操作"; break;
    case ENOSPC: zh = "磁盘空间已满"; break;
    case EDQUOT: zh = "超出磁盘配额"; break;
    case EROFS: zh = "只读文件系统"; break;
    case EISDIR: zh = "这是一个文件夹"; break;
    case ENOTDIR: zh = "路径中有一部分不是文件夹"; break;
    case ENAMETOOLONG: zh = "文件名过长"; break;
    case ELOOP: zh = "符号链接层数过多"; break;
    case EIO: zh = "输入/输出错误"; break;
    case EEXIST: zh = "文件已存在"; break;
    case EBADF: zh = "文件描述符无效（已关闭）"; break;
    case EMFILE: case ENFILE: zh = "打开的文件过多"; break;
    case EFBIG: zh = "文件过大"; break;
    case ENOMEM: zh = "内存不足"; break;
    case EPIPE: zh = "管道已断开"; break;
    case EXDEV: zh = "跨文件系统"; break;
    case ETXTBSY: zh = "文件正被执行"; break;
    case EBUSY: zh = "设备或资源忙"; break;
    case EINVAL: zh = "参数无效"; break;
    case ENXIO: zh = "没有这个设备或地址"; break;
    case ENODEV: zh = "没有这个设备"; break;
    case EAGAIN: zh = "资源暂时不可用"; break;
    case EINTR: zh = "被信号中断"; break;
    default: break;
  }
  std::string en = std::strerror(err);
  return {zh ? std::string(zh) : fmt::format("系统错误 {}", err), en};
}

bool parse_severity(std::string_view text, Severity& out) {
  for (auto s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

namespace {

// Reports are ordered by cause, so the first line is the one to fix first: files that could not
// be read, then YAML syntax, then field errors, then references, then the rules' findings.
int cause_rank(std::string_view rule) {
  if (rule.size() != 4 || rule[0] != 'L') return 4;
  if (rule == "L008" || rule == "L012" || rule == "L009" || rule == "L015") return 0;
  if (rule == "L001" || rule == "L014") return 1;
  if (rule == "L006") return 3;
  return 2;
}

}  // namespace

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  int ra = cause_rank(a.rule), rb = cause_rank(b.rule);
  return std::tie(ra, a.where.file, a.where.line, a.where.column, a.rule, a.subject, a.message.en) <
         std::tie(rb, b.where.file, b.where.line, b.where.column, b.rule, b.subject, b.message.en);
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  // Findings often come sorted already (rules sort theirs; a run sorts again after merging):
  // then the stable sort would only move every one of them around, and take a buffer for half.
  if (!std::is_sorted(diags.begin(), diags.end(), diagnostic_less))
    std::stable_sort(diags.begin(), diags.end(), diagnostic_less);
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.rule == b.rule && a.where == b.where && a.subject == b.subject &&
           a.message == b.message;
  };
  diags.erase(std::unique(diags.begin(), diags.end(), same), diags.end());
}

}  // namespace xuncha
