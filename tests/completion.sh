#!/usr/bin/env bash
# Shell completion, generated from the command and rule registries: the bash script is sourced
# in bash and asked, as readline would (COMP_WORDS/COMP_CWORD), to complete subcommands, flags,
# format names and rule ids; every subcommand and flag that --help lists must complete. The zsh
# and fish scripts must parse (zsh -n, fish -n); fish completes through `complete -C`, and the zsh
# function runs with the completion builtins stubbed.
# Exit 77 (skipped) when zsh or fish is missing, after the bash checks have passed.
set -u
bin=$1; work=$2
rm -rf "$work"; mkdir -p "$work"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$bin" completion bash >"$work/xuncha.bash" || { echo "FAIL: xuncha completion bash"; exit 1; }
bash -n "$work/xuncha.bash" || { echo "FAIL: the bash script does not parse"; exit 1; }

# Completions of a command line (the last word is the one being completed), one per line, as
# bash asks for them: COMP_LINE and COMP_POINT, and COMP_WORDS split at readline's word breaks
# (so T101=w is three words), with the default COMP_WORDBREAKS. What comes back is what readline
# puts in place of the text after the last break.
complete_bash() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDBREAKS=$'"'"' \t\n"\x27><=;|&(:'"'"'
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    COMP_WORDS=(); for w in "$@"; do
      while [[ $w == *[=:]* ]]; do p=${w%%[=:]*}; [[ -n $p ]] && COMP_WORDS+=("$p"); COMP_WORDS+=("${w:${#p}:1}"); w=${w:${#p}+1}; done
      COMP_WORDS+=("$w"); done
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _xuncha
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/xuncha.bash" "$@"
}
# The same through COMP_WORDS and COMP_CWORD only (as a caller such as bash-completion's
# _command_offset or a test harness may set them).
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
    _xuncha
    printf "%s\n" "${COMPREPLY[@]}"' _ "$work/xuncha.bash" "$@"
}
# expect WORD -- LINE...: WORD is among the completions of LINE.
expect() {
  local want=$1; shift 2
  complete_bash "$@" | grep -qxF -- "$want" || bad "'$*' does not complete to '$want' (got: $(complete_bash "$@" | head -20 | tr '\n' ' '))"
}
# expect_not WORD -- LINE...
expect_not() {
  local no=$1; shift 2
  ! complete_bash "$@" | grep -qxF -- "$no" || bad "'$*' completes to '$no'"
}

# A subcommand, a flag, a rule id: the three the issue names.
expect check -- xuncha ch
expect --fail-on -- xuncha check --fa
expect T101 -- xuncha check --select T10
expect C101 -- xuncha rule C10
# Subcommand flags, flag values, format names per command, lists and ID=LEVEL.
expect --keep -- xuncha --lang en schedule examples --ke
expect --suggest -- xuncha teams --su
expect_not --suggest -- xuncha check --su
expect zh -- xuncha --lang z
expect sarif -- xuncha check -f s
expect_not sarif -- xuncha deadlines -f s
expect ics -- xuncha deadlines --as-of 2026-11-30 --format i
expect team-size -- xuncha --ignore team-
expect C101,T101 -- xuncha check --select C101,T10
expect warning -- xuncha check --severity T101=w
expect T101 -- xuncha check --select=T10
expect error,T102= -- xuncha check --severity T101=error,T10   # readline replaces the text after the last =
complete_words xuncha ch | grep -qx check || bad "COMP_WORDS only: 'xuncha ch' does not complete to check"
complete_words xuncha check --severity T101=w | grep -qx T101=warning || bad "COMP_WORDS only: no T101=warning"
complete_words xuncha check --select T10 | grep -qx T101 || bad "COMP_WORDS only: no T101 after --select"
expect between -- xuncha workdays be
expect_not between -- xuncha workdays add be
expect fish -- xuncha completion fi
# A number is not a path: -j offers nothing, --policy offers files.
[ -z "$(cd "$work" && complete_bash xuncha -j "")" ] || bad "'xuncha -j' offers completions"
expect "$work/xuncha.bash" -- xuncha --policy "$work/xuncha.b"
# diff takes two files, both completed as paths.
expect diff -- xuncha di
expect "$work/xuncha.bash" -- xuncha diff "$work/xuncha.b"
expect "$work/xuncha.bash" -- xuncha diff old.yaml "$work/xuncha.b"

# Driven by the registries: every subcommand --help lists, every flag of its --help, every rule.
cmds=$(LANG=C "$bin" --help | awk '/^Subcommands:/{on=1;next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$cmds" ] || bad "no subcommands found in xuncha --help"
all_cmds=$(complete_bash xuncha "")
for c in $cmds; do
  grep -qxF "$c" <<<"$all_cmds" || bad "subcommand '$c' is not completed"
  flags=$(LANG=C "$bin" "$c" --help | awk '/^Options:/{on=1;next} on && /^  -/{print $1} on && /^$/{on=0}' |
          tr ',' '\n' | grep -v -e '^-h$' -e '^--help$')
  offered=$(complete_bash xuncha "$c" -)
  for f in $flags; do
    grep -qxF -- "$f" <<<"$offered" || bad "flag '$f' of '$c' is not completed"
  done
done
for f in $(LANG=C "$bin" --help | awk '/^Options:/{on=1;next} on && /^  -/{print $1} on && /^$/{on=0}' | tr ',' '\n' | grep -v -e '^-h$' -e '^--help$'); do
  grep -qxF -- "$f" <<<"$(complete_bash xuncha -)" || bad "global flag '$f' is not completed"
done
rules=$("$bin" rule -f json | sed -n 's/^ *"id": "\([^"]*\)".*/\1/p')
[ -n "$rules" ] || bad "no rule ids from xuncha rule -f json"
offered=$(complete_bash xuncha rule "")
for r in $rules; do grep -qxF "$r" <<<"$offered" || bad "rule '$r' is not completed"; done

skipped=""
if command -v zsh >/dev/null; then
  "$bin" completion zsh >"$work/_xuncha"
  zsh -n "$work/_xuncha" || bad "the zsh script does not parse"
  head -1 "$work/_xuncha" | grep -qx '#compdef xuncha' || bad "the zsh script lacks #compdef"
  # The function's logic outside the completion system: the completion builtins are stubbed to
  # print what they would offer (zsh filters by prefix itself), words/CURRENT set as zsh does.
  sed '$d' "$work/_xuncha" >"$work/_xuncha.fn"
  cat >"$work/zsh-harness" <<'ZSH'
compadd() { while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -[SPJ] ]] && shift; shift; done; [[ $1 == -- ]] && shift; print -l -- "$@"; }
_describe() { local arr=${@[-1]} x; for x in ${(P)arr}; do print -r -- ${${x%%[^\\]:*}//\\/}${x[${#${x%%[^\\]:*}}+1]}; done; }
_files() { print __FILES__; }
_message() { print __MESSAGE__; }
_sequence() { shift 2; print -l -- "$@"; }
compset() { return 1; }
source $1; shift
words=("$@"); CURRENT=$#
_xuncha
ZSH
  zexpect() { local want=$1; shift 2
    zsh -f "$work/zsh-harness" "$work/_xuncha.fn" "$@" | grep -qxF -- "$want" || bad "zsh: '$*' does not offer '$want'"; }
  zexpect check -- xuncha ch
  zexpect --fail-on -- xuncha check --fa
  zexpect --suggest -- xuncha teams --su
  zexpect T101 -- xuncha check --select T10
  zexpect C101 -- xuncha rule C1
  zexpect ics -- xuncha deadlines -f i
  zexpect between -- xuncha workdays b
  zexpect __FILES__ -- xuncha check ex
  zexpect zh -- xuncha --lang z
  zsh -f "$work/zsh-harness" "$work/_xuncha.fn" xuncha deadlines -f s | grep -qx sarif && bad "zsh: sarif offered for deadlines -f"
else
  skipped+=" zsh"
fi
if command -v fish >/dev/null; then
  "$bin" completion fish >"$work/xuncha.fish"
  fish -n "$work/xuncha.fish" || bad "the fish script does not parse"
  complete_fish() { HOME=$work fish --no-config -c "source $work/xuncha.fish; complete -C '$1'" | cut -f1; }
  complete_fish 'xuncha ch' | grep -qx check || bad "fish: 'xuncha ch' does not complete to check"
  complete_fish 'xuncha check --fa' | grep -qx -- --fail-on || bad "fish: no --fail-on"
  complete_fish 'xuncha check --select T10' | grep -qx T101 || bad "fish: no T101 after --select"
  complete_fish 'xuncha check -f s' | grep -qx sarif || bad "fish: no sarif for check -f"
  complete_fish 'xuncha deadlines -f s' | grep -qx sarif && bad "fish: sarif offered for deadlines -f"
  complete_fish 'xuncha rule C10' | grep -qx C101 || bad "fish: no C101 for rule"
else
  skipped+=" fish"
fi

[ $fail -eq 0 ] || exit 1
if [ -n "$skipped" ]; then echo "bash completion passed; SKIPPED (not installed):$skipped"; exit 77; fi
echo "completion: bash, zsh and fish scripts pass ($(wc -w <<<"$cmds") subcommands, $(wc -w <<<"$rules") rules)"
