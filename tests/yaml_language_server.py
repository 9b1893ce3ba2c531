#!/usr/bin/python3
"""The real yaml-language-server over the examples: no diagnostic on any example file.

Installs yaml-language-server (the pinned version below) from npm into a temporary folder, starts
it over LSP stdio with the settings an editor sends by default (validation on, YAML 1.2, no
schema associations), and opens every YAML file of examples/province/ with its schema named by a
modeline on each document (as README.md shows) pointing at the `xuncha schema` output. Every
diagnostic the server publishes is a failure: the editor must agree with `xuncha check`, which
finds the examples clean of field errors. It also opens a few files with known mistakes and
expects the server to flag each of them, so that "no diagnostic" cannot come from a schema that
was never applied (one in the second document of a file: the modeline after `---` covers it), and
a few that `xuncha check` accepts and the editor once flagged (issue 21), expecting silence.
Hovering over the first use of each key in each example file must show its description in
Chinese and English.

Exit 77 (ctest SKIP) when npm or node is missing or the registry cannot be reached.

Usage: yaml_language_server.py XUNCHA SOURCE_DIR [FILE...]   (FILEs: print their diagnostics)
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

VERSION = "1.25.0"
MODELINE = "# yaml-language-server: $schema="


def skip(why):
    print(f"SKIP: {why}")
    sys.exit(77)


class Server:
    def __init__(self, exe, root):
        self.proc = subprocess.Popen(["node", str(exe), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.diagnostics = {}  # uri -> list (the last publishDiagnostics)
        self.settings = {"yaml": {"validate": True, "hover": True, "completion": True, "schemas": {},
                                  "yamlVersion": "1.2", "schemaStore": {"enable": False}}}
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                    "capabilities": {"workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)

    def read(self):
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("yaml-language-server exited")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        msg = json.loads(self.proc.stdout.read(length))
        if msg.get("method") == "workspace/configuration":
            self.send({"jsonrpc": "2.0", "id": msg["id"],
                       "result": [self.settings.get(i.get("section", ""), None) if i.get("section") else self.settings
                                  for i in msg["params"]["items"]]})
        elif "id" in msg and "method" in msg:  # any other request of the server's: an empty answer
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
        elif msg.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[msg["params"]["uri"]] = msg["params"]["diagnostics"]
        return msg

    def wait(self, pred):
        while True:
            m = self.read()
            if pred(m):
                return m

    def check(self, path, text):
        """The diagnostics of one document, once the server has validated it."""
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return self.diagnostics[uri]

    def hovers(self, path, text):
        """(line, key, hover text) for the first use of each key in a file."""
        uri = path.as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})
        self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        out, seen = [], set()
        for n, line in enumerate(text.splitlines()):
            m = re.match(r"^(\s*(?:- )?)([A-Za-z_][A-Za-z0-9_]*):", line)
            if not m or m.group(2) in seen:
                continue
            seen.add(m.group(2))
            r = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                    "position": {"line": n, "character": len(m.group(1)) + 1}})
            contents = ((r.get("result") or {}).get("contents") or {})
            out.append((n, m.group(2), contents.get("value", "") if isinstance(contents, dict) else str(contents)))
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return out

    def close(self):
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def with_modelines(text, schema):
    """`text` with the README's modeline at the top of every document."""
    out = []
    first = True
    for line in text.splitlines(keepends=True):
        if line.startswith(MODELINE):
            continue
        if first:
            out.append(f"{MODELINE}{schema}\n")
            first = False
        out.append(line)
        if line.rstrip() == "---":
            out.append(f"{MODELINE}{schema}\n")
    return "".join(out)


def install(prefix):
    if not shutil.which("npm") or not shutil.which("node"):
        skip("npm or node is not installed")
    try:
        r = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--no-save",
                            # an unreachable registry is a skip, soon (npm retries for minutes)
                            "--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-retry-maxtimeout=5000",
                            f"yaml-language-server@{VERSION}"], capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:
        skip("npm install timed out")
    if r.returncode != 0:
        skip(f"npm install yaml-language-server@{VERSION} failed (registry unreachable?): {r.stderr.strip()[-300:]}")
    exe = prefix / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
    if not exe.exists():
        skip("yaml-language-server was not installed")
    return exe


