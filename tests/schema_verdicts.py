#!/usr/bin/python3
"""The schema accepts exactly what the loader accepts: both verdicts over one corpus.

Every case is a YAML file. The loader's verdict is `xuncha check -f json`: rejected when it reports
an error of the schema's scope in that file. The schema's verdict is `xuncha schema` applied with
python3-jsonschema to every document of the file, read as an editor reads it (yaml-language-server:
YAML 1.2 core schema, so 2026-03-01 and yes are text, 0x0D and 13.0 are numbers, quotes are gone).
The two must agree on every case.

The schema's scope: field errors, one document at a time: wrong type (L002), missing field (L003),
unknown field (L004), bad date (L007), empty document (L009), unknown kind (L010), unknown version
(L011), invalid value (L013). Out of its scope, and so not compared: references between records and
files (L006), duplicate ids (L005), rule findings (C…, T…, D…), and the few checks that compare two
fields of a record (team_size min > max, a batch or blackout that ends before it starts, batches
that overlap, a tour's year that is not its start's, a range given with its old exact count); files YAML cannot read (syntax errors, not UTF-8, spreadsheets) and duplicate keys
(L014, which a YAML reader sees before any schema) are counted apart. One disagreement is known
and counted apart: an id written as a number with a '+' (id: +13) is the number 13 to an editor,
which the schema cannot tell from 13, and the id "+13" to the loader, which refuses the '+'.
Not probed, and known to disagree the same way: a key of digits written otherwise (01: for 1: in
ledger.listing_level) is the key 1 to an editor and the unknown key "01" to the loader.

The corpus:
  * examples/ (each file as it is, examples/broken/ included), tests/data/ and the golden cases'
    inputs: the loader's accept and reject files;
  * the single-mistake mutations of examples/province (tests/mutations/run.py), each mutated file;
  * probes: for every field of every kind (walked from the schema), a minimal valid document with
    that field set to each of the spellings people write or editors read differently: yes and
    "yes", 0x0D, 0o15, +13, 013, 13.0, 1e1, 1.5, .inf, "13", null and ~, impossible and
    out-of-range dates (2021-02-30, 2100-02-29, 1899-12-31), quoted dates, MM-DD days, Chinese
    and English choices, lists and maps where a scalar goes, ids with full-width punctuation...

Usage: schema_verdicts.py XUNCHA SOURCE_DIR [-v]   (Debian's python3-jsonschema and python3-yaml)
"""
import importlib.util
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml


XUNCHA, SRC = os.path.realpath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
VERBOSE = "-v" in sys.argv[3:]
SCHEMA_RULES = {"L002", "L003", "L004", "L007", "L009", "L010", "L011", "L013"}
# L013 findings that compare two fields (or records): beyond one value's schema.
CROSS_FIELD = re.compile(r"is greater than max|ends before it starts|overlaps batch|disagrees with start|, not both")


# ---- YAML as yaml-language-server reads it (YAML 1.2 core schema) ----

class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {}
for tag, rx, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)"
     r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$", "-+.0123456789"),
    ("tag:yaml.org,2002:merge", r"^<<$", "<"),
]:
    Loader.add_implicit_resolver(tag, re.compile(rx), list(first))


def _int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)


def _float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v in (".nan",):
        return float("nan")
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return float(v)


def _bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


Loader.add_constructor("tag:yaml.org,2002:int", _int)
Loader.add_constructor("tag:yaml.org,2002:float", _float)
Loader.add_constructor("tag:yaml.org,2002:bool", _bool)


def js_key(k):
    """A map key as the editor's validator names it (String(value) in JavaScript)."""
    if isinstance(k, bool):
        return "true" if k else "false"
    if k is None:
        return "null"
    if isinstance(k, float) and k.is_integer():
        return str(int(k))
    return str(k)


