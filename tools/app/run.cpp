// xuncha's entry point behind main(): global flags, the subcommand, the output written once.
#include "project/config.hpp"
#include "base/context.hpp"
#include "base/output_file.hpp"
#include "base/terminal.hpp"

#include <xuncha/core/suggest.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <new>
#include <ostream>

namespace xuncha::cli {
namespace {

std::string default_lang(const Environment& env) {
  return env.lang.rfind("zh", 0) == 0 ? "zh" : "en";
}

// The run's answer when memory runs out (exit 2: too large an input is the user's to fix, not a bug).
int out_of_memory(Context& ctx, std::ostream& err) {
  // What the run built is gone by now (the exception unwound it), but the output collected so
  // far may be large: give it back, and print fixed texts, which need no memory of their own.
  std::string().swap(ctx.out);
  err << ctx.err;
  std::string().swap(ctx.err);
  static constexpr std::string_view zh = "xuncha：错误：输入过大，可用内存不足\n";
  static constexpr std::string_view en = "xuncha: error: input too large for the available memory\n";
  auto text = ctx.zh ? zh : en;
  err.write(text.data(), static_cast<std::streamsize>(text.size()));
  err.flush();
  return 2;
}

}  // namespace

bool zh_before_config(const std::vector<std::string>& args, const Environment& env) {
  bool zh = default_lang(env) == "zh";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) zh = args[i + 1] == "zh";
    if (args[i].rfind("--lang=", 0) == 0) zh = args[i] == "--lang=zh";
  }
  return zh;
}

