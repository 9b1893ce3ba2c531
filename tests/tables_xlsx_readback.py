#!/usr/bin/env python3
"""Reads back `-f xlsx` of check, teams, deadlines and schedule with openpyxl (a real reader) and
compares every row with the same command's `-f json` output: the workbook must hold the same
findings, coverage, teams, deadlines and tours, with numbers as numbers and dates as dates.
Run on the example and on the hostile suppress folder, in both languages. Exit 77 without openpyxl."""
import datetime
import json
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
RED = ("FFFFC7CE", "00FFC7CE")


def check(cond, what):
    if not cond:
        fails.append(what)


def run(args, lang, tmp, name):
    out = f"{tmp}/{name}.xlsx"
    r = subprocess.run([bin] + args + lang + ["-f", "xlsx", "-o", out], cwd=src, capture_output=True)
    check(r.returncode in (0, 1), f"{args}: exit {r.returncode}: {r.stderr.decode()}")
    j = subprocess.run([bin] + args + ["-f", "json"], cwd=src, capture_output=True)
    return openpyxl.load_workbook(out), json.loads(j.stdout)


def day(s):
    return datetime.datetime.fromisoformat(s) if s else None


def rows_of(ws, header_row):
    return [list(r) for r in ws.iter_rows(min_row=header_row + 1, values_only=True)]


def findings_sheet(wb, diags, zh):
    ws = wb[wb.sheetnames[-1]]
    check(ws.title == ("问题" if zh else "Findings"), f"findings sheet name {ws.title}")
    check(ws.freeze_panes == "A3", f"findings frozen at {ws.freeze_panes}")
    rows = rows_of(ws, 2)
    check(len(rows) == len(diags), f"{len(rows)} finding rows, json has {len(diags)}")
    for r, d in zip(rows, diags):
        got = (r[0], r[1], r[2], r[4], r[5], r[7] or "")
        want = (d["file"], d["line"] or None, d["column"] or None, d["rule"], d["slug"] or None, d["subject"])
        check(got == want, f"finding row {got} != {want}")
        check(isinstance(r[1], int) or r[1] is None, f"line is a number: {r[1]!r}")
        check(r[8] == (d["message_zh"] if zh else d["message_en"]), f"message {r[8]!r}")
    for i, d in enumerate(diags):
        marked = ws.cell(row=3 + i, column=1).fill.fgColor.rgb in RED
        check(marked == (d["severity"] == "error"), f"row {i} marked {marked}, severity {d['severity']}")


