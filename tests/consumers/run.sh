#!/usr/bin/env bash
# Every output fed to the program that consumes it, on the example data and on a hostile folder
# (Chinese, spaces, '#', '%' in the path; a GBK file name; region ids 429006, 0420100 and no;
# control and escape characters and formula-like text in values):
#   SARIF  python3-jsonschema with the official SARIF 2.1.0 schema (uri formats checked)
#   JUnit  xmllint --schema with Jenkins' junit-10.xsd; failures = <failure> elements
#   JSON   Python's json, and python3-jsonschema with `xuncha schema --output CMD`
#   CSV    Python's csv (and pandas when installed): rows as wide as the header, no cell a
#          spreadsheet would run, the header the same whatever LANG
#   YAML   PyYAML (YAML 1.1): ids read back as strings; `xuncha check` reads the file back
#   ics    python3-icalendar: events, to-dos, SEQUENCE, UIDs per province (schedule, deadlines, ledger)
#   md     Python-Markdown (tables): no HTML element from the data
#   xlsx   openpyxl opens it; the shared strings decode (OOXML _xHHHH_) to the values written
#   text   no control character reaches the terminal, no value starts a line
# and a third, injecting folder: a region, a unit and the province whose names hold ESC, other
# C0 controls, DEL, a newline, HTML (<img onerror>), Markdown specials, OOXML's own _xHHHH_
# escape, quotes and backslashes, and a tours file whose name forges a GitHub workflow command.
# Every output of it parses in its consumer and reads back the value written (or the documented
# replacement); Markdown goes through Python-Markdown (tables) and must yield no HTML element.
# Usage: run.sh BIN SRCDIR
set -u
BIN=$(realpath "$1"); SRC=$(realpath "$2")
PY=/usr/bin/python3
for m in jsonschema rfc3987 icalendar yaml openpyxl markdown; do
  $PY -c "import $m" 2>/dev/null || { echo "FAIL: $PY lacks $m (scripts/dev.sh test installs it)"; exit 1; }