# Mistakes the server must flag (else "no diagnostic" proves nothing): text, what it shows.
MISTAKES = [
    ("kind: regions\nversion: 1\nregions:\n  - {id: R1, name: 甲市, class: city, counties: 1.5}\n", "non-whole count"),
    ("kind: tours\nversion: 1\ntours:\n  - {id: T1, region: R1, start: 2021-02-30}\n", "impossible date"),
    ("kind: tours\nversion: 1\ntours:\n  - {id: T1, region: R1, year: 2026, serious: maybe}\n", "not a boolean"),
    ("kind: calendar\nversion: 1\nyears:\n  1800: {holidays: [1800-01-01]}\n", "year key out of range"),
    ("kind: regions\nversion: 1\nregions: []\n---\nkind: tours\nversion: 1\ntours:\n  - {id: T1, regoin: R1}\n",
     "mistake in a second document"),
]
# What xuncha check accepts and the editor once flagged (issue 21): it must stay quiet.
CLEAN = [
    ("kind: policy\nversion: 1\nledger:\n  listing_level: {1: province, 2: province, 3: city, 4: county}\n",
     "listing_level keyed by grade"),
    ("kind: tours\nversion: 1\ntours:\n  - {id: T1, region: R1, start: 2024-02-29, serious: yes, team: null}\n",
     "serious: yes"),
    ("kind: regions\nversion: 1\nregions:\n  - {id: R1, name: 甲市, class: 市, counties: 0x0D, days: 1e1, risk: 3.0}\n",
     "integers written as YAML 1.2 numbers"),
    ("kind: calendar\nversion: 1\nyears:\n  2026: {holidays: [2026-01-01]}\n  \"2027\": {workdays: []}\n",
     "year keys"),
]


def main():
    xuncha, src = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="xuncha-yls-") as tmp:
        tmp = pathlib.Path(tmp)
        cached = os.environ.get("XUNCHA_YLS_PREFIX")  # a folder with the pinned server already installed
        exe = install(pathlib.Path(cached) if cached else tmp / "npm")
        schema = tmp / "xuncha.json"
        schema.write_text(subprocess.run([xuncha, "schema"], check=True, capture_output=True, text=True).stdout,
                          encoding="utf-8")
        server = Server(exe, tmp)
        failures = hovered = 0
        try:
            if len(sys.argv) > 3:
                for name in sys.argv[3:]:
                    p = pathlib.Path(name).resolve()
                    text = p.read_text(encoding="utf-8-sig")
                    doc = tmp / p.name
                    for d in server.check(doc, with_modelines(text, schema)):
                        print(f"{p}:{d['range']['start']['line']}: {d['message']}")
                return 0
            files = sorted(p for p in (src / "examples" / "province").rglob("*.yaml"))
            for p in files:
                text = with_modelines(p.read_text(encoding="utf-8-sig"), schema)
                # Opened from the temporary folder: the modeline is the only schema it has.
                doc = tmp / "examples" / p.relative_to(src / "examples")
                doc.parent.mkdir(parents=True, exist_ok=True)
                diags = server.check(doc, text)
                for d in diags:
                    failures += 1
                    line = d["range"]["start"]["line"]
                    print(f"FAIL {p.relative_to(src)}: line {line} (with modelines): {d['message']}")
                # Hover over each key says what it is, in Chinese and English ("中文 / English").
                for line, key, value in server.hovers(doc, text):
                    hovered += 1
                    if not re.search(r"[\u4e00-\u9fff][^\n]* / [A-Za-z0-9(]", value):
                        failures += 1
                        print(f"FAIL {p.relative_to(src)}: line {line}: hover over '{key}' shows no description "
                              f"in Chinese and English: {value[:120]!r}")
            for i, (text, what) in enumerate(MISTAKES):
                diags = server.check(tmp / f"mistake{i}.yaml", with_modelines(text, schema))
                if not diags:
                    failures += 1
                    print(f"FAIL the server says nothing about a {what}: the schema was not applied?")
            for i, (text, what) in enumerate(CLEAN):
                for d in server.check(tmp / f"clean{i}.yaml", with_modelines(text, schema)):
                    failures += 1
                    print(f"FAIL {what}: line {d['range']['start']['line']}: {d['message']}")
        finally:
            server.close()
        print(f"{len(files)} example files ({hovered} keys hovered), {len(MISTAKES)} planted mistakes, "
              f"{len(CLEAN)} clean snippets, "
              f"yaml-language-server {VERSION}, "
              f"{time.monotonic() - start:.1f} s: {'ok' if not failures else f'{failures} failure(s)'}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
