#!/usr/bin/env python3
"""`xuncha import` on workbooks made by real producers (issue 22): openpyxl (merged title rows,
date formats, several sheets, a hidden row and a hidden sheet, booleans), LibreOffice headless
(CSV converted to xlsx and xls), iconv (GBK/GB18030 CSV, comma and tab), and an xlsx written by
hand with inline strings and rich-text shared strings. Each is imported, its values compared with
the source, and the result loaded by `xuncha check` next to the example province's other files
with no input error. Then bad input: a corrupt workbook, a zip bomb, a password-protected file,
no header, two columns for one field: exit 2, one message naming the file, no output written.

Usage: import_producers.py XUNCHA SOURCE_DIR    exit 0 pass, 1 fail, 77 skipped (no openpyxl/yaml)
LibreOffice cases are skipped (with a note) when soffice is not installed."""
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
    import yaml
except ImportError as e:
    print(f"skipped: {e}")
    sys.exit(77)

xuncha, src = sys.argv[1], pathlib.Path(sys.argv[2])
province = src / "examples" / "province"
failures = []
D = datetime.date

ROSTER = [  # name, unit as written, rank as written, serving as written -> expected record
    ("孙 立新", "省应急厅", "副厅级", "是", {"name": "孙立新", "unit": "yjt", "rank": "副厅", "serving": True}),
    ("马晓东", "省公安厅", "处长", "√", {"name": "马晓东", "unit": "gat", "rank": "正处", "serving": True}),
    ("胡静", "省交通运输厅", "处级副职", "N", {"name": "胡静", "unit": "jtt", "rank": "副处", "serving": False}),
    ("郑光明", "jxt", "厅级正职", "否", {"name": "郑光明", "unit": "jxt", "rank": "正厅", "serving": False}),
]
TOURS = [  # region, start, end, feedback -> expected
    ("武汉市", D(2027, 3, 1), D(2027, 3, 10), D(2027, 4, 20)),
    ("宜昌市", D(2027, 3, 15), D(2027, 3, 29), None),
    ("神农架林区", D(2027, 5, 10), D(2027, 5, 16), D(2027, 6, 30)),
]
REGION_ID = {"武汉市": "wuhan", "宜昌市": "yichang", "神农架林区": "shennongjia"}


def office(tmp):
    """A data folder with the example's policy, regions and units (what names resolve against)."""
    d = tmp / "office"
    if not d.exists():
        d.mkdir()
        for f in ("policy.yaml", "regions.yaml", "units.yaml"):
            shutil.copy(province / f, d / f)
    return d


def xi(*args):
    return subprocess.run([xuncha, "--lang", "en", *map(str, args)], capture_output=True)


def imported(tmp, name, kind, path, *extra):
    out = tmp / f"{name}.yaml"
    p = xi("import", kind, path, "--data", office(tmp), "-o", out, *extra)
    if p.returncode != 0:
        failures.append(f"{name}: import exit {p.returncode}: {p.stderr.decode()}")
        return None
    # Loaded next to the office's files: no input error (L rules) at all.
    data = tmp / f"check-{name}"
    shutil.copytree(office(tmp), data)
    shutil.copy(out, data / f"{name}.yaml")
    c = xi("check", data, "--as-of", "2026-11-30", "-f", "json")
    bad = [f for f in json.loads(c.stdout)["diagnostics"] if f["rule"].startswith("L")]
    if bad:
        failures.append(f"{name}: check finds input errors: {bad[:3]}")
    doc = yaml.safe_load(out.read_text())
    return doc[doc["kind"]], p.stderr.decode()


def compare_people(name, records):
    if records is None:
        return
    got = [{k: r.get(k) for k in ("name", "unit", "rank", "serving")} for r in records]
    want = [r[4] for r in ROSTER]
    if got != want:
        failures.append(f"{name}: people {got} != {want}")


def compare_tours(name, records, rows=TOURS):
    if records is None:
        return
    want = []
    for region, start, end, feedback in rows:
        t = {"id": f"T{start.year}-{REGION_ID[region]}", "region": REGION_ID[region], "start": start, "end": end}
        if feedback:
            t["milestones"] = {"feedback": feedback}
        want.append(t)
    got = [{k: v for k, v in r.items() if k in ("id", "region", "start", "end", "milestones")} for r in records]
    if got != want:
        failures.append(f"{name}: tours {got} != {want}")


