#!/usr/bin/env python3
"""genobjects - AgenticTasks generated from the CRD's OpenAPI schema.

Walks the openAPIV3Schema of generated/crds/foreman.llmkube.dev_agentictasks.yaml
and makes objects whose values sit on and beyond the schema's edges: for an
integer its minimum and maximum, one past each, the int32 and int64 limits
(and past them), 0 and -1; for a string "", a long one, unicode and
control characters, a date-time that is not one; for an enum every value
and one that is not; for a list none, one and many items; for a free-form
object JSON nested 1, 100, 511, 513 and 1000 deep. Some of these the API
server refuses; the ones it accepts are what Foreman must live with.

Usage: genobjects.py CRD NAMESPACE COUNT SEED OUTDIR
Writes OUTDIR/<i>.spec.json (an object to create) and OUTDIR/<i>.status.json
(a merge patch for its status subresource), and prints the seed.
"""
import json
import os
import random
import sys

import yaml

INT32 = (-2**31, 2**31 - 1)
INT64 = (-2**63, 2**63 - 1)


def deep(n):
    v = []
    for _ in range(n - 1):
        v = [v]
    return {"deep": v}


HOSTILE = 0.12  # share of values chosen beyond the schema (the rest sit on its edges)


def gen_int(r, s):
    lo = s.get("minimum")
    hi = s.get("maximum")
    fmt = s.get("format", "int64")
    rng = INT32 if fmt == "int32" else INT64
    lo_ok = int(lo) if lo is not None else None
    hi_ok = int(hi) if hi is not None else None
    edges = [0, 1, -1, rng[0], rng[1], INT64[1], INT64[1] + 1, -(2**63) - 1, 10**20]
    if lo_ok is not None:
        edges += [lo_ok]
    if hi_ok is not None:
        edges += [hi_ok]
    inside = [v for v in edges if (lo_ok is None or v >= lo_ok) and (hi_ok is None or v <= hi_ok)]
    outside = [v for v in edges + [(lo_ok or 0) - 1, (hi_ok or 0) + 1] if v not in inside]
    if outside and r.random() < HOSTILE:
        return r.choice(outside)
    return r.choice(inside or [0])


def gen_str(r, s):
    if "enum" in s:
        if r.random() < HOSTILE:
            return r.choice(["Bogus", "", "pending"])
        return r.choice(list(s["enum"]))
    if s.get("format") == "date-time":
        if r.random() < HOSTILE:
            return "yesterday"
        return r.choice(["2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456Z",
                         "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"])
    ml = s.get("maxLength")
    opts = ["", "x", "é☃\U0001F600", "tab\there\nnewline", "\u0001\u001f", "a" * 2000]
    if ml:
        opts = [o for o in opts if len(o) <= int(ml)] + ["m" * int(ml)]
        if r.random() < HOSTILE:
            return "m" * (int(ml) + 1)
    return r.choice(opts)


def gen(r, s, depth=0):
    if s.get("x-kubernetes-preserve-unknown-fields") and s.get("type") == "object" and "properties" not in s:
        return r.choice([{}, {"a": 1}, deep(100), deep(511), deep(513), deep(1000)])
    t = s.get("type")
    if t == "integer":
        return gen_int(r, s)
    if t == "number":
        return r.choice([0, 1.5, -1e300, 1e308])
    if t == "boolean":
        return r.choice([True, False])
    if t == "string":
        return gen_str(r, s)
    if t == "array":
        n = r.choice([0, 1, 3, 20])
        items = [gen(r, s.get("items", {}), depth + 1) for _ in range(n)]
        keys = s.get("x-kubernetes-list-map-keys")
        if keys:  # a map list needs unique keys
            seen, kept = set(), []
            for it in items:
                k = tuple(json.dumps(it.get(x)) for x in keys) if isinstance(it, dict) else None
                if k not in seen:
                    seen.add(k)
                    kept.append(it)
            items = kept
        if s.get("x-kubernetes-list-type") == "set":
            items = list(dict.fromkeys(json.dumps(i) for i in items))
            items = [json.loads(i) for i in items]
        return items
    if t == "object":
        props = s.get("properties", {})
        if not props and "additionalProperties" in s:
            return {f"k{i}": gen(r, s["additionalProperties"], depth + 1) for i in range(r.choice([0, 1, 5]))}
        out = {}
        req = set(s.get("required", []))
        for k, v in props.items():
            if k in req or r.random() < 0.7:
                out[k] = gen(r, v, depth + 1)
        return out
    return None


def main():
    sys.setrecursionlimit(20000)  # json.dump recurses once per nesting level
    crd, ns, count, seed, outdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    root = yaml.safe_load(open(crd))["spec"]["versions"][0]["schema"]["openAPIV3Schema"]
    r = random.Random(seed)
    os.makedirs(outdir, exist_ok=True)
    for i in range(count):
        spec = gen(r, root["properties"]["spec"])
        status = gen(r, root["properties"]["status"])
        # A hostile status must not claim a real node's slot: the test is
        # about values, not about someone with status rights taking nodes.
        if isinstance(status, dict) and "assignedNode" in status:
            status["assignedNode"] = f"nowhere-{i}"
        obj = {"apiVersion": "foreman.llmkube.dev/v1alpha1", "kind": "AgenticTask",
               "metadata": {"name": f"gen-{i}", "namespace": ns}, "spec": spec}
        with open(os.path.join(outdir, f"{i}.spec.json"), "w") as f:
            json.dump(obj, f)
        with open(os.path.join(outdir, f"{i}.status.json"), "w") as f:
            json.dump({"status": status}, f)
    print(seed)


if __name__ == "__main__":
    main()
