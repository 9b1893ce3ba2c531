#!/usr/bin/env python3
"""Writes examples/import/roster.xlsx and examples/import/tours.xlsx: a roster and a past-tours
workbook as a provincial office keeps them (merged title rows, 序号, blank and hidden rows, a
totals row, notes, dates typed every way, several sheets), for README's "Import your
spreadsheets" and the tests. Run with Debian's python3-openpyxl: /usr/bin/python3 scripts/gen_import_examples.py"""
import datetime
import pathlib
import sys

import openpyxl
from openpyxl.styles import Alignment, Font

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "examples/import")
out.mkdir(parents=True, exist_ok=True)
when = datetime.datetime(2026, 11, 20)


def titled(ws, title, second, header):
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([second])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    ws.append(header)
    for c in ws[3]:
        c.font = Font(bold=True)


# The roster: new staff and experts for 2027, written as an office writes them.
wb = openpyxl.Workbook()
wb.properties.created = wb.properties.modified = when
ws = wb.active
ws.title = "人员名册"
titled(ws, "湖北省安全生产巡查工作人员名册（2027年新增）", "填报单位：省安委办　　填报日期：2026年11月20日",
       ["序号", "姓名", "工作单位", "现任职务", "职级", "类别", "是否在职", "从事安全监管", "联系电话", "备注"])
rows = [
    [1, "孙 立新", "省应急厅", "副厅长", "副厅级", "工作人员", "是", "√", "027-87654321", None],
    [2, "马晓东", "省公安厅", "处长", "处长", "工作人员", "是", "√", "13900000001", None],
    [3, "胡 静", "省交通运输厅", "副处长", "处级副职", "工作人员", "Y", "N", None, "借调省安委办"],
    None,  # a blank row between groups
    [4, "郑光明", "省住建厅", "一级主任科员", "科级", "工作人员", "是", "是", None, None],
    [5, "杜  鹃", "武汉理工大学", "教授", "无", "特邀专家", "否", "否", None, "危险化学品"],
    [6, "冯 涛", "三峡大学", "副教授", "无", "专家", "否", "×", None, None],
]
for r in rows:
    ws.append(r if r else [])
ws.append([7, "谢一鸣", "省水利厅", "科员", "科级", "工作人员", "是", "否", None, "已调离（隐藏）"])
ws.row_dimensions[ws.max_row].hidden = True
ws.append(["合计", "7人", None, None, None, None, None, None, None, None])
for col, width in zip("ABCDEFGHIJ", [6, 10, 16, 14, 10, 10, 10, 12, 16, 20]):
    ws.column_dimensions[col].width = width
wb.save(out / "roster.xlsx")

# Past tours: one sheet per round, dates as Excel dates and as typed text.
wb = openpyxl.Workbook()
wb.properties.created = wb.properties.modified = when
first = True
for year, tours in [
    ("2025年", [
        ["武汉市", datetime.date(2025, 5, 12), datetime.date(2025, 5, 21), "2025/6/30", "2025年7月28日"],
        ["宜昌市", datetime.date(2025, 5, 12), datetime.date(2025, 5, 26), "2025.7.2", "20250801"],
    ]),
    ("2026年", [
        ["十堰市", datetime.date(2026, 4, 13), datetime.date(2026, 4, 27), "2026-5-29", None],
        ["神农架林区", "2026年9月7日", "2026年9月13日", None, None],
    ]),
]:
    ws = wb.active if first else wb.create_sheet()
    first = False
    ws.title = year
    titled(ws, f"湖北省{year}安全生产巡查情况统计表", "（巡查组填报，省安委办汇总）",
           ["序号", "被巡查地区", "进驻时间", "结束时间", "巡查反馈", "报送整改方案", "备注"])
    for i, t in enumerate(tours, 1):
        ws.append([i] + t + [None])
        for c in ws[ws.max_row][2:4]:
            if isinstance(c.value, datetime.date):
                c.number_format = "yyyy\"年\"m\"月\"d\"日\""
    ws.column_dimensions["B"].width = 14
wb.save(out / "tours.xlsx")
print(f"wrote {out}/roster.xlsx and {out}/tours.xlsx")
