#!/usr/bin/env bash
# The man page's COMMANDS section and `xuncha --help` must list the same subcommands.
set -eu
bin=$1; man=$2
from_help=$(LANG=C "$bin" --help | awk '/^Subcommands:/{on=1;next} on && /^  [a-z]/{print $1} on && /^$/{on=0}' | sort)
from_man=$(awk '/^\.SH COMMANDS/{on=1;next} /^\.SH /{on=0} on && /^\.SS /{print $2}' "$man" | sed 's/\\//g' | sort)
if [ "$from_help" != "$from_man" ]; then
  echo "man page and --help disagree"; echo "help: $from_help"; echo "man:  $from_man"; exit 1
fi
echo "man page lists: $(echo $from_man)"