def write_csvs(tmp):
    roster = "姓名,工作单位,职级,是否在职\r\n" + "".join(f"{a},{b},{c},{d}\r\n" for a, b, c, d, _ in ROSTER)
    tours = "被巡查地区,进驻时间,结束时间,巡查反馈\n" + "".join(
        f"{r},{s.isoformat()},{e.isoformat()},{f.isoformat() if f else ''}\n" for r, s, e, f in TOURS)
    (tmp / "roster.csv").write_text(roster, encoding="utf-8")
    (tmp / "tours.csv").write_text(tours, encoding="utf-8")
    return roster, tours


def by_openpyxl(tmp):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2027年"
    ws.append(["湖北省2027年安全生产巡查计划表"])
    ws.merge_cells("A1:F1")
    ws.append(["填报单位：省安委办", None, None, "填报日期：2026年11月20日"])
    ws.merge_cells("A2:C2")
    ws.append(["序号", "被巡查地区", "进驻时间", "结束时间", "巡查反馈", "问题严重"])
    formats = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "mm-dd-yy"]
    for i, (r, s, e, f) in enumerate(TOURS[:2], 1):
        ws.append([i, r, s, e, f, i == 1])
        for cell in ws[ws.max_row][2:5]:
            cell.number_format = formats[i % 3]
    ws.append([9, "十堰市", D(2027, 1, 1), D(2027, 1, 2), None, False])
    ws.row_dimensions[ws.max_row].hidden = True  # a hidden row: not imported
    ws.append(["合计", "2个"])
    second = wb.create_sheet("2027年下半年")
    second.append(["被巡查地区", "进驻时间", "结束时间", "巡查反馈"])
    r, s, e, f = TOURS[2]
    second.append([r, f"{s.year}年{s.month}月{s.day}日", f"{e.year}/{e.month}/{e.day}", f"{f:%Y%m%d}"])
    helper = wb.create_sheet("辅助")
    helper.append(["被巡查地区", "进驻时间", "结束时间"])
    helper.append(["十堰市", D(2027, 2, 1), D(2027, 2, 2)])
    helper.sheet_state = "hidden"
    path = tmp / "tours-openpyxl.xlsx"
    wb.save(path)
    got = imported(tmp, "openpyxl", "tours", path)
    if got:
        compare_tours("openpyxl", got[0])
        serious = [r.get("serious") for r in got[0]]
        if serious != [True, False, None]:
            failures.append(f"openpyxl: booleans read as {serious}")
        if "hidden sheet not imported" not in got[1]:
            failures.append(f"openpyxl: the hidden sheet is not reported: {got[1]}")
        if "hidden rows 1" not in got[1] or "totals and notes rows 1" not in got[1]:
            failures.append(f"openpyxl: the summary does not count the hidden and totals rows: {got[1]}")
    # --sheet: one sheet only, a hidden one when named.
    got = imported(tmp, "openpyxl-sheet", "tours", path, "--sheet", "辅助")
    if got and [(r["id"], r["start"]) for r in got[0]] != [("T2027-shiyan", D(2027, 2, 1))]:
        failures.append(f"openpyxl --sheet 辅助: {got[0]}")


