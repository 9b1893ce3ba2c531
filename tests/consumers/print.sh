#!/usr/bin/env bash
# Chromium printing the schedule page (then the team plan, the ledger and a drafted report) with its default settings (no --no-pdf-header-footer), from
# a folder with Chinese, spaces, '#' and '%' in its path: a PDF comes out with the page's text,
# second-level headings 「（一）」 and the break between batches explained, and none of the
# browser's own header and footer (date, title, file:// URL, "1/5"): the page's empty top margin
# boxes (the corners too: with a 35 mm left margin Chromium puts its date in the top-left
# corner) and its page numbers replace them. Exit 77 (skipped) when chromium or poppler is missing.
set -u
bin=$(realpath "$1"); src=$(realpath "$2")
for tool in chromium pdftotext; do command -v "$tool" >/dev/null || { echo "SKIP: $tool"; exit 77; }; done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
H="$T/中文 a#b%c"; mkdir -p "$H"; cp "$src"/examples/province/*.yaml "$H/"
"$bin" schedule "$H" --from 2027 --as-of 2026-11-30 -f html -o "$T/s.html" || { echo "FAIL: xuncha"; exit 1; }
grep -q '（一）2027年' "$T/s.html" || { echo "FAIL: no （一） heading"; exit 1; }
grep -q '黑色竖线为两批巡查之间的间隔' "$T/s.html" || { echo "FAIL: the gap between batches is not explained"; exit 1; }
# Every printable page shares the print frame (render/print_frame.cpp): the schedule, the team
# plan, the ledger and the drafted documents print without the browser's header and footer.
"$bin" staff "$H" --schedule "$src"/tests/data/staff/schedule-2027.yaml --as-of 2026-11-30 -f html -o "$T/staff.html" \
  || { echo "FAIL: xuncha staff"; exit 1; }
"$bin" ledger "$H" --as-of 2026-11-30 -f html -o "$T/ledger.html" || { echo "FAIL: xuncha ledger"; exit 1; }
"$bin" draft report "$H" --tour T2025-wuhan --as-of 2026-11-30 -f html -o "$T/report.html" || { echo "FAIL: xuncha draft"; exit 1; }
for page in s:安全生产巡查计划安排表 staff:巡查组组成方案 ledger:整改台账 report:巡查情况的报告; do
  name=${page%%:*}; want=${page#*:}
  timeout 120 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$T/profile" \
    --print-to-pdf="$T/$name.pdf" "file://$T/$name.html" >/dev/null 2>&1
  [ -s "$T/$name.pdf" ] || { echo "FAIL: chromium wrote no PDF of $name.html"; exit 1; }
  text=$(pdftotext -layout "$T/$name.pdf" -)
  grep -q "$want" <<<"$text" || { echo "FAIL: $name: the page text is missing"; exit 1; }
  if grep -Eq 'file:|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|^ *[0-9]+/[0-9]+ *$' <<<"$text"; then
    echo "FAIL: $name: the browser's header or footer was printed:"; grep -E 'file:|[0-9]+/[0-9]+' <<<"$text" | head -3; exit 1
  fi
  # The draft's title is on page 1.
  if [ "$name" = report ]; then
    pdftotext -f 1 -l 1 "$T/$name.pdf" - | grep -q "$want" || { echo "FAIL: report: the title is not on page 1"; exit 1; }
  fi
done
echo "ok: default Chromium print of the schedule, team plan, ledger and a drafted report has no browser header or footer"
