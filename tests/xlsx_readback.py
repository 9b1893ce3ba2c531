#!/usr/bin/env python3
"""Reads back `xuncha ledger -f xlsx` with openpyxl (a real reader) and checks sheets, cells,
types, frozen header, widths and the overdue mark. Exit 77 when openpyxl is missing."""
import datetime
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl not installed")
    sys.exit(77)

bin, src = sys.argv[1], sys.argv[2]
fails = []

def check(cond, what):
    if not cond:
        fails.append(what)

with tempfile.TemporaryDirectory() as tmp:
    out = f"{tmp}/ledger.xlsx"
    args = [bin, "ledger", "tests/data/ledger/base", "tests/data/ledger/planted/R106.yaml", "--as-of", "2026-03-15",
            "--lang", "zh", "--by", "tour", "-f", "xlsx", "-o", out]
    subprocess.run(args, cwd=src, check=True)
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == ["汇总", "T2025-shiyan", "T2025-wuhan", "T2026-wuhan-i"], f"sheet names: {wb.sheetnames}")
    s = wb["汇总"]
    # The data names no province: the title leaves the name out (no placeholder).
    check(s["A1"].value == "安全生产巡查反馈问题整改台账", f"summary title: {s['A1'].value}")
    check(s["A2"].value == "截至 2026-03-15", f"as-of line: {s['A2'].value}")
    check([c.value for c in s[3]] == ["分组", "问题", "已完成", "基本完成", "已销号", "逾期", "销号率"], "summary header")
    check(s.freeze_panes == "A4", f"summary frozen at {s.freeze_panes}")
    total = [c.value for c in s[s.max_row]]
    check(total[0] == "合计" and total[1] == 5 and isinstance(total[1], int), f"total row: {total}")
    check(s.cell(row=s.max_row, column=7).number_format == "0.0%", "closure rate is a percentage")
    check(abs(total[6] - 2 / 5) < 1e-9, f"closure rate value: {total[6]}")
    w = wb["T2025-wuhan"]
    check(w.freeze_panes == "A4", f"tour sheet frozen at {w.freeze_panes}")
    check(w.column_dimensions["D"].width > 30, f"problem column width: {w.column_dimensions['D'].width}")
    header = [c.value for c in w[3]]
    check(header[:9] == ["序号", "问题编号", "巡查", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"], f"header: {header}")
    rows = {r[1]: r for r in w.iter_rows(min_row=4, values_only=True)}
    p3 = rows.get("P-W-003")
    check(p3 is not None and p3[3] == "危化品储罐区重大事故隐患", "Chinese text intact")
    check(p3 is not None and p3[7] == datetime.datetime(2025, 7, 15), f"due is a real date: {p3 and p3[7]!r}")
    check(w.cell(row=4, column=8).number_format == "yyyy-mm-dd", "date format")
    check(p3 is not None and p3[8] == "已销号，已延期", f"state: {p3 and p3[8]}")
    i = wb["T2026-wuhan-i"]
    late = [r for r in i.iter_rows(min_row=4) if r[1].value == "P-R106"]
    check(len(late) == 1, "overdue row present")
    if late:
        r = late[0]
        check(r[9].value == 14 and isinstance(r[9].value, int), f"days overdue is a number: {r[9].value!r}")
        check(r[0].fill.fgColor.rgb in ("FFFFC7CE", "00FFC7CE"), f"overdue row marked: {r[0].fill.fgColor.rgb}")
    ok_rows = [r for r in w.iter_rows(min_row=4)]
    check(all(r[0].fill.fgColor.rgb not in ("FFFFC7CE", "00FFC7CE") for r in ok_rows), "rows on time are not marked")

if fails:
    print("FAIL:\n  " + "\n  ".join(fails))
    sys.exit(1)
print("ok: sheets, cells, types, frozen header, widths, overdue mark")
