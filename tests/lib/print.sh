# Shared by the printable-page tests (schedule, team plan, ledger): print an HTML page to PDF in
# headless Chromium and check it with poppler-utils. Source it; every check exits the test with a
# FAIL line, a missing tool exits 77 (skipped).

# require_print_tools [TOOL...]: chromium, pdfinfo, pdftotext and any others, or skip.
require_print_tools() {
  local tool
  for tool in chromium pdfinfo pdftotext "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
  done
}

# require_cjk_font: a Chinese font for Chromium (fonts-noto-cjk).
require_cjk_font() {
  fc-list :lang=zh-cn | grep -q . || { echo "FAIL: no CJK font (install fonts-noto-cjk)"; exit 1; }
}

# check_self_contained HTML: no script, no external asset (an office prints it offline).
check_self_contained() {
  grep -qi '<script' "$1" && { echo "FAIL: the page has a script"; exit 1; }
  grep -Eqi '(src|href)="(https?:|//)' "$1" && { echo "FAIL: the page loads an external asset"; exit 1; }
  return 0
}

# print_pdf HTML PDF [SECONDS]: Chromium's print to PDF without its own header and footer.
# Chromium exits 0 even when it wrote nothing, so the PDF's presence is the check.
print_pdf() {
  local profile
  rm -f "$2"
  profile=$(mktemp -d)
  timeout "${3:-120}" chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
    --print-to-pdf="$2" "file://$(realpath "$1")" >/dev/null 2>&1
  rm -rf "$profile"
  [ -s "$2" ] || { echo "FAIL: chromium wrote no PDF"; exit 1; }
}

# pdf_pages PDF: the page count.
pdf_pages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

# check_a4_landscape PDF: 841.89 x 595.28 pt.
check_a4_landscape() {
  local size
  size=$(pdfinfo "$1" | awk '/^Page size:/{print $3" x "$5}')
  echo "pages: $(pdf_pages "$1"), page size: $size pt"
  case "$size" in 841.9*" x 59"[45]*|842*" x 59"[45]*) ;; *) echo "FAIL: not A4 landscape: $size"; exit 1 ;; esac
}

# check_pdf_text PDF WORD...: each word is in the PDF's text (else a font or layout problem).
check_pdf_text() {
  local pdf=$1 text want
  shift
  text=$(pdftotext -layout "$pdf" -)
  for want in "$@"; do
    grep -q "$want" <<<"$text" || { echo "FAIL: '$want' missing from the PDF text (font or layout problem)"; exit 1; }
  done
}

# check_type_area PDF BBOX_HTML: every word inside the type area of PRINT.md (margins 28/37/26/35 mm
# = 79.4/104.9/73.7/99.2 pt; 2 pt slack across, 16 pt up and down, as a CJK word's box includes the
# font's ascent and descent); the page numbers in the bottom margin are exempt.
check_type_area() {
  local bad
  pdftotext -bbox "$1" "$2"
  bad=$(awk -F'"' '/<word /{ xmin=$2; ymin=$4; xmax=$6; ymax=$8;
          if (ymin > 595.28-73.7 && $0 ~ />(—|[0-9]+)</) next;
          if (xmin < 99.2-2 || xmax > 841.89-104.9+2 || ymin < 79.4-16 || ymax > 595.28-73.7+16) print }' "$2" | head -5)
  [ -z "$bad" ] || { echo "FAIL: text outside the type area:"; echo "$bad"; exit 1; }
}

# page_has_number PDF PAGE: the page carries "— PAGE —" (pdftotext drops the narrow spaces).
page_has_number() {
  pdftotext -f "$2" -l "$2" -layout "$1" - | tr -d ' ' | grep -qx "—${2}—"
}
