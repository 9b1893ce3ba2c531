#!/usr/bin/env bash
# Fault injection: every read either succeeds completely or fails loudly (exit 2, the path named),
# every write either completes or leaves the old file as it was, with no temporary file behind.
# Each case asserts the exit code, the message and the state of the files afterwards.
#
# Cases that need root (a tmpfs of a fixed size, mknod, setpriv to an unprivileged user, files
# of another owner) run when root, inside a private mount namespace (unshare -m: the script
# re-runs itself there), and are skipped otherwise. The real /dev is never written to: device
# files are made with mknod in the scratch folder.
# Usage: run.sh BIN SRCDIR          exit 0 all passed (or skipped), 1 a case failed, 77 nothing ran
set -u
BIN=$(realpath "$1")
SRC=$(realpath "$2")
AS_OF=2026-11-30
ROOT=0
[ "$(id -u)" = 0 ] && ROOT=1
if [ "$ROOT" = 1 ] && [ -z "${XUNCHA_FAULTS_NS:-}" ] && command -v unshare >/dev/null &&
   unshare -m --propagation private true 2>/dev/null; then
  XUNCHA_FAULTS_NS=1 exec unshare -m --propagation private "$0" "$@"
fi
NS=${XUNCHA_FAULTS_NS:-0}
ASAN=0
case "$BIN" in *asan*) ASAN=1 ;; esac

T=$(mktemp -d "${TMPDIR:-/tmp}/xuncha-faults.XXXXXX")
chmod 755 "$T"
cleanup() {
  [ "$NS" = 1 ] && grep -F " $T/" /proc/self/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount 2>/dev/null
  chmod -R u+rwx "$T" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
export LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL FORCE_COLOR

# The binary where an unprivileged user can run it.
cp "$BIN" "$T/xuncha"
chmod 755 "$T/xuncha"
X="$T/xuncha"
NOBODY=()
if [ "$ROOT" = 1 ] && command -v setpriv >/dev/null; then
  NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

pass=0 fail=0 skip=0
failed=()
CASE="" WHY=""

# A fresh copy of the example province, readable by everyone.
fresh() {
  rm -rf "$T/data"
  cp -r "$SRC/examples/province" "$T/data"
  chmod -R a+rX "$T/data"
}

begin() { CASE=$1; WHY=""; }
bad() { WHY+="${WHY:+; }$1"; }
end() {
  if [ -z "$WHY" ]; then
    pass=$((pass + 1)); printf 'ok   %s\n' "$CASE"
  else
    fail=$((fail + 1)); failed+=("$CASE")
    printf 'FAIL %s: %s\n' "$CASE" "$WHY"
    head -c 500 "$T/err" 2>/dev/null | sed 's/^/     stderr: /'
  fi
}
skip_case() { skip=$((skip + 1)); printf 'skip %s: %s\n' "$1" "$2"; }

# x ARGS...: runs xuncha (with --as-of) into $T/out and $T/err, under a time limit; sets RC.
x() {
  timeout -k 5 60 "$X" "$@" --as-of "$AS_OF" >"$T/out" 2>"$T/err" </dev/null
  RC=$?
}
# as_nobody ARGS...: the same, as an unprivileged user.
as_nobody() {
  timeout -k 5 60 "${NOBODY[@]}" "$X" "$@" --as-of "$AS_OF" >"$T/out" 2>"$T/err" </dev/null
  RC=$?
}
rc_is() { [ "$RC" = "$1" ] || bad "exit $RC, expected $1"; }
err_has() { cat "$T/err" "$T/out" 2>/dev/null | grep -Eq -- "$1" || bad "no /$1/ in the output"; }
out_empty() { [ ! -s "$T/out" ] || bad "stdout not empty"; }
no_success() { ! grep -Eqi 'no findings|没有发现问题|未发现' "$T/out" || bad "stdout claims success"; }
no_internal() { ! grep -Eq 'internal error|内部错误|\[ERROR\]' "$T/err" || bad "internal error or library noise on stderr"; }
same_as() { cmp -s "$1" "$2" || bad "$1 changed"; }
mode_is() { local m; m=$(stat -c %a "$1"); [ "$m" = "$2" ] || bad "mode of $(basename "$1") is $m, expected $2"; }
type_is() { local k; k=$(stat -c %F "$1"); [ "$k" = "$2" ] || bad "$(basename "$1") is a $k, expected a $2"; }
no_temp() {  # no temporary file of ours left in folder $1
  local left
  left=$(find "$1" -maxdepth 1 \( -name '.*.??????' -o -name '.xuncha-out.*' -o -name 'xuncha-??????.xlsx' \) 2>/dev/null | head -3)
  [ -z "$left" ] || bad "temporary files left: $left"
}
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null || bad "$1 is not complete JSON"; }

