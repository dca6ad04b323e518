#!/usr/bin/env python3
"""foremangen - generate the Foreman C API, CRDs and API reference from schema/.

Usage:
  foremangen.py --root REPO [--out DIR] [--charts] [--check]
                [--list-inputs] [--list-outputs] [--schema FILE] [--validate]

  --root REPO      repository root (schema/ is read from here)
  --out DIR        write the whole output tree under DIR instead of REPO
  --charts         also write charts/foreman/templates/crds/*.yaml
  --check          write nothing; list stale outputs and exit 1 if any
  --list-inputs    print the files the outputs depend on, one per line
  --list-outputs   print the files a run writes, one per line
  --schema FILE    main schema (default REPO/schema/foreman.v1alpha1.yaml)
  --validate       only load and validate the schema

The schema is loaded and validated completely before anything is rendered;
every problem is printed as one line `file:LINE: message` on stderr and the
exit status is 1. Rendering is deterministic (no timestamps, sorted tables)
and a file is written only when its content changed, so a no-op run touches
nothing and build systems do not rebuild.
"""

import argparse
import os
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep codegen/ free of __pycache__

import jinja2  # noqa: E402
import yaml  # noqa: E402

import crd  # noqa: E402
import model  # noqa: E402
import naming  # noqa: E402

TEMPLATES = os.path.join(HERE, "templates")
MAIN_SCHEMA = os.path.join("schema", "foreman.v1alpha1.yaml")
# Fixture schemas rendered along with the main one (C, CRDs, round-trip
# test) into generated/fixtures/, so they are compiled, tested and
# drift-checked like the real API: every_construct uses every construct
# of the schema language.
FIXTURE_SCHEMAS = [os.path.join("tests", "codegen", "good", "every_construct.yaml")]
FIXTURE_DIR = os.path.join("generated", "fixtures")
CHART_CRDS = os.path.join("charts", "foreman", "templates", "crds")


# ------------------------------------------------------------------ filters

def c_comment(text, indent=0):
    """Wraps text into a C block comment at the given indent."""
    pad = " " * indent
    body = textwrap.wrap(" ".join(str(text).split()).replace("*/", "* /"), width=76 - indent)
    if not body:
        return f"{pad}/* */"
    if len(body) == 1:
        return f"{pad}/* {body[0]} */"
    lines = [f"{pad}/*"] + [f"{pad} * {b}" for b in body] + [f"{pad} */"]
    return "\n".join(lines)


def c_comment_text(text):
    """Text safe inside a one-line C comment."""
    return " ".join(str(text).split()).replace("*/", "* /")


def c_ptr(ctype):
    """`T *` spelled for a declaration prefix: "char *" -> "char **"."""
    return ctype + "*" if ctype.endswith("*") else ctype + " *"


def field_note(f):
    """Trailing comment of a struct member: presence bit, enum, required."""
    notes = []
    if f.bit >= 0:
        notes.append(f"bit {f.bit}")
    if f.type.kind == "enum":
        notes.append(f.type.enum.cname)
    elif f.type.kind == "list" and f.type.elem.kind == "enum":
        notes.append(f"list of {f.type.elem.enum.cname}")
    elif f.type.kind in ("json", "any"):
        notes.append("raw JSON")
    if f.required:
        notes.append("required")
    if f.addition:
        notes.append("addition")
    desc = c_comment_text(f.description)
    text = ", ".join(notes)
    text = f"{text}: {desc}" if text else desc
    if len(text) > 90:
        text = text[:87].rstrip() + "..."
    return f" /* {text} */"


class _Dumper(yaml.SafeDumper):
    """Block-style YAML; sequences not indented under their key, the layout
    controller-gen writes."""


def _str_presenter(dumper, data):
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str_presenter)


def to_yaml(obj):
    """Deterministic YAML: sorted keys, block style, no line folding."""
    return yaml.dump(obj, Dumper=_Dumper, sort_keys=True, default_flow_style=False,
                     width=4096, allow_unicode=True)


