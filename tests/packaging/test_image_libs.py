#!/usr/bin/env python3
"""Checks that the container images would run the binaries we build.

No container engine runs on the build machines, so instead of building the
images this test reads Dockerfile.operator and Dockerfile.agent and compares
them with the binaries in $FOREMAN_BIN (both built on Debian bookworm, the
release the Dockerfiles use):

  * each Dockerfile is multi-stage, its runtime stage starts FROM
    debian:bookworm-slim, installs ca-certificates and runs as USER 65532;
  * every library a binary names directly (ELF DT_NEEDED) belongs to a
    package the runtime stage installs, or to libc6 (in every base image);
  * every library `ldd` resolves belongs to a package in the dependency
    closure of those packages plus the base image's required packages, so
    apt-get pulls it in;
  * every pkg-config module CMakeLists.txt asks for is provided by a -dev
    package the build stage installs, and every system header the sources
    include comes with the build stage's packages.

The package of a file comes from dpkg's file lists (`dpkg -S` as a
fallback), the dependencies from `dpkg-query`. Prints one `ok`/`FAIL` line per check; exits 1 on any failure.
"""

import os
import re
import shlex
import functools
import subprocess
import sys

ROOT = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("FOREMAN_BIN") or os.path.join(ROOT, "build", "bin")
IMAGES = {"Dockerfile.operator": "foreman-operator", "Dockerfile.agent": "foreman-agent"}
BASE_IMAGE = "debian:bookworm-slim"

passed = 0
failed = 0