DATA_COMMANDS=("check" "deadlines" "teams" "ledger" "ledger --fail-if-overdue" "deadlines --fail-if-overdue"
               "schedule --from 2027" "staff")

# ---------------------------------------------------------------- 1. unreadable input is never clean
fresh
for cmd in "${DATA_COMMANDS[@]}"; do
  begin "missing path: $cmd"
  # shellcheck disable=SC2086
  x $cmd "$T/nowhere"
  rc_is 2; err_has "nowhere"; no_success; no_internal
  end
done

mkdir -p "$T/empty"
for cmd in "${DATA_COMMANDS[@]}"; do
  begin "empty folder: $cmd"
  # shellcheck disable=SC2086
  x $cmd "$T/empty"
  rc_is 2; err_has "empty.*(no data file|nothing to check)"; no_success
  end
done

begin "folder of a spreadsheet only: named, exit 2"
mkdir -p "$T/sheets"; printf 'id,name\nx,y\n' >"$T/sheets/people.csv"; printf 'PK' >"$T/sheets/roster.xlsx"
x check "$T/sheets"
rc_is 2; err_has "people.csv.*spreadsheet"; err_has "roster.xlsx"; err_has "no data file"
end

begin "a spreadsheet beside the data: a note naming it"
fresh; printf 'id,name\n' >"$T/data/people-extra.csv"
x check "$T/data"
err_has "people-extra.csv: .*spreadsheet is not read"
end

if [ "${#NOBODY[@]}" -gt 0 ]; then
  for cmd in "${DATA_COMMANDS[@]}"; do
    begin "unreadable folder (chmod 000), unprivileged: $cmd"
    fresh; chmod 000 "$T/data"
    # shellcheck disable=SC2086
    as_nobody $cmd "$T/data"
    rc_is 2; err_has "data.*Permission denied"; no_success
    end
  done
  for cmd in "${DATA_COMMANDS[@]}"; do
    begin "unreadable subfolder in a walk, unprivileged: $cmd"
    fresh; mkdir "$T/data/more"; cp "$T/data/leads.yaml" "$T/data/more/x.yaml"; chmod 000 "$T/data/more"
    # shellcheck disable=SC2086
    as_nobody $cmd "$T/data"
    rc_is 2; err_has "data/more: .*Permission denied"; no_success
    end
  done
  for cmd in "${DATA_COMMANDS[@]}"; do
    begin "unreadable file in a walk, unprivileged: $cmd"
    fresh; chmod 000 "$T/data/tours.yaml"
    # shellcheck disable=SC2086
    as_nobody $cmd "$T/data"
    rc_is 2; err_has "tours.yaml.*Permission denied"; no_success
    end
  done
  begin "folder listable but not searchable (chmod 444), unprivileged"
  fresh; chmod 444 "$T/data"
  as_nobody check "$T/data"
  rc_is 2; err_has "Permission denied"; no_success
  end
  begin "unreadable --policy file, unprivileged"
  fresh; cp "$T/data/regions.yaml" "$T/pol.yaml"; printf 'kind: policy\nversion: 1\n' >"$T/pol.yaml"; chmod 000 "$T/pol.yaml"
  as_nobody check "$T/data" --policy "$T/pol.yaml"
  rc_is 2; err_has "pol.yaml.*Permission denied"
  end
  begin "unreadable --calendar file, unprivileged"
  printf 'kind: calendar\nversion: 1\n' >"$T/cal.yaml"; chmod 000 "$T/cal.yaml"
  as_nobody check "$T/data" --calendar "$T/cal.yaml"
  rc_is 2; err_has "cal.yaml.*Permission denied"
  end
  begin "unreadable --baseline file, unprivileged"
  printf 'xuncha-baseline: 1\nfindings: []\n' >"$T/base.yaml"; chmod 000 "$T/base.yaml"
  as_nobody check "$T/data" --baseline "$T/base.yaml"
  rc_is 2; err_has "base.yaml.*Permission denied"; no_success
  end
  begin "unreadable configuration xuncha.yaml, unprivileged"
  fresh; mkdir -p "$T/repo"; rm -rf "$T/repo/data"; cp -r "$T/data" "$T/repo/data"; mkdir -p "$T/repo/.git"
  printf 'fail-on: warning\n' >"$T/repo/xuncha.yaml"; chmod 000 "$T/repo/xuncha.yaml"; chmod -R a+rX "$T/repo/data"
  as_nobody check "$T/repo/data"
  rc_is 2; err_has "xuncha.yaml.*Permission denied"
  end
  rm -rf "$T/repo"
else
  for i in $(seq 1 30); do skip_case "unprivileged read case $i" "needs root for setpriv"; done
fi

