#!/usr/bin/env python3
"""fleetnode_compare - is a FleetNode written by our agent the one the Go
agent writes with the same flags?

usage: fleetnode_compare.py GOLDEN.json OURS.json NAME

Both sides lose what is live or set by the server (heartbeat time, available
RAM, agent version, conditions, uid, resourceVersion, ...) and our documented
optional additions (spec.maxConcurrentTasks, spec.taskNamespaces,
status.capability.gpus, status.agentInstance); what remains must be equal. Prints each difference
as one line and exits 1 when there is any.
"""
import json
import sys

LIVE = [("metadata", k) for k in ("uid", "resourceVersion", "generation", "creationTimestamp",
                                  "managedFields", "labels", "annotations")] + [
    ("status", "lastHeartbeatTime"), ("status", "agentVersion"), ("status", "conditions"),
    ("status", "capability", "availableRAMGB"), ("status", "currentTask"),
]
ADDITIONS = [("spec", "maxConcurrentTasks"), ("spec", "taskNamespaces"),
             ("status", "capability", "gpus"), ("status", "agentInstance")]


def drop(obj, path):
    for k in path[:-1]:
        obj = obj.get(k)
        if not isinstance(obj, dict):
            return
    obj.pop(path[-1], None)


def diff(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                out.append(f"{path}.{k}: only in ours ({json.dumps(b[k])})")
            elif k not in b:
                out.append(f"{path}.{k}: missing in ours (Go writes {json.dumps(a[k])})")
            else:
                diff(a[k], b[k], f"{path}.{k}", out)
    elif a != b:
        out.append(f"{path}: ours {json.dumps(b)}, Go {json.dumps(a)}")


def main():
    golden_path, ours_path, name = sys.argv[1:4]
    with open(golden_path, encoding="utf-8") as f:
        golden = json.loads(f.read().replace("NAME", name))
    with open(ours_path, encoding="utf-8") as f:
        ours = json.load(f)
    golden.pop("_comment", None)
    for p in LIVE + ADDITIONS:
        drop(golden, p)
        drop(ours, p)
    out = []
    diff(golden, ours, "", out)
    for line in out:
        print(f"fleetnode differs: {line}")
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
