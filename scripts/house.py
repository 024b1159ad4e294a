#!/usr/bin/env python3
"""The house rules of src/ (issue 13), checked on every test run:

- no Rust source file over 600 lines, no function over 150 lines (from its
  `fn` line to the closing brace at the same indentation);
- no circle of imports between files, nor between the folders of a folder
  (a folder's `mod.rs` may use its children; a child never uses its own
  `mod.rs` back when that `mod.rs` uses it);
- the document (`src/engine/document/`) imports no feature of the engine,
  only the kernels (money, timeline, calendar, lang); the engine imports no
  web type (`leptos`, `web_sys`, `gloo`, `wasm_bindgen`, `js_sys`).

Prints what breaks a rule, with its place, and exits 1; `--graph` prints the
file-level import graph.
"""
import os
import re
import sys

SRC = "src"
MAX_FILE_LINES = 600
MAX_FN_LINES = 150
KERNELS = {"money", "timeline", "calendar", "lang"}
WEB_CRATES = ("leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys")


def rust_files():
    for d, _, fs in os.walk(SRC):
        for f in sorted(fs):
            if f.endswith(".rs"):
                yield os.path.join(d, f)


def module_of(path):
    """The module path of a file: src/engine/pricing/mod.rs -> [engine, pricing]."""
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel[-1] == "mod" or rel in (["lib"], ["main"]):
        rel = rel[:-1]
    if rel and rel[0] == "bin":
        return None
    return rel


FILES = {}


def file_of(segments):
    """The file holding the longest module prefix of `segments`."""
    for n in range(len(segments), 0, -1):
        prefix = segments[:n]
        key = tuple(prefix)
        if key in FILES:
            return FILES[key]
    return None


def expand_use(tree):
    """`a::{b, c::{d, e}}` -> ['a::b', 'a::c::d', 'a::c::e']."""
    tree = re.sub(r"\s+", "", tree)
    depth, start = 0, None
    for i, ch in enumerate(tree):
        if ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                head = tree[:start]
                inner = tree[start + 1 : i]
                parts, d, last = [], 0, 0
                for j, c in enumerate(inner):
                    if c == "{":
                        d += 1
                    elif c == "}":
                        d -= 1
                    elif c == "," and d == 0:
                        parts.append(inner[last:j])
                        last = j + 1
                parts.append(inner[last:])
                out = []
                for p in parts:
                    if p:
                        out += expand_use(head + p)
                return out
    return [tree]


def paths_in(path, module):
    """(line, absolute module path) of everything `path` refers to in the crate."""
    text = open(path).read()
    lines = text.split("\n")
    refs = []
    nested_from = None
    for i, l in enumerate(lines):
        if re.match(r"^\s*(pub(\(\w+\))? )?mod \w+ \{", l) and nested_from is None:
            nested_from = i
    own_children = set(re.findall(r"^\s*(?:pub(?:\(\w+\))? )?mod (\w+);", text, re.M))
    for m in re.finditer(r"(?m)^\s*(?:pub(?:\([\w:]+\))? )?use ([^;]+);", text):
        line = text.count("\n", 0, m.start())
        for p in expand_use(m.group(1)):
            refs.append((line, p))
    code = re.sub(r"(?m)^\s*(?:pub(?:\([\w:]+\))? )?use [^;]+;", "", text)
    code = re.sub(r"//[^\n]*", "", code)
    for m in re.finditer(r"(?<![\w:])((?:crate|super|\w+)(?:::\w+)+)", code):
        head = m.group(1).split("::")[0]
        if head in ("crate", "super") or head in own_children:
            refs.append((code.count("\n", 0, m.start()), m.group(1)))
    out = []
    for line, p in refs:
        seg = [s for s in p.split("::") if s]
        here = list(module)
        if nested_from is not None and line > nested_from:
            here = here + ["<inner>"]
        if seg[0] == "crate":
            absolute = seg[1:]
        elif seg[0] == "super":
            base = here
            while seg and seg[0] == "super":
                base = base[:-1]
                seg = seg[1:]
            absolute = [s for s in base if s != "<inner>"] + seg
        elif seg[0] == "self":
            absolute = [s for s in here if s != "<inner>"] + seg[1:]
        elif seg[0] in own_children:
            absolute = [s for s in here if s != "<inner>"] + seg
        else:
            continue
        out.append((line + 1, absolute))
    return out