begin "a FIFO named like a data file: refused, no hang"
fresh; mkfifo "$T/data/pipe.yaml"
x check "$T/data"
rc_is 2; err_has "pipe.yaml.*not a regular file"
end
begin "a FIFO given as the data path: refused, no hang"
mkfifo "$T/fifo.yaml" 2>/dev/null
x check "$T/fifo.yaml"
rc_is 2; err_has "fifo.yaml.*not a regular file"
end
begin "a link to /dev/zero in the data folder: refused"
fresh; ln -s /dev/zero "$T/data/zero.yaml"
x check "$T/data"
rc_is 2; err_has "zero.yaml.*not a regular file"
end
begin "a link to /dev/urandom as a --policy file: refused"
x check "$T/data" --policy /dev/urandom
rc_is 2; err_has "urandom.*not a regular file"
end
begin "a dangling link in the data folder: named"
fresh; ln -s "$T/gone.yaml" "$T/data/gone.yaml"
x check "$T/data"
rc_is 2; err_has "gone.yaml.*No such file"
end
begin "a link loop in the data folder: no hang"
fresh; ln -s "$T/data" "$T/data/loop"
x check "$T/data"
rc_is 1
end

begin "a file deeper than PATH_MAX in a walk: named, not skipped"
fresh
d=$(printf 'd%.0s' $(seq 1 250))
( cd "$T/data" && for i in $(seq 1 17); do mkdir "$d" && cd "$d" || exit 1; done && printf 'kind: bogus\nversion: 1\n' >deep.yaml )
x check "$T/data"
rc_is 2; err_has "File name too long"; no_success
( cd "$T/data" && rm -rf "$d" ) 2>/dev/null
end
begin "a symbolic link to a folder in a walk: a note, not followed"
fresh; ln -s "$T/data" "$T/data/again"
x check "$T/data"
rc_is 1; err_has "again: .*symbolic link to a folder is not followed"
end
begin "upper-case .YAML files are read"
fresh; mv "$T/data/leads.yaml" "$T/data/LEADS.YAML"
x check "$T/data" -v
rc_is 1; err_has "LEADS.YAML"
end
begin "one file by two paths is read once"
fresh; ln -s "$T/data" "$T/data-link"
x check "$T/data" "$T/data-link"
rc_is 1; ! grep -q "L005" "$T/out" || bad "duplicate ids from reading a file twice"
end
begin "stdin closed: standard input cannot be read"
timeout -k 5 60 "$X" check - --as-of "$AS_OF" <&- >"$T/out" 2>"$T/err"; RC=$?
rc_is 2; err_has "standard input: cannot read"; no_success
end
begin "stdin a folder: refused"
timeout -k 5 60 "$X" check - --as-of "$AS_OF" <"$T/data" >"$T/out" 2>"$T/err"; RC=$?
rc_is 2; err_has "standard input: is a folder"
end

# ---------------------------------------------------------------- 7. bounded reads
fresh
begin "--baseline /dev/zero: refused at once"
x check "$T/data" --baseline /dev/zero
rc_is 2; err_has "not a regular file"; no_internal
end
begin "--baseline a FIFO: refused, no hang"
mkfifo "$T/base.fifo"
x check "$T/data" --baseline "$T/base.fifo"
rc_is 2; err_has "not a regular file"
end
begin "--baseline a folder: refused"
x check "$T/data" --baseline "$T/data"
rc_is 2; err_has "folder"
end
begin "--baseline a link to /dev/zero: refused"
ln -sf /dev/zero "$T/base-zero.yaml"
x check "$T/data" --baseline "$T/base-zero.yaml"
rc_is 2; err_has "not a regular file"
end
begin "stdin from /dev/zero: stops at the limit"
timeout -k 5 60 "$X" check - --max-file-size 1M --as-of "$AS_OF" </dev/zero >"$T/out" 2>"$T/err"; RC=$?
rc_is 2; err_has "standard input: larger than the size limit of 1 MiB"; no_success
end
if [ "$ASAN" = 0 ]; then
  begin "stdin from /dev/zero, default limit: stops at 512 MiB"
  (ulimit -v 3000000; exec timeout -k 5 60 "$X" check - --as-of "$AS_OF" </dev/zero >"$T/out" 2>"$T/err"); RC=$?
  rc_is 2; err_has "size limit of 512 MiB"
  end
else
  skip_case "stdin from /dev/zero, default limit" "slow under AddressSanitizer"
