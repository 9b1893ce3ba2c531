#pragma once
// The run's context: environment, global flags, gathered output; the subcommand table.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/load/file_read.hpp>

namespace xuncha::cli {

/// What the process gives the tool: environment, clock and streams (tests pass their own).
struct Environment {
  std::string lang;          ///< $LC_ALL / $LANG
  bool no_color = false;     ///< $NO_COLOR set
  bool force_color = false;  ///< $FORCE_COLOR set
  bool stdout_tty = false;
  Date today{};              ///< the system date, used when --as-of is absent
  unsigned cores = 1;
  unsigned columns = 0;      ///< $COLUMNS, else the terminal's width when stdout is one; 0: unknown
  std::istream* in = nullptr;
  int in_fd = -1;  ///< standard input's descriptor when it is the process's (read with read(2))
};

/// Flags every subcommand understands.
struct GlobalOptions {
  std::string as_of;
  std::string lang;
  std::string color = "auto";
  std::string format = "text";
  std::string output;
  std::vector<std::string> policy_files;
  std::vector<std::string> calendar_files;
  unsigned jobs = 0;
  bool quiet = false;
  bool verbose = false;
  bool allow_uncovered = false;
  bool bom = false;
  std::vector<std::string> select, ignore, severity;
  std::string fail_on = "error";
  std::vector<std::string> exclude;  ///< --exclude GLOB: left out of folder walks
  std::string max_file_size;  ///< --max-file-size as given ("" : the default)
  std::size_t max_file_bytes = load::default_max_file_bytes;  ///< its value: the limit per input file
  // Repository configuration (config.cpp): settings given on the command line ("fail-on", ...),
  // where each setting came from, and the file read ("" when none).
  std::vector<std::string> given;
  std::map<std::string, std::string> origin;
  std::string config_file;
};

/// The run's state: options resolved, output gathered (written once at the end).
struct Context {
  const Environment& env;
  GlobalOptions global;
  std::string out;  ///< the results (stdout or -o FILE)
  std::string err;  ///< messages for stderr
  Date as_of{};
  bool zh = false;
  bool color = false;
  std::vector<std::string> input_names;  ///< files read, so -o never overwrites one
  bool no_result = false;  ///< the command produced nothing to keep: -o FILE is left as it was
  std::string command;     ///< the subcommand being run ("check", "schedule", ...)
  std::size_t width = 0;   ///< tables fit this many columns; 0 (pipes, files, -o): full tables
  /// Further counts for the JSON summary object, in order (check: suppressed, baselined).
  std::vector<std::pair<std::string, std::size_t>> summary_counts = {};

  /// Picks the Chinese or English text.
  const std::string& t(const Message& m) const { return zh ? m.zh : m.en; }
  std::string t(std::string_view zh_text, std::string_view en_text) const {
    return std::string(zh ? zh_text : en_text);
  }
};

/// Thrown for usage errors and unreadable input that stop a command (exit 2). The message is
/// kept in both languages; what() is the English one. Throw sites give both: a user of --lang zh
/// sees no English (tests/usage_zh.sh checks every subcommand).
struct UsageError : std::runtime_error {
  Message message;
  UsageError(std::string zh, std::string en) : std::runtime_error(en), message{std::move(zh), std::move(en)} {}
  explicit UsageError(Message m) : std::runtime_error(m.en), message(std::move(m)) {}
};

/// "--tour: no tour 'T9' (did you mean 'T1'?)" in both languages; `kind` is tour, team, region,
/// person or unit.
Message unknown_id_message(std::string_view flag, std::string_view kind, std::string_view id,
                           const std::vector<std::string_view>& known);

/// "unknown rule 'X' (did you mean 'Y'?)" in both languages (`hint` may be empty).
Message unknown_rule_message(std::string_view name, std::string_view hint);

/// The ids of records, for unknown_id_message.
template <class T>
std::vector<std::string_view> ids_of(const std::vector<T>& items) {
  std::vector<std::string_view> out;
  out.reserve(items.size());
  for (const auto& x : items) out.push_back(x.id);
  return out;
}

/// A command-line parse error of CLI11 in the chosen language: the option, the value and what
/// was expected, from the error's type (CLI11 itself speaks English only).
std::string parse_error_text(const CLI::ParseError& e, const std::vector<const CLI::App*>& apps, bool zh);

/// A subcommand: registered once in commands(), which drives --help and the man page test.
struct Command {
  std::string_view name;
  std::string_view summary;
  /// Adds the subcommand's flags to `app`; returns the function that runs it.
  std::function<std::function<int(Context&)>(CLI::App& app)> setup;
  /// The values -f/--format takes here (shell completion offers them; a test checks them
  /// against what the command accepts). Empty: the command has no -f.
  std::vector<std::string> formats{};
};

/// Every subcommand, in help order.
const std::vector<Command>& commands();

/// The language before the configuration is read: --lang's in `args` when given, else $LANG's.
bool zh_before_config(const std::vector<std::string>& args, const Environment& env);

/// Runs xuncha with `args` (without argv[0]); writes to `out` and `err`; returns the exit code.
int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
        std::ostream& err);

}  // namespace xuncha::cli
