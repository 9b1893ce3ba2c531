#include "app.hpp"

#include "config.hpp"
#include "render.hpp"

#include <xuncha/core/suggest.hpp>
#include <xuncha/rules/policy_check.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace xuncha::cli {
namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// Writes `content` to `path` through a temporary file in the same folder and a rename, so a
// reader never sees half a file and a failed run never destroys the previous output.
void write_atomically(const std::string& path, const std::string& content) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw UsageError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  std::size_t done = 0;
  while (done < content.size()) {
    auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(name.data());
      throw UsageError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(name.data(), path.c_str()) != 0) {
    ::unlink(name.data());
    throw UsageError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
}

std::string default_lang(const Environment& env) {
  return env.lang.rfind("zh", 0) == 0 ? "zh" : "en";
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content) { write_atomically(path, content); }
bool same_path(const std::string& a, const std::string& b) { return same_file(a, b); }

Loaded load_inputs(Context& ctx, const std::vector<std::string>& paths) {
  std::vector<Diagnostic> diags;
  load::WalkOptions walk;
  walk.exclude = ctx.global.exclude;
  auto inputs = load::expand_paths(paths, diags, walk);
  for (auto& in : inputs) {
    if (in.name == "-" && !in.text) {
      std::string text;
      if (ctx.env.in) text.assign(std::istreambuf_iterator<char>(*ctx.env.in), {});
      in.name = "<stdin>";
      in.text = std::move(text);
    }
  }
  for (const auto& p : ctx.global.policy_files) inputs.push_back({p, std::nullopt, load::InputRole::policy});
  for (const auto& p : ctx.global.calendar_files) inputs.push_back({p, std::nullopt, load::InputRole::calendar});
  for (const auto& in : inputs)
    if (!in.text) ctx.input_names.push_back(in.name);
  load::LoadOptions opts;
  opts.jobs = ctx.global.jobs ? ctx.global.jobs : std::max(1u, ctx.env.cores);
  Loaded loaded{load::load(std::move(inputs), opts), Calendar{}};
  auto& result = loaded.result;
  result.diagnostics.insert(result.diagnostics.end(), diags.begin(), diags.end());
  if (!ctx.global.quiet)
    for (const auto& n : result.notes)
      ctx.err += ctx.t(fmt::format("xuncha：提示：{}：{}\n", n.where.file, n.message.zh),
                       fmt::format("xuncha: note: {}: {}\n", n.where.file, n.message.en));
  auto policy = rules::validate_policy(result.data);
  result.diagnostics.insert(result.diagnostics.end(), policy.begin(), policy.end());
  sort_diagnostics(result.diagnostics);
  std::vector<CalendarYear> years = Calendar::bundled_years();
  years.insert(years.end(), result.data.calendar_years.begin(), result.data.calendar_years.end());
  loaded.calendar = Calendar(years);
  return loaded;
}