done
command -v xmllint >/dev/null || { echo "FAIL: xmllint missing (libxml2-utils)"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/xuncha-consumers.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
AS_OF=2026-11-30

# The hostile folder: the example data under an awkward path, tours in a GBK-named file.
H="$T/中文 a#b%c/数据 1"
mkdir -p "$H"
cp "$SRC"/examples/province/*.yaml "$H/"
mv "$H/tours.yaml" "$H/$(printf '\xd6\xd0\xce\xc4')-tours.yaml"   # 中文 in GBK
# (inside tour ids the new id is plain text: ids allow letters, digits, '-', '_' and '.')
sed -i -E 's/-wuhan\b/-429006/g; s/-huangshi\b/-0420100/g; s/-shiyan\b/-no/g' "$H"/*.yaml
sed -i -E 's/\bwuhan\b/"429006"/g; s/\bhuangshi\b/"0420100"/g; s/\bshiyan\b/"no"/g' "$H"/*.yaml
# Control and escape characters (set the terminal title, bell, ^A) and formula-like names.
sed -i -E 's/^    name: 省公安厅$/    name: "\\t=1+2 省公安厅\\e]0;pwned\\a\\x01"/' "$H/units.yaml"
sed -i -E 's/^    name: 宜昌市$/    name: "=HYPERLINK(\\"x\\") 宜昌市\\e[2J\\r"/' "$H/regions.yaml"
grep -q 'pwned' "$H/units.yaml" && grep -q 'HYPERLINK' "$H/regions.yaml" || { echo "FAIL: test set-up"; exit 1; }
# A second hostile folder whose data cannot be read (input errors), for the findings formats.
B="$T/中文 a#b%c/broken #2"
mkdir -p "$B"
cp "$SRC"/examples/province/*.yaml "$B/"
printf 'kind: regions\nversion: 1\nregions:\n  - {id: "错误\x01", name: "地区\x1b[31m", class: 巡查对象x}\n' \
  >"$B/$(printf '\xb4\xed')-bad.yaml"

# The injecting folder. The values live in one JSON file (the expectations of the checks below);
# the YAML writes them as double-quoted scalars (a JSON string is one).
I="$T/inject"
mkdir -p "$I"
cp "$SRC"/examples/province/*.yaml "$I/"
FORGED=$'tours\n::error file=FORGED.yaml,line=1::forged\n.yaml'
mv "$I/tours.yaml" "$I/$FORGED"
$PY - "$I" "$T/expect.json" <<'PY' || { echo "FAIL: test set-up (injecting folder)"; exit 1; }
import json, sys
d = sys.argv[1]
expect = {
    "region": "宜昌\x1b[31m\x01\n::error file=REGION.yaml::forged <img src=x onerror=alert(1)> *b* _i_ [l](http://x) | # `c` ~s~ &amp; _x001B_ \"q\" \\ 市",
    "unit": "=公安\x1b]0;t\x07\t_x0041_ _x005F_x0041_ 'u' \\n 厅",
    "province": "湖北\x1b\x7f<b>|_x001B_\"\\省",
}
def put(name, old, new):
    p = f"{d}/{name}"; text = open(p, encoding="utf-8").read()
    assert old in text, (name, old)
    open(p, "w", encoding="utf-8").write(text.replace(old, new, 1))
put("regions.yaml", "    name: 宜昌市\n", "    name: " + json.dumps(expect["region"]) + "\n")
put("units.yaml", "    name: 省公安厅\n", "    name: " + json.dumps(expect["unit"]) + "\n")
open(f"{d}/policy.yaml", "w", encoding="utf-8").write(
    "kind: policy\nversion: 1\nprovince: " + json.dumps(expect["province"]) + "\n")
json.dump(expect, open(sys.argv[2], "w"))
PY

cd "$T" || exit 1
GOOD=("ex:$SRC/examples/province" "hostile-abs:$H" "hostile-rel:中文 a#b%c/数据 1" "inject:$I")
DATASETS=("${GOOD[@]}" "broken:中文 a#b%c/broken #2")
x() { "$BIN" --as-of "$AS_OF" "$@"; }

# ---- SARIF ----
for ds in "${DATASETS[@]}"; do
  name=${ds%%:*}; dir=${ds#*:}
  for cmd in check teams ledger; do
    x "$cmd" "$dir" -f sarif >"$T/out.sarif"
    $PY - "$SRC/tests/schemas/sarif-schema-2.1.0.json" "$T/out.sarif" <<'PY' || fail "sarif $cmd $name"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2], encoding="utf-8"))
v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
errs = sorted(v.iter_errors(doc), key=str)
for e in errs[:5]: print(" ", e.message[:300], list(e.absolute_path))
run = doc["runs"][0]
assert run.get("columnKind") == "unicodeCodePoints", "columnKind"
for r in run["tool"]["driver"]["rules"]:
    assert r["help"]["text"] and r["defaultConfiguration"]["level"], r["id"]
for res in run["results"]:
    for loc in res.get("locations", []):
        a = loc["physicalLocation"]["artifactLocation"]
        assert a["uri"].startswith("file:///") or a.get("uriBaseId") == "%SRCROOT%", a
        assert "#" not in a["uri"] and " " not in a["uri"], a
sys.exit(1 if errs else 0)
PY
  done
done

# ---- JUnit ----
for ds in "${DATASETS[@]}"; do
  name=${ds%%:*}; dir=${ds#*:}
  for cmd in check teams ledger; do
    for failon in error warning never; do
      x "$cmd" "$dir" -f junit --fail-on "$failon" >"$T/out.xml"
      xmllint --noout --schema "$SRC/tests/schemas/jenkins-junit-10.xsd" "$T/out.xml" 2>"$T/xmllint.err" ||
        { fail "junit $cmd $name --fail-on $failon"; head -5 "$T/xmllint.err"; }
      $PY - "$T/out.xml" "$cmd" <<'PY' || fail "junit counts $cmd $name --fail-on $failon"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot(); suite = root.find("testsuite")
cases = suite.findall("testcase")
assert suite.get("name") == "xuncha " + sys.argv[2], suite.get("name")
assert len(cases) > 0, "no test case"
assert int(suite.get("tests")) == len(cases)
assert int(suite.get("failures")) == len(suite.findall("testcase/failure")), "failures"
assert int(suite.get("errors")) == len(suite.findall("testcase/error")), "errors"
names = [c.get("name") for c in cases]
assert len(names) == len(set(names)), "duplicate test cases"
PY
    done
  done
done

# ---- check --report FMT=FILE: several reports from one run, each equal to its -f output ----
for ds in "${DATASETS[@]}"; do
  dir=${ds#*:}
  rm -f "$T"/rep.*
  x check "$dir" -f concise --report sarif="$T/rep.sarif" --report junit="$T/rep.xml" --report json="$T/rep.json" \
    --report csv="$T/rep.csv" >/dev/null 2>&1
  for f in sarif:sarif junit:xml json:json csv:csv; do
    x check "$dir" -f "${f%%:*}" >"$T/direct" 2>/dev/null
    cmp -s "$T/direct" "$T/rep.${f#*:}" || fail "check --report ${f%%:*} differs from -f ${f%%:*} ($dir)"
  done
  ls -a "$T" | grep -q '^\.rep\.' && fail "--report left a temporary file"
done

# ---- JSON (parsed; validated against the output schemas) ----
json_run() {  # OUTPUT-KIND ARGS...
  local kind=$1; shift
  x "$@" -f json >"$T/out.json"
  "$BIN" schema --output "$kind" >"$T/schema.json" || { fail "xuncha schema --output $kind"; return; }
  $PY - "$T/schema.json" "$T/out.json" "$kind" <<'PY' || fail "json $* ($kind)"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
errs = sorted(jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc), key=str)
for e in errs[:5]: print(" ", e.message[:300], list(e.absolute_path))
assert doc["tool"] == "xuncha" and doc["schema_version"] == 1 and doc["output"] == sys.argv[3]
sys.exit(1 if errs else 0)
PY
}
for ds in "${DATASETS[@]}"; do
  dir=${ds#*:}
  json_run check check "$dir"
  json_run teams teams "$dir"
done
for ds in "${GOOD[@]}"; do
  dir=${ds#*:}
  json_run deadlines deadlines "$dir" --all
  json_run ledger ledger "$dir"
  json_run config config "$dir"
done
# A repository configuration read by `xuncha config`.
mkdir -p "$T/repo/.git" "$T/repo/data"
printf 'ignore: [T101]\nfail-on: warning\nseverity: {L006: warning}\n' >"$T/repo/xuncha.yaml"
json_run config config "$T/repo/data"
for ds in "${GOOD[@]}"; do
  dir=${ds#*:}
  json_run schedule schedule "$dir" --from 2027 --explain
  json_run teams-suggest teams "$dir" --suggest T2025-huanggang
  json_run draft draft report "$dir" --tour T2025-huanggang
  json_run draft draft annual "$dir" --year 2025
done
json_run staff staff "$SRC/examples/province" --schedule "$SRC/tests/data/staff/schedule-2027.yaml" --explain
json_run diff diff "$SRC/tests/data/diff/schedule-old.yaml" "$SRC/tests/data/diff/schedule-new.json"
json_run diff diff "$SRC/tests/data/diff/plan-old.yaml" "$SRC/tests/data/diff/plan-new.yaml"
json_run diff diff "$SRC/tests/data/diff/plan-old.yaml" "$SRC/tests/data/diff/plan-old.yaml"
json_run rule rule
json_run rule rule T101
json_run workdays workdays add 2026-09-30 3
json_run workdays workdays between 2026-09-30 2026-10-09
json_run workdays workdays is 2026-10-01
json_run workdays workdays list 2026-10

# The golden json outputs (tests/golden/cases) against the same schemas.
for case in "$SRC"/tests/golden/cases/*/; do
  args=$(cat "$case/args")
  [[ " $args " == *" -f json "* ]] && [[ "$args" != *" -o "* ]] && [ -s "$case/stdout" ] || continue
  kind=$(tr ' ' '\n' <<<"$args" | grep -xE 'check|teams|deadlines|schedule|staff|ledger|workdays|rule|config|draft|diff' | head -1)
  [[ "$args" == *--suggest* ]] && kind=teams-suggest
  "$BIN" schema --output "$kind" >"$T/schema.json" || { fail "schema for golden $(basename "$case")"; continue; }
  $PY - "$T/schema.json" "$case/stdout" <<'PY' || fail "golden $(basename "$case") against its schema"
import json, sys, jsonschema
errs = list(jsonschema.Draft7Validator(json.load(open(sys.argv[1]))).iter_errors(json.load(open(sys.argv[2]))))
for e in errs[:3]: print(" ", e.message[:300], list(e.absolute_path))
sys.exit(1 if errs else 0)
PY
  golden_json=$((${golden_json:-0}+1))
done
[ "${golden_json:-0}" -ge 5 ] || fail "only ${golden_json:-0} golden json outputs found"

# ---- CSV ----
for ds in "${GOOD[@]}"; do
  dir=${ds#*:}
  for lang in en zh; do
    for args in "check" "teams" "deadlines --all" "schedule --from 2027" "ledger"; do
      # shellcheck disable=SC2086
      LANG=$([ $lang = zh ] && echo zh_CN.UTF-8 || echo C.UTF-8) x $args "$dir" -f csv --bom >"$T/out.csv"
      $PY - "$T/out.csv" "${args%% *}" >"$T/head.$lang.${args%% *}" <<'PY' || fail "csv $args $dir LANG=$lang"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows, "empty"
for r in rows[1:]:
    assert len(r) == len(rows[0]), (len(r), r)
    for c in r:
        assert not c or c[0] not in "=+-@\t\r" or c.lstrip("-").isdigit(), ("formula", c)
print(rows[0])
try:
    import pandas  # the reader most analysts use, when installed
except ImportError:
    sys.exit(0)
df = pandas.read_csv(sys.argv[1], encoding="utf-8-sig", dtype=str, keep_default_na=False)
assert list(df.columns) == rows[0] and len(df) == len(rows) - 1, (list(df.columns), len(df))
PY
    done
  done
done
for k in check teams deadlines schedule ledger; do
  cmp -s "$T/head.en.$k" "$T/head.zh.$k" || fail "csv header of $k changes with LANG"
done

# ---- YAML ----
x schedule "$H" --from 2027 -f yaml -o "$T/plan.yaml" || fail "schedule -f yaml"
$PY - "$T/plan.yaml" <<'PY' || fail "yaml: PyYAML"
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
regions = {t["region"] for t in doc["tours"]}
assert all(isinstance(t["id"], str) and isinstance(t["region"], str) for t in doc["tours"]), "ids not strings"
assert {"429006", "0420100", "no"} & regions, regions
assert isinstance(doc["province"], str)
PY
x check "$H" "$T/plan.yaml" -q >/dev/null; [ $? -le 1 ] || fail "yaml: check reads the schedule back"

# ---- ics ----
for ds in "${GOOD[@]}"; do
  dir=${ds#*:}
  for lang in en zh; do
    x schedule "$dir" --from 2027 -f ics --lang $lang >"$T/s.ics"
    x deadlines "$dir" --all -f ics --lang $lang --ics-events >"$T/d.ics"
    x ledger "$dir" -f ics --lang $lang >"$T/l.ics"
    $PY - "$T/s.ics" "$T/d.ics" $lang "$T/l.ics" "${ds%%:*}" <<'PY' || fail "ics $dir $lang"
import sys, re, icalendar
s = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
d = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
ev = [c for c in s.walk("VEVENT")]; todo = [c for c in s.walk("VTODO")]
assert ev and todo
l = icalendar.Calendar.from_ical(open(sys.argv[4], "rb").read())
assert list(l.walk("VTODO")), "the ledger's to-dos"
for c in ev + todo + list(d.walk("VEVENT")) + list(d.walk("VTODO")) + list(l.walk("VTODO")):
    assert "SEQUENCE" in c and "LAST-MODIFIED" in c and "DTSTAMP" in c, c.get("UID")
    assert re.fullmatch(r"[^@]+@[a-z0-9.-]+\.xuncha", str(c["UID"])), c["UID"]
    if sys.argv[3] == "en" and sys.argv[5] != "inject":  # (the injected names hold '_')
        assert "_" not in str(c["SUMMARY"]), c["SUMMARY"]
assert list(d.walk("VEVENT")), "--ics-events gives events"
uids = [str(c["UID"]) for c in list(d.walk("VEVENT")) + list(d.walk("VTODO"))]; assert len(uids) == len(set(uids))
PY
  done
done

# ---- the injecting folder: values read back in each consumer ----
E="$T/expect.json"
x schedule "$I" --from 2027 -f yaml -o "$T/i.yaml" || fail "inject: schedule -f yaml"
x ledger "$I" --propose-lookbacks >"$T/i-lookbacks.yaml"; [ $? -le 1 ] || fail "inject: ledger --propose-lookbacks"
$PY - "$E" "$T/i.yaml" "$T/i-lookbacks.yaml" <<'PY' || fail "inject: yaml (PyYAML)"
import json, sys, yaml
e = json.load(open(sys.argv[1]))
doc = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
assert doc["province"] == e["province"], ("province", doc["province"])
assert doc["tours"], "no tours"
lb = yaml.safe_load(open(sys.argv[3], encoding="utf-8"))
assert lb["kind"] == "tours", lb
PY
x check "$I" "$T/i.yaml" -q >/dev/null 2>&1; [ $? -le 1 ] || fail "inject: check reads the schedule back"

x schedule "$I" --from 2027 -f json >"$T/i.json" || fail "inject: schedule -f json"
x check "$I" -f json >"$T/i-check.json"
$PY - "$E" "$T/i.json" "$T/i-check.json" "$I" <<'PY' || fail "inject: json read back"
import json, sys
e = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2], encoding="utf-8"))
assert s["province"] == e["province"], s["province"]
assert e["region"] in {t["name"] for t in s["tours"]}, "region name"
c = json.load(open(sys.argv[3], encoding="utf-8"))
forged = sys.argv[4] + "/tours\n::error file=FORGED.yaml,line=1::forged\n.yaml"
assert forged in {d["file"] for d in c["diagnostics"]}, "the forged file name, as it is"
PY

