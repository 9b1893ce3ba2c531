#!/usr/bin/env python3
"""xuncha draft -f docx read back with python3-docx and compared with -f json of the same draft.

For each document of the example province, in Chinese and English: the docx opens; its body
paragraphs (in order) and its tables (header and rows) are those of the json; the page is A4
with the GB/T 9704 margins (37/28/35/26 mm; turned for a landscape document); the title has the
Title style and the headings Heading 1/2; every marker of the json is highlighted; two runs give
the same bytes; `draft --check` lists every marker (exit 1), and none (exit 0) once the markers
are replaced in the document. Charts (the annual summary's) are tables of shaded cells: their
caption and legend are paragraphs, their cells' texts and fills (black, hatched, grey) those of the
json. The assessment holds one copy per recipient, each starting on a new page.
Exit 77 (skipped) when python3-docx is not installed.

usage: draft_docx_readback.py XUNCHA SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Mm
except ImportError:
    print("SKIP: python3-docx not installed")
    sys.exit(77)

xuncha = os.path.abspath(sys.argv[1])
source = os.path.abspath(sys.argv[2])
AS_OF = "2026-11-30"
CASES = [
    ("report", ["--tour", "T2025-wuhan"]),
    ("feedback", ["--tour", "T2025-ezhou"]),
    ("announcement", ["--tour", "T2026-xiaogan"]),
    ("supervision", ["--region", "wuhan"]),
    ("assessment", ["--year", "2025"]),
    ("annual", ["--year", "2026"]),
    ("work-plan", ["--year", "2025"]),
    ("team-plan", ["--year", "2025"]),
    ("team-plan", ["tests/data/staff/schedule-2027.yaml", "--round", "2027"]),
    ("work-plan", ["tests/data/staff/schedule-2027.yaml", "--round", "2027"]),
]
SHADE = {"solid": "black", "pct50": "hatched", "pct40": "grey"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def tc_texts_and_fills(table):
    """Each row's cells as written (a cell spanning columns once): texts and fills."""
    texts, fills = [], []
    for tr in table._tbl.tr_lst:
        ts, fs = [], []
        for tc in tr.tc_lst:
            ts.append("\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in tc.iter(W + "p")))
            shd = tc.find(W + "tcPr/" + W + "shd")
            fs.append(SHADE.get(shd.get(W + "val"), "other") if shd is not None else "none")
        texts.append(ts)
        fills.append(fs)
    return texts, fills
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(args, **kw):
    return subprocess.run([xuncha] + args, cwd=source, capture_output=True, **kw)


def close(a, b):
    return abs(a - b) < Mm(0.1)


with tempfile.TemporaryDirectory() as tmp:
    for case, (doc, extra) in enumerate(CASES):
        for lang in ("zh", "en"):
            name = f"{doc}-{lang}-{case}"
            base = ["--lang", lang, "draft", doc, "examples/province", "--as-of", AS_OF] + extra
            j = run(base + ["-f", "json"], text=True)
            if j.returncode != 0:
                fail(f"{name}: -f json exit {j.returncode}: {j.stderr}")
                continue
            want = json.loads(j.stdout)
            path = os.path.join(tmp, name + ".docx")
            d = run(base + ["-f", "docx", "-o", path])
            if d.returncode != 0:
                fail(f"{name}: -f docx exit {d.returncode}: {d.stderr}")
                continue
            again = run(base + ["-f", "docx"])
            if again.stdout != open(path, "rb").read():
                fail(f"{name}: two runs gave different bytes")
            document = docx.Document(path)
            # A chart is a table, then its caption and legend as paragraphs.
            paras = []
            for b in want["blocks"]:
                if b["type"] == "paragraph":
                    paras.append(b["text"])
                elif b["type"] == "chart":
                    paras += [b["text"], b["legend"]]
            # Empty paragraphs keep tables apart (Word joins adjacent tables) or close the body.
            got = [p.text for p in document.paragraphs if p.text != ""]
            paras = [p for p in paras if p != ""]
            if got != paras:
                fail(f"{name}: paragraphs differ from the json")
                for i, (a, b) in enumerate(zip(got, paras)):
                    if a != b:
                        print(f"  first difference at {i}: docx {a!r}, json {b!r}")
                        break
                print(f"  docx {len(got)} paragraphs, json {len(paras)}")
            tables = [([b["header"]] + b["rows"], None) if b["type"] == "table" else (b["rows"], b["fills"])
                      for b in want["blocks"] if b["type"] in ("table", "chart")]
            got_tables = [tc_texts_and_fills(t) for t in document.tables]
            if len(got_tables) != len(tables):
                fail(f"{name}: {len(got_tables)} tables in the docx, {len(tables)} in the json")
            for i, ((texts, fills), (gt, gf)) in enumerate(zip(tables, got_tables)):
                if texts != gt:
                    fail(f"{name}: table {i} differs from the json")
                if fills is not None and fills != gf:
                    fail(f"{name}: chart table {i}: fills {gf} are not the json's {fills}")
            charts = [b for b in want["blocks"] if b["type"] == "chart"]
            if doc == "annual":
                kinds = [{f for row in c["fills"] for f in row} for c in charts]
                if len(charts) != 3 or "black" not in kinds[0] or "grey" not in kinds[1] or "black" not in kinds[2]:
                    fail(f"{name}: expected three charts (coverage in black, closure bars in grey, timeline in black), got {kinds}")
            if doc == "assessment":
                heads = [p for p in document.paragraphs if p.style.name == "Recipient"]
                breaks = [p for p in heads if p.paragraph_format.page_break_before]
                if len(heads) != len(want.get("copies", [])) or len(heads) < 2 or len(breaks) != len(heads) - 1:
                    fail(f"{name}: {len(heads)} copies ({len(breaks)} on a new page), json lists {want.get('copies')}")
            styles = {b["style"] for b in want["blocks"] if b["type"] == "paragraph"}
            seen = {p.style.name for p in document.paragraphs}
            if "title" in styles and "Title" not in seen:
                fail(f"{name}: no paragraph in the Title style")
            if "heading1" in styles and "heading 1" not in {s.lower() for s in seen}:
                fail(f"{name}: no paragraph in the Heading 1 style ({sorted(seen)})")
            s = document.sections[0]
            land = s.page_width > s.page_height
            w, h = (Mm(297), Mm(210)) if land else (Mm(210), Mm(297))
            if not (close(s.page_width, w) and close(s.page_height, h)):
                fail(f"{name}: not A4: {s.page_width.mm:.1f} x {s.page_height.mm:.1f} mm")
            margins = (s.top_margin, s.left_margin, s.bottom_margin, s.right_margin)
            expect = (Mm(28), Mm(37), Mm(26), Mm(35)) if land else (Mm(37), Mm(28), Mm(35), Mm(26))
            if not all(close(a, b) for a, b in zip(margins, expect)):
                fail(f"{name}: margins {[round(m.mm, 1) for m in margins]} mm, want GB/T 9704")
            highlighted = []
            for p in document.paragraphs:
                highlighted += [r.text for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
            for t in document.tables:
                for row in t.rows:
                    for c in row.cells:
                        for p in c.paragraphs:
                            highlighted += [r.text for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
            if sorted(highlighted) != sorted(want["markers"]):
                fail(f"{name}: highlighted runs {highlighted} are not the markers {want['markers']}")
            # draft --check: the markers left, then none once the team has written its text.
            c = run(["--lang", lang, "draft", "--check", path, "-f", "json"], text=True)
            if c.returncode != (1 if want["markers"] else 0):
                fail(f"{name}: --check exit {c.returncode}: {c.stderr}")
            elif [m["marker"] for m in json.loads(c.stdout)["markers"]] != want["markers"]:
                fail(f"{name}: --check lists other markers than the json")
            for p in document.paragraphs:
                for r in p.runs:
                    if r.font.highlight_color == WD_COLOR_INDEX.YELLOW:
                        r.text = "已填写"
            for t in document.tables:
                for row in t.rows:
                    for cell in row.cells:
                        for p in cell.paragraphs:
                            for r in p.runs:
                                if r.font.highlight_color == WD_COLOR_INDEX.YELLOW:
                                    r.text = "已填写"
            edited = os.path.join(tmp, name + "-edited.docx")
            document.save(edited)
            c = run(["draft", "--check", edited], text=True)
            if c.returncode != 0:
                fail(f"{name}: --check of the edited document exit {c.returncode}: {c.stdout}{c.stderr}")
            print(f"ok: {name}: {len(paras)} paragraphs, {len(tables)} tables ({len(charts)} charts), {len(want['markers'])} markers")
    # Not a Word file: exit 2 with the file's name.
    bad = os.path.join(tmp, "not.docx")
    open(bad, "w").write("plain text")
    c = run(["draft", "--check", bad], text=True)
    if c.returncode != 2 or "not.docx" not in c.stderr:
        fail(f"--check of a text file: exit {c.returncode}, {c.stderr!r}")

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