def two_row_header(tmp):
    """A header of two rows: 联系方式 merged over 办公电话 | 手机, the other headers merged down."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名册"
    ws.append(["湖北省安全生产巡查人员名册"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "姓名", "工作单位", "职级", "联系方式", None])
    ws.append([None, None, None, None, "办公电话", "手机"])
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:F2")
    for i, (name, unit, rank, _, want) in enumerate(ROSTER, 1):
        ws.append([i, name, unit, rank, "027-1234567", "13900000000"])
    path = tmp / "two-row-header.xlsx"
    wb.save(path)
    got = imported(tmp, "two-row-header", "people", path)
    if got:
        recs = [{k: r.get(k) for k in ("name", "unit", "rank")} for r in got[0]]
        want = [{k: r[4][k] for k in ("name", "unit", "rank")} for r in ROSTER]
        if recs != want:
            failures.append(f"two-row header: {recs} != {want}")


def by_hand(tmp):
    """Inline strings, rich-text shared strings and a string formula, as some producers write."""
    path = tmp / "hand.xlsx"
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="s"><v>0</v></c>'
             '<c r="C1" t="inlineStr"><is><t>职级</t></is></c><c r="D1" t="inlineStr"><is><t>在职</t></is></c></row>')
    for i, (name, unit, rank, serving, _) in enumerate(ROSTER, 2):
        sheet += (f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><r><t>{name[:1]}</t></r><r><t>{name[1:]}</t></r></is></c>'
                  f'<c r="B{i}" t="str"><f>"{unit}"</f><v>{unit}</v></c><c r="C{i}" t="inlineStr"><is><t>{rank}</t></is></c>'
                  f'<c r="D{i}" t="b"><v>{1 if serving in ("是", "√") else 0}</v></c></row>')
    sheet += "</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   '<sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<si><r><t>工作</t></r><r><t>单位</t></r><rPh><t>ダミー</t></rPh></si></sst>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    got = imported(tmp, "by-hand", "people", path)
    if got:
        compare_people("by-hand", got[0])


def by_libreoffice(tmp):
    soffice = shutil.which("soffice")
    if not soffice:
        print("note: soffice not installed: the LibreOffice cases are skipped")
        return
    profile = tempfile.mkdtemp()
    out = tmp / "lo"
    out.mkdir()
    for target in ("xlsx", "xls"):
        p = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=CSV:44,34,76,1",
                            "--convert-to", target, "--outdir", str(out), str(tmp / "roster.csv"), str(tmp / "tours.csv")],
                           capture_output=True, timeout=300)
        if p.returncode != 0:
            failures.append(f"soffice --convert-to {target}: exit {p.returncode}: {p.stderr.decode()}")
            return
        got = imported(tmp, f"libreoffice-roster-{target}", "people", out / f"roster.{target}")
        if got:
            compare_people(f"libreoffice-roster-{target}", got[0])
        got = imported(tmp, f"libreoffice-tours-{target}", "tours", out / f"tours.{target}")
        if got:
            compare_tours(f"libreoffice-tours-{target}", got[0])
    shutil.rmtree(profile, ignore_errors=True)


def by_iconv(tmp, roster, tours):
    for name, text, conv in [("gbk-roster", roster, "GBK"), ("gb18030-tours-tab", tours.replace(",", "\t"), "GB18030")]:
        path = tmp / f"{name}.csv"
        p = subprocess.run(["iconv", "-f", "UTF-8", "-t", conv], input=text.encode(), capture_output=True)
        path.write_bytes(p.stdout)
        kind = "people" if "roster" in name else "tours"
        got = imported(tmp, name, "auto", path)
        if got:
            (compare_people if kind == "people" else compare_tours)(name, got[0])
            if f"the header says {kind}" not in got[1]:
                failures.append(f"{name}: --kind auto does not say what it guessed: {got[1]}")
    bom = tmp / "bom-semicolon.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + roster.replace(",", ";").encode())
    got = imported(tmp, "bom-semicolon", "people", bom)
    if got:
        compare_people("bom-semicolon", got[0])


def refusals(tmp):
    good = src / "examples" / "import" / "roster.xlsx"
    corrupt = tmp / "corrupt.xlsx"
    corrupt.write_bytes(good.read_bytes()[:1500])
    bomb = tmp / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            zeros = b"\0" * (1 << 20)
            for _ in range(513):
                f.write(zeros)
    locked = tmp / "locked.xlsx"  # an encrypted workbook is an OLE file holding EncryptedPackage
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
    nohead = tmp / "nohead.csv"
    nohead.write_text("甲,乙,丙\n1,2,3\n")
    twice = tmp / "twice.csv"
    twice.write_text("姓名,单位,工作单位\n张三,省公安厅,省应急厅\n")
    cases = [(corrupt, "people", "corrupt.xlsx", "damaged"), (bomb, "people", "bomb.xlsx", "zip bomb"),
             (locked, "people", "locked.xlsx", "password-protected"), (nohead, "auto", "nohead.csv", "no recognisable header"),
             (twice, "people", "twice.csv:1:3", "both map to the field unit")]
    for path, kind, where, what in cases:
        out = tmp / f"{path.stem}-out.yaml"
        p = xi("import", kind, path, "-o", out)
        err = p.stderr.decode()
        if p.returncode != 2 or out.exists() or err.count("\n") != 1 or where not in err or what not in err:
            failures.append(f"{path.name}: exit {p.returncode}, output written: {out.exists()}, stderr: {err!r}")


with tempfile.TemporaryDirectory() as t:
    tmp = pathlib.Path(t)
    roster, tours = write_csvs(tmp)
    got = imported(tmp, "csv-roster", "people", tmp / "roster.csv")
    if got:
        compare_people("csv-roster", got[0])
    by_openpyxl(tmp)
    two_row_header(tmp)
    by_hand(tmp)
    by_iconv(tmp, roster, tours)
    by_libreoffice(tmp)
    refusals(tmp)

for f in failures:
    print("FAIL:", f)
print(f"import producers: {'FAILED' if failures else 'passed'}")
sys.exit(1 if failures else 0)
