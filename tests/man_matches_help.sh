#!/usr/bin/env bash
# The man pages and --help must agree, for every subcommand the binary registers:
#  - man/xuncha.1 (the overview) has a COMMANDS entry for each and points at each page;
#  - each subcommand has its page man/xuncha-COMMAND.1 (a command without one fails here, with
#    the file to write), named in .TH and NAME, whose OPTIONS section documents exactly the
#    flags of `xuncha COMMAND --help`; no page is left for a command that does not exist;
#  - every page, the generated ones (xuncha-rules.7) included, is clean under
#    `mandoc -T lint -W warning` (skipped, exit 77, only when mandoc is not installed).
# usage: man_matches_help.sh XUNCHA man/xuncha.1 [GENERATED_MAN_DIR]
set -u
bin=$1; man=$2; generated=${3:-}
dir=$(dirname "$man")
fail=0
bad() { echo "FAIL: $*"; fail=1; }
# The flags of an Options: section of CLI11 help, one per line, without -h/--help.
help_flags() { awk '/^Options:/{on=1;next} on && /^  -/{print $1} on && /^$/{on=0}' | tr ',' '\n' |
               grep -v -e '^-h$' -e '^--help$' | sort -u; }

from_help=$(LANG=C "$bin" --help | awk '/^Subcommands:/{on=1;next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' | sort)
[ -n "$from_help" ] || { echo "FAIL: no subcommands in xuncha --help"; exit 1; }
from_man=$(awk '/^\.SH COMMANDS/{on=1;next} /^\.SH /{on=0} on && /^\.SS /{print $2}' "$man" | sed 's/\\//g' | sort)
if [ "$from_help" != "$from_man" ]; then
  bad "$man COMMANDS and --help disagree"; echo "  help: $(echo $from_help)"; echo "  man:  $(echo $from_man)"
fi
see_also=$(awk '/^\.SH SEE ALSO/{on=1;next} /^\.SH /{on=0} on' "$man" | sed 's/\\//g')

for c in $from_help; do
  page=$dir/xuncha-$c.1
  if [ ! -f "$page" ]; then
    bad "subcommand '$c' has no man page: write $page (NAME, SYNOPSIS, DESCRIPTION, OPTIONS with every flag of 'xuncha $c --help', EXIT STATUS, SEE ALSO; man/xuncha-check.1 is a model)"
    continue
  fi
  upper=$(tr a-z A-Z <<<"$c")
  head -1 "$page" | grep -q "^\.TH XUNCHA-$upper 1 " || bad "$page: .TH must name XUNCHA-$upper 1"
  awk '/^\.SH NAME/{getline; print; exit}' "$page" | grep -q "^xuncha-$c \\\\- " ||
    bad "$page: NAME must read 'xuncha-$c \\- ...'"
  grep -q "xuncha-$c (1)" <<<"$see_also" || bad "$man: SEE ALSO does not point at xuncha-$c(1)"
  # Flags documented in OPTIONS: those on the line after each .TP.
  in_man=$(awk '/^\.SH OPTIONS/{on=1;next} /^\.SH /{on=0} on && tp {print; tp=0} on && /^\.TP/{tp=1}' "$page" |
           sed 's/\\-/-/g' | grep -oE '(^|[ "])--?[A-Za-z][A-Za-z-]*' | sed 's/^[ "]//' | sort -u)
  in_help=$(LANG=C "$bin" "$c" --help | help_flags)
  if [ "$in_man" != "$in_help" ]; then
    bad "$page OPTIONS and 'xuncha $c --help' disagree"
    echo "  help: $(echo $in_help)"; echo "  man:  $(echo $in_man)"
  fi
done
for page in "$dir"/xuncha-*.1; do
  c=$(basename "$page" .1); c=${c#xuncha-}
  grep -qx "$c" <<<"$from_help" || bad "$page documents '$c', which is not a subcommand of xuncha --help"
done

version=$("$bin" --version)
for page in "$dir"/*.[1-9]; do
  grep -q "^\.TH [^ ]* [1-9] [0-9-]* \"$version\" " "$page" || bad "$page: .TH must carry \"$version\" (xuncha --version) and a YYYY-MM-DD date"
done
pages=("$dir"/*.[1-9])
[ -n "$generated" ] && pages+=("$generated"/*.[1-9])
if command -v mandoc >/dev/null; then
  for p in "${pages[@]}"; do
    [ -f "$p" ] || { bad "missing page $p"; continue; }
    out=$(mandoc -T lint -W warning "$p" 2>&1) || bad "mandoc -T lint: $out"
  done
  [ $fail -eq 0 ] || exit 1
  echo "man pages agree with --help: $(echo $from_help); ${#pages[@]} pages lint clean"
else
  [ $fail -eq 0 ] || exit 1
  echo "man pages agree with --help: $(echo $from_help); SKIPPED mandoc -T lint (mandoc not installed)"
  exit 77
fi
