#!/usr/bin/env python3
"""selftest.py - proves checker.py's invariants can fail.

Feeds `checker.py check` a clean synthetic run (which must pass), then one
broken copy per invariant (each must fail with the expected violation
kind). Prints one line per case; exits 1 if any case went the wrong way.
Needs no cluster.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NODES = {"n1": 1, "n2": 2}


def ev(typ, name, rv, phase="", node="", agent=None, claimed=None, finished=None, reason=None):
    return {"type": typ, "name": name, "rv": str(rv), "phase": phase, "node": node,
            "claimedAt": claimed, "finishedAt": finished, "verdict": "GO" if phase == "Succeeded" else None,
            "agent": agent, "elapsed": 0.2 if agent else None, "reason": reason, "t": rv}


def life(name, node, rv):
    """The events of one clean task life on node, from resourceVersion rv."""
    c = "2026-01-01T00:00:%02dZ" % (rv % 60)
    return [ev("ADDED", name, rv), ev("MODIFIED", name, rv + 1, "Pending"),
            ev("MODIFIED", name, rv + 2, "Scheduled", node),
            ev("MODIFIED", name, rv + 3, "Running", node, claimed=c),
            ev("MODIFIED", name, rv + 4, "Succeeded", node, agent=node, claimed=c, finished=c)]


def obj(e):
    """A final-list item from an event."""
    st = {"phase": e["phase"], "assignedNode": e["node"]}
    if e["phase"] == "Succeeded":
        st["verdict"] = "GO"
        st["result"] = {"schemaVersion": "foreman.v1", "kind": "stub", "verdict": "GO",
                        "extra": {"agentName": e["agent"]}, "elapsedSec": 0.2}
    if e["reason"]:
        st["conditions"] = [{"type": "Completed", "status": "False", "reason": e["reason"]}]
    return {"metadata": {"name": e["name"], "resourceVersion": e["rv"]}, "status": st}


def clean():
    events = [{"meta": "ready"}]
    events += life("t1", "n1", 10)
    events += life("t2", "n2", 20)
    events += life("t3", "n2", 30)
    logs = {
        "n1": ["foreman-agent starting fleetnode=n1",
               "task claimed task=t1 ts=2026-01-01T00:00:01.000Z",
               "task finished task=t1 ts=2026-01-01T00:00:01.200Z"],
        "n2": ["foreman-agent starting fleetnode=n2",
               "task claimed task=t2 ts=2026-01-01T00:00:02.000Z",
               "task finished task=t2 ts=2026-01-01T00:00:02.200Z",
               "task claimed task=t3 ts=2026-01-01T00:00:03.000Z",
               "task finished task=t3 ts=2026-01-01T00:00:03.200Z"],
    }
    return events, logs


def fmt_log(line):
    """'msg words key=value...' -> a logfmt line like the agent's."""
    words = line.split()
    msg = " ".join(w for w in words if "=" not in w)
    kv = [w for w in words if "=" in w]
    ts = [w for w in kv if w.startswith("ts=")]
    rest = [w for w in kv if not w.startswith("ts=")]
    return " ".join(ts + ["level=info", 'msg="%s"' % msg] + rest)


def run(events, logs, final=None, names=("t1", "t2", "t3"), allow=""):
    d = tempfile.mkdtemp(prefix="faults-selftest.")
    with open(os.path.join(d, "events"), "w") as f:
        for e in events:
            f.write(json.dumps(e) + "\n")
    if final is None:
        last = {}
        for e in events:
            if "meta" in e:
                continue
            if e["type"] == "DELETED":
                last.pop(e["name"], None)
            else:
                last[e["name"]] = e
        final = [obj(e) for e in last.values()]
    with open(os.path.join(d, "final"), "w") as f:
        json.dump({"items": final}, f)
    with open(os.path.join(d, "names"), "w") as f:
        f.write("\n".join(names) + "\n")
    lp = []
    for node, lines in logs.items():
        p = os.path.join(d, node + ".log")
        with open(p, "w") as f:
            for l in lines:
                f.write(fmt_log(l) + "\n")
        lp.append(p)
    cap = ",".join("%s=%d" % kv for kv in sorted(NODES.items()))
    r = subprocess.run([sys.executable, os.path.join(HERE, "checker.py"), "check", "--fault", "selftest",
                        "--events", os.path.join(d, "events"), "--final", os.path.join(d, "final"),
                        "--names", os.path.join(d, "names"), "--capacity", cap, "--allow-failed", allow,
                        "--logs"] + lp, capture_output=True, text=True)
    for f in os.listdir(d):
        os.unlink(os.path.join(d, f))
    os.rmdir(d)
    return r.returncode, r.stdout