fi
begin "stdin from /dev/urandom: stops at the limit"
timeout -k 5 60 "$X" check - --max-file-size 64K --as-of "$AS_OF" </dev/urandom >"$T/out" 2>"$T/err"; RC=$?
rc_is 2; err_has "size limit of 64 KiB"
end
begin "a data file past --max-file-size: named with the limit"
x check "$T/data" --max-file-size 10K
rc_is 2; err_has "problems.yaml: .*size limit of 10 KiB"
end
begin "max-file-size from the configuration"
rm -rf "$T/repo"; mkdir -p "$T/repo/.git"; cp -r "$T/data" "$T/repo/data"; printf 'max-file-size: 10K\n' >"$T/repo/xuncha.yaml"
x check "$T/repo/data"
rc_is 2; err_has "size limit of 10 KiB"
end
begin "max-file-size: the command line wins over the configuration"
x check "$T/repo/data" --max-file-size 64M
rc_is 1
end
begin "xuncha config shows max-file-size and where it came from"
x config "$T/repo/data"
rc_is 0; grep -Eq 'max-file-size +10K +.*xuncha.yaml:1:16' "$T/out" || bad "config output: $(grep max-file "$T/out")"
end
begin "a bad max-file-size in the configuration: file:line:col"
printf 'max-file-size: lots\n' >"$T/repo/xuncha.yaml"
x check "$T/repo/data"
rc_is 2; err_has "xuncha.yaml:1:16: .*max-file-size"
end
begin "a bad --max-file-size"
x check "$T/data" --max-file-size 0
rc_is 2; err_has "max-file-size expects a size"
end
begin "a configuration that is a FIFO: refused, no hang"
rm -f "$T/repo/xuncha.yaml"; mkfifo "$T/repo/xuncha.yaml"
x check "$T/repo/data"
rc_is 2; err_has "xuncha.yaml.*not a regular file"
end
begin "a configuration that is a link to /dev/zero: refused"
rm -f "$T/repo/xuncha.yaml"; ln -s /dev/zero "$T/repo/xuncha.yaml"
x check "$T/repo/data"
rc_is 2; err_has "not a regular file"
end
rm -rf "$T/repo"

# ---------------------------------------------------------------- 2. write errors
fresh
if [ -w /dev/full ]; then
  for args in "check" "check -f json" "check -f sarif" "check -f csv" "ledger" "ledger -f json" "ledger -f html" \
              "ledger -f xlsx" "deadlines -f ics" "teams" "schedule --from 2027" "schedule --from 2027 -f yaml"; do
    begin "stdout is /dev/full: $args"
    # shellcheck disable=SC2086
    timeout -k 5 60 "$X" $args "$T/data" --as-of "$AS_OF" >/dev/full 2>"$T/err"; RC=$?
    rc_is 2; err_has "No space left on device|磁盘空间已满"; no_internal
    end
  done
  begin "-o /dev/full: the device reports it, the device stays a device"
  x ledger "$T/data" -f json -o /dev/full
  rc_is 2; err_has "/dev/full: No space left on device"; type_is /dev/full "character special file"
  end
else
  for i in $(seq 1 13); do skip_case "/dev/full case $i" "no /dev/full"; done
fi
for args in "check" "ledger -f json" "workdays add 2023-09-18 15" "rule C101"; do
  begin "stdout closed: $args"
  # shellcheck disable=SC2086
  timeout -k 5 60 "$X" $args $( [[ $args == check* || $args == ledger* ]] && echo "$T/data") --as-of "$AS_OF" >&- 2>"$T/err"; RC=$?
  rc_is 2; err_has "standard output: Bad file descriptor"
  end
done
begin "broken pipe: never exit 0"
set -o pipefail
timeout -k 5 60 "$X" ledger "$T/data" -f json --as-of "$AS_OF" 2>"$T/err" | head -c 10 >/dev/null
RC=$?
set +o pipefail
[ "$RC" != 0 ] || bad "exit 0 after a broken pipe"
end

if [ "$NS" = 1 ]; then
  mkdir -p "$T/small"
  mount -t tmpfs -o size=64k tmpfs "$T/small"
  begin "full disk, stdout redirected: exit 2, no success"
  timeout -k 5 60 "$X" ledger "$T/data" -f json --as-of "$AS_OF" >"$T/small/out.json" 2>"$T/err"; RC=$?
  rc_is 2; err_has "No space left on device"
  end
  rm -f "$T/small/"*
  begin "full disk, -o new file: exit 2, nothing left"
  x ledger "$T/data" -f json -o "$T/small/new.json"
  rc_is 2; err_has "new.json: No space left on device"
  [ ! -e "$T/small/new.json" ] || bad "a partial new.json exists"
  no_temp "$T/small"
  end
  begin "full disk, -o over an old file: the old file kept"
  echo '{"old": true}' >"$T/small/old.json"; cp "$T/small/old.json" "$T/old.copy"
  x ledger "$T/data" -f json -o "$T/small/old.json"
  rc_is 2; same_as "$T/small/old.json" "$T/old.copy"; no_temp "$T/small"
  end
  begin "full disk, --report: old report kept"
  echo old >"$T/small/r.sarif"; cp "$T/small/r.sarif" "$T/old.copy"
  x check "$T/data" --report "sarif=$T/small/r.sarif"
  rc_is 2; same_as "$T/small/r.sarif" "$T/old.copy"; no_temp "$T/small"
  end
  begin "full disk, --write-baseline: exit 2"
  head -c 60000 /dev/zero >"$T/small/fill"
  x check "$T/data" --write-baseline "$T/small/b.yaml"
  rc_is 2; err_has "No space left"; no_temp "$T/small"
  end
  rm -f "$T/small/"*
  begin "full TMPDIR, -f xlsx: exit 2, a clear message"
  head -c 65536 /dev/zero >"$T/small/fill" 2>/dev/null
  TMPDIR="$T/small" x ledger "$T/data" -f xlsx -o "$T/l.xlsx"
  rc_is 2; err_has "workbook"; no_internal; no_temp "$T/small"
  [ ! -e "$T/l.xlsx" ] || bad "l.xlsx written"
  end
  umount "$T/small"
