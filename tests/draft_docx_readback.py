#!/usr/bin/env python3
"""xuncha draft -f docx read back with python3-docx and compared with -f json of the same draft.

For each document of the example province, in Chinese and English: the docx opens; its body
paragraphs (in order) and its tables (header and rows) are those of the json; the page is A4
with the GB/T 9704 margins (37/28/35/26 mm; turned for a landscape document); the title has the
Title style and the headings Heading 1/2; every marker of the json is highlighted; two runs give
the same bytes; `draft --check` lists every marker (exit 1), and none (exit 0) once the markers
are replaced in the document.
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
]
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(args, **kw):
    return subprocess.run([xuncha] + args, cwd=source, capture_output=True, **kw)


def close(a, b):
    return abs(a - b) < Mm(0.1)


with tempfile.TemporaryDirectory() as tmp:
    for doc, extra in CASES:
        for lang in ("zh", "en"):
            name = f"{doc}-{lang}"
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
            # Charts are the printable page's only: the docx leaves them out.
            paras = [b["text"] for b in want["blocks"] if b["type"] == "paragraph"]
            got = [p.text for p in document.paragraphs]
            if got and got[-1] == "" and (not paras or paras[-1] != ""):
                got = got[:-1]  # the empty paragraph Word wants after a closing table
            if got != paras:
                fail(f"{name}: paragraphs differ from the json")
                for i, (a, b) in enumerate(zip(got, paras)):
                    if a != b:
                        print(f"  first difference at {i}: docx {a!r}, json {b!r}")
                        break
                print(f"  docx {len(got)} paragraphs, json {len(paras)}")
            tables = [[b["header"]] + b["rows"] for b in want["blocks"] if b["type"] == "table"]
            got_tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
            if got_tables != tables:
                fail(f"{name}: tables differ from the json")
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
            print(f"ok: {name}: {len(paras)} paragraphs, {len(tables)} tables, {len(want['markers'])} markers")
    # Not a Word file: exit 2 with the file's name.
    bad = os.path.join(tmp, "not.docx")
    open(bad, "w").write("plain text")
    c = run(["draft", "--check", bad], text=True)
    if c.returncode != 2 or "not.docx" not in c.stderr:
        fail(f"--check of a text file: exit {c.returncode}, {c.stderr!r}")

print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