int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err) {
  CLI::App app{"xuncha: plan and check provincial safety-production inspection tours (安全生产巡查)", "xuncha"};
  app.set_version_flag("-V,--version", std::string("xuncha ") + XUNCHA_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'xuncha COMMAND --help' for a command's flags; 'man xuncha' for the whole manual.");
  Context ctx{env, {}, {}, {}, {}, false, false, {}, false, {}, 0, {}};
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
  app.add_flag("-v,--verbose", g.verbose, "Say on stderr what was read: files, records, calendar years, policy sources");
  app.add_flag("--bom", g.bom, "Start CSV output with a UTF-8 BOM (for Excel)");
  app.add_option("--select", g.select, "Run only these rules (ids, slugs or prefixes such as T or C1)")->delimiter(',');
  app.add_option("--ignore", g.ignore, "Skip these rules (ids, slugs or prefixes)")->delimiter(',');
  app.add_option("--severity", g.severity, "Change a rule's severity: ID=off|info|warning|error")->delimiter(',');
  app.add_option("--fail-on", g.fail_on, "Exit 1 on findings at or above: error, warning, info or never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  app.add_option("--max-file-size", g.max_file_size,
                 "Refuse an input file larger than SIZE (bytes, or with K, M, G: 64M); default: 512M");
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
    bool zh = zh_before_config(args, env);
    // A misspelt command gets a suggestion, as ninja and git do: the first word that is neither
    // a global flag nor a global option's value.
    std::size_t first = 0;
    while (first < args.size() && args[first].rfind('-', 0) == 0 && args[first] != "-") {
      const CLI::Option* opt = nullptr;
      if (args[first].find('=') == std::string::npos) {
        try {
          opt = app.get_option_no_throw(args[first]);
        } catch (const CLI::Error&) {
          opt = nullptr;
        }
      }
      first += opt && opt->get_type_size_max() > 0 ? 2u : 1u;
    }
    if (first < args.size()) {
      std::vector<std::string_view> names;
      bool known = false;
      for (const auto& c : commands()) {
        names.push_back(c.name);
        known = known || c.name == args[first];
      }
      if (!known) {
        auto hint = closest_match(args[first], names);
        if (zh)
          err << fmt::format("xuncha：错误：未知的命令「{}」{}\n运行 xuncha --help 查看全部命令。\n", args[first],
                             hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint));
        else
          err << fmt::format("xuncha: error: unknown command '{}'{}\nRun 'xuncha --help' for the list of commands.\n",
                             args[first], hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
        return 2;
      }
    }
    std::vector<const CLI::App*> apps{&app};
    std::string command;
    for (auto& [sub, runner] : subs) {
      apps.push_back(sub);
      if (sub->parsed()) command = sub->get_name();
    }
    std::string help = command.empty() ? "xuncha --help" : "xuncha " + command + " --help";
    if (zh)
      err << "xuncha：错误：" << terminal_safe(parse_error_text(e, apps, true), false) << "\n运行 " << help << " 查看用法。\n";
    else
      err << "xuncha: error: " << terminal_safe(e.what(), false) << "\nRun '" << help << "' for usage.\n";
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
    // Until the configuration is read, errors (the configuration's own among them) speak the
    // language of --lang or $LANG.
    ctx.zh = (g.lang.empty() ? default_lang(env) : g.lang) == "zh";
    apply_config(ctx, start);
    ctx.zh = (g.lang.empty() ? default_lang(env) : g.lang) == "zh";
    // An empty value (an unset $OUT) is a mistake, not a request for the default.
    if (auto* o = app.get_option_no_throw("-o"); o && o->count() > 0 && g.output.empty())
      throw UsageError("-o 需要一个文件名（「-」表示标准输出），收到的是空值", "-o expects a file name ('-' for standard output), got an empty one");
    if (auto* o = app.get_option_no_throw("--max-file-size"); o && o->count() > 0 && g.max_file_size.empty())
      throw UsageError("--max-file-size 需要一个大小（字节数，或带 K、M、G 的数，如 64M），收到的是空值",
                       "--max-file-size expects a size (bytes, or a number with K, M or G: 64M), got an empty one");
    if (!g.max_file_size.empty()) {
      auto size = load::parse_size(g.max_file_size);
      if (!size)
        throw UsageError(fmt::format("--max-file-size 需要一个大小（字节数，或带 K、M、G 的数，如 64M），收到「{}」", g.max_file_size),
                         fmt::format("--max-file-size expects a size (bytes, or a number with K, M or G: 64M), got '{}'",
                                     g.max_file_size));
      g.max_file_bytes = *size;
    }
    ctx.width = g.output.empty() ? env.columns : 0;
    if (g.color == "always") ctx.color = true;
    else if (g.color == "auto") ctx.color = !env.no_color && (env.force_color || (env.stdout_tty && g.output.empty()));
    if (g.as_of.empty()) {
      ctx.as_of = env.today;
    } else {
      DateError why{};
      auto d = parse_iso_date(g.as_of, &why);
      if (!d)
        throw UsageError(fmt::format("--as-of 需要一个真实存在的日期 YYYY-MM-DD，收到「{}」", g.as_of),
                         fmt::format("--as-of expects a real date YYYY-MM-DD, got '{}'", g.as_of));
      ctx.as_of = *d;
    }
    int code = 0;
    for (auto& [sub, runner] : subs) {
      if (sub->parsed()) {
        ctx.command = sub->get_name();
        code = runner(ctx);
        break;
      }
    }
    // Terminal text cannot carry control characters from the data (base/terminal.hpp).
    const auto& f = g.format;
    if (f == "text" || f == "concise" || f == "github" || f == "md") ctx.out = terminal_safe(ctx.out, ctx.color);
    ctx.err = terminal_safe(ctx.err, ctx.color);
    if (!g.output.empty() && g.output != "-") {
      refuse_input(ctx, g.output, "-o");
      // A run that produced nothing (no schedule, unreadable input) leaves an earlier file alone.
      if (!ctx.no_result && !(code != 0 && ctx.out.empty())) write_output(g.output, ctx.out);
    } else {
      write_stream(out, ctx.out);
    }
    err << ctx.err;
    return code;
  } catch (const UsageError& e) {
    err << terminal_safe(ctx.err, ctx.color) << (ctx.zh ? "xuncha：错误：" : "xuncha: error: ")
        << terminal_safe(ctx.zh ? e.message.zh : e.message.en, false) << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    return out_of_memory(ctx, err);
  } catch (const std::exception& e) {
    if (ctx.zh)
      err << ctx.err << "xuncha：内部错误：" << e.what() << "\n这是 xuncha 的缺陷，请连同引发它的输入一起报告。\n";
    else
      err << ctx.err << "xuncha: internal error: " << e.what() << "\nPlease report this with the input that caused it.\n";
    return 3;
  }
}

}  // namespace xuncha::cli
