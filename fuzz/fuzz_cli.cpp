// libFuzzer target for one subcommand's in-process entry point (cli::run): the input bytes are
// the data set, fed as standard input ("-"). Built once per subcommand with
// XUNCHA_FUZZ_COMMAND set to check, teams, deadlines or schedule; for workdays the bytes are
// split into the action's arguments instead. An internal error (exit 3) counts as a crash.
#include "app/app.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef XUNCHA_FUZZ_COMMAND
#error "define XUNCHA_FUZZ_COMMAND"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xuncha;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string_view command = XUNCHA_FUZZ_COMMAND;
  std::vector<std::string> args{std::string(command)};
  std::string as_of = "2026-11-30";
  std::istringstream in;
  if (command == "workdays") {
    std::istringstream words(text);
    std::string w;
    while (args.size() < 4 && words >> w) args.push_back(w);
  } else {
    in.str(text);
    args.push_back("-");
    if (command == "schedule") {
      args.insert(args.end(), {"--from", "2027", "--years", "5", "--allow-uncovered"});
      // Vary what the input cannot say: teams, and an --as-of that cuts into or past a round.
      static const char* const teams[] = {"1", "2", "4"};
      args.insert(args.end(), {"--teams", teams[size % 3]});
      if (size % 5 == 1) as_of = "2027-06-15";
      if (size % 5 == 2) as_of = "2027-12-21";
    }
    if (command == "teams" && size % 2 == 1) args.insert(args.end(), {"--suggest", "T1"});
  }
  args.insert(args.end(), {"--as-of", as_of, "-j", "1", "-f", size % 3 == 0 ? "json" : "text"});
  cli::Environment env;
  env.in = &in;
  env.today = Date{date::year{2026} / 11 / 30};
  std::ostringstream out, err;
  int code = cli::run(args, env, out, err);
  if (code == 3) __builtin_trap();
  return 0;
}
