#!/usr/bin/env bash
# The Debian package round trip (run by `scripts/dev.sh test` after ctest, as root):
# build the .deb with CPack, check its dependencies, install it with apt-get, run the installed
# xuncha (--version, man xuncha-check and xuncha-rules, the bash completion, a check of the
# installed examples and the JSON Schemas, compared byte for byte with the build tree's binary), then purge it and
# check that the set of installed packages is exactly what it was before.
# Needs no network: the package's dependencies are the libraries xuncha was built against.
# Exit 77 (skipped) when not root, without apt-get, or when a xuncha package is already installed
# (the script never replaces what it did not install).
# usage: tests/deb_roundtrip.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build}" && pwd)
skip() { echo "deb round trip SKIPPED: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root (apt-get install)"
command -v apt-get >/dev/null && command -v dpkg-shlibdeps >/dev/null || skip "needs apt-get and dpkg-dev"
if dpkg-query -W -f='${Status}' xuncha 2>/dev/null | grep -q "ok installed"; then skip "a xuncha package is already installed"; fi
[ ! -e /usr/bin/xuncha ] || skip "/usr/bin/xuncha exists and is not ours"

fail() { echo "FAIL: $*"; exit 1; }
echo "== cpack -G DEB"
rm -f "$build"/xuncha_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/xuncha_*_*.deb)
[ "$(echo "$deb" | wc -l)" -eq 1 ] || fail "expected one package, got: $deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "   $(basename "$deb"): Depends: $depends"
for lib in libyaml-cpp libfmt libutf8proc libstdc++6 libc6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done

before=$(dpkg-query -W -f='${Package} ${Version} ${Status}\n' | sort)
installed=0
cleanup() {
  if [ $installed -eq 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq xuncha >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "== apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
installed=1
[ "$(command -v xuncha)" = /usr/bin/xuncha ] || fail "xuncha is not /usr/bin/xuncha"

echo "== xuncha --version"
version=$(xuncha --version)
[ "$version" = "xuncha $(dpkg-deb -f "$deb" Version)" ] || fail "--version says '$version'"

echo "== man xuncha-check, man 7 xuncha-rules"
[ "$(man -w xuncha-check)" = /usr/share/man/man1/xuncha-check.1.gz ] || fail "man -w xuncha-check: $(man -w xuncha-check 2>&1)"
page=$(MANWIDTH=80 man xuncha-check 2>/dev/null)
grep -q "xuncha-check - run every rule" <<<"$page" || fail "man xuncha-check does not render its NAME"
grep -q "EXIT STATUS" <<<"$page" || fail "man xuncha-check lacks EXIT STATUS"
MANWIDTH=80 man 7 xuncha-rules 2>/dev/null | grep -q "T101 team-size" || fail "man 7 xuncha-rules lacks T101"
for p in xuncha xuncha-data xuncha-schedule xuncha-completion; do man -w "$p" >/dev/null || fail "no man page $p"; done

echo "== the installed completions"
reply=$(bash --norc --noprofile -c 'source /usr/share/bash-completion/completions/xuncha
  COMP_WORDS=(xuncha check --select T10); COMP_CWORD=3; _xuncha; echo "${COMPREPLY[@]}"')
grep -qw T101 <<<"$reply" || fail "installed bash completion: '$reply'"
reply=$(bash --norc --noprofile -c 'source /usr/share/bash-completion/completions/xuncha
  COMP_WORDS=(xuncha ch); COMP_CWORD=1; _xuncha; echo "${COMPREPLY[@]}"')
[ "$reply" = check ] || fail "installed bash completion of 'xuncha ch': '$reply'"
[ -f /usr/share/zsh/vendor-completions/_xuncha ] || fail "no zsh completion"
[ -f /usr/share/fish/vendor_completions.d/xuncha.fish ] || fail "no fish completion"

echo "== the installed JSON Schemas"
cmp -s /usr/share/xuncha/schema/xuncha.json <(xuncha schema) || fail "/usr/share/xuncha/schema/xuncha.json missing or not 'xuncha schema'"
[ -f /usr/share/xuncha/schema/regions.json ] || fail "no /usr/share/xuncha/schema/regions.json"

echo "== xuncha check on the installed examples"
ex=/usr/share/doc/xuncha/examples
[ -f /usr/share/doc/xuncha/README.md ] && [ -f /usr/share/doc/xuncha/data-format.md ] || fail "docs not installed"
set +e
got=$(cd /tmp && xuncha check "$ex/province" --as-of 2026-11-30 -f concise); code=$?
want=$(cd /tmp && "$build/tools/xuncha" check "$ex/province" --as-of 2026-11-30 -f concise); want_code=$?
(cd /tmp && xuncha check "$ex/broken" --as-of 2026-11-30 >/dev/null 2>&1); broken=$?
set -e
[ $code -eq 1 ] || fail "xuncha check examples/province: exit $code, expected 1 (the example's findings)"
[ "$got" = "$want" ] && [ $code -eq $want_code ] || fail "the installed binary and the build differ on the examples"
[ -n "$got" ] || fail "no findings on the examples"
[ $broken -eq 2 ] || fail "xuncha check examples/broken: exit $broken, expected 2"

echo "== apt-get purge xuncha"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq xuncha >/dev/null
installed=0
after=$(dpkg-query -W -f='${Package} ${Version} ${Status}\n' | sort)
[ "$before" = "$after" ] || fail "the installed packages changed: $(diff <(echo "$before") <(echo "$after"))"
for f in /usr/bin/xuncha /usr/share/man/man1/xuncha-check.1.gz /usr/share/bash-completion/completions/xuncha /usr/share/doc/xuncha /usr/share/xuncha; do
  [ ! -e "$f" ] || fail "$f left behind"
done
echo "deb round trip passed: $(basename "$deb") installed, used and removed; package set unchanged"
