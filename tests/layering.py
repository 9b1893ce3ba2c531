#!/usr/bin/env python3
"""The library's layers, checked from its includes (see docs/ARCHITECTURE.md).

Every module of lib/ has a layer; a file may include headers of its own layer or of lower
layers only. Also checked, because they are what makes the library a library:
  - lib/ never prints, exits or reads the clock or the environment (tools/ does that);
  - no library source or header file is over 600 lines;
  - every module folder has a layer (a new folder must be given one here and in the document).

tools/ (the CLI) has its own layers, by folder: base/ < render/ < project/, documents/ < app/ <
commands/ < main.cpp. A tools file includes tools headers by their path from tools/ ("render/xml.hpp"),
of its own folder or of a lower layer; every tools source sits in one of those folders.

Usage: layering.py SOURCE_DIR     exit 0 clean, 1 with one line per violation.
"""
import pathlib
import re
import sys

# Lowest first. Modules on the same layer may include each other only where listed in SIDEWAYS.
LAYERS = {
    "core": 0,
    "text": 0,
    "model": 1,
    "calendar": 2,
    "load": 3,
    "deadlines": 4,
    "schedule": 4,
    "ledger": 4,
    "import": 4,
    "rules": 5,
    "staff": 6,
}
# Same-layer includes that are part of the design (none yet: domain algorithms stay apart).
SIDEWAYS: set[tuple[str, str]] = set()

MAX_LINES = 600
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]xuncha/([a-z_]+)/')
# What only tools/ may do. Matched on code with comments and strings removed.
FORBIDDEN = [
    (re.compile(r"\bstd::(cout|cerr|clog)\b"), "prints (std::cout/cerr)"),
    (re.compile(r"(?<![\w:.])(printf|puts|fprintf|fputs|perror)\s*\("), "prints (stdio)"),
    (re.compile(r"\bfmt::print\s*\("), "prints (fmt::print)"),
    (re.compile(r"(?<![\w.])(std::)?(exit|_Exit|quick_exit|abort)\s*\("), "exits the process"),
    (re.compile(r"\b(system_clock|steady_clock|high_resolution_clock)\b"), "reads the clock"),
    (re.compile(r"(?<![\w.])(std::)?(time|clock|localtime|gmtime)\s*\("), "reads the clock"),
    (re.compile(r"(?<![\w.])(std::)?(getenv|secure_getenv)\s*\("), "reads the environment"),
]
# Allowed exceptions: (relative path, reason). Keep this empty unless a reason is written down.
ALLOW: dict[str, str] = {}


# tools/: lowest first. project/ and documents/ are independent of each other.
TOOLS_LAYERS = {
    "base": 0,       # the run's state, format names, selection, atomic writes
    "render": 1,     # every renderer: findings, tables, html pages, docx, xlsx, ics, ...
    "project": 2,    # repository features: config, baseline, suppressions
    "documents": 2,  # what xuncha draft's documents say (render/ lays them out)
    "app": 3,        # the command line, the list of commands, loading the inputs
    "commands": 4,   # one cmd_<name>.cpp per subcommand and the logic only it uses
}
TOOLS_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def check_tools(root: pathlib.Path, problems: list[str]) -> int:
    tools = root / "tools"
    files = sorted(p for p in tools.rglob("*") if p.suffix in {".hpp", ".cpp"})
    for path in files:
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(tools).parts
        if len(parts) == 1:
            if parts[0] != "main.cpp":
                problems.append(f"{rel}: tools sources live in a folder ({', '.join(TOOLS_LAYERS)})")
            folder, layer = "main", len(TOOLS_LAYERS)
        elif parts[0] not in TOOLS_LAYERS or len(parts) != 2:
            problems.append(f"{rel}: folder has no layer (add it to tests/layering.py and "
                            f"docs/ARCHITECTURE.md)")
            continue
        else:
            folder, layer = parts[0], TOOLS_LAYERS[parts[0]]
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            m = TOOLS_INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1).split("/")
            if len(target) != 2 or target[0] not in TOOLS_LAYERS:
                problems.append(f"{rel}:{number}: include \"{m.group(1)}\" by its path from "
                                    f"tools/ (folder/file.hpp)")
                continue
            if not (tools / m.group(1)).exists():
                problems.append(f"{rel}:{number}: \"{m.group(1)}\" does not exist")
            elif TOOLS_LAYERS[target[0]] > layer:
                problems.append(f"{rel}:{number}: {folder} (layer {layer}) includes {target[0]} "
                                f"(layer {TOOLS_LAYERS[target[0]]}): an include must not go up")
            elif TOOLS_LAYERS[target[0]] == layer and target[0] != folder:
                problems.append(f"{rel}:{number}: {folder} includes {target[0]}, on the same "
                                f"layer: they stay apart")
    return len(files)


def strip_comments_and_strings(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'R"([^(\s]*)\(.*?\)\1"', '""', text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"'(?:\\.|[^'\\\n])*'", "''", text)


def module_of(path: pathlib.Path, lib: pathlib.Path) -> str | None:
    rel = path.relative_to(lib).parts
    if rel[0] == "include" and len(rel) >= 4 and rel[1] == "xuncha":
        return rel[2]
    if rel[0] == "src" and len(rel) >= 3:
        return rel[1]
    return None


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    lib = root / "lib"
    problems: list[str] = []
    files = sorted(p for p in lib.rglob("*") if p.suffix in {".hpp", ".cpp", ".h", ".inc"})
    if not files:
        print(f"layering: no sources under {lib}", file=sys.stderr)
        return 2
    for path in files:
        rel = path.relative_to(root).as_posix()
        module = module_of(path, lib)
        if module is None:
            problems.append(f"{rel}: outside lib/include/xuncha/<module>/ and lib/src/<module>/")
            continue
        if module not in LAYERS:
            problems.append(f"{rel}: module '{module}' has no layer (add it to tests/layering.py "
                            f"and docs/ARCHITECTURE.md)")
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        count = len(lines) - (1 if text.endswith("\n") else 0)
        if count > MAX_LINES:
            problems.append(f"{rel}: {count} lines (at most {MAX_LINES}: split it along its sections)")
        for number, line in enumerate(lines, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            if target not in LAYERS:
                problems.append(f"{rel}:{number}: includes module '{target}', which has no layer")
            elif LAYERS[target] > LAYERS[module]:
                problems.append(f"{rel}:{number}: {module} (layer {LAYERS[module]}) includes "
                                f"{target} (layer {LAYERS[target]}): an include must not go up")
            elif (LAYERS[target] == LAYERS[module] and target != module
                  and (module, target) not in SIDEWAYS):
                problems.append(f"{rel}:{number}: {module} includes {target} on the same layer "
                                f"({LAYERS[module]}); domain modules stay apart")
        if rel in ALLOW:
            continue
        code = strip_comments_and_strings(text).split("\n")
        for number, line in enumerate(code, 1):
            for pattern, what in FORBIDDEN:
                if pattern.search(line):
                    problems.append(f"{rel}:{number}: {what}; only tools/ may")
    tool_files = check_tools(root, problems)
    for p in problems:
        print(p)
    if problems:
        print(f"layering: {len(problems)} violation(s) in {len(files)} library and {tool_files} "
              f"tools files", file=sys.stderr)
        return 1
    print(f"layering: {len(files)} library and {tool_files} tools files, every include goes down, "
          f"no library file over {MAX_LINES} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