def as_json(v):
    if isinstance(v, dict):
        return {js_key(k): as_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [as_json(x) for x in v]
    return v


class Unreadable(Exception):
    pass


def documents(text):
    try:
        return [as_json(d) for d in yaml.load_all(text, Loader=Loader)]
    except yaml.YAMLError as e:
        raise Unreadable(str(e).splitlines()[0])


# ---- the two verdicts ----

def schema_of():
    out = subprocess.run([XUNCHA, "schema"], check=True, capture_output=True, text=True).stdout
    # The id pattern's \p{L}\p{M}\p{N} (ECMA-262, as editors read it) is beyond Python's `re`:
    # \w is its letters and digits of every script (combining marks aside; no case has one).
    s = json.loads(out.replace(r"\\p{L}\\p{M}\\p{N}", r"\\w"))
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


def schema_verdict(validator, text):
    """None: accepted; else the first error."""
    docs = documents(text)
    if all(d is None for d in docs):
        return "empty file"  # the loader: L009
    for d in docs:
        if d is None:
            return "empty document"
        err = jsonschema.exceptions.best_match(validator.iter_errors(d))
        if err is not None:
            return f"{'/'.join(str(p) for p in err.absolute_path)}: {err.message[:160]}"
    return None


def loader_verdicts(folder):
    """file name -> (schema-scope errors, errors out of scope that make the case moot)."""
    p = subprocess.run([XUNCHA, "--lang", "en", "check", str(folder), "-f", "json", "--as-of", "2026-11-30"],
                       capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    try:
        out = json.loads(p.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"xuncha check {folder}: no JSON (exit {p.returncode}): {p.stderr[:400]}")
    res = {}
    for d in out["diagnostics"]:
        if d["severity"] != "error" or not d["file"]:
            continue
        name = pathlib.Path(d["file"]).name
        mine, moot = res.setdefault(name, ([], []))
        if d["rule"] in SCHEMA_RULES and not CROSS_FIELD.search(d["message_en"]):
            mine.append(f"{d['rule']} line {d['line']}: {d['message_en'][:160]}")
        elif d["rule"] in {"L001", "L008", "L012", "L014", "L015"} or CROSS_FIELD.search(d["message_en"]):
            moot.append(d["rule"])
    return res


# ---- the corpus ----

def file_cases():
    """(name, text) of the YAML files of examples/, tests/data/ and the golden cases."""
    roots = [SRC / "examples", SRC / "tests" / "data", SRC / "tests" / "golden" / "cases"]
    for root in roots:
        for p in sorted(root.rglob("*.y*ml")):
            raw = p.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue  # not UTF-8 (L008): no YAML reader gets that far
            if not re.search(r"^kind:", text.lstrip("\ufeff"), re.M):
                continue  # not a data file (configuration, baselines, expected outputs)
            yield str(p.relative_to(SRC)), raw


def mutation_cases(tmp):
    """(name, bytes) of each file the single-mistake mutations change."""
    spec = importlib.util.spec_from_file_location("mutations", SRC / "tests" / "mutations" / "run.py")
    argv, sys.argv = sys.argv, [str(SRC / "tests" / "mutations" / "run.py"), XUNCHA, str(SRC)]
    try:
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
    finally:
        sys.argv = argv
    example = SRC / "examples" / "province"
    for n, (name, mutate, _hint, _rule) in enumerate(m.CASES):
        data = tmp / f"mut{n:03d}"
        shutil.copytree(example, data)
        try:
            file, _line = mutate(str(data))
        except SystemExit:
            continue
        path = data / file
        if path.exists() and path.suffix in (".yaml", ".yml"):
            yield f"mutation: {name} ({file})", path.read_bytes()
        shutil.rmtree(data)


# Spellings to try in every field: (label, YAML text).
PROBES = [
    "yes", '"yes"', "Yes", "NO", "true", '"true"', "False", "maybe",
    "0", "13", "+13", "-1", "013", "0x0D", "0o15", "13.0", "1e1", "1.5", ".inf", '"13"', "99999999999999999999",
    "01", "1.0", "0x1",
    "null", "~", '""',
    "2026-03-01", '"2026-03-01"', "2021-02-30", "2024-02-29", "2100-02-29", "2000-02-29", "1899-12-31",
    "2199-12-31", "2200-01-01", "2026-3-1", "20260301",
    "03-01", "02-29", "02-30", "13-01", '"12-31"',
    "city", "市", "province", "省级", "regular", "一级", "1", "2", "5", "major", "error", "bogus",
    "[a, b]", "[]", "[2026-03-01]", "{a: 1}", "{}",
    "p001", "张三", "T1：x", '"a b"', "x.y-z_1", "2025",
]


def minimal(schema, defs, key=""):
    """A small valid value of `schema` (required keys only)."""
    if "$ref" in schema:
        return minimal(defs[schema["$ref"].split("/")[-1]], defs, key)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    t = schema.get("type")
    t = t[0] if isinstance(t, list) else t
    if t == "object":
        if "properties" not in schema:
            return {}
        # Required keys, and the first key of an "at least one of" (a tour's year).
        keys = schema.get("required", []) + [alt["required"][0] for alt in schema.get("anyOf", [])[:1]]
        return {k: minimal(schema["properties"][k], defs, k) for k in keys}
    if "anyOf" in schema:
        return minimal(schema["anyOf"][0], defs, key)
    if t == "array":
        return [minimal(schema["items"], defs)] if schema.get("minItems") else []
    if t == "integer":
        if key == "year" and schema.get("minimum", 0) <= 2026 <= schema.get("maximum", 0):
            return 2026  # the year of the dates probed (a tour's year must be its start's)
        return schema.get("minimum", 1)
    if t == "boolean":
        return True
    if t == "string":
        pat = schema.get("pattern", "")
        if "02-" in pat and "(?:19|20|21)" in pat:
            return "2199-12-31" if key in ("to", "until", "end") else "2026-03-01"
        if "02-" in pat:
            return "12-31" if key == "to" else "01-01"
        return "x1"
    return "x1"


def fields(schema, defs, path=()):
    """(path, key) of every property below an object schema; a list's item is the step 0."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].split("/")[-1]]
    t = schema.get("type")
    types = t if isinstance(t, list) else [t]
    if "array" in types and "items" in schema:
        yield from fields(schema["items"], defs, path + (0,))
        return
    for k, sub in schema.get("properties", {}).items():
        yield path + (k,)
        yield from fields(sub, defs, path + (k,))
    if isinstance(schema.get("propertyNames"), dict) and "additionalProperties" in schema:
        yield path + ("<key>",)  # a year key
        yield from fields(schema["additionalProperties"], defs, path + ("2026",))


def emit(v, indent):
    """YAML text of a value built by minimal() (block maps, flow JSON for scalars)."""
    pad = " " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "\n" + "".join(f"{pad}{k}:{' ' if not isinstance(x, (dict, list)) or not x else ''}{emit(x, indent + 2)}\n"
                              for k, x in v.items()).rstrip("\n")
    if isinstance(v, list):
        if not v:
            return "[]"
        return "\n" + "".join(f"{pad}- {emit(x, indent + 2).lstrip()}\n" for x in v).rstrip("\n")
    return json.dumps(v, ensure_ascii=False)


RAW = "\x00RAW\x00"

# What no schema can see: an id written as a YAML number whose spelling holds a character ids may not
# (+13 is the number 13 to an editor, the id "+13" to the loader, which refuses the '+').
KNOWN = re.compile(r"^probe [a-z_]+: (?:[a-z_]+\.0\.)?id = \+13$")


def probe_cases(validator):
    root = validator.schema
    defs = root["$defs"]
    for kind, kschema in defs.items():
        seen = set()
        for path in fields(kschema, defs):
            if path in seen or path == ("kind",):
                continue
            seen.add(path)
            for probe in PROBES:
                # kind: always (a calendar's may be left out only in a --calendar file).
                doc = {"kind": kind, "version": 1, **minimal(kschema, defs)}
                # Walk to the parent, creating minimal records on the way.
                node, sch = doc, kschema
                ok = True
                for step in path[:-1]:
                    if "$ref" in sch:
                        sch = defs[sch["$ref"].split("/")[-1]]
                    if step == 0:
                        sch = sch["items"]
                        if not node:
                            node.append(minimal(sch, defs))
                        node = node[0]
                    elif "properties" in sch and step in sch["properties"]:
                        sch = sch["properties"][step]
                        if step not in node or node[step] is None or node[step] == []:
                            t = sch.get("type")
                            t = t if isinstance(t, list) else [t]
                            node[step] = [] if "array" in t else minimal(sch, defs)
                        node = node[step]
                    else:  # a year key's record
                        sch = sch["additionalProperties"]
                        node = node.setdefault(step, minimal(sch, defs))
                    if not isinstance(node, (dict, list)):
                        ok = False
                        break
                if not ok:
                    continue
                last = path[-1]
                if last == "<key>":
                    node[RAW + probe] = {}
                else:
                    node[last] = RAW + probe
                text = emit(doc, 0).lstrip("\n") + "\n"
                # The raw spelling replaces its JSON-quoted placeholder.
                text = text.replace(json.dumps(RAW + probe, ensure_ascii=False), probe).replace(RAW + probe, probe)
                yield f"probe {kind}: {'.'.join(str(s) for s in path)} = {probe}", text.encode()


def main():
    validator = schema_of()
    with tempfile.TemporaryDirectory(prefix="xuncha-verdicts-") as tmp:
        tmp = pathlib.Path(tmp)
        cases = list(file_cases()) + list(mutation_cases(tmp)) + list(probe_cases(validator))
        folder = tmp / "corpus"
        folder.mkdir()
        names = {}
        for i, (name, raw) in enumerate(cases):
            (folder / f"c{i:05d}.yaml").write_bytes(raw)
            names[f"c{i:05d}.yaml"] = (name, raw)
        loader = loader_verdicts(folder)
        agree = disagree = moot = known = 0
        counts = {"accept": 0, "reject": 0}
        for file, (name, raw) in names.items():
            mine, out_of_scope = loader.get(file, ([], []))
            if out_of_scope:
                moot += 1
                if VERBOSE:
                    print(f"out of scope ({', '.join(sorted(set(out_of_scope)))}): {name}")
                continue
            try:
                s = schema_verdict(validator, raw.decode("utf-8"))
            except (Unreadable, UnicodeDecodeError) as e:
                moot += 1
                if VERBOSE:
                    print(f"out of scope (YAML cannot read it: {e}): {name}")
                continue
            if (s is None) == (not mine):
                agree += 1
                counts["accept" if s is None else "reject"] += 1
                continue
            if KNOWN.search(name):
                known += 1
                continue
            disagree += 1
            print(f"DISAGREE {name}")
            print(f"  loader: {'accepts' if not mine else mine[0]}")
            print(f"  schema: {'accepts' if s is None else s}")
            if VERBOSE:
                print("  " + raw.decode("utf-8", "replace").replace("\n", "\n  "))
        print(f"{len(cases)} cases: {agree} agree ({counts['accept']} accepted by both, {counts['reject']} rejected by "
              f"both), {disagree} disagree, {known} known to disagree (ids written as numbers with '+'), {moot} out of the schema's scope (unreadable YAML, duplicate keys, "
              f"checks across fields)")
        return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
