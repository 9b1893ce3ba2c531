// The xuncha binary: gathers the process environment and hands over to cli::run.
#include "app.hpp"

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <unistd.h>

int main(int argc, char** argv) {
  xuncha::cli::Environment env;
  const char* lang = std::getenv("LC_ALL");
  if (!lang || !*lang) lang = std::getenv("LANG");
  env.lang = lang ? lang : "";
  env.no_color = std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0';
  env.force_color = std::getenv("FORCE_COLOR") != nullptr && *std::getenv("FORCE_COLOR") != '\0';
  env.stdout_tty = ::isatty(STDOUT_FILENO) != 0;
  env.today = std::chrono::floor<date::days>(std::chrono::system_clock::now());
  env.cores = std::max(1u, std::thread::hardware_concurrency());
  env.in = &std::cin;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return xuncha::cli::run(args, env, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "xuncha: internal error: " << e.what() << "\n";
    return 3;
  }
}