with tempfile.TemporaryDirectory() as tmp:
    for zh in (True, False):
        lang = ["--lang", "zh" if zh else "en"]
        # check: coverage sheet + findings
        wb, j = run(["check", "examples/province", "--as-of", "2026-11-30"], lang, tmp, "check")
        check(wb.sheetnames == (["五年全覆盖", "问题"] if zh else ["Coverage", "Findings"]), f"check sheets {wb.sheetnames}")
        cov = wb[wb.sheetnames[0]]
        rows = rows_of(cov, 2)
        check(len(rows) == len(j["coverage"]), "coverage rows")
        for r, c in zip(rows, j["coverage"]):
            check(r[0] == c["region"] and r[1] == c["name"], f"coverage region {r[:2]}")
            check(r[3] == c["last_tour_year"] and r[4] == c["tours_in_window"], f"coverage numbers {r}")
            if c["status"] != "uncovered":
                check(r[5] == c["due_by"] and isinstance(r[5], int), f"due by {r[5]!r}")
        findings_sheet(wb, j["diagnostics"], zh)
        # the hostile folder: suppressions, control characters and all
        wb, j = run(["check", "tests/data/suppress", "--as-of", "2026-11-30"], lang, tmp, "suppress")
        findings_sheet(wb, j["diagnostics"], zh)
        # teams: team sheet + findings
        wb, j = run(["teams", "examples/province", "--as-of", "2026-11-30"], lang, tmp, "teams")
        ts = wb[wb.sheetnames[0]]
        rows = rows_of(ts, 2)
        check([r[0] for r in rows] == [t["id"] for t in j["teams"]], "team ids")
        for r, t in zip(rows, j["teams"]):
            check(r[2] == t["size"] and r[8] == len(t["tours"]), f"team {t['id']} size/tours {r}")
            check((r[6] is not None) == bool(t["members"]), f"team {t['id']} members column {r[6]!r}")
        findings_sheet(wb, j["diagnostics"], zh)
        # deadlines: steps + ledger deadlines
        wb, j = run(["deadlines", "examples/province", "--as-of", "2026-11-30", "--all"], lang, tmp, "deadlines")
        check(len(wb.sheetnames) == 2, f"deadlines sheets {wb.sheetnames}")
        rows = rows_of(wb[wb.sheetnames[0]], 2)
        check(len(rows) == len(j["deadlines"]), f"{len(rows)} deadline rows, json {len(j['deadlines'])}")
        for r, d in zip(rows, j["deadlines"]):
            check((r[0], r[3], r[4], r[6]) == (d["tour"], day(d["due"]), day(d["done"]), d["workdays"]),
                  f"deadline {r} != {d}")
        lrows = rows_of(wb[wb.sheetnames[1]], 2)
        check(len(lrows) == len(j.get("ledger_deadlines", [])), "ledger deadline rows")
        for r, d in zip(lrows, j.get("ledger_deadlines", [])):
            # the count in its unit (calendar or working days) and that unit in words, as json says
            unit = {"days": ("日历日", "calendar days"), "workdays": ("工作日", "working days")}[d["unit"]][0 if zh else 1]
            check((r[3], r[4], r[6], r[7]) == (day(d["due"]), day(d["done"]), d["days"], unit), f"ledger deadline {r} != {d}")
        # schedule: tours + regions by year
        wb, j = run(["schedule", "examples/province", "--from", "2027", "--as-of", "2026-11-30"], lang, tmp, "schedule")
        plan = wb[wb.sheetnames[0]]
        check(plan.freeze_panes == "A4", f"plan frozen at {plan.freeze_panes}")
        rows = rows_of(plan, 3)
        check(len(rows) == len(j["tours"]) > 0, f"{len(rows)} tours, json {len(j['tours'])}")
        for r, t in zip(rows, j["tours"]):
            check((r[0], r[3], r[4], r[6]) == (t["year"], t["id"], t["region"], t["days"]), f"tour {r[:7]}")
            check(r[7] == day(t.get("start")) and r[8] == day(t.get("end")), f"tour dates {r[7:9]} vs {t.get('start')}")
        grid = wb[wb.sheetnames[1]]
        g = rows_of(grid, 2)
        toured = {(t["region"], t["year"]) for t in j["tours"]}
        years = [c.value for c in grid[2]][2:]
        for r in g:
            for k, v in enumerate(r[2:]):
                y = int(str(years[k]).rstrip("年"))
                check((v is not None) == ((r[0], y) in toured), f"grid {r[0]} {y}: {v!r}")

    # staff: a row per seat, checked against the json plan
    subprocess.run([bin, "schedule", "examples/province", "--from", "2027", "--as-of", "2026-11-30", "-f", "yaml",
                    "-o", f"{tmp}/schedule.yaml"], cwd=src, check=True)
    for zh in (True, False):
        lang = ["--lang", "zh" if zh else "en"]
        wb, j = run(["staff", "examples/province", "--schedule", f"{tmp}/schedule.yaml", "--as-of", "2026-11-30"],
                    lang, tmp, "staff")
        want = []
        for g in j["teams"]:
            for t in g["tours"]:
                want += [(t["record"], t["tour"], day(t["start"]), p) for p in
                         [t["leader"]] + g["deputies"] + [g["liaison"]] + g["members"] + t["experts"]]
        sheet = wb[wb.sheetnames[0]]
        # two title lines: the title, then the per-person day cap (policy staff_max_days)
        check("staff_max_days" in str(sheet.cell(row=2, column=1).value), f"day cap line {sheet.cell(row=2, column=1).value!r}")
        rows = rows_of(sheet, 3)
        got = [(r[0], r[2], r[4], r[7]) for r in rows]
        check(got == want, f"staff rows differ from json: {got[:3]} vs {want[:3]}")
        check(len(got) > 50, f"staff rows: {len(got)}")
        check(rows and rows[0][6] == ("组长" if zh else "leader"), f"first role {rows and rows[0][6]}")

if fails:
    print("FAIL:\n  " + "\n  ".join(fails[:40]))
    sys.exit(1)
print("ok: check, teams, deadlines, schedule and staff workbooks agree with their json, both languages")