else
  for i in $(seq 1 6); do skip_case "full-disk case $i" "needs root for a tmpfs of a fixed size"; done
fi
begin "TMPDIR missing, -f xlsx: exit 2, a clear message"
TMPDIR="$T/no-such-dir" x ledger "$T/data" -f xlsx -o "$T/l.xlsx"
rc_is 2; err_has "no-such-dir.*No such file"; no_internal
end
begin "TMPDIR a file, -f xlsx: exit 2"
TMPDIR="$T/data/tours.yaml" x check "$T/data" -f xlsx -o "$T/l.xlsx"
rc_is 2; no_internal
end

# ---------------------------------------------------------------- 3. -o onto special files
begin "-o -: standard output"
x check "$T/data" -o - -f json
rc_is 1; json_ok "$T/out"; [ ! -e ./- ] || bad "a file named - was made"
end
if [ "$ROOT" = 1 ]; then
  begin "-o a character device (mknod null): written into, stays a device"
  mknod "$T/null" c 1 3
  x check "$T/data" -o "$T/null"
  rc_is 1; type_is "$T/null" "character special file"; no_temp "$T"
  end
  begin "-o a link to a character device: the link and device stay"
  ln -s "$T/null" "$T/null-link"
  x check "$T/data" -o "$T/null-link"
  rc_is 1; [ -L "$T/null-link" ] || bad "link replaced"; type_is "$T/null" "character special file"
  end
else
  skip_case "-o a character device" "needs root for mknod"
  skip_case "-o a link to a character device" "needs root for mknod"
fi
begin "-o /dev/stdout into a pipe: the text arrives"
timeout -k 5 60 "$X" check "$T/data" -f json -o /dev/stdout --as-of "$AS_OF" 2>"$T/err" | cat >"$T/out"; RC=${PIPESTATUS[0]}
rc_is 1; json_ok "$T/out"
end
begin "-o /dev/stdout into a file: the file gets the text"
timeout -k 5 60 "$X" check "$T/data" -f json -o /dev/stdout --as-of "$AS_OF" >"$T/stdout.json" 2>"$T/err"; RC=$?
rc_is 1; json_ok "$T/stdout.json"
end
begin "-o a FIFO with a reader: written into, stays a FIFO"
rm -f "$T/out.fifo"; mkfifo "$T/out.fifo"
(timeout 60 cat "$T/out.fifo" >"$T/fifo.got") &
reader=$!
x ledger "$T/data" -f json -o "$T/out.fifo"
wait "$reader"
rc_is 0; type_is "$T/out.fifo" "fifo"; json_ok "$T/fifo.got"; no_temp "$T"
end
begin "-o a folder: refused"
x check "$T/data" -o "$T/empty"
rc_is 2; err_has "empty: Is a directory"; [ -d "$T/empty" ] || bad "folder gone"
end
begin "-o a symbolic link to a regular file: the link stays, its target gets the text"
echo old >"$T/target.txt"; ln -sf "$T/target.txt" "$T/link.txt"
x check "$T/data" -f json -o "$T/link.txt"
rc_is 1; [ -L "$T/link.txt" ] || bad "link replaced by a file"; json_ok "$T/target.txt"; no_temp "$T"
end
begin "-o a dangling symbolic link: refused"
ln -sf "$T/no-target.txt" "$T/dangling.txt"
x check "$T/data" -o "$T/dangling.txt"
rc_is 2; err_has "does not exist"; [ -L "$T/dangling.txt" ] || bad "link replaced"
end
begin "-o into a missing folder: exit 2"
x check "$T/data" -o "$T/no/such/dir/out.txt"
rc_is 2; err_has "No such file"
end
begin "-o with a 254-byte name: written"
long=$(printf 'r%.0s' $(seq 1 249)).json
x check "$T/data" -f json -o "$T/$long"
rc_is 1; json_ok "$T/$long"; no_temp "$T"
rm -f "$T/$long"
end
begin "-o with a 255-byte name: written"
long=$(printf 'r%.0s' $(seq 1 250)).json
x check "$T/data" -f json -o "$T/$long"
rc_is 1; json_ok "$T/$long"; no_temp "$T"
rm -f "$T/$long"
end
begin "-o with a 256-byte name: refused by the system, exit 2"
long=$(printf 'r%.0s' $(seq 1 251)).json
x check "$T/data" -f json -o "$T/$long"
rc_is 2; err_has "File name too long"
end