x schedule "$I" --from 2027 -f csv >"$T/i.csv" || fail "inject: schedule -f csv"
$PY - "$E" "$T/i.csv" <<'PY' || fail "inject: csv read back"
import csv, json, sys
e = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert e["region"] in {r["name"] for r in rows}, "region name"
PY

# xlsx: openpyxl opens the workbooks; the shared strings, decoded as OOXML says (_xHHHH_ is the
# character, _x005F_ an underscore), hold the values as written. (openpyxl 3.0 itself decodes only
# _x005F_, so values are compared on the decoded XML.)
x schedule "$I" --from 2027 -f xlsx -o "$T/i-schedule.xlsx" || fail "inject: schedule -f xlsx"
x ledger "$I" -f xlsx -o "$T/i-ledger.xlsx"; [ $? -le 1 ] || fail "inject: ledger -f xlsx"
x check "$I" -f xlsx -o "$T/i-check.xlsx"; [ $? -le 1 ] || fail "inject: check -f xlsx"
$PY - "$E" "$T/i-schedule.xlsx" "$T/i-ledger.xlsx" "$T/i-check.xlsx" "$I" <<'PY' || fail "inject: xlsx (openpyxl)"
import json, re, sys, zipfile, openpyxl
import xml.etree.ElementTree as ET
e = json.load(open(sys.argv[1]))
def decoded(path):
    openpyxl.load_workbook(path)  # raises on a document XML or openpyxl refuses
    z = zipfile.ZipFile(path)
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    ooxml = lambda raw: re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), raw)
    out = {ooxml("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)}
    props = ET.fromstring(z.read("docProps/core.xml"))
    title = ooxml(next((t.text for t in props.iter() if t.tag.endswith("}title")), ""))
    return out, title, openpyxl.load_workbook(path).sheetnames
s, title, _ = decoded(sys.argv[2])
assert e["region"] in s, "schedule: region name"
assert any(e["province"] in v for v in s), "schedule: province in the title line"
assert e["province"] in title, ("doc title", title)
l, _, sheets = decoded(sys.argv[3])
assert any(e["province"] in v for v in l), "ledger: province in the title line"
assert all(not any(ord(c) < 32 for c in n) for n in sheets), sheets
c, _, _ = decoded(sys.argv[4])
assert sys.argv[5] + "/tours\n::error file=FORGED.yaml,line=1::forged\n.yaml" in c, "check: the file name"
PY

# Markdown: Python-Markdown (with tables) renders no element the data wrote; the region's cell
# reads as the name (a line break shown as <br>, control characters as \xHH: base/terminal.hpp).
x schedule "$I" --from 2027 -f md >"$T/i.md" || fail "inject: schedule -f md"
$PY - "$E" "$T/i.md" <<'PY' || fail "inject: md (Python-Markdown)"
import json, sys, markdown
from html.parser import HTMLParser
e = json.load(open(sys.argv[1]))
html = markdown.markdown(open(sys.argv[2], encoding="utf-8").read(), extensions=["tables"])
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = set(); self.cells = []; self.rows = []; self.cell = None; self.h1 = None
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "tr": self.rows.append(0)
        if tag in ("td", "th"): self.rows[-1] += 1
        if tag == "td": self.cell = ""
        if tag == "h1": self.h1 = ""
    def handle_endtag(self, tag):
        if tag == "td": self.cells.append(self.cell); self.cell = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
        if self.h1 is not None and not self.cells: self.h1 += data
p = P(); p.feed(html)
assert p.tags <= {"h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "br"}, p.tags
assert set(p.rows) == {8}, ("cells per row", set(p.rows))
shown = lambda v: v.replace("\n", "").replace("\x1b", "\\x1B").replace("\x01", "\\x01").replace("\x7f", "\\x7F")
assert shown(e["region"]) + " *" in p.cells or shown(e["region"]) in p.cells, "region cell"
assert shown(e["province"]) in p.h1, ("title", p.h1)
PY
x schedule "$I" --from 2027 -f html >"$T/i.html" || fail "inject: schedule -f html"
grep -q '<img' "$T/i.html" && fail "inject: html holds the data's <img>"

# ics: the names in SUMMARY read back with control characters as U+FFFD (RFC 5545 TEXT has none).
x schedule "$I" --from 2027 -f ics >"$T/i.ics" || fail "inject: schedule -f ics"
$PY - "$E" "$T/i.ics" <<'PY' || fail "inject: ics read back"
import json, re, sys, icalendar
e = json.load(open(sys.argv[1]))
cal = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
want = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "\ufffd", e["region"])
assert any(want in str(c["SUMMARY"]) for c in cal.walk("VEVENT")), "region name in a SUMMARY"
PY

# The forged file name: text, concise and github print it on one line, quoted the way git does;
# no line of stdout or stderr starts a workflow command but github's own annotations.
QUOTED="\"$I/tours\\n::error file=FORGED.yaml,line=1::forged\\n.yaml\""
for f in text concise github; do
  x check "$I" -f "$f" -v >"$T/f.out" 2>"$T/f.err"
  [ "$f" = github ] || grep -qF "$QUOTED" "$T/f.out" || fail "forged file name: $f does not print it quoted"
  grep -qF "$QUOTED" "$T/f.err" || fail "forged file name: -v ($f) does not list it quoted"
  if grep -E '^::' "$T/f.out" "$T/f.err" | grep -Ev '^[^:]*f\.out:::(error|warning|notice) file=[^:,]*,line=[0-9]+,col=[0-9]+,title=[^:,]*::' | grep -q .; then
    fail "forged file name: a workflow command that is not xuncha's ($f)"
  fi
  [ "$f" = github ] && { grep -q '^::error file=.*tours%0A%3A%3Aerror file=FORGED.yaml%2Cline=1%3A%3Aforged%0A.yaml,' "$T/f.out" ||
    fail "forged file name: github does not escape the file property"; }
done

# ---- terminal text: no control characters; tables fit $COLUMNS (table lines: not indented,
# cells apart by two spaces, or the rule under a header) ----
for args in "check" "teams" "deadlines --all" "schedule --from 2027" "ledger" "config"; do
  # shellcheck disable=SC2086
  x $args "$H" >"$T/out.txt" 2>&1
  # shellcheck disable=SC2086
  x $args "$B" >>"$T/out.txt" 2>&1
  # shellcheck disable=SC2086
  x $args "$I" >>"$T/out.txt" 2>&1
  LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$T/out.txt" && fail "control character in the text of $args"
  grep -q '^::' "$T/out.txt" && fail "a value from the data starts a line of the text of $args"
done
for args in "check" "teams" "deadlines --all" "rule" "schedule --from 2027" "ledger"; do
  for cols in 80 200; do
    # shellcheck disable=SC2086
    COLUMNS=$cols x $args "$SRC/examples/province" >"$T/out.txt" 2>/dev/null
    wide=$($PY -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
import re
lines = [l for l in open(sys.argv[1], encoding='utf-8').read().splitlines()
         if re.fullmatch(r'-+', l) or (not l[:1].isspace() and re.search(r'\S  +\S', l))]
print(max((w(l) for l in lines), default=0))" "$T/out.txt")
    [ "$wide" -le "$cols" ] || fail "$args at COLUMNS=$cols: a line is $wide columns"
  done
done

[ $fails = 0 ] && echo "consumers: all passed" || echo "consumers: $fails failed"
[ $fails = 0 ]
