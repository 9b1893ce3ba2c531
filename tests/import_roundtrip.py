#!/usr/bin/env python3
"""The workbook round trip (issue 22): for every kind import reads, `xuncha export KIND
examples/province -f xlsx` then `xuncha import KIND` gives the same records as the YAML they
came from (PyYAML reads both), and the example province with the imported file in place of the
original loads clean and has the same findings under `xuncha check`. The exported sheet is also
read with openpyxl: a Chinese header under a title row, drop-down lists on coded columns, a
notes sheet.

Usage: import_roundtrip.py XUNCHA SOURCE_DIR     exit 0 pass, 1 fail, 77 skipped (no openpyxl/yaml)"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
    import yaml
except ImportError as e:
    print(f"skipped: {e}")
    sys.exit(77)

xuncha, src = sys.argv[1], pathlib.Path(sys.argv[2])
province = src / "examples" / "province"
KINDS = ["people", "units", "regions", "tours", "appointments", "problems", "hazards", "leads", "public_reports"]
failures = []


def run(*args, expect=(0,)):
    p = subprocess.run([xuncha, *args], capture_output=True, text=False)
    if p.returncode not in expect:
        failures.append(f"xuncha {' '.join(map(str, args))}: exit {p.returncode}\n{p.stderr.decode()}")
    return p


def kind_file(kind):
    for f in sorted(province.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text())
        if isinstance(doc, dict) and doc.get("kind") == kind:
            return f, doc[kind]
    raise SystemExit(f"no {kind} file in {province}")


def findings(folder):
    p = subprocess.run([xuncha, "check", str(folder), "--as-of", "2026-11-30", "-f", "json"], capture_output=True)
    out = json.loads(p.stdout)
    return p.returncode, sorted((f["rule"], f.get("subject", ""), f["message"]) for f in out["diagnostics"])


base_code, base = findings(province)
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for kind in KINDS:
        xlsx, back = tmp / f"{kind}.xlsx", tmp / f"{kind}.yaml"
        run("export", kind, str(province), "-f", "xlsx", "-o", str(xlsx), "--as-of", "2026-11-30")
        run("import", kind, str(xlsx), "-o", str(back), "-q")
        if not back.exists():
            continue
        path, original = kind_file(kind)
        imported = yaml.safe_load(back.read_text())[kind]
        if len(imported) != len(original):
            failures.append(f"{kind}: {len(original)} records exported, {len(imported)} imported")
        for a, b in zip(original, imported):
            if a != b:
                diff = {k: (a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k)}
                failures.append(f"{kind} {a.get('id')}: differs after the round trip: {diff}")
                break
        # The province with the imported file in place of the original: same findings.
        copy = tmp / f"province-{kind}"
        shutil.copytree(province, copy)
        (copy / path.name).unlink()
        shutil.copy(back, copy / path.name)
        code, found = findings(copy)
        if (code, found) != (base_code, base):
            extra = sorted(set(found) ^ set(base))[:5]
            failures.append(f"{kind}: check differs with the imported file (exit {code} vs {base_code}): {extra}")
        # The sheet as an office sees it.
        wb = openpyxl.load_workbook(xlsx)
        ws = wb.worksheets[0]
        if [s.title for s in wb.worksheets][1:] != ["填写说明"]:
            failures.append(f"{kind}: sheets {[s.title for s in wb.worksheets]}, expected the kind's and 填写说明")
        header = [c.value for c in ws[2]]
        if header[0] != "编号" or not ws["A1"].value:
            failures.append(f"{kind}: title {ws['A1'].value!r}, header {header[:3]}")
        if kind in ("regions", "problems", "hazards", "leads", "people", "units", "tours"):
            if not ws.data_validations.dataValidation:
                failures.append(f"{kind}: no drop-down list on the coded columns")
    print(f"import round trip: {len(KINDS)} kinds")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
