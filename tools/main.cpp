// The xuncha binary: gathers the process environment and hands over to cli::run.
#include "app/app.hpp"
#include "base/output_file.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <new>
#include <iostream>
#include <thread>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char** argv) {
  xuncha::cli::guard_standard_descriptors();
  xuncha::cli::install_signal_cleanup();
  xuncha::cli::Environment env;
  const char* lang = std::getenv("LC_ALL");
  if (!lang || !*lang) lang = std::getenv("LANG");
  env.lang = lang ? lang : "";
  env.no_color = std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0';
  env.force_color = std::getenv("FORCE_COLOR") != nullptr && *std::getenv("FORCE_COLOR") != '\0';
  env.stdout_tty = ::isatty(STDOUT_FILENO) != 0;
  // Table width: $COLUMNS when set (a number), else the terminal's; pipes and files get 0.
  if (const char* cols = std::getenv("COLUMNS"); cols && *cols) {
    char* end = nullptr;
    unsigned long n = std::strtoul(cols, &end, 10);
    if (*end == '\0' && n >= 20 && n <= 10000) env.columns = static_cast<unsigned>(n);
  }
  if (env.columns == 0 && env.stdout_tty) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) env.columns = ws.ws_col;
  }
  env.today = std::chrono::floor<date::days>(std::chrono::system_clock::now());
  env.cores = std::max(1u, std::thread::hardware_concurrency());
  env.in = &std::cin;
  env.in_fd = STDIN_FILENO;
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = 3;
  try {
    code = xuncha::cli::run(args, env, std::cout, std::cerr);
  } catch (const std::bad_alloc&) {
    // (cli::run answers this itself; here only if it came while setting up the run)
    bool zh = xuncha::cli::zh_before_config(args, env);
    std::fputs(zh ? "xuncha：错误：输入过大，可用内存不足\n" : "xuncha: error: input too large for the available memory\n", stderr);
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "xuncha: internal error: " << e.what() << "\n";
    return 3;
  }
  // The last check of standard output: a failure the run's own flush could not see (a close
  // on a network file system) is still a failed write, never a success.
  errno = 0;
  if (std::fclose(stdout) != 0 && code != 2) {
    std::cerr << "xuncha: error: cannot write the results to standard output: " << std::strerror(errno ? errno : EIO)
              << "\n";
    return 2;
  }
  return code;
}
