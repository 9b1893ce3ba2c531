#!/usr/bin/env bash
# `cmake --install` into a scratch DESTDIR (no root needed): the binary, a gzipped man page for
# every subcommand of --help plus xuncha(1), xuncha-data(5) and xuncha-rules(7), the three
# completion scripts (identical to what the binary prints), the JSON Schemas (share/xuncha/schema),
# README, data-format.md and examples in their standard places.
# usage: install_layout.sh BUILD_DIR SCRATCH_DIR
set -u
build=$1; dest=$2
rm -rf "$dest"; mkdir -p "$dest"
DESTDIR=$dest cmake --install "$build" --prefix /usr >"$dest.log" 2>&1 || { cat "$dest.log"; echo "FAIL: cmake --install"; exit 1; }
root=$dest/usr
fail=0
bad() { echo "FAIL: $*"; fail=1; }
bin=$root/bin/xuncha
[ -x "$bin" ] || { echo "FAIL: no $bin"; exit 1; }
cmds=$(LANG=C "$bin" --help | awk '/^Subcommands:/{on=1;next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
for page in man1/xuncha.1 man5/xuncha-data.5 man7/xuncha-rules.7 $(for c in $cmds; do echo "man1/xuncha-$c.1"; done); do
  f=$root/share/man/$page.gz
  [ -f "$f" ] || { bad "missing $f"; continue; }
  gzip -t "$f" || bad "$f is not gzip"
done
gzip -dc "$root/share/man/man7/xuncha-rules.7.gz" | grep -q '^\.SS "T101 team-size"' || bad "xuncha-rules.7 lacks T101"
check_same() { cmp -s "$1" <("$bin" completion "$2") || bad "$1 differs from 'xuncha completion $2'"; }
check_same "$root/share/bash-completion/completions/xuncha" bash
check_same "$root/share/zsh/vendor-completions/_xuncha" zsh
check_same "$root/share/fish/vendor_completions.d/xuncha.fish" fish
# The JSON Schemas for editors: one per kind of `xuncha schema --list` and xuncha.json (any kind),
# each identical to what the installed binary prints.
kinds=$("$bin" schema --list)
[ -n "$kinds" ] || bad "xuncha schema --list printed no kinds"
for k in $kinds; do
  f=$root/share/xuncha/schema/$k.json
  [ -f "$f" ] || { bad "missing $f"; continue; }
  cmp -s "$f" <("$bin" schema "$k") || bad "$f differs from 'xuncha schema $k'"
done
f=$root/share/xuncha/schema/xuncha.json
if [ -f "$f" ]; then cmp -s "$f" <("$bin" schema) || bad "$f differs from 'xuncha schema'"; else bad "missing $f"; fi
extra=$(cd "$root/share/xuncha/schema" 2>/dev/null && ls | grep -vxF -f <(printf '%s.json\n' $kinds xuncha)) &&
  bad "share/xuncha/schema holds files of no kind: $(echo $extra)"
for f in README.md data-format.md examples/province/regions.yaml examples/broken/README.md; do
  [ -f "$root/share/doc/xuncha/$f" ] || bad "missing share/doc/xuncha/$f"
done
# The projected holiday calendar ships as data too (xuncha init copies the compiled-in text).
f=$root/share/xuncha/calendar-projected.yaml
[ -f "$f" ] && grep -q '^kind: calendar' "$f" || bad "missing or not a calendar: $f"
[ $fail -eq 0 ] || exit 1
echo "install layout: $(cd "$dest" && find . -type f | wc -l) files, man pages for: $(echo $cmds); schemas for: $(echo $kinds) and xuncha.json"