def md_cell(text):
    """Text safe in a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def type_structs(t):
    """The structs a value of type t holds directly: itself, or the
    elements of its lists and maps, however deep."""
    while t.kind in ("list", "map"):
        t = t.elem
    return [t.struct] if t.kind == "struct" else []


def all_json_names(st):
    """Every JSON member name reachable from struct st, sorted."""
    names, seen = set(), set()

    def walk(s):
        if id(s) in seen:
            return
        seen.add(id(s))
        for f in s.fields:
            names.add(f.json)
            for sub in type_structs(f.type):
                walk(sub)

    walk(st)
    return sorted(names)


def make_env():
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["c_comment"] = c_comment
    env.filters["c_comment_text"] = c_comment_text
    env.filters["c_string"] = naming.c_string
    env.filters["c_ptr"] = c_ptr
    env.filters["field_note"] = field_note
    env.filters["to_yaml"] = to_yaml
    env.filters["md_cell"] = md_cell
    env.filters["all_json_names"] = all_json_names
    return env


# ------------------------------------------------------------------ outputs

def reachable_structs(packages):
    """Structs reachable from any kind, children before parents (for the
    round-trip test's fill functions)."""
    done, out = set(), []

    def visit(s):
        if id(s) in done:
            return
        done.add(id(s))
        for f in s.fields:
            for sub in type_structs(f.type):
                visit(sub)
        out.append(s)

    for p in packages:
        for s in p.wrapped_structs:
            visit(s)
    return out


def render_all(env, packages, charts):
    """Returns {relative path: content} of every output."""
    out = {}
    main = packages[-1]
    crd_kinds = []
    for pkg in packages:
        structs = pkg.ordered_structs()
        title = (f"{pkg.group or 'core'}/{pkg.version}" if pkg.crds
                 else "the Kubernetes types Foreman uses")
        ctx = {"pkg": pkg, "structs": structs, "pkg_title": title}
        out[f"generated/{pkg.output}.h"] = env.get_template("header.h.j2").render(ctx)
        out[f"generated/{pkg.output}.c"] = env.get_template("source.c.j2").render(ctx)
        if pkg.crds:
            for k in pkg.resource_kinds:
                crd_kinds.append(k)
    for k in crd_kinds:
        text = env.get_template("crd.yaml.j2").render(kind=k, crd=crd.build(k))
        out[f"generated/crds/{crd.file_name(k)}"] = text
        if charts:
            out[os.path.join(CHART_CRDS, crd.file_name(k))] = env.get_template(
                "chart_crd.yaml.j2").render(kind=k, body=text)
    fill = reachable_structs(packages)
    out["generated/tests/test_generated_roundtrip.c"] = env.get_template(
        "roundtrip_test.c.j2").render(packages=packages, structs=fill, main=main)
    md = env.get_template("api_reference.md.j2").render(
        packages=list(reversed(packages)), main=main, crd_kinds=crd_kinds)
    out["docs/api-reference.md"] = re.sub(r"\n{3,}", "\n\n", md)
    return out


def render_fixture(env, packages):
    """{relative path: content} of a fixture schema (its last package only:
    the imports are the real ones, generated already)."""
    pkg = packages[-1]
    out = {}
    ctx = {"pkg": pkg, "structs": pkg.ordered_structs(), "pkg_title": f"{pkg.group}/{pkg.version} (test fixture)"}
    out[os.path.join(FIXTURE_DIR, f"{pkg.output}.h")] = env.get_template("header.h.j2").render(ctx)
    out[os.path.join(FIXTURE_DIR, f"{pkg.output}.c")] = env.get_template("source.c.j2").render(ctx)
    for k in pkg.resource_kinds:
        out[os.path.join(FIXTURE_DIR, "crds", crd.file_name(k))] = env.get_template("crd.yaml.j2").render(
            kind=k, crd=crd.build(k))
    out[os.path.join(FIXTURE_DIR, f"test_{pkg.output}_roundtrip.c")] = env.get_template(
        "roundtrip_test.c.j2").render(packages=[pkg], structs=reachable_structs([pkg]), main=pkg)
    return out


def inputs(root, packages):
    """Files whose change should trigger a rerun."""
    files = [p.path for p in packages]
    for rel in FIXTURE_SCHEMAS:
        files.append(os.path.join(root, rel))
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".py"):
            files.append(os.path.join(HERE, name))
    for name in sorted(os.listdir(TEMPLATES)):
        files.append(os.path.join(TEMPLATES, name))
    return files


def write_if_changed(path, content):
    """Writes content to path unless it already holds exactly that; returns
    True when it wrote."""
    data = content.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate the Foreman C API, CRDs and docs from schema/.")
    ap.add_argument("--root", required=True)
    ap.add_argument("--out")
    ap.add_argument("--charts", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--list-inputs", action="store_true")
    ap.add_argument("--list-outputs", action="store_true")
    ap.add_argument("--schema")
    ap.add_argument("--validate", action="store_true")
    args = ap.parse_args(argv)

    root = os.path.abspath(args.root)
    schema = os.path.abspath(args.schema) if args.schema else os.path.join(root, MAIN_SCHEMA)
    packages, errors = model.load_schema(root, schema)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    if args.validate:
        return 0
    if args.list_inputs:
        for f in inputs(root, packages):
            print(f)
        return 0

    env = make_env()
    outputs = render_all(env, packages, args.charts)
    if not args.schema:
        for rel in FIXTURE_SCHEMAS:
            fpk, ferr = model.load_schema(root, os.path.join(root, rel))
            if ferr:
                for e in ferr:
                    print(e, file=sys.stderr)
                return 1
            outputs.update(render_fixture(env, fpk))
    dest = os.path.abspath(args.out) if args.out else root
    if args.list_outputs:
        for rel in sorted(outputs):
            print(os.path.join(dest, rel))
        return 0
    if args.check:
        stale = []
        for rel in sorted(outputs):
            path = os.path.join(dest, rel)
            try:
                with open(path, "rb") as f:
                    same = f.read() == outputs[rel].encode("utf-8")
            except OSError:
                same = False
            if not same:
                stale.append(rel)
        for rel in stale:
            print(f"{rel}: out of date (run `make generate`)", file=sys.stderr)
        return 1 if stale else 0
    for rel in sorted(outputs):
        write_if_changed(os.path.join(dest, rel), outputs[rel])
    return 0


if __name__ == "__main__":
    sys.exit(main())