def cycles(graph):
    """Every strongly connected component with more than one node."""
    index, low, stack, on, result, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                result.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def main():
    problems = []
    paths = list(rust_files())
    for p in paths:
        m = module_of(p)
        if m is not None:
            FILES[tuple(m)] = p
    # Sizes.
    for p in paths:
        lines = open(p).read().split("\n")
        n = len(lines) - (1 if lines and lines[-1] == "" else 0)
        if n > MAX_FILE_LINES:
            problems.append(f"{p}: {n} lines (at most {MAX_FILE_LINES})")
        for i, l in enumerate(lines):
            fm = re.match(r"^(\s*)(pub(\([a-z]+\))? )?(async )?(const )?fn (\w+)", l)
            if not fm:
                continue
            for j in range(i + 1, len(lines)):
                if lines[j] == fm.group(1) + "}":
                    if j - i > MAX_FN_LINES:
                        problems.append(
                            f"{p}:{i + 1}: fn {fm.group(6)} is {j - i} lines (at most {MAX_FN_LINES})"
                        )
                    break
    # Imports.
    edges = {}
    where = {}
    for p in paths:
        m = module_of(p)
        if m is None:
            continue
        text = open(p).read()
        if p.startswith(os.path.join(SRC, "engine")):
            for crate in WEB_CRATES:
                for hit in re.finditer(rf"\b{crate}::", text):
                    line = text.count("\n", 0, hit.start()) + 1
                    problems.append(f"{p}:{line}: the engine uses a web type ({crate})")
        for line, absolute in paths_in(p, m):
            target = file_of(absolute)
            if target is None or target == p:
                continue
            edges.setdefault(p, set()).add(target)
            where.setdefault((p, target), line)
            if p.startswith(os.path.join(SRC, "engine", "document")) and absolute[:1] == ["engine"]:
                part = absolute[1] if len(absolute) > 1 else ""
                if part not in KERNELS and part != "document":
                    problems.append(f"{p}:{line}: the document imports a feature (engine::{part})")
    if "--graph" in sys.argv:
        for a in sorted(edges):
            print(a, "->", ", ".join(sorted(edges[a])))
    for comp in cycles(edges):
        detail = "; ".join(
            f"{a}:{where[(a, b)]} -> {b}"
            for a in comp
            for b in sorted(edges.get(a, ()))
            if b in comp
        )
        problems.append(f"files import each other in a circle: {detail}")
    # Folders: at each folder, the graph between its children (files and subfolders).
    folder_edges = {}
    for a, targets in edges.items():
        for b in targets:
            pa = os.path.relpath(a, SRC).split(os.sep)
            pb = os.path.relpath(b, SRC).split(os.sep)
            k = 0
            while k < min(len(pa), len(pb)) - 1 and pa[k] == pb[k]:
                k += 1
            if k >= len(pa) - 1 and k >= len(pb) - 1:
                continue  # two files of the same folder: the file graph covers them
            ca = pa[k] if k < len(pa) else pa[-1]
            cb = pb[k] if k < len(pb) else pb[-1]
            if ca == cb:
                continue
            folder = "/".join([SRC] + pa[:k])
            folder_edges.setdefault(folder, {}).setdefault(ca, set()).add(cb)
            where.setdefault((folder, ca, cb), f"{a}:{where[(a, b)]} -> {b}")
    for folder, graph in sorted(folder_edges.items()):
        for comp in cycles(graph):
            detail = "; ".join(
                where[(folder, x, y)]
                for x in comp
                for y in sorted(graph.get(x, ()))
                if y in comp
            )
            problems.append(f"in {folder}/, {', '.join(comp)} import each other: {detail}")
    for p in problems:
        print(p)
    if problems:
        print(f"house rules: {len(problems)} problem(s)")
        return 1
    print(f"house rules: {len(paths)} files, no file over {MAX_FILE_LINES} lines, "
          f"no function over {MAX_FN_LINES}, no circle of imports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
