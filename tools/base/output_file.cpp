// Writing results: to standard output or a file, checked to the last byte, atomically for
// regular files, never onto an input, and no temporary file left behind by a signal.
#include "base/output_file.hpp"

#include "base/context.hpp"
#include "base/terminal.hpp"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace xuncha::cli {
namespace fs = std::filesystem;

namespace {

// The temporary files a signal must remove: fixed storage the handler can read without
// allocating (paths longer than PATH_MAX cannot be created anyway).
constexpr int temp_slots = 16;
std::array<std::array<char, PATH_MAX>, temp_slots> temp_paths{};
std::array<volatile std::sig_atomic_t, temp_slots> temp_used{};
constexpr std::array cleanup_signals{SIGINT, SIGTERM, SIGHUP};

extern "C" void on_signal(int sig) {
  for (int i = 0; i < temp_slots; ++i)
    if (temp_used[static_cast<std::size_t>(i)]) ::unlink(temp_paths[static_cast<std::size_t>(i)].data());
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Signals held while a temporary file and its slot change together, so the handler never sees
// a file without its slot or a slot without its file.
struct HoldSignals {
  sigset_t old{};
  HoldSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : cleanup_signals) sigaddset(&set, s);
    ::pthread_sigmask(SIG_BLOCK, &set, &old);
  }
  ~HoldSignals() { ::pthread_sigmask(SIG_SETMASK, &old, nullptr); }
};

[[noreturn]] void fail(const std::string& path, int err) {
  auto why = system_reason(err);
  throw UsageError(fmt::format("无法写入 {}：{}", quote_path(path), why.zh), fmt::format("cannot write {}: {}", quote_path(path), why.en));
}

// write(2) until everything is written; returns 0 or the errno of the failure.
int write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    auto n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

mode_t current_umask() {
  mode_t m = ::umask(0);
  ::umask(m);
  return m;
}

// Into a device, FIFO or socket, as `>` would: no temporary file, no rename.
void write_into(const std::string& shown, const std::string& target, std::string_view content) {
  int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) fail(shown, errno);
  int err = write_all(fd, content);
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) fail(shown, err);
}

}  // namespace

TempFile::TempFile(std::string pattern, int suffix_len, const Message& purpose) {
  HoldSignals hold;
  for (int i = 0; i < temp_slots; ++i)
    if (!temp_used[static_cast<std::size_t>(i)]) {
      slot_ = i;
      break;
    }
  if (slot_ < 0 || pattern.size() >= PATH_MAX)
    throw UsageError(fmt::format("无法建立{}：{}", purpose.zh, system_reason(ENAMETOOLONG).zh),
                     fmt::format("cannot create {}: {}", purpose.en, system_reason(ENAMETOOLONG).en));
  fd_ = ::mkostemps(pattern.data(), suffix_len, O_CLOEXEC);
  if (fd_ < 0) {
    int err = errno;
    auto dir = fs::path(pattern).parent_path().string();
    auto why = system_reason(err);
    auto where = dir.empty() ? std::string(".") : quote_path(dir);
    throw UsageError(fmt::format("无法在 {} 中建立{}：{}", where, purpose.zh, why.zh),
                     fmt::format("cannot create {} in {}: {}", purpose.en, where, why.en));
  }
  path_ = std::move(pattern);
  auto& slot = temp_paths[static_cast<std::size_t>(slot_)];
  std::memcpy(slot.data(), path_.c_str(), path_.size() + 1);
  temp_used[static_cast<std::size_t>(slot_)] = 1;
}

TempFile::~TempFile() {
  HoldSignals hold;
  if (fd_ >= 0) ::close(fd_);
  if (slot_ >= 0 && temp_used[static_cast<std::size_t>(slot_)]) {
    ::unlink(path_.c_str());
    temp_used[static_cast<std::size_t>(slot_)] = 0;
  }
}

int TempFile::close() {
  int fd = fd_;
  fd_ = -1;
  return fd < 0 ? 0 : ::close(fd);
}

void TempFile::release() {
  HoldSignals hold;
  if (slot_ >= 0) temp_used[static_cast<std::size_t>(slot_)] = 0;
  slot_ = -1;
}

