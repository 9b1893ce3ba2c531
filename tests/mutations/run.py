#!/usr/bin/env python3
"""One mistake, one error: single-mistake mutations of examples/province.

Each case copies the example province, makes one mistake of the kind people make when they
write a data set by hand (an impossible date, an unknown code, full-width punctuation, a tab,
a GBK file, a spreadsheet instead of YAML, a misspelt key or id, a person in the wrong role...)
and runs `xuncha check -f json`. It must give exactly one new error, at the mutated file and line,
whose message names the right fix (a regular expression per case). Errors the unmutated example
already has (its listed slips) do not count.

Usage: run.py BIN SRCDIR        exit 0 all passed, 1 a case failed
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN, SRC = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
EXAMPLE = os.path.join(SRC, "examples", "province")
AS_OF = "2026-11-30"


class Case:
    def __init__(self, name, file, expect, hint, line=None):
        self.name, self.file, self.expect, self.hint, self.line = name, file, expect, hint, line


def run(data, lang="en"):
    p = subprocess.run([BIN, "--lang", lang, "check", data, "--as-of", AS_OF, "-f", "json"],
                       capture_output=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    try:
        return json.loads(p.stdout), p
    except json.JSONDecodeError:
        return None, p


def key(d):
    return (d["rule"], d["file"].split("/")[-1], d["line"], d["message_en"])


# ---- the mutations: each takes the data folder and returns (file name, line) of the mistake ----

def edit_line(pattern, repl, file, nth=0, count=1, shift=0):
    """Replaces `pattern` by `repl` on the nth line of `file` that matches it; the mistake is
    `shift` lines below the line edited."""
    def apply(data):
        path = os.path.join(data, file)
        lines = open(path, encoding="utf-8").read().split("\n")
        seen = 0
        for i, l in enumerate(lines):
            if re.search(pattern, l):
                if seen == nth:
                    lines[i] = re.sub(pattern, repl, l, count=count)
                    open(path, "w", encoding="utf-8").write("\n".join(lines))
                    return file, i + 1 + shift
                seen += 1
        raise SystemExit(f"mutation pattern {pattern!r} not found in {file}")
    return apply


def delete_line(pattern, file, nth=0):
    def apply(data):
        path = os.path.join(data, file)
        lines = open(path, encoding="utf-8").read().split("\n")
        seen = 0
        for i, l in enumerate(lines):
            if re.search(pattern, l):
                if seen == nth:
                    # the error is reported at the record: the line of its first key ("- id:")
                    start = i
                    while start > 0 and not lines[start].lstrip().startswith("- "):
                        start -= 1
                    del lines[i]
                    open(path, "w", encoding="utf-8").write("\n".join(lines))
                    return file, start + 1
                seen += 1
        raise SystemExit(f"pattern {pattern!r} not found in {file}")
    return apply


def reencode(file, encoding):
    def apply(data):
        path = os.path.join(data, file)
        text = open(path, encoding="utf-8").read()
        open(path, "wb").write(text.encode(encoding))
        return file, None
    return apply


def to_spreadsheet(file, ext):
    """The file saved as a spreadsheet instead (its YAML gone)."""
    def apply(data):
        path = os.path.join(data, file)
        base = os.path.splitext(file)[0]
        if ext == "csv":
            open(os.path.join(data, base + ".csv"), "w", encoding="utf-8").write("id,name,unit\np001,王建华,yjt\n")
        else:
            open(os.path.join(data, base + "." + ext), "wb").write(b"PK\x03\x04 not really a workbook")
        os.remove(path)
        return base + "." + ext, 0
    return apply


def empty_file(file):
    def apply(data):
        open(os.path.join(data, file), "w").write("# nothing yet\n")
        return file, 1
    return apply


CASES = []


def case(name, mutate, hint, rule=None):
    CASES.append((name, mutate, hint, rule))


# Impossible or malformed dates (L007), in every kind of file that holds dates.
case("tour start Feb 30", edit_line(r"start: 2026-\d\d-\d\d", "start: 2026-02-30", "tours.yaml"), r"not a real date", "L007")
case("tour end month 13", edit_line(r"end: 2023-\d\d-\d\d", "end: 2023-13-01", "tours.yaml"), r"not a real date|month", "L007")
case("milestone day 00", edit_line(r"notified: 2025-\d\d-\d\d", "notified: 2025-04-00", "tours.yaml"), r"not a real date", "L007")
case("milestone with slashes", edit_line(r"trained: (\d+)-(\d+)-(\d+)", r"trained: \1/\2/\3", "tours.yaml"), r"YYYY-MM-DD", None)
case("milestone without dashes", edit_line(r"published: (\d+)-(\d+)-(\d+)", r"published: \1\2\3", "tours.yaml"), r"YYYY-MM-DD|date", None)
case("Feb 29 in a common year", edit_line(r"start: 2023-\d\d-\d\d", "start: 2023-02-29", "tours.yaml"), r"not a real date", "L007")
case("appointment date Apr 31", edit_line(r"date: 2021-\d\d-\d\d", "date: 2021-04-31", "appointments.yaml"), r"not a real date", "L007")
case("problem found Jun 31", edit_line(r"found: 2023-\d\d-\d\d", "found: 2023-06-31", "problems.yaml"), r"not a real date", "L007")
case("hazard deadline Sep 31", edit_line(r"deadline: 20\d\d-\d\d-\d\d", "deadline: 2022-09-31", "hazards.yaml"), r"not a real date", "L007")
case("look-back decided Nov 31", edit_line(r"decided: 2025-\d\d-\d\d", "decided: 2025-11-31", "lookbacks.yaml"), r"not a real date", "L007")
case("a date in Chinese", edit_line(r"start: 2025-\d\d-\d\d", "start: 2025年5月10日", "tours.yaml"), r"YYYY-MM-DD|date", None)

# Unknown codes (enum values): the message lists what is accepted.
case("region class misspelt", edit_line(r"class: city", "class: cty", "regions.yaml"), r"city", "L013")
case("region class in English words", edit_line(r"class: prefecture", "class: autonomous prefecture", "regions.yaml"), r"prefecture", "L013")
case("tour kind misspelt", edit_line(r"kind: regular", "kind: reguler", "tours.yaml"), r"regular", "L013")
case("problem gravity unknown", edit_line(r"gravity: ordinary", "gravity: normal", "problems.yaml"), r"ordinary", "L013")
case("lead nature unknown", edit_line(r"nature: discipline", "nature: disipline", "leads.yaml"), r"discipline", "L013")
case("hazard level unknown", edit_line(r"level: province", "level: provincial", "hazards.yaml"), r"province", "L013")
case("person rank unknown", edit_line(r"rank: 正厅", "rank: 正厅级", "people.yaml"), r"正厅", "L013")
case("look-back result unknown", edit_line(r"result: not_fixed", "result: unfixed", "lookbacks.yaml"), r"not_fixed", "L013")

# Wrong types and values out of range.
case("days not a number", edit_line(r"days: 10", "days: ten", "regions.yaml"), r"integer|number", None)
case("risk out of range", edit_line(r"risk: 5", "risk: 9", "regions.yaml"), r"1.*5|range", None)
case("counties negative", edit_line(r"counties: 13", "counties: -13", "regions.yaml"), r"0|range|negative", None)
case("boolean misspelt", edit_line(r"committee_member: true", "committee_member: yes please", "units.yaml"), r"true|false|boolean", None)
case("hazard grade out of range", edit_line(r"grade: 2", "grade: 7", "hazards.yaml"), r"1.*4|range", None)
case("a list where a text belongs", edit_line(r"name: 黄石市", "name: [黄石市]", "regions.yaml"), r"text|string|scalar", None)

# Full-width punctuation, tabs and odd spaces: named as such.
case("full-width colon", edit_line(r"name: 黄石市", "name： 黄石市", "regions.yaml"), r"full-width|全角", None)
case("full-width colon, no space", edit_line(r"name: 武汉市", "name：武汉市", "regions.yaml"), r"full-width|全角", None)
case("full-width comma in a list", edit_line(r"members: \[p033, p036\]", "members: [p033，p036]", "teams.yaml"), r"full-width|全角", None)
case("full-width space as indent", edit_line(r"^    region: wuhan", "\u3000\u3000region: wuhan", "tours.yaml"), r"full-width|全角", None)
case("tab as indent", edit_line(r"^    class: city", "\tclass: city", "regions.yaml"), r"tab", None)
case("non-breaking space after colon", edit_line(r"counties: 13", "counties:\u00a013", "regions.yaml"), r"non-breaking|不间断|U\+00A0", None)
case("full-width digits in a number", edit_line(r"counties: 13", "counties: １３", "regions.yaml"), r"full-width|全角|integer", None)

# Encodings and files that are not YAML.
CASES.append(("units file in GBK", reencode("units.yaml", "gb18030"), r"GBK|GB18030", "L008"))
CASES.append(("people file in GBK", reencode("people.yaml", "gb18030"), r"GBK|GB18030", "L008"))
CASES.append(("tours file in UTF-16", reencode("tours.yaml", "utf-16"), r"UTF-16", "L008"))
CASES.append(("roster saved as CSV instead", to_spreadsheet("people.yaml", "csv"), r"spreadsheet|YAML", None))
CASES.append(("roster saved as xlsx instead", to_spreadsheet("people.yaml", "xlsx"), r"spreadsheet|YAML", None))
CASES.append(("units saved as xls instead", to_spreadsheet("units.yaml", "xls"), r"spreadsheet|YAML", None))
CASES.append(("tours file left empty", empty_file("tours.yaml"), r"empty", "L009"))

# YAML syntax.
case("unclosed flow list", edit_line(r"members: \[p033, p036\]", "members: [p033, p036", "teams.yaml"), r"syntax|flow|\]", None)
case("key without colon", edit_line(r"counties: 13", "counties 13", "regions.yaml"), r"syntax|colon|:", None)
case("unclosed double quote", edit_line(r"name: 黄石市", 'name: "黄石市', "regions.yaml"), r"quote|引号", "L001")
case("unclosed single quote", edit_line(r"name: 武汉市", "name: '武汉市", "regions.yaml"), r"quote|引号", "L001")
case("mis-indented key", edit_line(r"^    counties: 13", "      counties: 13", "regions.yaml"), r"syntax|indent", None)
case("duplicate key", edit_line(r"^    days: 10", "    days: 10\n    days: 12", "regions.yaml", shift=1), r"duplicate", "L014")

# Misspelt keys: did you mean.
case("misspelt key in a region", edit_line(r"counties:", "countys:", "regions.yaml"), r"counties", "L004")
case("misspelt key in a tour", edit_line(r"^    region: wuhan", "    regoin: wuhan", "tours.yaml"), r"region", None)
case("misspelt milestone", edit_line(r"trained:", "trainned:", "tours.yaml"), r"trained", "L004")
case("misspelt key in a team", edit_line(r"deputies:", "deputy:", "teams.yaml"), r"deputies", None)
case("misspelt key in a problem", edit_line(r"measures:", "measure:", "problems.yaml"), r"measures", "L004")
case("misspelt top-level list key", edit_line(r"^regions:", "region:", "regions.yaml"), r"regions", None)
case("misspelt kind", edit_line(r"^kind: tours", "kind: tour", "tours.yaml"), r"tours", "L010")
case("unsupported version", edit_line(r"^version: 1", "version: 2", "teams.yaml"), r"version", "L011")

# Misspelt ids: unknown references with a hint of the right kind.
case("misspelt region id in a tour", edit_line(r"region: huangshi", "region: huangsi", "tours.yaml"), r"huangshi", "L006")
case("misspelt team id in a tour", edit_line(r"team: G2021-1", "team: G2021-l", "tours.yaml"), r"G2021-1", "L006")
case("misspelt unit id of a person", edit_line(r"unit: yjt", "unit: yjtt", "people.yaml"), r"yjt", "L006")
case("misspelt tour id of a problem", edit_line(r"tour: T2021-wuhan", "tour: T2021-wuhn", "problems.yaml"), r"T2021-wuhan", "L006")
case("person id in capitals in a team", edit_line(r"liaison: p025", "liaison: P025", "teams.yaml"), r"p025", "L006")
case("misspelt person id in a team", edit_line(r"leader: p003", "leader: p03", "teams.yaml"), r"p003", "L006")
case("misspelt tour id of an appointment", edit_line(r"tour: T2021-xiantao", "tour: T2021-xiantau", "appointments.yaml"), r"T2021-xiantao", "L006")
case("misspelt expert id in a team", edit_line(r"experts: \[e001, e020\]", "experts: [e001, e02O]", "teams.yaml"), r"e020", "L006")

# Ids themselves.
case("duplicate region id", edit_line(r"id: huangshi", "id: wuhan", "regions.yaml"), r"duplicate", "L005")
case("duplicate tour id", edit_line(r"id: T2021-xiantao", "id: T2021-wuhan", "tours.yaml"), r"duplicate", "L005")
case("id with a space", edit_line(r"id: p002", "id: p 002", "people.yaml"), r"letters|character|id", None)

# Missing required fields: one error, the record's references become a note.
CASES.append(("tour without a region", delete_line(r"^    region: wuhan", "tours.yaml"), r"region", "L003"))
CASES.append(("region without a name", delete_line(r"name: 黄石市", "regions.yaml"), r"name", "L003"))
CASES.append(("person without a unit", delete_line(r"unit: yjt", "people.yaml", nth=1), r"unit", "L003"))


def main():
    tmp = tempfile.mkdtemp(prefix="xuncha-mutations.")
    try:
        base_dir = os.path.join(tmp, "base")
        shutil.copytree(EXAMPLE, base_dir)
        base, _ = run(base_dir)
        base_errors = {key(d) for d in base["diagnostics"] if d["severity"] == "error"}
        failed = []
        for n, (name, mutate, hint, rule) in enumerate(CASES):
            data = os.path.join(tmp, f"m{n:03d}")
            shutil.copytree(EXAMPLE, data)
            file, line = mutate(data)
            out, proc = run(data)
            why = []
            if out is None:
                why.append(f"no JSON (exit {proc.returncode}): {proc.stderr.decode(errors='replace')[:300]}")
            else:
                new = [d for d in out["diagnostics"] if d["severity"] == "error" and key(d) not in base_errors]
                if len(new) != 1:
                    why.append(f"{len(new)} new errors, expected 1")
                    for d in new[:4]:
                        why.append(f"  {d['file']}:{d['line']}: {d['rule']} {d['message_en'][:140]}")
                else:
                    d = new[0]
                    if not d["file"].endswith(file):
                        why.append(f"error in {d['file']}, expected {file}")
                    if line is not None and d["line"] not in (line, 0) and not (line == 0 and d["line"] == 0):
                        why.append(f"error at line {d['line']}, expected {line}")
                    if rule and d["rule"] != rule:
                        why.append(f"rule {d['rule']}, expected {rule}")
                    if not re.search(hint, d["message_en"]) or not re.search(hint, d["message_zh"] + d["message_en"]):
                        why.append(f"message lacks /{hint}/: {d['message_en'][:200]}")
            if why:
                failed.append(name)
                print(f"FAIL {name}")
                for w in why:
                    print(f"     {w}")
            else:
                print(f"ok   {name}")
            shutil.rmtree(data)
        print(f"\nmutations: {len(CASES) - len(failed)} of {len(CASES)} gave exactly one error at the mistake")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
