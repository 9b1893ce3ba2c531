#!/usr/bin/env python3
"""Page breaks of a printable page, as Chromium prints it (tests/print_pages.sh).

  print_pages.py mark PAGE.html MARKED.html   copy the page with a marker at both ends of every body row
  print_pages.py check MARKED.html PAGE.pdf   the PDF's pages against the markers

The markers are 1px white ASCII tags (Rt<table>r<row>a at a row's start, ...z at its end) that
pdftotext reads and that change no line break worth speaking of. The checks: the page's title is on
page 1; no row is split over two pages (its start and end markers on one page); no page holds a
lone row of a table that runs over several pages (a widowed last row, or a first row left alone
under its header); and such a table's header row is printed on every page it reaches.
"""
import html as entities
import re
import subprocess
import sys

TAG = '<span style="font-size:1px;line-height:0;color:#fff;letter-spacing:0">{}</span>'


def mark(src, dst):
    html = open(src, encoding="utf-8").read()
    out, table, row, header_marked = [], -1, 0, {}
    pos = 0
    # Tables are not nested in these pages; body rows are the <tr> holding a <td>.
    for m in re.finditer(r"<table\b|<tr\b[^>]*>(.*?)</tr>", html, re.S):
        out.append(html[pos:m.start()])
        pos = m.end()
        if m.group(0).startswith("<table"):
            table += 1
            row = 0
            out.append(m.group(0))
            continue
        body = m.group(1)
        text = m.group(0)
        if "<td" not in body:
            # A header row: the first of the table's is marked once; a repeated header prints it
            # on every page the table reaches.
            first = re.search(r"<th\b[^>]*>", text)
            if first and not header_marked.get(table):
                header_marked[table] = True
                text = text[:first.end()] + TAG.format("Ht{}h".format(table)) + text[first.end():]
            out.append(text)
            continue
        key = "Rt{}r{}".format(table, row)
        row += 1
        # At the start of the first cell's content and the end of the last one's.
        first = re.search(r"<td\b[^>]*>", text)
        last = text.rfind("</td>")
        text = (text[:first.end()] + TAG.format(key + "a") + text[first.end():last] + TAG.format(key + "z") + text[last:])
        out.append(text)
    out.append(html[pos:])
    open(dst, "w", encoding="utf-8").write("".join(out))


def pages_text(pdf):
    n = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout, re.M).group(1))
    return [re.sub(r"\s+", "", subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True,
                                                text=True).stdout) for p in range(1, n + 1)]


def check(marked, pdf):
    html = open(marked, encoding="utf-8").read()
    title = re.sub(r"\s+", "", entities.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)))
    pages = pages_text(pdf)
    bad = []
    if title not in pages[0]:
        bad.append("the title '{}' is not on page 1".format(title))
    where = {}  # (table, row) -> [start page, end page]
    for p, text in enumerate(pages, 1):
        for t, r, end in re.findall(r"Rt(\d+)r(\d+)([az])", text):
            where.setdefault((int(t), int(r)), [None, None])[0 if end == "a" else 1] = p
    expected = set(re.findall(r">Rt(\d+)r(\d+)a<", html))
    for t, r in sorted(expected):
        k = (int(t), int(r))
        if k not in where or None in where[k]:
            bad.append("row {} of table {}: a marker is missing from the PDF text".format(r, t))
        elif where[k][0] != where[k][1]:
            bad.append("row {} of table {} is split over pages {} and {}".format(r, t, *where[k]))
    headed = {}  # table -> pages its header row is printed on
    for p, text in enumerate(pages, 1):
        for t in re.findall(r"Ht(\d+)h", text):
            headed.setdefault(int(t), set()).add(p)
    tables = {}
    for (t, r), (a, _) in where.items():
        tables.setdefault(t, {}).setdefault(a, []).append(r)
    for t, by_page in sorted(tables.items()):
        if len(by_page) < 2:
            continue
        if t in headed or re.search(r">Ht{}h<".format(t), html):
            missing = sorted(set(by_page) - headed.get(t, set()))
            if missing:
                bad.append("table {} runs over pages {} but its header row is not repeated on pages {}".format(
                    t, sorted(by_page), missing))
        for p, rows in sorted(by_page.items()):
            if len(rows) == 1:
                bad.append("page {} holds a lone row ({}) of table {}, which runs over pages {}".format(
                    p, rows[0], t, sorted(by_page)))
    split = sum(1 for by_page in tables.values() if len(by_page) > 1)
    for b in bad:
        print("FAIL: {}: {}".format(pdf, b))
    print("{}: {} pages, {} tables ({} over several pages), {} rows".format(pdf, len(pages), len(tables), split, len(where)))
    return not bad


if __name__ == "__main__":
    if sys.argv[1] == "mark":
        mark(sys.argv[2], sys.argv[3])
    else:
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
