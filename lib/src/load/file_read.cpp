// Reading a whole input file, bounded: regular files only, never past a size limit.
#include <xuncha/load/file_read.hpp>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xuncha::load {
namespace {

Message system_error(int err) {
  auto why = system_reason(err);
  return {fmt::format("无法读取：{}", why.zh), fmt::format("cannot read: {}", why.en)};
}

Message too_large(std::size_t max_bytes) {
  return {fmt::format("文件超过大小上限 {}，已停止读取（可在 xuncha.yaml 中用 max-file-size 调整，或用 "
                      "--max-file-size）",
                      format_size(max_bytes)),
          fmt::format("larger than the size limit of {}; stopped reading (raise it with max-file-size in "
                      "xuncha.yaml or --max-file-size)",
                      format_size(max_bytes))};
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// read(2) to the end of `fd`, stopping as soon as more than `max_bytes` have come; `expected`
// (the size fstat reports, 0 when unknown) sizes the buffer once for a regular file.
std::optional<std::string> read_to_end(int fd, std::size_t max_bytes, std::size_t expected, Message& why) {
  std::string text;
  text.resize(std::min(expected > 0 ? expected + 1 : std::size_t(64) * 1024, max_bytes + 1));
  std::size_t have = 0;
  for (;;) {
    if (have == text.size()) {
      if (have > max_bytes) {
        why = too_large(max_bytes);
        return std::nullopt;
      }
      text.resize(std::min(max_bytes + 1, have * 2));
    }
    auto n = ::read(fd, text.data() + have, text.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      why = system_error(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  if (have > max_bytes) {
    why = too_large(max_bytes);
    return std::nullopt;
  }
  text.resize(have);
  return text;
}

}  // namespace

std::string format_size(std::size_t bytes) {
  constexpr std::size_t KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
  if (bytes >= GiB && bytes % GiB == 0) return fmt::format("{} GiB", bytes / GiB);
  if (bytes >= MiB && bytes % MiB == 0) return fmt::format("{} MiB", bytes / MiB);
  if (bytes >= KiB && bytes % KiB == 0) return fmt::format("{} KiB", bytes / KiB);
  return fmt::format("{} bytes", bytes);
}

std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t i = 0, n = 0;
  constexpr std::size_t top = std::size_t(-1);
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    auto digit = static_cast<std::size_t>(text[i++] - '0');
    if (n > (top - digit) / 10) return std::nullopt;
    n = n * 10 + digit;
  }
  if (i == 0 || n == 0) return std::nullopt;
  auto unit = text.substr(i);
  if (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  std::string u(unit);
  for (auto& c : u) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Powers of 1024 whatever the spelling: k, kb, kib (and m, g alike), or b / nothing for bytes.
  std::size_t scale = 0;
  if (u.empty() || u == "b") scale = 1;
  else if (u == "k" || u == "kb" || u == "kib") scale = std::size_t(1) << 10;
  else if (u == "m" || u == "mb" || u == "mib") scale = std::size_t(1) << 20;
  else if (u == "g" || u == "gb" || u == "gib") scale = std::size_t(1) << 30;
  else return std::nullopt;
  if (n > top / scale) return std::nullopt;
  return n * scale;
}

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_bytes, Message& why) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the open file,
  // so the file cannot be swapped between the check and the read.
  Fd f{::open(path.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)};
  if (f.fd < 0) {
    why = system_error(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    why = system_error(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    why = {"是文件夹，不是文件", "is a folder, not a file"};
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = {"不是普通文件（管道、套接字或设备），无法作为输入；需要 YAML 文件",
           "not a regular file (a FIFO, socket or device); expected a YAML file"};
    return std::nullopt;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    why = too_large(max_bytes);
    return std::nullopt;
  }
  return read_to_end(f.fd, max_bytes, static_cast<std::size_t>(st.st_size), why);
}

std::optional<std::string> read_descriptor(int fd, std::size_t max_bytes, Message& why) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    why = system_error(errno);
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    why = {"是文件夹，不是文件", "is a folder, not a file"};
    return std::nullopt;
  }
  return read_to_end(fd, max_bytes, 0, why);
}

std::optional<std::string> read_stream(std::istream& in, std::size_t max_bytes, Message& why) {
  std::string text;
  char buf[64 * 1024];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = static_cast<std::size_t>(in.gcount());
    if (text.size() + n > max_bytes) {
      why = too_large(max_bytes);
      return std::nullopt;
    }
    text.append(buf, n);
  }
  if (in.bad()) {
    why = system_error(errno ? errno : EIO);
    return std::nullopt;
  }
  return text;
}

}  // namespace xuncha::load