rules::RuleSelection selection(const Context& ctx) {
  rules::RuleSelection sel;
  auto check_name = [](const std::string& name) {
    if (rules::find_rule(name)) return;
    // A prefix such as "T" or "C1" selects a family.
    for (const auto* r : rules::all_rules())
      if (r->id.substr(0, std::min(name.size(), r->id.size())) == name) return;
    auto hint = rules::suggest_rule(name);
    throw UsageError(fmt::format("unknown rule '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  };
  for (const auto& s : ctx.global.select) check_name(s), sel.select.push_back(s);
  for (const auto& s : ctx.global.ignore) check_name(s), sel.ignore.push_back(s);
  for (const auto& s : ctx.global.severity) {
    auto eq = s.find('=');
    Severity level{};
    if (eq == std::string::npos || !parse_severity(s.substr(eq + 1), level))
      throw UsageError(fmt::format("--severity expects ID=off|info|warning|error, got '{}'", s));
    check_name(s.substr(0, eq));
    sel.severity.emplace_back(s.substr(0, eq), level);
  }
  return sel;
}

Severity fail_threshold(const Context& ctx) {
  if (ctx.global.fail_on == "warning") return Severity::warning;
  if (ctx.global.fail_on == "info") return Severity::info;
  if (ctx.global.fail_on == "never") return Severity::off;
  return Severity::error;
}

void require_format(const Context& ctx, std::string_view command, const std::vector<std::string>& allowed) {
  const auto& f = ctx.global.format;
  if (std::find(allowed.begin(), allowed.end(), f) != allowed.end()) return;
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  throw UsageError(fmt::format("{}: unknown format '{}'; expected {}", command, f, list));
}

int findings_exit_code(const Context& ctx, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (!d.rule.empty() && d.rule[0] == 'L') return 2;
  auto threshold = fail_threshold(ctx);
  if (threshold == Severity::off) return 0;
  for (const auto& d : diags)
    if (d.severity >= threshold) return 1;
  return 0;
}

void uncovered_year(Context& ctx, const Calendar& cal, int year, const Message& subject) {
  if (!ctx.global.allow_uncovered) throw UsageError(ctx.t(subject) + ctx.t(cal.uncovered_message(year)));
  if (ctx.global.quiet) return;
  std::string fact = ctx.t(subject) + ctx.t(cal.uncovered_message(year, false));
  ctx.err += ctx.t(fmt::format("xuncha: 警告：{}；该年只按周末计算\n", fact),
                   fmt::format("xuncha: warning: {}; counting weekends only\n", fact));
}

void report_input_errors(Context& ctx, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags) {
    ctx.err += concise_line(ctx, d, false) + "\n";
    for (const auto& r : d.related)
      ctx.err += fmt::format("    {} {}:{}:{}: {}\n", ctx.t("参见", "see"), r.where.file, r.where.line,
                             r.where.column, ctx.t(r.message));
  }
}

int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err) {
  CLI::App app{"xuncha: plan and check provincial safety-production inspection tours (安全生产巡查)", "xuncha"};
  app.set_version_flag("-V,--version", std::string("xuncha ") + XUNCHA_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'xuncha COMMAND --help' for a command's flags; 'man xuncha' for the whole manual.");
  Context ctx{env, {}, {}, {}, {}, false, false, {}};
  auto& g = ctx.global;
  app.add_option("--as-of", g.as_of, "The date treated as today (YYYY-MM-DD); default: the system date");
  app.add_option("--lang", g.lang, "Output language: zh or en (default from LANG)")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--color", g.color, "Colour: auto, always or never (honours NO_COLOR, FORCE_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-f,--format", g.format, "Output format (see each command)");
  app.add_option("-o,--output", g.output, "Write the results to FILE (atomically) instead of stdout");
  app.add_option("--policy", g.policy_files, "A kind: policy file (repeatable; applied after the data)");
  app.add_option("--calendar", g.calendar_files, "A kind: calendar file adding or replacing years (repeatable)");
  app.add_option("-j,--jobs", g.jobs, "Files parsed in parallel (default: all cores)")->check(CLI::Range(1u, 256u));
  app.add_flag("--allow-uncovered", g.allow_uncovered, "Count only weekends in years the calendar does not cover (a warning, not an error)");
  app.add_flag("-q,--quiet", g.quiet, "Print only the findings");
  app.add_flag("-v,--verbose", g.verbose, "Say more about what was read");
  app.add_flag("--bom", g.bom, "Start CSV output with a UTF-8 BOM (for Excel)");
  app.add_option("--select", g.select, "Run only these rules (ids, slugs or prefixes such as T or C1)")->delimiter(',');
  app.add_option("--ignore", g.ignore, "Skip these rules (ids, slugs or prefixes)")->delimiter(',');
  app.add_option("--severity", g.severity, "Change a rule's severity: ID=off|info|warning|error")->delimiter(',');
  app.add_option("--fail-on", g.fail_on, "Exit 1 on findings at or above: error, warning, info or never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_option("--exclude", g.exclude, "Leave files and folders matching GLOB out of folder walks (repeatable)")
      ->allow_extra_args(false);

  std::vector<std::pair<CLI::App*, std::function<int(Context&)>>> subs;
  for (const auto& c : commands()) {
    auto* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    subs.emplace_back(sub, c.setup(*sub));
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    // A misspelt command gets a suggestion, as ninja and git do.
    if (!args.empty() && args[0].rfind('-', 0) != 0) {
      std::vector<std::string_view> names;
      bool known = false;
      for (const auto& c : commands()) {
        names.push_back(c.name);
        known = known || c.name == args[0];
      }
      if (!known) {
        auto hint = closest_match(args[0], names);
        err << fmt::format("xuncha: error: unknown command '{}'{}\nRun 'xuncha --help' for the list of commands.\n",
                           args[0], hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
        return 2;
      }
    }
    err << "xuncha: error: " << e.what() << "\nRun 'xuncha --help' for usage.\n";
    return 2;
  }

  try {
    // The repository configuration, found from the first argument that is a path; flags win.
    for (auto key : config_keys)
      if (auto* opt = app.get_option_no_throw("--" + std::string(key)); opt && opt->count() > 0)
        g.given.emplace_back(key);
    std::string start;
    for (auto& [sub, runner] : subs) {
      if (!sub->parsed()) continue;
      for (const auto* opt : sub->get_options()) {
        if (!opt->get_positional() || !start.empty()) continue;
        for (const auto& value : opt->results()) {
          std::error_code ec;
          if (value != "-" && std::filesystem::exists(value, ec)) {
            start = value;
            break;
          }
        }
      }
    }
    apply_config(ctx, start);
    ctx.zh = (g.lang.empty() ? default_lang(env) : g.lang) == "zh";
    if (g.color == "always") ctx.color = true;
    else if (g.color == "auto") ctx.color = !env.no_color && (env.force_color || (env.stdout_tty && g.output.empty()));
    if (g.as_of.empty()) {
      ctx.as_of = env.today;
    } else {
      DateError why{};
      auto d = parse_iso_date(g.as_of, &why);
      if (!d) throw UsageError(fmt::format("--as-of expects a real date YYYY-MM-DD, got '{}'", g.as_of));
      ctx.as_of = *d;
    }
    int code = 0;
    for (auto& [sub, runner] : subs) {
      if (sub->parsed()) {
        code = runner(ctx);
        break;
      }
    }
    if (!g.output.empty()) {
      for (const auto& in : ctx.input_names)
        if (same_file(in, g.output))
          throw UsageError(fmt::format("refusing to write onto input file {}", g.output));
      // A run that produced nothing (no schedule, unreadable input) leaves an earlier file alone.
      if (!ctx.no_result && !(code != 0 && ctx.out.empty())) write_atomically(g.output, ctx.out);
    } else {
      out << ctx.out;
    }
    err << ctx.err;
    return code;
  } catch (const UsageError& e) {
    err << ctx.err << "xuncha: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << ctx.err << "xuncha: internal error: " << e.what() << "\nPlease report this with the input that caused it.\n";
    return 3;
  }
}

}  // namespace xuncha::cli
