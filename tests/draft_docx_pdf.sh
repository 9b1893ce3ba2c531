#!/usr/bin/env bash
# A few drafted Word documents converted to PDF by LibreOffice headless (as an office opening them
# would lay them out): the conversion succeeds, the PDF has pages, every font is embedded, and the
# title and a marker are in its text; the annual summary's charts (tables of shaded cells) came
# out: their captions and legends are in the text and page 2's picture has black cells; the
# assessment holds a copy per recipient, one starting on each of three pages. Kept to three
# documents: a conversion takes seconds.
# Exit 77 (skipped) when soffice (libreoffice-writer-nogui) or poppler-utils is not installed.
set -u
bin=$(realpath "$1"); src=$(realpath "$2")
for tool in soffice pdfinfo pdftotext pdffonts pdftoppm; do command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }; done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cd "$src" || exit 1
fail=0
"$bin" draft report examples/province --tour T2025-wuhan --as-of 2026-11-30 -o "$T/report.docx" || { echo "FAIL: xuncha draft report"; exit 1; }
"$bin" draft annual examples/province --year 2026 --as-of 2026-11-30 -o "$T/annual.docx" || { echo "FAIL: xuncha draft annual"; exit 1; }
"$bin" draft assessment examples/province --year 2025 --as-of 2026-11-30 -o "$T/assessment.docx" || { echo "FAIL: xuncha draft assessment"; exit 1; }
timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$T/profile" --convert-to pdf --outdir "$T" \
  "$T/report.docx" "$T/annual.docx" "$T/assessment.docx" >/dev/null 2>&1
for doc in report:关于武汉市安全生产巡查情况的报告:待填写 annual:2026年度安全生产巡查工作总结:待填写 assessment:巡查结果运用表:计分办法; do
  IFS=: read -r name title marker <<<"$doc"
  pdf="$T/$name.pdf"
  [ -s "$pdf" ] || { echo "FAIL: $name: LibreOffice wrote no PDF"; fail=1; continue; }
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
  [ "${pages:-0}" -ge 1 ] || { echo "FAIL: $name: no page"; fail=1; }
  # pdffonts: the "emb" column (5th from the end) is yes for every font.
  if pdffonts "$pdf" | awk 'NR>2 && $(NF-4) != "yes" {bad=1} END{exit !bad}'; then
    echo "FAIL: $name: a font is not embedded:"; pdffonts "$pdf"; fail=1
  fi
  text=$(pdftotext "$pdf" - | tr -d ' \n')
  grep -q "$title" <<<"$text" || { echo "FAIL: $name: the title '$title' is not in the PDF text"; fail=1; }
  grep -q "$marker" <<<"$text" || { echo "FAIL: $name: no $marker marker in the PDF text"; fail=1; }
  if [ "$name" = annual ]; then
    for want in 图1 图2 图3 图例：黑色格为省级巡查 图例：每格5% 图例：每格一旬; do
      grep -q "$want" <<<"$text" || { echo "FAIL: annual: '$want' (a chart) is not in the PDF text"; fail=1; }
    done
    # The charts' black cells: some page other than the first is at least 2% black at 20 dpi.
    dark=0
    for p in $(seq 2 "$pages"); do
      pdftoppm -f "$p" -l "$p" -r 20 -gray "$pdf" "$T/page" >/dev/null 2>&1 || continue
      f=$(ls "$T"/page*.pgm | head -1)
      share=$(/usr/bin/python3 -c "import sys;d=open(sys.argv[1],'rb').read();h=d.split(b'\n',3);px=h[3];print(sum(1 for b in px if b<64)*1000//max(len(px),1))" "$f")
      rm -f "$T"/page*.pgm
      [ "$share" -ge 20 ] && dark=1
    done
    [ $dark = 1 ] || { echo "FAIL: annual: no page with the charts' black cells"; fail=1; }
  fi
  if [ "$name" = assessment ]; then
    # One copy per recipient, each from a new page: three pages carry a "送：…" head, page 1 first.
    heads=0
    for p in $(seq 1 "$pages"); do
      pdftotext -f "$p" -l "$p" "$pdf" - | tr -d ' \n' | grep -q "送：" && heads=$((heads + 1))
    done
    pdftotext -f 1 -l 1 "$pdf" - | tr -d ' \n' | grep -q "送：省委组织部" || { echo "FAIL: assessment: page 1 is not the first copy"; fail=1; }
    [ $heads = 3 ] || { echo "FAIL: assessment: $heads pages start a copy, want 3"; fail=1; }
  fi
  size=$(pdfinfo "$pdf" | awk '/^Page size:/{print $3" x "$5}')
  echo "ok: $name: $pages pages, $size pt"
done
exit $fail
