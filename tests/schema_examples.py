#!/usr/bin/python3
"""The JSON Schemas of `xuncha schema` against the examples, with a real validator.

Every YAML document in examples/ (outside examples/broken/) must pass both the combined schema
(xuncha.json) and its kind's schema; each file of examples/broken/ that shows a schema error
must fail, and those whose error is beyond a schema (references, duplicate ids) must pass.
YAML is read as an editor's language server reads it: dates stay strings, keys become strings.

Usage: schema_examples.py XUNCHA SOURCE_DIR      (Debian's python3-jsonschema and python3-yaml)
"""
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml

xuncha, src = sys.argv[1], pathlib.Path(sys.argv[2])


class Loader(yaml.SafeLoader):
    pass


# As YAML 1.2 and yaml-language-server: 2026-03-01 is a string, not a date object.
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def documents(path):
    with open(path, encoding="utf-8-sig") as f:
        return [json.loads(json.dumps(d)) for d in yaml.load_all(f, Loader=Loader) if d is not None]


def schema(*args):
    out = subprocess.run([xuncha, "schema", *args], check=True, capture_output=True, text=True).stdout
    s = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(s)
    return s


checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
combined = jsonschema.Draft202012Validator(schema(), format_checker=checker)
kinds = subprocess.run([xuncha, "schema", "--list"], check=True, capture_output=True, text=True).stdout.split()
by_kind = {k: jsonschema.Draft202012Validator(schema(k), format_checker=checker) for k in kinds}


def errors(doc):
    errs = [e.message for e in combined.iter_errors(doc)]
    if isinstance(doc, dict) and doc.get("kind") in by_kind:
        errs += [e.message for e in by_kind[doc["kind"]].iter_errors(doc)]
    return errs


failed = 0
checked = 0
for path in sorted(src.glob("examples/**/*.y*ml")):
    if "broken" in path.parts:
        continue
    for doc in documents(path):
        checked += 1
        for e in errors(doc):
            print(f"FAIL {path.relative_to(src)}: {e}")
            failed += 1

# Schema errors in examples/broken/ (see its README), and errors only `xuncha check` can see.
must_fail = ["wrong-type", "missing-field", "unknown-field", "bad-date", "non-iso-date", "unknown-kind",
             "unknown-version"]
must_pass = ["duplicate-id", "unknown-reference", "bom-crlf"]
for name in must_fail + must_pass:
    path = src / "examples" / "broken" / f"{name}.yaml"
    errs = [e for doc in documents(path) for e in errors(doc)]
    if name in must_fail and not errs:
        print(f"FAIL examples/broken/{name}.yaml: the schema accepts it")
        failed += 1
    if name in must_pass and errs:
        print(f"FAIL examples/broken/{name}.yaml: rejected by the schema: {errs[0]}")
        failed += 1
    checked += 1

print(f"schema: {checked} documents checked, {failed} failures")
sys.exit(1 if failed else 0)
