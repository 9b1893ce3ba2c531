#!/bin/sh
# xuncha import on a 100,000-row roster xlsx (issue 22, item 8): the target is under 2 s.
#   bench/import.sh [BUILD_DIR] [WORK_DIR]
# Writes (once, in WORK_DIR, default /tmp/xuncha-import-bench) a roster workbook as an office
# keeps it (a merged title row, 序号, name, unit, rank, category, yes/no, phone, notes; ROWS=N,
# default 100000) with openpyxl, then times, in the same run, `xuncha import people` of it and
# reading the same sheet with openpyxl's read-only mode (iterating every cell's value), median of
# RUNS (default 3) each, and prints both and their ratio. Needs Debian's python3-openpyxl.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
work=${2:-/tmp/xuncha-import-bench}
rows=${ROWS:-100000}
runs=${RUNS:-3}
py=/usr/bin/python3
xuncha=$build/tools/xuncha
mkdir -p "$work"
book=$work/roster-$rows.xlsx
if [ ! -f "$book" ]; then
  $py - "$book.tmp.xlsx" "$rows" <<'PY'
import sys
import openpyxl
path, rows = sys.argv[1], int(sys.argv[2])
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("人员名册")
ws.append(["XX省安全生产巡查人员名册"])
ws.append(["序号", "姓名", "工作单位", "职级", "类别", "是否在职", "从事安全监管", "联系电话", "备注"])
ranks = ["正厅级", "副厅", "处长", "副处长", "科级", "无"]
units = ["省应急管理厅", "省公安厅", "省交通运输厅", "省水利厅", "武汉理工大学"]
for i in range(1, rows + 1):
    ws.append([i, f"人员{i:06d}", units[i % 5], ranks[i % 6], "专家" if i % 7 == 0 else "工作人员",
               "是" if i % 3 else "否", "√" if i % 2 else "×", f"139{i:08d}", "借调" if i % 50 == 0 else None])
wb.save(path)
PY
  mv "$book.tmp.xlsx" "$book"
fi
$py - "$xuncha" "$book" "$runs" <<'PY'
import statistics, subprocess, sys, time
import openpyxl
xuncha, book, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def timed(f):
    out = []
    for _ in range(runs):
        t = time.perf_counter(); f(); out.append(time.perf_counter() - t)
    return statistics.median(out)
def ours():
    p = subprocess.run([xuncha, "import", "people", book, "-o", "/dev/null", "-q"], capture_output=True)
    if p.returncode != 0:
        sys.exit(f"xuncha import failed: {p.stderr.decode()[-500:]}")
def theirs():
    wb = openpyxl.load_workbook(book, read_only=True)
    n = 0
    for row in wb["人员名册"].iter_rows(values_only=True):
        n += sum(1 for v in row if v is not None)
    wb.close()
a, b = timed(ours), timed(theirs)
print(f"rows: {book}")
print(f"xuncha import people (to YAML):        {a:.3f} s   (target: under 2 s) {'OK' if a < 2 else 'SLOW'}")
print(f"openpyxl read-only, every cell's value: {b:.3f} s")
print(f"ratio openpyxl / xuncha:                {b / a:.1f}x")
PY
