#!/usr/bin/env python3
"""Checks the host install files in deployment/:

  * the systemd unit has the hardening and restart settings we promise
    (NoNewPrivileges, ProtectSystem=strict, ReadWritePaths for the workspace,
    Restart=always, EnvironmentFile=/etc/foreman/agent.env) and passes
    `systemd-analyze verify` (with ExecStart pointed at an existing program,
    since the agent may not be installed here);
  * the launchd plist parses and keeps the agent alive;
  * `cmake --install` of the build tree (when deployment/ is part of the
    build) puts the unit, the plist and the example environment file under
    the prefix, with the prefix's bin directory in ExecStart.

Prints one `ok`/`FAIL` line per check; exits 1 on any failure.
"""

import os
import plistlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get("FOREMAN_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("FOREMAN_BINARY_DIR")
UNIT = os.path.join(ROOT, "deployment", "linux", "foreman-agent.service")
PLIST = os.path.join(ROOT, "deployment", "macos", "dev.llmkube.foreman-agent.plist")

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


def unit_settings(text):
    """{key: [values]} of the [Service] section of a unit file."""
    out = {}
    section = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line
            continue
        if section == "[Service]" and "=" in line:
            k, v = line.split("=", 1)
            out.setdefault(k, []).append(v)
    return out


def check_unit():
    with open(UNIT) as f:
        text = f.read()
    s = unit_settings(text)
    want = {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "Restart": "always",
        "EnvironmentFile": "/etc/foreman/agent.env",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    }
    for k, v in want.items():
        report(v in s.get(k, []), f"unit: {k}={v}", f"found {s.get(k)}")
    rw = " ".join(s.get("ReadWritePaths", []))
    ws = re.search(r"--workspace-dir=(\S+)", " ".join(s.get("ExecStart", [])))
    report(ws is not None and any(ws.group(1).startswith(p) for p in rw.split()),
           "unit: the workspace is under ReadWritePaths", f"workspace {ws and ws.group(1)}, ReadWritePaths {rw}")
    report(any(v.startswith("kubeconfig:") for v in s.get("LoadCredential", [])),
           "unit: LoadCredential=kubeconfig", f"found {s.get('LoadCredential')}")

    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        report(False, "unit: systemd-analyze verify", "systemd-analyze not installed")
        return
    with tempfile.TemporaryDirectory() as tmp:
        # verify insists that ExecStart names an executable; point it at one.
        copy = os.path.join(tmp, "foreman-agent.service")
        with open(copy, "w") as f:
            f.write(re.sub(r"^ExecStart=\S+", "ExecStart=/bin/true", text, flags=re.M))
        p = subprocess.run([analyze, "verify", copy], capture_output=True, text=True)
        # Warnings about the missing EnvironmentFile or credential are about
        # this machine, not the unit; anything else is a defect.
        lines = [ln for ln in (p.stdout + p.stderr).splitlines()
                 if ln.strip() and "/etc/foreman" not in ln]
        report(p.returncode == 0 and not lines, "unit: systemd-analyze verify", "\n".join(lines))


def check_plist():
    with open(PLIST, "rb") as f:
        try:
            pl = plistlib.load(f)
        except Exception as e:  # noqa: BLE001 - any parse error is the finding
            report(False, "plist: parses", str(e))
            return
    report(True, "plist: parses")
    report(pl.get("Label") == "dev.llmkube.foreman-agent", "plist: Label", str(pl.get("Label")))
    report(pl.get("KeepAlive") is True, "plist: KeepAlive", str(pl.get("KeepAlive")))
    report(pl.get("RunAtLoad") is True, "plist: RunAtLoad", str(pl.get("RunAtLoad")))
    args = pl.get("ProgramArguments", [])
    report(bool(args) and args[0].endswith("/foreman-agent"), "plist: runs foreman-agent", str(args[:1]))
    report(any(a.startswith("--accelerator=metal") for a in args), "plist: metal accelerator", str(args))
    report(pl.get("UserName") not in (None, "root"), "plist: not root", str(pl.get("UserName")))


def check_install():
    if not BUILD or not os.path.isdir(os.path.join(BUILD, "deployment")):
        report(False, "cmake --install: deployment/ is part of the build",
               "add `add_subdirectory(deployment)` to the top-level CMakeLists.txt")
        return
    with tempfile.TemporaryDirectory() as prefix:
        p = subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix, "--component", "host"],
                           capture_output=True, text=True)
        report(p.returncode == 0, "cmake --install --component host", p.stderr[-500:])
        unit = os.path.join(prefix, "lib", "systemd", "system", "foreman-agent.service")
        report(os.path.isfile(unit), "installs the systemd unit", unit)
        if os.path.isfile(unit):
            with open(unit) as f:
                text = f.read()
            report(f"ExecStart={prefix}/bin/foreman-agent " in text, "installed unit runs <prefix>/bin/foreman-agent",
                   re.findall(r"ExecStart=.*", text))
        for rel in ["share/foreman/agent.env.example", "share/foreman/macos/dev.llmkube.foreman-agent.plist"]:
            report(os.path.isfile(os.path.join(prefix, rel)), f"installs {rel}")


def main():
    check_unit()
    check_plist()
    check_install()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
