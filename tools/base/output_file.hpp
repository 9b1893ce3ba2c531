#pragma once
// Writing results: to standard output or a file, checked to the last byte, atomically for
// regular files, never onto an input, and no temporary file left behind by a signal.
#include <xuncha/core/diagnostic.hpp>

#include <ostream>
#include <string>
#include <string_view>

namespace xuncha::cli {

struct Context;

/// True when `a` and `b` name the same existing file (same device and inode), or, when one does
/// not exist (yet), the same path once normalised (`./x.yaml`, `a/../x.yaml`); "-" (standard
/// input) is no file.
bool same_file(const std::string& a, const std::string& b);

/// Throws UsageError when `path` is one of the files the run read (data, --policy, --calendar,
/// the repository configuration, --baseline, --keep). `flag` names the option ("-o", "--report").
void refuse_input(const Context& ctx, const std::string& path, std::string_view flag);

/// Writes `content` to `path` as `>` would, but safely:
/// - a regular file (or a new one) is written to a temporary file beside it and renamed over
///   it, so a reader never sees half a file and a failed run leaves the old one as it was; an
///   existing file keeps its mode, owner and group (as far as the process may set them); a new
///   one gets 0666 minus the umask; a file the user may not write is refused, as the shell does;
/// - a symbolic link is followed: its target is written, the link stays;
/// - a character device, FIFO or socket (/dev/null, /dev/stdout, a named pipe) is written into;
/// - a folder is refused.
/// Every failure (no space, permission, I/O) throws UsageError naming `path` and the system's
/// reason; the temporary file is removed.
void write_output(const std::string& path, std::string_view content);

/// Writes `content` to `out` (standard output) and flushes it; a failed write throws
/// UsageError with the system's reason ("No space left on device").
void write_stream(std::ostream& out, std::string_view content);

/// A temporary file of the run: created (mkstemp-style, `pattern` ends in XXXXXX followed by
/// `suffix_len` fixed characters), removed by the destructor unless released, and removed by
/// the signal handlers (install_signal_cleanup) when SIGINT, SIGTERM or SIGHUP ends the run.
class TempFile {
 public:
  /// Throws UsageError (with the system's reason) when the file cannot be created.
  TempFile(std::string pattern, int suffix_len, const Message& purpose);
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();
  const std::string& path() const { return path_; }
  int fd() const { return fd_; }
  /// Closes the descriptor; returns the close() result (errno set on failure).
  int close();
  /// The file now belongs elsewhere (renamed into place): the destructor leaves it.
  void release();

 private:
  std::string path_;
  int fd_ = -1;
  int slot_ = -1;
};

/// SIGINT, SIGTERM and SIGHUP remove every temporary file of the run, then end it as the signal
/// would (exit status 130, 143, 129 in a shell). Call once, early in main().
void install_signal_cleanup();

/// Makes sure descriptors 0, 1 and 2 are open: one the parent closed is opened on /dev/null the
/// wrong way round, so the run's writes to it fail (and are reported) instead of landing in
/// whatever file the run opens next. Call first in main().
void guard_standard_descriptors();

}  // namespace xuncha::cli
