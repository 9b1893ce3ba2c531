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

    # A tour's contact record (phone, mailbox, e-mail, address, hours) goes out in its own columns
    # and comes back the same.
    contact = src / "tests" / "data" / "import" / "contact-tours.yaml"
    run("export", "tours", str(province), str(contact), "-f", "xlsx", "-o", str(tmp / "contact.xlsx"), "--as-of", "2026-11-30")
    run("import", "tours", str(tmp / "contact.xlsx"), "-o", str(tmp / "contact.yaml"), "-q")
    header = [c.value for c in openpyxl.load_workbook(tmp / "contact.xlsx").worksheets[0][2]]
    for h in ("举报电话", "邮政信箱", "电子邮箱", "巡查组驻地", "受理时间"):
        if h not in header:
            failures.append(f"tours: no column {h} in the export")
    if (tmp / "contact.yaml").exists():
        want = {t["id"]: t.get("contact") for t in yaml.safe_load(contact.read_text())["tours"]}
        got = {t["id"]: t.get("contact") for t in yaml.safe_load((tmp / "contact.yaml").read_text())["tours"]}
        for tid, c in want.items():
            if got.get(tid) != c:
                failures.append(f"tours {tid}: contact {c} came back as {got.get(tid)}")

    # --into: the office edits the exported roster (a rank changed, a row deleted, a person
    # added) and merges it back: one update listed, one record added, the deleted one kept.
    wb = openpyxl.load_workbook(tmp / "people.xlsx")
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    col = {h: i + 1 for i, h in enumerate(header)}
    first_id = ws.cell(3, col["编号"]).value
    ws.cell(3, col["职级"]).value = "正处级"
    deleted = ws.cell(4, col["编号"]).value
    ws.delete_rows(4)
    new_row = ws.max_row + 1
    for h, v in {"姓名": "新 同志", "工作单位": "省应急厅", "职级": "科级", "类别": "工作人员"}.items():
        ws.cell(new_row, col[h]).value = v
    wb.save(tmp / "people-edited.xlsx")
    data = tmp / "into"
    shutil.copytree(province, data)
    before = (data / "people.yaml").read_text()
    dry = run("import", "people", str(tmp / "people-edited.xlsx"), "--into", str(data), "--dry-run", "--lang", "en")
    if (data / "people.yaml").read_text() != before:
        failures.append("--dry-run wrote the file")
    p = run("import", "people", str(tmp / "people-edited.xlsx"), "--into", str(data), "--lang", "en")
    err = p.stderr.decode()
    if dry.stderr.decode().replace("(dry run, nothing written) ", "").replace("; written", "") != err.replace("; written", ""):
        failures.append(f"--dry-run and the real run report differently:\n{dry.stderr.decode()}\n{err}")
    after = yaml.safe_load((data / "people.yaml").read_text())["people"]
    got = {r["id"]: r for r in after}
    if got.get(first_id, {}).get("rank") != "正处" or f"update {first_id}" not in err:
        failures.append(f"--into: {first_id}'s rank not updated or not listed: {got.get(first_id)} {err}")
    if deleted not in got or "kept as they are" not in err or deleted not in err.split("kept as they are")[1]:
        failures.append(f"--into: {deleted} (deleted in the sheet) not kept and listed: {err}")
    added = [r for r in after if r.get("name") == "新同志"]
    if len(added) != 1 or added[0].get("unit") != "yjt" or "added 1" not in err:
        failures.append(f"--into: the new person not added once: {added} {err}")
    if len(after) != len(yaml.safe_load(before)["people"]) + 1:
        failures.append(f"--into: {len(after)} people after the merge")
    code, _ = findings(data)
    if any(f[0].startswith("L") for f in findings(data)[1]):
        failures.append("--into: the merged data set has input errors")
    again = run("import", "people", str(tmp / "people-edited.xlsx"), "--into", str(data), "--lang", "en")
    if "0 updated, 0 added" not in again.stderr.decode():
        failures.append(f"--into twice: the second run changes something: {again.stderr.decode()}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