def main():
    bad = 0

    def expect(name, want, rc_out):
        nonlocal bad
        rc, out = rc_out
        kinds = [l.split()[1].rstrip(":") for l in out.splitlines() if l.startswith("VIOLATION")]
        if want is None:
            good = rc == 0 and not kinds
        else:
            good = rc == 1 and want in kinds
        print("%s %s (rc=%d, violations: %s)" % ("ok  " if good else "FAIL", name, rc, " ".join(kinds) or "none"))
        if not good:
            bad += 1
            sys.stdout.write(out)

    ev0, logs0 = clean()
    expect("clean run passes", None, run(ev0, logs0))

    # capacity: n1 (capacity 1) holds t1 and t2 at once
    e = copy.deepcopy(ev0)
    e = e[:4] + [ev("MODIFIED", "t2", 13, "Scheduled", "n1")] + e[4:]
    expect("capacity exceeded", "capacity", run(e, logs0))

    # Running on n1, then Running on n2 without leaving Running
    e = copy.deepcopy(ev0)
    e.insert(5, ev("MODIFIED", "t1", 13, "Running", "n2"))
    expect("Running on two nodes (stream)", "two-nodes", run(e, logs0))

    # agent logs: t2 runs on n1 and n2 at overlapping times
    lg = copy.deepcopy(logs0)
    lg["n1"] += ["task claimed task=t2 ts=2026-01-01T00:00:02.100Z",
                 "task finished task=t2 ts=2026-01-01T00:00:02.300Z"]
    expect("overlapping runs (logs)", "two-nodes", run(ev0, lg))

    # a repeat run that does not overlap is fine (at-least-once by design)
    lg = copy.deepcopy(logs0)
    lg["n1"] += ["task claimed task=t2 ts=2026-01-01T00:00:09.000Z",
                 "task finished task=t2 ts=2026-01-01T00:00:09.200Z"]
    expect("repeat run without overlap passes", None, run(ev0, lg))

    # Succeeded twice: back to Running and Succeeded again
    e = copy.deepcopy(ev0)
    e += [ev("MODIFIED", "t1", 40, "Running", "n1"), ev("MODIFIED", "t1", 41, "Succeeded", "n1", agent="n1")]
    expect("Succeeded entered twice", "twice", run(e, logs0))

    # result rewritten while Succeeded (another agent's envelope)
    e = copy.deepcopy(ev0)
    e.append(ev("MODIFIED", "t2", 40, "Succeeded", "n2", agent="n1", claimed=e[-6]["claimedAt"],
                finished=e[-6]["finishedAt"]))
    expect("Succeeded result rewritten", "twice", run(e, logs0))

    # a task lost
    e = copy.deepcopy(ev0) + [ev("DELETED", "t3", 40, "Succeeded", "n2", agent="n2")]
    expect("task lost", "lost", run(e, logs0))

    # a task never finished
    e = [x for x in copy.deepcopy(ev0) if not (x.get("name") == "t3" and x.get("phase") == "Succeeded")]
    expect("task left Running", "terminal", run(e, logs0))

    # Failed for a reason the fault does not explain, then allowed
    e = copy.deepcopy(ev0)
    e[-1] = ev("MODIFIED", "t3", 34, "Failed", "n2", reason="ClaimExpiryLimitReached")
    expect("unexplained failure", "terminal", run(e, logs0))
    expect("explained failure passes", None, run(e, logs0, allow="ClaimExpiryLimitReached"))

    # envelope from another agent than the assigned node
    e = copy.deepcopy(ev0)
    e[-1]["agent"] = "n1"
    expect("envelope from the wrong agent", "envelope", run(e, logs0))

    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
