#!/usr/bin/env bash
# .pre-commit-hooks.yaml works as a data repository would use it: `pre-commit try-repo` on a
# scratch hook repository holding this tree's .pre-commit-hooks.yaml runs the xuncha-check hook with the built xuncha on PATH, in a
# scratch git repository: clean data passes, data with findings fails and shows them, broken
# YAML fails with its location; the repository's root .pre-commit-config.yaml is never read as data.
# Exit 77 (skipped) when pre-commit or git is not installed.
# usage: precommit_hook.sh XUNCHA SOURCE_DIR SCRATCH_DIR
set -u
bin=$1; src=$2; work=$3
command -v pre-commit >/dev/null && command -v git >/dev/null || { echo "SKIPPED: pre-commit not installed"; exit 77; }
rm -rf "$work"; mkdir -p "$work/home"
work=$(cd "$work" && pwd); bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export PATH=$(dirname "$bin"):$PATH HOME=$work/home PRE_COMMIT_HOME=$work/cache
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
fail=0
bad() { echo "FAIL: $*"; fail=1; }
hooks=$work/hooks
git init -q "$hooks" && cp "$src/.pre-commit-hooks.yaml" "$hooks/" &&
  git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks || { echo "FAIL: cannot make the hook repository"; exit 1; }
repo=$work/data
git init -q "$repo" && cd "$repo" || exit 1
git config --global --add safe.directory '*'
run_hook() { pre-commit try-repo "$hooks" xuncha-check --all-files >"$work/out" 2>&1; }

# The data repository's own .pre-commit-config.yaml sits at its root, where the hook runs
# `xuncha check` with no path: the walk leaves hidden files out, so it is no data error.
printf 'repos:\n  - repo: https://example.org/xuncha.git\n    rev: v0.1.0\n    hooks:\n      - id: xuncha-check\n' >.pre-commit-config.yaml
mkdir -p data
printf 'kind: units\nversion: 1\nunits:\n  - id: yjt\n    name: 省应急管理厅\n    committee_member: true\n    emergency_management: true\n' >data/units.yaml
git add -A
run_hook || { cat "$work/out"; bad "clean data: the hook failed"; }
grep -q "xuncha check.*Passed" "$work/out" || { cat "$work/out"; bad "clean data: no 'Passed'"; }
xuncha check >"$work/direct" 2>&1 || { cat "$work/direct"; bad "clean data: 'xuncha check' at the repository root failed"; }
grep -q "pre-commit-config" "$work/direct" && { cat "$work/direct"; bad "clean data: .pre-commit-config.yaml was read as data"; }

cp "$src"/examples/province/*.yaml data/
git add -A
if run_hook; then bad "examples/province: the hook passed"; fi
grep -q "xuncha check.*Failed" "$work/out" || { cat "$work/out"; bad "examples/province: no 'Failed'"; }
grep -qE '^data/[a-z-]+\.yaml:[0-9]+:[0-9]+: error\[[A-Z][0-9]+\]' "$work/out" || { cat "$work/out"; bad "examples/province: no finding shown"; }
grep -q "pre-commit-config" "$work/out" && { cat "$work/out"; bad "examples/province: .pre-commit-config.yaml was read as data"; }

git rm -q -r --cached data && rm -rf data && mkdir data
printf 'kind: regions\nversion: 1\nregions: [\n' >data/broken.yaml
git add -A
if run_hook; then bad "broken YAML: the hook passed"; fi
grep -q '^data/broken.yaml:[0-9]*:[0-9]*: error' "$work/out" || { cat "$work/out"; bad "broken YAML: no location"; }

[ $fail -eq 0 ] || exit 1
echo "pre-commit hook: clean data passes, findings and broken YAML fail with locations"