# ---------------------------------------------------------------- 4. modes and owners
begin "-o keeps an existing file's mode 0600"
echo old >"$T/m600"; chmod 600 "$T/m600"
x check "$T/data" -o "$T/m600"
rc_is 1; mode_is "$T/m600" 600
end
begin "-o keeps an existing file's mode 0640"
echo old >"$T/m640"; chmod 640 "$T/m640"
x check "$T/data" -o "$T/m640"
rc_is 1; mode_is "$T/m640" 640
end
begin "-o keeps an existing file's mode 0755"
echo old >"$T/m755"; chmod 755 "$T/m755"
x check "$T/data" -o "$T/m755"
rc_is 1; mode_is "$T/m755" 755
end
begin "-o new file under umask 077: 0600"
rm -f "$T/u077"; (umask 077; exec timeout 60 "$X" check "$T/data" -o "$T/u077" --as-of "$AS_OF" >"$T/out" 2>"$T/err"); RC=$?
rc_is 1; mode_is "$T/u077" 600
end
begin "-o new file under umask 022: 0644"
rm -f "$T/u022"; (umask 022; exec timeout 60 "$X" check "$T/data" -o "$T/u022" --as-of "$AS_OF" >"$T/out" 2>"$T/err"); RC=$?
rc_is 1; mode_is "$T/u022" 644
end
begin "-o new file under umask 002: 0664"
rm -f "$T/u002"; (umask 002; exec timeout 60 "$X" check "$T/data" -o "$T/u002" --as-of "$AS_OF" >"$T/out" 2>"$T/err"); RC=$?
rc_is 1; mode_is "$T/u002" 664
end
begin "--report and --write-baseline honour the umask too"
rm -f "$T/r077" "$T/b077"; (umask 077; exec timeout 60 "$X" check "$T/data" --report "json=$T/r077" --as-of "$AS_OF" >"$T/out" 2>"$T/err")
(umask 077; exec timeout 60 "$X" check "$T/data" --write-baseline "$T/b077" --as-of "$AS_OF" >"$T/out" 2>"$T/err")
mode_is "$T/r077" 600; mode_is "$T/b077" 600
end
if [ "${#NOBODY[@]}" -gt 0 ]; then
  mkdir -p "$T/nb"; chown 65534:65534 "$T/nb"
  begin "a 0444 file the user may not write: refused, kept"
  echo old >"$T/nb/ro.txt"; chown 65534:65534 "$T/nb/ro.txt"; chmod 444 "$T/nb/ro.txt"; cp "$T/nb/ro.txt" "$T/old.copy"
  as_nobody check "$T/data" -o "$T/nb/ro.txt"
  rc_is 2; err_has "ro.txt: Permission denied"; same_as "$T/nb/ro.txt" "$T/old.copy"; mode_is "$T/nb/ro.txt" 444
  end
  begin "a file of another user: refused, kept"
  echo old >"$T/nb/root.txt"; chmod 644 "$T/nb/root.txt"; cp "$T/nb/root.txt" "$T/old.copy"
  as_nobody check "$T/data" -o "$T/nb/root.txt"
  rc_is 2; err_has "Permission denied"; same_as "$T/nb/root.txt" "$T/old.copy"
  end
  begin "a folder the user may not write: exit 2, a clear message"
  mkdir -p "$T/rootdir"; chmod 755 "$T/rootdir"
  as_nobody check "$T/data" -o "$T/rootdir/out.txt"
  rc_is 2; err_has "rootdir.*Permission denied"; [ ! -e "$T/rootdir/out.txt" ] || bad "file made"
  end
  begin "root keeps a file's owner and group"
  echo old >"$T/nb/own.txt"; chown 65534:65534 "$T/nb/own.txt"; chmod 640 "$T/nb/own.txt"
  x check "$T/data" -o "$T/nb/own.txt"
  rc_is 1; [ "$(stat -c %u:%g:%a "$T/nb/own.txt")" = "65534:65534:640" ] || bad "owner/mode now $(stat -c %u:%g:%a "$T/nb/own.txt")"
  end
  begin "a user's own 0600 file in a shared folder: written, still 0600 and theirs"
  chmod 777 "$T/nb"; echo old >"$T/nb/mine.txt"; chown 65534:65534 "$T/nb/mine.txt"; chmod 600 "$T/nb/mine.txt"
  as_nobody check "$T/data" -o "$T/nb/mine.txt"
  rc_is 1; [ "$(stat -c %u:%a "$T/nb/mine.txt")" = "65534:600" ] || bad "now $(stat -c %u:%a "$T/nb/mine.txt")"
  end
  begin "root writes a 0444 file as the shell would"
  echo old >"$T/ro-root.txt"; chmod 444 "$T/ro-root.txt"
  x check "$T/data" -o "$T/ro-root.txt"
  rc_is 1; mode_is "$T/ro-root.txt" 444; grep -q "rule\|C10\|T1\|L0\|R" "$T/ro-root.txt" || bad "not written"
  end
