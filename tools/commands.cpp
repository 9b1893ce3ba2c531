// The one list of subcommands: drives parsing, --help and (through a test) the man page.
#include "app.hpp"

namespace xuncha::cli {

std::function<int(Context&)> setup_check(CLI::App&);
std::function<int(Context&)> setup_rule(CLI::App&);

const std::vector<Command>& commands() {
  static const std::vector<Command> all{
      {"check", "Run every rule over a data set (the CI gate)", setup_check},
      {"rule", "Explain rules: clause, severity, zh and en", setup_rule},
  };
  return all;
}

}  // namespace xuncha::cli
