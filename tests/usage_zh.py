#!/usr/bin/env python3
"""Under --lang zh (or LANG=zh_CN.UTF-8) every usage error is Chinese: no English word.

For every subcommand, from its own --help: an unknown flag, each option without its value,
each option with a value it cannot take, a misspelt command, and the usage errors each command
raises itself (bad dates, unknown ids, formats, sizes). Every case must exit 2 with one message on
stderr, and that message, once what the user typed is taken out of it (quoted 「…」 values, flags,
commands, file names) and the codes the user types (values listed after 可用：, data-format
words such as kind: schedule), must hold no English word.

usage: usage_zh.py XUNCHA SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

xuncha = os.path.abspath(sys.argv[1])
source = os.path.abspath(sys.argv[2])

# Words the user writes in data or on the command line, kept as they are in Chinese text.
CODES = {"xuncha", "YAML", "JSON", "CSV", "UTF", "BOM", "GBK", "GB18030", "TMPDIR", "kind", "schedule", "teams",
         "tours", "regions", "policy", "province", "version", "findings", "rule", "subject", "count", "baseline",
         "text", "json", "yaml", "csv", "md", "html", "ics", "xlsx", "man", "add", "between", "is", "list", "off",
         "info", "warning", "error", "never", "team", "YYYY", "MM", "DD", "iconv", "help", "select", "fail", "on",
         "lang", "exclude", "calendar", "severity", "max", "file", "size"}


def commands():
    out = subprocess.run([xuncha, "--help"], capture_output=True, text=True).stdout
    part = out.split("Subcommands:", 1)[1]
    return [m.group(1) for m in re.finditer(r"^  ([a-z]+)\s", part, re.M)]


def options(command):
    """(flag, takes_value, type) for each option of the command's --help, global ones included."""
    out = subprocess.run([xuncha, command, "--help"], capture_output=True, text=True).stdout
    found = []
    for m in re.finditer(r"^  (-[-\w,]+)(?: ([A-Z]+)\S*)?", out, re.M):
        names = m.group(1).split(",")
        flag = [n for n in names if n.startswith("--")] or names
        if flag[0] in ("--help", "-h"):
            continue
        found.append((flag[0], m.group(2) is not None, m.group(2) or ""))
    return found


def english_left(text):
    t = re.sub(r"「[^」]*」", " ", text)
    t = re.sub(r"`[^`]*`", " ", t)
    t = re.sub(r"可用[^：]{0,4}：[^；。\n（]*", " ", t)
    t = re.sub(r"^\S+?:(\d+:\d+:)? ", " ", t, flags=re.M)  # the file a finding is about
    t = re.sub(r"(?<![\w])--?[\w-]+(=\S*)?", " ", t)  # flags
    t = re.sub(r"xuncha(?: [a-z]+)?", " ", t)
    t = re.sub(r"\S+\.(yaml|yml|csv|xlsx|txt|ics|json|html)\b", " ", t)  # file names
    t = re.sub(r"\[[A-Z]\d+\] [a-z-]+", " ", t)  # a finding's rule id and slug
    t = re.sub(r"'[^']*'", " ", t)  # paths as quote_path writes them
    t = re.sub(r"\bkind: [a-z]+", " ", t)
    words = re.findall(r"[A-Za-z]{2,}", t)
    return [w for w in words if w not in CODES]


def main():
    work = tempfile.mkdtemp(prefix="xuncha-usage-zh-")
    try:
        data = os.path.join(work, "province")
        shutil.copytree(os.path.join(source, "examples", "province"), data)
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="")
        env.pop("LC_ALL")
        cases = []
        for cmd in commands():
            cases.append([cmd, "--no-such-flag"])
            for flag, takes_value, type_ in options(cmd):
                if not takes_value:
                    cases.append([cmd, "province", flag + "=yes"])
                    continue
                cases.append([cmd, "province", flag])  # the value is missing
                if type_ in ("INT", "UINT"):
                    cases.append([cmd, "province", flag, "many"])
                elif flag in ("--as-of",):
                    cases.append([cmd, "province", flag, "2026-02-30"])
                elif flag in ("--max-file-size",):
                    cases.append([cmd, "province", flag, "12Q"])
                elif flag in ("--severity",):
                    cases.append([cmd, "province", flag, "T101"])
                elif flag in ("--select", "--ignore"):
                    cases.append([cmd, "province", flag, "ZZ999"])
                elif flag in ("-f", "--format"):
                    cases.append([cmd, "province", flag, "docx"])
                elif flag in ("--region", "--tour", "--team", "--suggest"):
                    cases.append([cmd, "province", flag, "nowhere"])
                elif flag in ("--keep", "--baseline", "--schedule", "--policy", "--calendar", "--regions"):
                    cases.append([cmd, "province", flag, "missing.yaml"])
        cases += [["chek", "province"], ["schedule", "province"], ["schedule", "province", "--from", "1900"],
                  ["workdays"], ["workdays", "add"], ["workdays", "add", "2026-13-01", "3"],
                  ["workdays", "add", "2026-01-05", "x"], ["workdays", "list", "20x6"], ["workdays", "jump", "1"],
                  ["rule", "T999"], ["schema", "nosuchkind"], ["init"], ["init", "province"],
                  ["check", "province", "--report", "nosuch=out.txt"], ["check", "province", "-o", ""],
                  ["deadlines", "province", "--ics-events"], ["ledger", "province", "--propose-lookbacks", "-f", "csv"],
                  ["teams", "province", "--suggest", "x", "--team", "y"], ["completion", "tcsh"],
                  ["check", "nowhere"], ["deadlines", "province", "--overdue", "--all"],
                  ["-j", "0", "check", "province"],
                  ["diff"], ["diff", "missing.yaml"], ["diff", "missing.yaml", "other.yaml"],
                  ["diff", "province/regions.yaml", "province/regions.yaml"], ["diff", "province", "province"],
                  ["diff", "province/teams.yaml", "province/teams.yaml", "-f", "csv"], ["--color", "sometimes", "check", "province"]]
        CODES.update(commands())
        failures = []
        seen = 0
        for argv in cases:
            for how in ("flag", "env"):
                full = [xuncha, "--lang", "zh"] + argv if how == "flag" else [xuncha] + argv
                e = dict(env, LANG="zh_CN.UTF-8") if how == "env" else env
                p = subprocess.run(full, cwd=work, capture_output=True, text=True, env=e, timeout=60)
                if p.returncode != 2:
                    continue  # a value the option takes (a free text): not a usage error
                seen += 1
                # (check reports unreadable input as findings, on standard output)
                said = p.stderr if p.stderr.strip() or argv[0] != "check" else p.stdout
                lines = [l for l in said.splitlines() if l.strip()]
                if not lines:
                    failures.append(f"{' '.join(argv)} ({how}): exit 2 with nothing said")
                    continue
                left = english_left(said)
                if left:
                    failures.append(f"{' '.join(argv)} ({how}): English {sorted(set(left))} in:\n{said}")
                if len(lines) > 3:
                    failures.append(f"{' '.join(argv)} ({how}): {len(lines)} lines for one usage error:\n{said}")
        if seen < 100:
            failures.append(f"only {seen} usage errors were produced; the case list has gone stale")
        for f in failures:
            print("FAIL:", f)
        print(f"{seen} usage errors under --lang zh / LANG=zh_CN, {len(failures)} with English")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
