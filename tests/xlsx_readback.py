#!/usr/bin/env python3
"""Reads back `xuncha ledger -f xlsx` with openpyxl (a real reader) and checks sheets, cells,
types, frozen header, widths, the overdue mark, the repeat (屡查屡犯) column and the sheets of the
ledger's other sections (hazards, leads, public reports, look-backs). Exit 77 when openpyxl is missing."""
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
    args = [bin, "ledger", "tests/data/ledger/base", "tests/data/ledger/planted/R106.yaml",
            "tests/data/ledger/planted/R206.yaml", "tests/data/ledger/planted/R304.yaml",
            "tests/data/ledger/planted/repeat.yaml", "--as-of", "2026-03-15",
            "--lang", "zh", "--by", "tour", "-f", "xlsx", "-o", out]
    subprocess.run(args, cwd=src, check=True)
    wb = openpyxl.load_workbook(out)
    check(wb.sheetnames == ["汇总", "T2025-shiyan", "T2025-wuhan", "T2026-wuhan-i", "重大隐患", "问题线索", "群众举报", "回头看"],
          f"sheet names: {wb.sheetnames}")
    s = wb["汇总"]
    # The data names no province: the title leaves the name out (no placeholder).
    check(s["A1"].value == "安全生产巡查反馈问题整改台账", f"summary title: {s['A1'].value}")
    check(s["A2"].value == "截至 2026-03-15", f"as-of line: {s['A2'].value}")
    check([c.value for c in s[3]] == ["分组", "问题", "已完成", "基本完成", "已销号", "逾期", "销号率"], "summary header")
    check(s.freeze_panes == "A4", f"summary frozen at {s.freeze_panes}")
    total = [c.value for c in s[s.max_row]]
    check(total[0] == "合计" and total[1] == 7 and isinstance(total[1], int), f"total row: {total}")
    check(s.cell(row=s.max_row, column=7).number_format == "0.0%", "closure rate is a percentage")
    check(abs(total[6] - 2 / 7) < 1e-9, f"closure rate value: {total[6]}")
    w = wb["T2025-wuhan"]
    check(w.freeze_panes == "A4", f"tour sheet frozen at {w.freeze_panes}")
    check(w.column_dimensions["E"].width > 30, f"problem column width: {w.column_dimensions['E'].width}")
    header = [c.value for c in w[3]]
    check(header == ["序号", "问题编号", "年度", "巡查", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况",
                     "逾期天数", "完成日期", "销号日期", "屡查屡犯（前次问题）"], f"header: {header}")
    rows = {r[1]: r for r in w.iter_rows(min_row=4, values_only=True)}
    p3 = rows.get("P-W-003")
    check(p3 is not None and p3[2] == 2025 and isinstance(p3[2], int), f"year is a number: {p3 and p3[2]!r}")
    check(p3 is not None and p3[4] == "危化品储罐区重大事故隐患", "Chinese text intact")
    check(p3 is not None and p3[8] == datetime.datetime(2025, 7, 15), f"due is a real date: {p3 and p3[8]!r}")
    check(w.cell(row=4, column=9).number_format == "yyyy-mm-dd", "date format")
    check(p3 is not None and p3[9] == "已销号，已延期", f"state: {p3 and p3[9]}")
    check(p3 is not None and p3[13] is None, "a first finding is no repeat")
    i = wb["T2026-wuhan-i"]
    late = [r for r in i.iter_rows(min_row=4) if r[1].value == "P-R106"]
    check(len(late) == 1, "overdue row present")
    if late:
        r = late[0]
        check(r[10].value == 14 and isinstance(r[10].value, int), f"days overdue is a number: {r[10].value!r}")
        check(r[0].fill.fgColor.rgb in ("FFFFC7CE", "00FFC7CE"), f"overdue row marked: {r[0].fill.fgColor.rgb}")
    rp = [r for r in i.iter_rows(min_row=4, values_only=True) if r[1] == "P-RP-2"]
    check(len(rp) == 1 and rp[0][13] == "P-RP-1", f"repeat names the earlier problem: {rp}")
    # The other sections, a sheet each.
    h = {r[0]: r for r in wb["重大隐患"].iter_rows(min_row=4, values_only=True)}
    check([c.value for c in wb["重大隐患"][3]] == ["编号", "地区", "隐患", "等级", "挂牌级别", "挂牌日期", "期限", "状态"],
          "hazards header")
    check(h.get("H-1", [None] * 8)[5] == datetime.datetime(2025, 5, 28), f"listed date: {h.get('H-1')}")
    check(h.get("H-R206", [None] * 8)[7] == "逾期未挂牌" and h["H-R206"][6] == datetime.datetime(2025, 11, 13),
          f"hazard found, not listed: {h.get('H-R206')}")
    check(isinstance(h.get("H-1", [None] * 8)[3], int), "grade is a number")
    l = {r[0]: r for r in wb["问题线索"].iter_rows(min_row=4, values_only=True)}
    check(l.get("X-R304", [None] * 8)[4] == "政法委" and l["X-R304"][7] == "逾期未移交", f"lead not transferred: {l.get('X-R304')}")
    check(l.get("X-3", [None] * 8)[7] == "等待反馈", f"lead awaiting feedback: {l.get('X-3')}")
    q = {r[0]: r for r in wb["群众举报"].iter_rows(min_row=4, values_only=True)}
    check(q.get("Q-2", [None] * 8)[3] == datetime.datetime(2026, 3, 5), f"public report open: {q.get('Q-2')}")
    check([c.value for c in wb["回头看"][3]] == ["地区", "巡查", "原因", "最早", "最迟", "实际开展", "状态"], "look-backs header")
    ok_rows = [r for r in w.iter_rows(min_row=4)]
    check(all(r[0].fill.fgColor.rgb not in ("FFFFC7CE", "00FFC7CE") for r in ok_rows), "rows on time are not marked")

if fails:
    print("FAIL:\n  " + "\n  ".join(fails))
    sys.exit(1)
print("ok: sheets, cells, types, frozen header, widths, overdue mark")