void install_signal_cleanup() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (int s : cleanup_signals) sigaddset(&sa.sa_mask, s);
  for (int s : cleanup_signals) {
    struct sigaction old {};
    // A signal the parent ignores (nohup) stays ignored.
    if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(s, &sa, nullptr);
  }
}

void guard_standard_descriptors() {
  for (int fd = 0; fd <= 2; ++fd) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() takes the lowest free descriptor: this one.
    int got = ::open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (got >= 0 && got != fd) ::close(got);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a == "-" || b == "-") return false;  // standard input is no file on disk
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  // A file not (yet) there: the same path once normalised (./x.yaml, a/../x.yaml).
  return std::filesystem::path(a).lexically_normal() == std::filesystem::path(b).lexically_normal();
}

void refuse_input(const Context& ctx, const std::string& path, std::string_view flag) {
  auto refuse = [&](const std::string& input) {
    if (same_file(input, path))
      throw UsageError(fmt::format("{} {}：这是本次运行读取的文件（{}），不会覆盖", flag, quote_path(path), quote_path(input)),
                       fmt::format("{} {}: refusing to write onto a file this run reads ({})", flag, quote_path(path), quote_path(input)));
  };
  for (const auto& in : ctx.input_names) refuse(in);
  if (!ctx.global.config_file.empty()) refuse(ctx.global.config_file);
}

void write_stream(std::ostream& out, std::string_view content) {
  errno = 0;
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.flush();
  if (!out) {
    int err = errno ? errno : EIO;
    auto why = system_reason(err);
    throw UsageError(fmt::format("无法把结果写到标准输出：{}", why.zh), fmt::format("cannot write the results to standard output: {}", why.en));
  }
}

void write_output(const std::string& path, std::string_view content) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;  // through symbolic links
  if (!exists && errno != ENOENT) fail(path, errno);
  if (exists && S_ISDIR(st.st_mode)) fail(path, EISDIR);
  // /dev/null, /dev/stdout (a link to the run's own standard output), a named pipe: written into.
  if (exists && !S_ISREG(st.st_mode)) return write_into(path, path, content);
  std::string target = path;
  struct stat lst {};
  if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    if (!exists)
      throw UsageError(fmt::format("无法写入 {}：这是指向不存在文件的符号链接", quote_path(path)),
                       fmt::format("cannot write {}: a symbolic link to a file that does not exist", quote_path(path)));
    // The link stays a link: the regular file it points to is what gets replaced.
    char* real = ::realpath(path.c_str(), nullptr);
    if (!real) fail(path, errno);
    target = real;
    std::free(real);
  }
  if (exists && ::access(target.c_str(), W_OK) != 0) fail(path, errno);

  fs::path t(target);
  fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
  std::string name = t.filename().string();
  long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  if (name_max <= 0) name_max = NAME_MAX;
  // ".NAME.XXXXXX" beside the target; a name too long for that gets a short temporary name.
  std::string temp_name = "." + name + ".XXXXXX";
  if (temp_name.size() > static_cast<std::size_t>(name_max)) temp_name = ".xuncha-out.XXXXXX";
  TempFile temp((dir / temp_name).string(), 0,
                Message{fmt::format(" {} 的临时文件", quote_path(path)), fmt::format("a temporary file for {}", quote_path(path))});
  int err = write_all(temp.fd(), content);
  if (err != 0) fail(path, err);
  if (exists) {
    // Owner and group as they were, where the process may set them (root may; a user may keep
    // the group when a member of it); then the mode, which a change of owner could clear.
    if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(temp.fd(), st.st_uid, st.st_gid) != 0)
      (void)::fchown(temp.fd(), static_cast<uid_t>(-1), st.st_gid);
    if (::fchmod(temp.fd(), st.st_mode & 07777) != 0) fail(path, errno);
  } else if (::fchmod(temp.fd(), 0666 & ~current_umask()) != 0) {
    fail(path, errno);
  }
  if (::fsync(temp.fd()) != 0) fail(path, errno);
  if (temp.close() != 0) fail(path, errno);
  if (std::rename(temp.path().c_str(), target.c_str()) != 0) fail(path, errno);
  temp.release();
}

}  // namespace xuncha::cli