else
  for i in $(seq 1 6); do skip_case "ownership case $i" "needs root"; done
fi

# ---------------------------------------------------------------- 5. never onto what the run reads
fresh
cp "$T/data/tours.yaml" "$T/tours.copy"
for args in "check" "ledger" "deadlines" "teams" "schedule --from 2027"; do
  begin "-o onto a data file: $args"
  # shellcheck disable=SC2086
  x $args "$T/data" -o "$T/data/tours.yaml"
  rc_is 2; err_has "refusing to write onto"; same_as "$T/data/tours.yaml" "$T/tours.copy"
  end
done
begin "-o onto a hard link of a data file"
ln -f "$T/data/tours.yaml" "$T/tours.hard"
x check "$T/data" -o "$T/tours.hard"
rc_is 2; err_has "refusing"; same_as "$T/data/tours.yaml" "$T/tours.copy"
end
begin "-o onto a symbolic link to a data file"
ln -sf "$T/data/tours.yaml" "$T/tours.link"
x check "$T/data" -o "$T/tours.link"
rc_is 2; err_has "refusing"; same_as "$T/data/tours.yaml" "$T/tours.copy"
end
begin "-o onto the --policy file"
printf 'kind: policy\nversion: 1\n' >"$T/p.yaml"; cp "$T/p.yaml" "$T/p.copy"
x check "$T/data" --policy "$T/p.yaml" -o "$T/p.yaml"
rc_is 2; err_has "refusing"; same_as "$T/p.yaml" "$T/p.copy"
end
begin "-o onto the --calendar file"
cp "$T/data/calendar-projected.yaml" "$T/c.yaml"; cp "$T/c.yaml" "$T/c.copy"
x check "$T/data" --calendar "$T/c.yaml" -o "$T/c.yaml"
rc_is 2; err_has "refusing"; same_as "$T/c.yaml" "$T/c.copy"
end
rm -rf "$T/repo"; mkdir -p "$T/repo/.git"; cp -r "$T/data" "$T/repo/data"
printf 'fail-on: error\n' >"$T/repo/xuncha.yaml"; cp "$T/repo/xuncha.yaml" "$T/cfg.copy"
for flag in "-o" "--report json=" "--write-baseline "; do
  begin "onto the repository configuration: ${flag}"
  if [ "$flag" = "-o" ]; then x check "$T/repo/data" -o "$T/repo/xuncha.yaml"
  elif [ "$flag" = "--report json=" ]; then x check "$T/repo/data" --report "json=$T/repo/xuncha.yaml"
  else x check "$T/repo/data" --write-baseline "$T/repo/xuncha.yaml"; fi
  rc_is 2; err_has "refusing"; same_as "$T/repo/xuncha.yaml" "$T/cfg.copy"
  end
done
begin "-o onto the --baseline file"
x check "$T/data" --write-baseline "$T/bl.yaml" >/dev/null; cp "$T/bl.yaml" "$T/bl.copy"
x check "$T/data" --baseline "$T/bl.yaml" -o "$T/bl.yaml"
rc_is 2; err_has "refusing"; same_as "$T/bl.yaml" "$T/bl.copy"
end
begin "--report onto the --baseline file"
x check "$T/data" --baseline "$T/bl.yaml" --report "json=$T/bl.yaml"
rc_is 2; err_has "refusing"; same_as "$T/bl.yaml" "$T/bl.copy"
end
begin "--write-baseline may refresh the --baseline file"
x check "$T/data" --baseline "$T/bl.yaml" --write-baseline "$T/bl.yaml"
rc_is 0
end
begin "-o onto the --keep schedule"
x schedule "$T/data" --from 2027 -f yaml -o "$T/keep.yaml"
cp "$T/keep.yaml" "$T/keep.copy"
x schedule "$T/data" --from 2027 --keep "$T/keep.yaml" -f yaml -o "$T/keep.yaml"
rc_is 2; err_has "refusing"; same_as "$T/keep.yaml" "$T/keep.copy"
end
begin "--report onto a data file"
x check "$T/data" --report "sarif=$T/data/tours.yaml"
rc_is 2; same_as "$T/data/tours.yaml" "$T/tours.copy"
end
begin "--write-baseline onto a data file"
x check "$T/data" --write-baseline "$T/data/tours.yaml"
rc_is 2; same_as "$T/data/tours.yaml" "$T/tours.copy"
end

