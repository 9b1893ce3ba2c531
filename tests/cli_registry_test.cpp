// The command registry's format lists (what shell completion offers for -f) against what each
// command accepts: a command asked for an unknown format names the formats it takes.
#include <doctest/doctest.h>

#include "app/app.hpp"

#include <fmt/format.h>

#include <sstream>

using namespace xuncha;

namespace {

// Arguments a command needs before it reaches its format check (a required positional or option).
std::vector<std::string> reach_format_check(std::string_view command) {
  if (command == "schedule") return {"--from", "2027"};
  if (command == "workdays") return {"list", "2026"};
  if (command == "completion") return {"bash"};
  if (command == "init") return {"init-never-written"};  // the format check comes before any write
  if (command == "import") return {"never-read.csv"};    // the format check comes before any read
  if (command == "export") return {"people", "never-read"};
  if (command == "draft") return {"report"};
  if (command == "diff") return {"never-read.yaml", "never-read-too.yaml"};  // checked before any read
  return {};
}

std::string expected_list(const std::vector<std::string>& formats) {
  std::string list;
  for (std::size_t i = 0; i < formats.size(); ++i)
    list += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
  return list;
}

}  // namespace

TEST_CASE("every command's registered formats are exactly the ones it accepts") {
  cli::Environment env;
  env.today = *parse_iso_date("2026-11-30");
  for (const auto& c : cli::commands()) {
    CAPTURE(c.name);
    INFO("declare the -f values of each command in tools/app/commands.cpp (Command::formats): shell "
         "completion offers them");
    CHECK(!c.formats.empty());
    std::vector<std::string> args{std::string(c.name), "-f", "no-such-format"};
    auto extra = reach_format_check(c.name);
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out, err;
    int code = cli::run(args, env, out, err);
    INFO("'xuncha ", c.name, " -f no-such-format' must stop with exit 2 naming the formats (require_format); ",
         "a command that needs arguments before its format check gets them in reach_format_check. stderr: ",
         err.str());
    CHECK(code == 2);
    std::string said = err.str();
    auto at = said.find("; expected ");
    REQUIRE(at != std::string::npos);
    said = said.substr(at + 11, said.find('\n', at) - at - 11);
    CHECK(said == expected_list(c.formats));
  }
}