def report(ok, name, detail=""):
    """Prints one result line and counts it."""
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def run(*cmd):
    """Runs a command; returns its stdout, or None when it failed."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.stdout if p.returncode == 0 else None


def parse_dockerfile(path):
    """Splits a Dockerfile into stages: a list of dicts with the FROM image,
    the stage name, the packages its `apt-get install` lines name, and its
    USER. Backslash continuations are joined; ARG defaults are substituted
    into FROM lines."""
    with open(path) as f:
        text = f.read()
    text = re.sub(r"\\\n", " ", text)
    args = {}
    stages = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        word = word.upper()
        if word == "ARG" and not stages:
            k, _, v = rest.partition("=")
            args[k.strip()] = v.strip()
        elif word == "FROM":
            parts = rest.split()
            image = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), parts[0])
            name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else ""
            stages.append({"from": image, "name": name, "packages": [], "user": None})
        elif word == "RUN" and stages:
            for cmd in re.split(r"&&|;", rest):
                toks = shlex.split(cmd)
                toks = [t for t in toks if "=" not in t or t.startswith("-")]
                if "apt-get" in toks and "install" in toks:
                    after = toks[toks.index("install") + 1:]
                    stages[-1]["packages"] += [t for t in after if not t.startswith("-")]
        elif word == "USER" and stages:
            stages[-1]["user"] = rest.strip()
    return stages


@functools.lru_cache(maxsize=None)
def so_index():
    """{file base name: {packages}} for every shared library dpkg knows, and
    {full path: {packages}} for every header under /usr/include, read once
    from the package file lists (much faster than one `dpkg -S` per file)."""
    index = {}
    info = "/var/lib/dpkg/info"
    try:
        names = os.listdir(info)
    except OSError:
        return index
    for name in names:
        if not name.endswith(".list"):
            continue
        pkg = name[:-len(".list")].split(":")[0]
        try:
            with open(os.path.join(info, name), errors="replace") as f:
                for line in f:
                    path = line.rstrip("\n")
                    base = path.rsplit("/", 1)[-1]
                    if ".so" in base:
                        index.setdefault(base, set()).add(pkg)
                    elif path.startswith("/usr/include/"):
                        index.setdefault(path, set()).add(pkg)
        except OSError:
            continue
    return index


@functools.lru_cache(maxsize=None)
def package_of(path):
    """The Debian package owning a library file, or None. Looks the base
    name of the path and of its real path up in the dpkg file lists (the
    database may record /lib or /usr/lib, depending on how the package was
    built), then falls back to `dpkg -S`."""
    cands = [path, os.path.realpath(path)]
    for c in cands:
        pkgs = so_index().get(os.path.basename(c), set())
        if len(pkgs) == 1:
            return next(iter(pkgs))
    for c in cands:
        out = run("dpkg", "-S", c)
        if out:
            return out.split(":")[0].strip()
    for c in cands:
        out = run("dpkg", "-S", "*/" + os.path.basename(c))
        if out:
            pkgs = {line.split(":")[0].strip() for line in out.splitlines() if ":" in line}
            if len(pkgs) == 1:
                return pkgs.pop()
    return None


@functools.lru_cache(maxsize=None)
def depends_table():
    """{package: [names it depends on]} for every installed package
    (Depends and Pre-Depends, every alternative), from one dpkg-query."""
    out = run("dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n") or ""
    table = {}
    for line in out.splitlines():
        pkg, _, deps = line.partition("\t")
        names = table.setdefault(pkg, [])
        for group in deps.split(","):
            for alt in group.split("|"):
                name = alt.strip().split(" ")[0].split(":")[0]
                if name:
                    names.append(name)
    return table


def depends_of(pkg):
    """Names of the packages pkg depends on, as the local dpkg database
    records them; [] for a package not installed here (or virtual)."""
    return depends_table().get(pkg, [])


def closure(pkgs):
    """Every package reachable from pkgs through dependencies."""
    seen = set()
    todo = list(pkgs)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(depends_of(p))
    return seen


def base_packages():
    """Packages a debian slim image always has: Essential or Priority
    required (as installed here)."""
    out = run("dpkg-query", "-W", "-f=${Package} ${Essential} ${Priority}\n") or ""
    base = set()
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 2 and ("yes" in f[1:] or "required" in f[1:]):
            base.add(f[0])
    return base


def needed(binary):
    """Sonames the binary names directly (DT_NEEDED)."""
    out = run("readelf", "-d", binary) or run("objdump", "-p", binary) or ""
    return re.findall(r"(?:Shared library: \[|NEEDED\s+)([^\]\s]+)", out)


def ldd(binary):
    """{soname: resolved path} of every library ldd resolves; a library it
    cannot find maps to None. The vDSO and the loader are left out."""
    out = run("ldd", binary) or ""
    libs = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+) => (not found|(\S+))", line)
        if m:
            libs[m.group(1)] = None if m.group(2) == "not found" else m.group(3)
    return libs


def pkgconfig_modules():
    """pkg-config modules named by pkg_check_modules in CMakeLists.txt."""
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        text = f.read()
    mods = []
    for m in re.finditer(r"pkg_check_modules\(([^)]*)\)", text):
        toks = m.group(1).split()[1:]
        mods += [t for t in toks if t not in ("REQUIRED", "QUIET", "IMPORTED_TARGET", "GLOBAL")]
    return mods


@functools.lru_cache(maxsize=None)
def multiarch():
    """The multiarch triplet (x86_64-linux-gnu), or "" when unknown."""
    out = run("dpkg-architecture", "-qDEB_HOST_MULTIARCH") or run("gcc", "-print-multiarch") or ""
    return out.strip()


@functools.lru_cache(maxsize=None)
def header_owner(header):
    """The package owning /usr/include/<header> (or its multiarch twin),
    or None when no such file exists here."""
    arch = multiarch()
    for d in ["/usr/include", f"/usr/include/{arch}" if arch else None]:
        if d and os.path.isfile(os.path.join(d, header)):
            pkgs = so_index().get(os.path.join(d, header), set())
            if len(pkgs) == 1:
                return next(iter(pkgs))
            out = run("dpkg", "-S", os.path.join(d, header))
            if out:
                return out.split(":")[0].strip()
    return None


def system_headers():
    """(header, package) for every <header> the C sources of runtime/, foreman/ and
    cmd/ include that lives under /usr/include, sorted."""
    found = set()
    for top in ("runtime", "foreman", "cmd"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if not name.endswith((".c", ".h")) or name.endswith("_darwin.c"):
                    continue
                with open(os.path.join(dirpath, name), errors="replace") as f:
                    found.update(re.findall(r"^\s*#\s*include\s*<([^>]+)>", f.read(), re.M))
    out = []
    for h in sorted(found):
        pkg = header_owner(h)
        if pkg:
            out.append((h, pkg))
    return out


def check_image(dockerfile, program, base):
    path = os.path.join(ROOT, dockerfile)
    stages = parse_dockerfile(path)
    report(len(stages) >= 2, f"{dockerfile}: multi-stage", f"{len(stages)} stage(s)")
    if len(stages) < 2:
        return
    build, final = stages[0], stages[-1]
    report(final["from"] == BASE_IMAGE, f"{dockerfile}: runtime stage is {BASE_IMAGE}", final["from"])
    report(build["from"].startswith("debian:bookworm"), f"{dockerfile}: build stage is debian:bookworm",
           build["from"])
    report(final["user"] is not None and final["user"].split(":")[0] == "65532",
           f"{dockerfile}: runs as USER 65532", str(final["user"]))
    runtime = set(final["packages"])
    report("ca-certificates" in runtime, f"{dockerfile}: installs ca-certificates", sorted(runtime))
    report(not any(p.endswith("-dev") for p in runtime), f"{dockerfile}: no -dev packages at runtime",
           sorted(runtime))

    # The build stage has the headers of every pkg-config module.
    buildpkgs = set(build["packages"])
    for mod in pkgconfig_modules() + ["openssl"]:
        pc = run("pkg-config", "--path", mod)
        pkg = package_of(pc.strip()) if pc else None
        report(pkg is not None and pkg in buildpkgs, f"{dockerfile}: build stage has {mod} ({pkg})",
               f"{pkg} not in {sorted(buildpkgs)}")

    # ... and every system header the sources include (jsmn has no .pc).
    build_closure = closure(buildpkgs | base)
    for header, pkg in system_headers():
        report(pkg in build_closure, f"{dockerfile}: build stage has <{header}> ({pkg})",
               f"{pkg} is not pulled in by {sorted(buildpkgs)}")

    binary = os.path.join(BIN, program)
    if not os.access(binary, os.X_OK):
        report(False, f"{dockerfile}: {program} built", f"{binary} missing; build it first")
        return
    allowed_direct = runtime | {"libc6"}
    reachable = closure(runtime | base)
    libs = ldd(binary)
    report(bool(libs), f"{program}: ldd lists libraries", "ldd printed nothing")
    for soname in needed(binary):
        path_ = libs.get(soname)
        pkg = package_of(path_) if path_ else None
        report(pkg in allowed_direct, f"{program}: needs {soname} from {pkg}, installed by {dockerfile}",
               f"package {pkg} is not in the runtime stage's apt-get install {sorted(runtime)}")
    for soname, path_ in sorted(libs.items()):
        if path_ is None:
            report(False, f"{program}: {soname} resolves", "ldd: not found")
            continue
        pkg = package_of(path_)
        report(pkg in reachable, f"{program}: {soname} ({pkg}) comes with the runtime packages",
               f"{pkg} is not pulled in by {sorted(runtime)} or the base image")


def main():
    base = base_packages()
    report("libc6" in base or "libc6" in closure(base), "base image packages known", "dpkg-query")
    for dockerfile, program in IMAGES.items():
        check_image(dockerfile, program, base)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
