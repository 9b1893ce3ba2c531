#!/usr/bin/python3
"""The JSON Schemas of `xuncha schema` against the examples, with a real validator.

Every YAML document in examples/ (outside examples/broken/) must pass both the combined schema
(xuncha.json) and its kind's schema; each file of examples/broken/ that shows a schema error
must fail, and those whose error is beyond a schema (references, duplicate ids) must pass.
YAML is read as an editor's language server reads it: dates stay strings, keys become strings.
Every field of every kind has a description for hover: Chinese and English ("中文 / English")
by default, one language with --lang zh or --lang en. (tests/schema_verdicts.py compares the
schema's verdicts with the loader's on a large corpus.)

Usage: schema_examples.py XUNCHA SOURCE_DIR   (Debian's python3-jsonschema and python3-yaml)
"""
import json
import pathlib
import subprocess
import sys

import re

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


def unique_keys(pairs):
    """A JSON object, refusing a key given twice (JSON parsers differ on which one wins)."""
    keys = [k for k, _ in pairs]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise SystemExit(f"FAIL xuncha schema: key {sorted(dup)[0]!r} twice in one object")
    return dict(pairs)


def schema(*args):
    out = subprocess.run([xuncha, "schema", *args], check=True, capture_output=True, text=True).stdout
    # The id pattern's \p{L}\p{M}\p{N} (ECMA-262, as editors read it) is beyond Python's `re`:
    # \w is its letters and digits of every script (combining marks aside).
    out = out.replace(r"\\p{L}\\p{M}\\p{N}", r"\\w")
    s = json.loads(out, object_pairs_hook=unique_keys)
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

# Every property has a description, in the language asked for.
CJK = re.compile(r"[\u4e00-\u9fff]")


def properties(node, path=""):
    """(path, schema) of every property of every object in a schema."""
    if isinstance(node, dict):
        for key in ("properties", "patternProperties"):
            for k, v in node.get(key, {}).items():
                yield f"{path}.{k}", v
                yield from properties(v, f"{path}.{k}")
        for key, v in node.items():
            # (anyOf: a scalar's alternatives, or a record's "one of these keys", not fields)
            if key not in ("properties", "patternProperties", "anyOf"):
                yield from properties(v, path if key in ("items", "additionalProperties", "$defs") else f"{path}/{key}")
    elif isinstance(node, list):
        for v in node:
            yield from properties(v, path)


described = 0
for lang in ("", "zh", "en"):
    s = json.loads(subprocess.run([xuncha, *(["--lang", lang] if lang else []), "schema"], check=True,
                                  capture_output=True, text=True).stdout)
    for path, p in properties(s["$defs"]):
        d = p.get("description", "")
        ok = {"": bool(re.match(r"^(.*[\u4e00-\u9fff].*) / [A-Za-z0-9]", d)),
              "zh": bool(CJK.search(d)) and " / " not in d,
              "en": bool(re.match(r"^[A-Za-z0-9(]", d)) and " / " not in d}[lang]
        if not ok:
            print(f"FAIL {'--lang ' + lang if lang else 'default'}: {path} has no description in "
                  f"{ {'': 'Chinese and English', 'zh': 'Chinese', 'en': 'English'}[lang] }: {d!r}")
            failed += 1
        described += lang == ""

print(f"schema: {checked} documents checked, {described} fields described, {failed} failures")
sys.exit(1 if failed else 0)
