// xuncha completion: bash, zsh and fish scripts generated from the command registry (the
// subcommands and their CLI11 options), the formats each command accepts and the rule registry.
#include "app/app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace xuncha::cli {
namespace {

// What the value of an option (or a positional) completes to.
enum class ValueKind { none, files, words, rules, severity, formats };

struct Param {
  std::vector<std::string> names;  ///< "-f", "--format"; empty for a positional
  std::string description;
  bool takes_value = false;
  bool repeats = false;  ///< a positional that takes every remaining word
  ValueKind kind = ValueKind::none;
  std::vector<std::string> words;  ///< for ValueKind::words
};

struct Cmd {
  std::string name;
  std::string summary;
  std::vector<Param> options;
  std::vector<Param> positionals;
  std::vector<std::string> formats;
};

struct Model {
  std::vector<Param> global;
  std::vector<Cmd> commands;
  std::vector<std::string> rules;    ///< ids then slugs
  std::vector<std::string> formats;  ///< every command's formats, sorted, unique
};

// Options whose values are rule ids or slugs (comma-separated lists).
bool takes_rules(const std::string& name) { return name == "--select" || name == "--ignore"; }

// IsMember validators describe themselves as "{a,b,c}" in the type name: the allowed words.
std::vector<std::string> member_words(const std::string& type_name) {
  auto open = type_name.find('{');
  auto close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string cur;
  for (auto c : type_name.substr(open + 1, close - open - 1)) {
    if (c == ',') out.push_back(std::move(cur)), cur.clear();
    else if (c != ' ') cur += c;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// A text option whose help speaks of a file, a folder or a "kind:" document takes a path
// (not -j, whose help speaks of files parsed in parallel: its value is a number).
bool names_a_file(std::string description) {
  std::transform(description.begin(), description.end(), description.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view w : {"file", "folder", "kind:"})
    if (description.find(w) != std::string::npos) return true;
  return false;
}

Param param_of(const CLI::Option& o, const std::string& command) {
  Param p;
  for (const auto& s : o.get_snames()) p.names.push_back("-" + s);
  for (const auto& l : o.get_lnames()) p.names.push_back("--" + l);
  p.description = o.get_description();
  p.takes_value = o.get_type_size_max() > 0 && o.get_expected_max() > 0;
  p.repeats = o.get_items_expected_max() > 1;
  if (!p.takes_value) return p;
  p.words = member_words(o.get_type_name());
  std::string first = p.names.empty() ? std::string() : p.names.back();
  if (!p.words.empty()) p.kind = ValueKind::words;
  else if (first == "--format") p.kind = ValueKind::formats;
  else if (takes_rules(first) || (command == "rule" && p.names.empty())) p.kind = ValueKind::rules;
  else if (first == "--severity") p.kind = ValueKind::severity;
  else if (o.get_type_name().rfind("TEXT", 0) == 0 && names_a_file(p.description)) p.kind = ValueKind::files;
  return p;
}

Model build_model(const CLI::App& main) {
  Model m;
  for (const auto* o : main.get_options())
    if (o->get_lnames() != std::vector<std::string>{"help"}) m.global.push_back(param_of(*o, ""));
  std::set<std::string> formats;
  for (const auto& c : commands()) {
    const auto* sub = main.get_subcommand(std::string(c.name));
    Cmd cmd{std::string(c.name), std::string(c.summary), {}, {}, c.formats};
    for (const auto* o : sub->get_options()) {
      if (o->get_lnames() == std::vector<std::string>{"help"}) continue;
      (o->get_positional() && !o->nonpositional() ? cmd.positionals : cmd.options).push_back(param_of(*o, cmd.name));
    }
    formats.insert(c.formats.begin(), c.formats.end());
    m.commands.push_back(std::move(cmd));
  }
  m.formats.assign(formats.begin(), formats.end());
  for (const auto* r : rules::all_rules()) m.rules.emplace_back(r->id);
  for (const auto* r : rules::all_rules()) m.rules.emplace_back(r->slug);
  return m;
}

std::string join(const std::vector<std::string>& v, std::string_view sep = " ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::vector<std::string> flag_names(const std::vector<Param>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.insert(out.end(), p.names.begin(), p.names.end());
  return out;
}

// Single-quoted for sh, zsh and fish alike ('it'\''s'; fish reads \' inside '…' as a quote).
std::string quote(std::string_view s, bool fish = false) {
  std::string out = "'";
  for (auto c : s) {
    if (c == '\'') out += fish ? "\\'" : "'\\''";
    else if (fish && c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

// ---- bash ----

// The case arm that completes the value of `p` (prev is the option); "" when it has none.
std::string bash_value(const Param& p, const Cmd* cmd, const Model& m) {
  switch (p.kind) {
    case ValueKind::none: return ":";
    case ValueKind::files: return "_xuncha_files";
    case ValueKind::words: return fmt::format("_xuncha_words {}", quote(join(p.words)));
    case ValueKind::rules:
      return p.names.empty() ? "_xuncha_words \"$_xuncha_rules\"" : "_xuncha_list \"$_xuncha_rules\"";
    case ValueKind::severity: return "_xuncha_severity";
    case ValueKind::formats: return fmt::format("_xuncha_words {}", quote(join(cmd ? cmd->formats : m.formats)));
  }
  return "return 0";
}

std::string bash_options_case(const std::vector<Param>& ps, const Cmd* cmd, const Model& m, std::string_view indent) {
  std::string out;
  for (const auto& p : ps) {
    if (!p.takes_value || p.names.empty()) continue;
    out += fmt::format("{}{}) {}; return 0 ;;\n", indent, join(p.names, "|"), bash_value(p, cmd, m));
  }
  return out;
}

std::string bash(const Model& m) {
  std::vector<std::string> names, valued;
  for (const auto& c : m.commands) names.push_back(c.name);
  for (const auto& p : m.global)
    if (p.takes_value) valued.insert(valued.end(), p.names.begin(), p.names.end());
  std::string out = fmt::format(R"(# bash completion for xuncha                                  -*- shell-script -*-
# Generated by `xuncha completion bash` from the command and rule registries; do not edit.

_xuncha_rules={}

_xuncha_words() {{ COMPREPLY=($(compgen -W "$1" -- "$cur")); }}
_xuncha_files() {{
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -- "$cur"))
}}
# A comma-separated list: completes the item after the last comma.
_xuncha_list() {{
  local head="" last=$cur
  if [[ $cur == *,* ]]; then head=${{cur%,*}},; last=${{cur##*,}}; fi
  COMPREPLY=($(compgen -P "$head" -W "$1" -- "$last"))
  compopt -o nospace 2>/dev/null
}}
_xuncha_severity() {{
  local head="" last=$cur
  if [[ $cur == *,* ]]; then head=${{cur%,*}},; last=${{cur##*,}}; fi
  if [[ $last == *=* ]]; then
    COMPREPLY=($(compgen -P "$head${{last%%=*}}=" -W "off info warning error" -- "${{last#*=}}"))
  else
    COMPREPLY=($(compgen -P "$head" -S = -W "$_xuncha_rules" -- "$last"))
    compopt -o nospace 2>/dev/null
  fi
}}

_xuncha() {{
  # Words split at blanks only: readline also splits at = and :, which would cut
  # --severity T101=warning and --select=T101 apart.
  local -a words
  if [[ -n ${{COMP_LINE-}} ]]; then
    local line=${{COMP_LINE:0:COMP_POINT}}
    read -ra words <<<"$line"
    [[ ${{#words[@]}} -eq 0 || $line == *[[:space:]] ]] && words+=("")
  else
    words=("${{COMP_WORDS[@]:0:COMP_CWORD+1}}")
  fi
  local cword=$((${{#words[@]}} - 1))
  local cur=${{words[cword]}} prev=""
  ((cword > 0)) && prev=${{words[cword-1]}}
  # --option=value: complete the value.
  if [[ $cur == --*=* ]]; then prev=${{cur%%=*}}; cur=${{cur#*=}}; fi
  COMPREPLY=()
  _xuncha_complete
  # Readline replaces only the text after the last word-break character (= or :) of the word.
  if [[ -n ${{COMP_LINE-}} ]]; then
    local brk=""
    [[ ${{COMP_WORDBREAKS-}} == *=* ]] && brk+="="
    [[ ${{COMP_WORDBREAKS-}} == *:* ]] && brk+=":"
    if [[ -n $brk && $cur == *[$brk]* ]]; then
      local keep=${{cur%[$brk]*}}
      local i; for i in "${{!COMPREPLY[@]}}"; do COMPREPLY[i]=${{COMPREPLY[i]#"$keep"?}}; done
    fi
  fi
  return 0
}}

_xuncha_complete() {{
  # The subcommand: the first word that is neither an option nor an option's value.
  local cmd="" i
  for ((i = 1; i < cword; i++)); do
    case ${{words[i]}} in
      {}) ((i++)) ;;
      -*) ;;
      *) cmd=${{words[i]}}; break ;;
    esac
  done
)",
                                quote(join(m.rules)), join(valued, "|"));
  // Values of the option before the cursor: the subcommand's own options first.
  out += "  case $cmd in\n";
  for (const auto& c : m.commands) {
    auto arms = bash_options_case(c.options, &c, m, "        ");
    std::vector<std::string> own_valued;
    for (const auto& p : c.options)
      if (p.takes_value) own_valued.insert(own_valued.end(), p.names.begin(), p.names.end());
    out += fmt::format("    {})\n      case $prev in\n{}", c.name, arms);
    // -f/--format is global, but its values are the command's.
    for (const auto& p : m.global)
      if (p.kind == ValueKind::formats)
        out += fmt::format("        {}) {}; return 0 ;;\n", join(p.names, "|"), bash_value(p, &c, m));
    out += "      esac ;;\n";
  }
  out += "  esac\n  case $prev in\n" + bash_options_case(m.global, nullptr, m, "    ") + "  esac\n";
  out += fmt::format("  if [[ -z $cmd ]]; then\n    if [[ $cur == -* ]]; then _xuncha_words {}; else _xuncha_words {}; fi\n    return 0\n  fi\n",
                     quote(join(flag_names(m.global))), quote(join(names)));
  // Options of the subcommand, then its positionals by position.
  out += "  if [[ $cur == -* ]]; then\n    case $cmd in\n";
  for (const auto& c : m.commands) {
    auto flags = flag_names(c.options);
    auto global = flag_names(m.global);
    flags.insert(flags.end(), global.begin(), global.end());
    out += fmt::format("      {}) _xuncha_words {} ;;\n", c.name, quote(join(flags)));
  }
  out += "    esac\n    return 0\n  fi\n";
  out += "  # Count the positionals before the cursor (words after the subcommand, options and their values skipped).\n";
  out += "  local seen=0\n  for ((i = i + 1; i < cword; i++)); do\n    case ${words[i]} in\n";
  std::set<std::string> all_valued(valued.begin(), valued.end());
  for (const auto& c : m.commands)
    for (const auto& p : c.options)
      if (p.takes_value) all_valued.insert(p.names.begin(), p.names.end());
  out += fmt::format("      {}) ((i++)) ;;\n", join(std::vector<std::string>(all_valued.begin(), all_valued.end()), "|"));
  out += "      -*) ;;\n      *) ((seen++)) ;;\n    esac\n  done\n  case $cmd in\n";
  for (const auto& c : m.commands) {
    if (c.positionals.empty()) continue;
    out += fmt::format("    {})\n      case $seen in\n", c.name);
    for (std::size_t k = 0; k < c.positionals.size(); ++k) {
      const auto& p = c.positionals[k];
      bool last = k + 1 == c.positionals.size();
      out += fmt::format("        {}) {} ;;\n", last && p.repeats ? "*" : std::to_string(k), bash_value(p, &c, m));
    }
    out += "      esac ;;\n";
  }
  out += "  esac\n  return 0\n}\ncomplete -F _xuncha xuncha\n";
  return out;
}

// ---- zsh ----

std::string zsh_describe(std::string_view tag, const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out = "      local -a items=(\n";
  for (const auto& [name, desc] : items) {
    std::string n;
    for (auto c : name) n += c == ':' ? std::string("\\:") : std::string(1, c);
    out += "        " + quote(n + ":" + desc) + "\n";
  }
  return out + fmt::format("      )\n      _describe -t {0} {0} items", tag);
}

std::string zsh_value(const Param& p, const Cmd* cmd, const Model& m) {
  switch (p.kind) {
    case ValueKind::none: return "_message 'value'";
    case ValueKind::files: return "_files";
    case ValueKind::words: return "compadd -- " + join(p.words);
    case ValueKind::rules:
      return p.names.empty() ? "compadd -- $_xuncha_rules" : "_sequence compadd - $_xuncha_rules";
    case ValueKind::severity: return "_xuncha_severity";
    case ValueKind::formats: return "compadd -- " + join(cmd ? cmd->formats : m.formats);
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> described(const std::vector<Param>& ps) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : ps)
    for (const auto& n : p.names) out.emplace_back(n, p.description);
  return out;
}

std::string zsh(const Model& m) {
  std::vector<std::string> valued;
  for (const auto& p : m.global)
    if (p.takes_value) valued.insert(valued.end(), p.names.begin(), p.names.end());
  for (const auto& c : m.commands)
    for (const auto& p : c.options)
      if (p.takes_value) valued.insert(valued.end(), p.names.begin(), p.names.end());
  std::sort(valued.begin(), valued.end());
  valued.erase(std::unique(valued.begin(), valued.end()), valued.end());
  std::string out = fmt::format(R"(#compdef xuncha
# zsh completion for xuncha. Generated by `xuncha completion zsh` from the command and rule
# registries; do not edit.

_xuncha_severity() {{
  if compset -P '*='; then
    compadd -- off info warning error
  else
    compadd -S = -- $_xuncha_rules
  fi
}}

_xuncha() {{
  local _xuncha_rules=({})
  local cur=${{words[CURRENT]}} prev=${{words[CURRENT-1]}} cmd= i seen=0
  for ((i = 2; i < CURRENT; i++)); do
    case ${{words[i]}} in
      ({}) ((i++)) ;;
      (-*) ;;
      (*) if [[ -z $cmd ]]; then cmd=${{words[i]}}; else ((seen++)); fi ;;
    esac
  done
  case $cmd:$prev in
)",
                                join(m.rules), join(valued, "|"));
  for (const auto& c : m.commands)
    for (const auto& p : c.options)
      if (p.takes_value)
        for (const auto& n : p.names) out += fmt::format("    ({}:{}) {}; return ;;\n", c.name, n, zsh_value(p, &c, m));
  for (const auto& c : m.commands)
    for (const auto& p : m.global)
      if (p.kind == ValueKind::formats)
        for (const auto& n : p.names) out += fmt::format("    ({}:{}) {}; return ;;\n", c.name, n, zsh_value(p, &c, m));
  for (const auto& p : m.global)
    if (p.takes_value)
      for (const auto& n : p.names) out += fmt::format("    (*:{}) {}; return ;;\n", n, zsh_value(p, nullptr, m));
  out += "  esac\n  if [[ -z $cmd ]]; then\n    if [[ $cur == -* ]]; then\n";
  out += zsh_describe("options", described(m.global)) + "\n    else\n";
  std::vector<std::pair<std::string, std::string>> subs;
  for (const auto& c : m.commands) subs.emplace_back(c.name, c.summary);
  out += zsh_describe("commands", subs) + "\n    fi\n    return\n  fi\n";
  out += "  if [[ $cur == -* ]]; then\n    case $cmd in\n";
  for (const auto& c : m.commands) {
    auto items = described(c.options);
    auto g = described(m.global);
    items.insert(items.end(), g.begin(), g.end());
    out += fmt::format("    ({})\n{} ;;\n", c.name, zsh_describe("options", items));
  }
  out += "    esac\n    return\n  fi\n  case $cmd in\n";
  for (const auto& c : m.commands) {
    if (c.positionals.empty()) continue;
    out += fmt::format("    ({})\n      case $seen in\n", c.name);
    for (std::size_t k = 0; k < c.positionals.size(); ++k) {
      const auto& p = c.positionals[k];
      bool last = k + 1 == c.positionals.size();
      out += fmt::format("        ({}) {} ;;\n", last && p.repeats ? "*" : std::to_string(k), zsh_value(p, &c, m));
    }
    out += "      esac ;;\n";
  }
  out += "  esac\n}\n\n_xuncha \"$@\"\n";
  return out;
}

// ---- fish ----

std::string fish_option(const Param& p, const std::string& condition, const std::vector<std::string>& formats,
                        const Model& m) {
  std::string out = "complete -c xuncha";
  if (!condition.empty()) out += " -n " + quote(condition, true);
  for (const auto& n : p.names) out += (n.size() == 2 ? " -s " + n.substr(1) : " -l " + n.substr(2));
  switch (p.kind) {
    case ValueKind::none: out += p.takes_value ? " -x" : ""; break;
    case ValueKind::files: out += " -r -F"; break;
    case ValueKind::words: out += " -x -a " + quote(join(p.words), true); break;
    case ValueKind::rules: out += " -x -a '(__xuncha_list)'"; break;
    case ValueKind::severity: out += " -x -a '(__xuncha_severity)'"; break;
    case ValueKind::formats: out += " -x -a " + quote(join(formats.empty() ? m.formats : formats), true); break;
  }
  return out + " -d " + quote(p.description, true) + "\n";
}

std::string fish(const Model& m) {
  std::vector<std::string> names;
  for (const auto& c : m.commands) names.push_back(c.name);
  std::string out = fmt::format(R"(# fish completion for xuncha. Generated by `xuncha completion fish` from the command and
# rule registries; do not edit.

set -g __xuncha_rules {}
# A comma-separated list of rules: completes the item after the last comma.
function __xuncha_list
    set -l tok (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $tok)
    for r in $__xuncha_rules
        echo $head$r
    end
end
function __xuncha_severity
    set -l tok (commandline -ct)
    set -l head (string replace -r '[^,]*$' '' -- $tok)
    set -l last (string replace -r '.*,' '' -- $tok)
    if string match -q '*=*' -- $last
        set -l id (string split -m1 = -- $last)[1]
        for l in off info warning error
            echo $head$id=$l
        end
    else
        for r in $__xuncha_rules
            echo $head$r=
        end
    end
end

complete -c xuncha -f
complete -c xuncha -n __fish_use_subcommand -x -a {}
)",
                                join(m.rules), quote(join(names), true));
  for (const auto& c : m.commands)
    out += fmt::format("complete -c xuncha -n __fish_use_subcommand -x -a {} -d {}\n", c.name, quote(c.summary, true));
  for (const auto& p : m.global)
    out += fish_option(p, p.kind == ValueKind::formats ? "__fish_use_subcommand" : "", {}, m);
  for (const auto& c : m.commands) {
    std::string when = "__fish_seen_subcommand_from " + c.name;
    out += fmt::format("\n# {}\n", c.name);
    for (const auto& p : m.global)
      if (p.kind == ValueKind::formats) out += fish_option(p, when, c.formats, m);
    for (const auto& p : c.options) out += fish_option(p, when, c.formats, m);
    for (std::size_t k = 0; k < c.positionals.size(); ++k) {
      const auto& p = c.positionals[k];
      std::string cond = when;
      // An action word (IsMember) is offered until one is given.
      if (p.kind == ValueKind::words)
        cond += "; and not __fish_seen_subcommand_from " + join(p.words);
      switch (p.kind) {
        case ValueKind::words:
          out += fmt::format("complete -c xuncha -n {} -x -a {}\n", quote(cond, true), quote(join(p.words), true));
          break;
        case ValueKind::rules:
          out += fmt::format("complete -c xuncha -n {} -x -a '$__xuncha_rules'\n", quote(cond, true));
          break;
        case ValueKind::files: out += fmt::format("complete -c xuncha -n {} -F\n", quote(cond, true)); break;
        default: break;
      }
    }
  }
  return out;
}

struct CompletionOptions {
  std::string shell;
};

}  // namespace

std::function<int(Context&)> setup_completion(CLI::App& app) {
  auto opts = std::make_shared<CompletionOptions>();
  app.add_option("shell", opts->shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  app.footer("bash:  xuncha completion bash > ~/.local/share/bash-completion/completions/xuncha\n"
             "zsh:   xuncha completion zsh > ~/.zfunc/_xuncha   (with fpath+=(~/.zfunc) before compinit)\n"
             "fish:  xuncha completion fish > ~/.config/fish/completions/xuncha.fish\n"
             "Packages install them in the standard places.");
  const CLI::App* self = &app;
  return [opts, self](Context& ctx) {
    require_format(ctx, "completion", {"text"});
    auto model = build_model(*self->get_parent());
    ctx.out += opts->shell == "bash" ? bash(model) : opts->shell == "zsh" ? zsh(model) : fish(model);
    return 0;
  };
}

}  // namespace xuncha::cli