begin "--write-baseline onto the -o file: refused"
x check "$T/data" -f json -o "$T/same.json" --write-baseline "$T/same.json"
rc_is 2; err_has "the same file as -o"; [ ! -e "$T/same.json" ] || bad "file written"
end
begin "--write-baseline onto a --report file: refused"
x check "$T/data" --report "json=$T/same2.json" --write-baseline "$T/same2.json"
rc_is 2; err_has "the same file as --report"
end
begin "--write-baseline -: refused (not a file named -)"
x check "$T/data" --write-baseline -
rc_is 2; err_has "needs a file name"; [ ! -e ./- ] || bad "a file named - was made"
end
begin "-o with an empty name: refused"
x check "$T/data" -o ""
rc_is 2; err_has "empty"
end
begin "--max-file-size spellings: 1m, 1KB, 2gib accepted; 1.5M refused"
x check "$T/data" --max-file-size 1m; [ "$RC" = 1 ] || bad "1m: exit $RC"
x check "$T/data" --max-file-size 2gib; [ "$RC" = 1 ] || bad "2gib: exit $RC"
x check "$T/data" --max-file-size 1KB; [ "$RC" = 2 ] || bad "1KB: exit $RC (the data is larger)"
x check "$T/data" --max-file-size 1.5M; rc_is 2; err_has "expects a size"
end
begin "schedule --from near the top of int: refused"
x schedule "$T/data" --from 2147483620 --years 30
rc_is 2; err_has "--from expects a year"
end

# ---------------------------------------------------------------- 6. signals remove temporary files
# The run is stopped as soon as its temporary file appears (or, if it never shows in time, while
# it works): either way the exit status is the signal's and nothing of the run is left.
signal_case() {  # NAME SIGNAL STATUS DIR PATTERN ARGS...
  local name=$1 sig=$2 status=$3 dir=$4 pattern=$5
  shift 5
  begin "$name"
  echo old >"$T/sig-target"; cp "$T/sig-target" "$T/sig-old"
  "$X" "$@" --as-of "$AS_OF" >"$T/out" 2>"$T/err" &
  local pid=$! i
  for ((i = 0; i < 200000; i++)); do
    compgen -G "$dir/$pattern" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
  done
  kill "-$sig" "$pid" 2>/dev/null
  wait "$pid"; RC=$?
  if [ "$RC" = 0 ] || [ "$RC" = 1 ]; then
    # finished before the signal: the new file is in place
    cmp -s "$T/sig-target" "$T/sig-old" && bad "finished, but the file was not written"
  else
    rc_is "$status"
  fi
  # Old content kept, or the new content complete (the signal came after the rename).
  if ! cmp -s "$T/sig-target" "$T/sig-old"; then
    python3 -c 'import json, sys, zipfile
p = sys.argv[1]
if open(p, "rb").read(2) == b"PK":
    assert zipfile.ZipFile(p).testzip() is None
else:
    json.load(open(p))' "$T/sig-target" 2>/dev/null || bad "the target is neither the old file nor a complete new one"
  fi
  compgen -G "$dir/$pattern" >/dev/null && bad "temporary file left: $(compgen -G "$dir/$pattern")"
  end
}
mkdir -p "$T/tmp"
for sig in INT TERM HUP; do
  case $sig in INT) st=130 ;; TERM) st=143 ;; HUP) st=129 ;; esac
  for n in 1 2 3; do
    signal_case "SIG$sig during -o (run $n)" "$sig" "$st" "$T" ".sig-target.??????" \
      ledger "$T/data" -f json -o "$T/sig-target"
  done
  for n in 1 2; do
    TMPDIR="$T/tmp" signal_case "SIG$sig during -f xlsx (run $n)" "$sig" "$st" "$T/tmp" "xuncha-*.xlsx" \
      ledger "$T/data" -f xlsx -o "$T/sig-target"
  done
done
begin "a signal the parent ignores stays ignored (nohup)"
(trap '' HUP; exec "$X" schedule "$T/data" --from 2027 -o "$T/nohup.txt" --as-of "$AS_OF" >/dev/null 2>&1) &
pid=$!
for ((i = 0; i < 100000; i++)); do [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$X" ] && break; done
kill -HUP "$pid" 2>/dev/null; wait "$pid"; RC=$?
[ "$RC" = 0 ] || bad "exit $RC, expected 0 (HUP ignored)"
end

echo
echo "faults: $pass passed, $fail failed, $skip skipped"
if [ "$fail" -gt 0 ]; then
  printf '  failed: %s\n' "${failed[@]}"
  exit 1
fi
[ "$pass" -gt 0 ] || exit 77
exit 0
