#!/usr/bin/env python3
"""checker.py - the fault suite's AgenticTask recorder and invariant checker.

    checker.py watch --namespace NS --out FILE
        Records every AgenticTask change in NS, as JSON lines, from its own
        watch on the API server (TESTENV_SERVER and the testenv admin
        certificate under TESTENV_DIR/pki). It survives the API server going
        away (reconnects from the last resourceVersion it saw, with a short
        pause) and etcd compaction (on 410 Gone it lists again and records
        the differences, marking the gap). Writes {"meta": "ready"} once the
        first list and watch are up. Runs until SIGTERM.

    checker.py check --events FILE --final FILE --names FILE
                     --capacity NODE=CAP,... [--logs FILE...]
                     [--allow-failed REASON,...] [--fault NAME] [--wall SEC]
        Checks the recorded stream, the final list (kubectl get -o json) and
        the agents' logs against the invariants below, prints one summary
        line of counts, then one line per violation; exits 1 when there is
        any violation, 0 otherwise.

Invariants (a violation names the task or node):
  lost        every created task is present at the end;
  terminal    every task ends Succeeded, or Failed with an allowed reason;
  envelope    a Succeeded task's result was written by its assigned node
              (result.extra.agentName == status.assignedNode), verdict GO;
  capacity    at no point of the stream did a node hold (Scheduled, Running
              or Verifying) more tasks than its capacity;
  two-nodes   no task went from Running on one node to Running on another
              without first leaving Running (stream), and no two agents
              ran one task at overlapping times (claim..finish in the logs);
  twice       a task entered Succeeded once; its result never changed
              afterwards; a terminal task never left its terminal phase;
              (the logs cannot say whether a SIGKILLed agent wrote its
              last result, so writes are judged from the stream alone).
"""
import argparse
import http.client
import json
import os
import re
import signal
import ssl
import sys
import time
import urllib.parse

GROUP_PATH = "/apis/foreman.llmkube.dev/v1alpha1"
HOLDING = ("Scheduled", "Running", "Verifying")
TERMINAL = ("Succeeded", "Failed")


# ------------------------------------------------------------------ watch

def summarize(obj):
    """The fields the checker needs from one AgenticTask."""
    md = obj.get("metadata", {}) or {}
    st = obj.get("status", {}) or {}
    res = st.get("result")
    if isinstance(res, str):
        try:
            res = json.loads(res)
        except ValueError:
            res = {"unparsed": res}
    agent = None
    elapsed = None
    if isinstance(res, dict):
        agent = (res.get("extra") or {}).get("agentName")
        elapsed = res.get("elapsedSec")
    reason = None
    for c in st.get("conditions") or []:
        if c.get("type") == "Completed" and c.get("status") == "False":
            reason = c.get("reason")
    return {
        "name": md.get("name"),
        "rv": md.get("resourceVersion"),
        "phase": st.get("phase") or "",
        "node": st.get("assignedNode") or "",
        "claimedAt": st.get("claimedAt"),
        "finishedAt": st.get("finishedAt"),
        "verdict": st.get("verdict"),
        "agent": agent,
        "elapsed": elapsed,
        "reason": reason,
    }


class Watcher:
    def __init__(self, ns, out):
        d = os.environ["TESTENV_DIR"]
        server = urllib.parse.urlsplit(os.environ["TESTENV_SERVER"])
        self.host, self.port = server.hostname, server.port
        self.ctx = ssl.create_default_context(cafile=os.path.join(d, "pki", "ca.crt"))
        self.ctx.load_cert_chain(os.path.join(d, "pki", "admin.crt"), os.path.join(d, "pki", "admin.key"))
        self.path = "%s/namespaces/%s/agentictasks" % (GROUP_PATH, ns)
        self.out = open(out, "a", buffering=1)
        self.known = {}  # name -> last rv
        self.rv = None
        self.ready = False

    def emit(self, rec):
        rec["t"] = round(time.time(), 3)
        self.out.write(json.dumps(rec, separators=(",", ":")) + "\n")

    def conn(self, timeout):
        return http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=timeout)

    def relist(self, why):
        c = self.conn(30)
        try:
            c.request("GET", self.path)
            r = c.getresponse()
            body = r.read()
            if r.status != 200:
                raise OSError("list: HTTP %d" % r.status)
        finally:
            c.close()
        lst = json.loads(body)
        seen = set()
        changed = 0
        for o in lst.get("items", []):
            s = summarize(o)
            seen.add(s["name"])
            if self.known.get(s["name"]) != s["rv"]:
                changed += 1
                s["type"] = "SYNC"
                self.emit(s)
                self.known[s["name"]] = s["rv"]
        for name in list(self.known):
            if name not in seen:
                self.emit({"type": "SYNC-DELETED", "name": name})
                del self.known[name]
        self.rv = lst["metadata"]["resourceVersion"]
        self.emit({"meta": "listed", "why": why, "items": len(seen), "changed": changed})

    def watch_once(self):
        """One watch request; returns on its end. Raises Gone on 410."""
        q = urllib.parse.urlencode({"watch": "1", "resourceVersion": self.rv,
                                    "allowWatchBookmarks": "true", "timeoutSeconds": "240"})
        c = self.conn(90)
        try:
            c.request("GET", self.path + "?" + q)
            r = c.getresponse()
            if r.status == 410:
                raise Gone()
            if r.status != 200:
                raise OSError("watch: HTTP %d" % r.status)
            if not self.ready:
                self.ready = True
                self.emit({"meta": "ready"})
            while True:
                line = r.readline()
                if not line:
                    return
                ev = json.loads(line)
                typ = ev.get("type")
                o = ev.get("object", {})
                if typ == "ERROR":
                    if o.get("code") == 410:
                        raise Gone()
                    raise OSError("watch error: %s" % o.get("message"))
                rv = (o.get("metadata") or {}).get("resourceVersion")
                if rv:
                    self.rv = rv
                if typ == "BOOKMARK":
                    continue
                s = summarize(o)
                s["type"] = typ
                self.emit(s)
                if typ == "DELETED":
                    self.known.pop(s["name"], None)
                else:
                    self.known[s["name"]] = s["rv"]
        finally:
            c.close()

    def run(self):
        need_list = "start"
        pause = 0.2
        while True:
            try:
                if need_list:
                    self.relist(need_list)
                    need_list = None
                self.watch_once()
                pause = 0.2
            except Gone:
                self.emit({"meta": "gone", "rv": self.rv})
                need_list = "gone"
            except (OSError, ValueError, http.client.HTTPException) as e:
                self.emit({"meta": "reconnect", "error": str(e)[:160]})
                time.sleep(pause)
                pause = min(pause * 2, 2.0)


class Gone(Exception):
    pass


def cmd_watch(a):
    signal.signal(signal.SIGTERM, lambda *x: sys.exit(0))
    Watcher(a.namespace, a.out).run()


# ------------------------------------------------------------------ check

LOGFMT = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)')


def parse_logfmt(line):
    d = {}
    for k, v in LOGFMT.findall(line):
        if v.startswith('"'):
            v = v[1:-1].replace('\\"', '"')
        d[k] = v
    return d


def ts_of(s):
    """Seconds from an RFC 3339 UTC timestamp with milliseconds."""
    import datetime
    s = s.rstrip("Z")
    return datetime.datetime.fromisoformat(s).replace(tzinfo=datetime.timezone.utc).timestamp()


def check_logs(paths, viol):
    """Agent logs: per task, the executor runs (claim .. finish) per agent.

    Two runs of one task on different agents that overlap in time are a
    violation. Runs that merely repeat (a claim expired, the task ran again
    elsewhere) are at-least-once execution by design and only counted: the
    logs cannot tell whether a SIGKILLed agent wrote its last result, so
    "written once" is judged from the watch stream, which sees every write.
    """
    runs = {}  # task -> list of [agent, start, end]
    open_runs = {}  # (agent, task) -> index in runs[task]
    fenced = 0
    for p in paths:
        agent = None
        for line in open(p, errors="replace"):
            d = parse_logfmt(line)
            msg = d.get("msg")
            if msg == "foreman-agent starting":
                agent = d.get("fleetnode")
                # A restart: runs left open by the previous life end unknown.
                for k in [k for k in open_runs if k[0] == agent]:
                    del open_runs[k]
                continue
            task = d.get("task")
            if not task or not agent or "ts" not in d:
                continue
            t = ts_of(d["ts"])
            if msg == "task claimed":
                runs.setdefault(task, []).append([agent, t, None])
                open_runs[(agent, task)] = len(runs[task]) - 1
            elif msg == "task finished":
                i = open_runs.pop((agent, task), None)
                if i is not None:
                    runs[task][i][2] = t
            elif msg == "task is no longer this node's claim; result not written":
                fenced += 1
    overlaps = 0
    for task, rs in runs.items():
        done = [r for r in rs if r[2] is not None]
        for i in range(len(done)):
            for j in range(i + 1, len(done)):
                a, b = done[i], done[j]
                if a[0] != b[0] and a[1] < b[2] and b[1] < a[2]:
                    overlaps += 1
                    viol.append("two-nodes: %s ran on %s and %s at overlapping times (agent logs)"
                                % (task, a[0], b[0]))
    reexec = sum(1 for rs in runs.values() if sum(1 for r in rs if r[2] is not None) > 1)
    return {"claims": sum(len(r) for r in runs.values()), "overlaps": overlaps,
            "reexec": reexec, "fenced": fenced}


def cmd_check(a):
    viol = []
    names = [l.strip() for l in open(a.names) if l.strip()]
    cap = {}
    for kv in a.capacity.split(","):
        k, v = kv.split("=")
        cap[k] = int(v)
    allowed = set(x for x in (a.allow_failed or "").split(",") if x)

    # ---- the stream
    held = {}  # task -> node while holding
    load = {}  # node -> current holds
    peak = {}  # node -> max holds seen
    last = {}  # task -> last summary
    entered_succeeded = {}
    requeues = 0
    events = 0
    transitions = 0
    meta = {"reconnect": 0, "gone": 0, "listed": 0}
    gap = False
    for line in open(a.events):
        rec = json.loads(line)
        if "meta" in rec:
            if rec["meta"] in meta:
                meta[rec["meta"]] += 1
            if rec["meta"] == "gone":
                gap = True
            continue
        events += 1
        name = rec["name"]
        typ = rec["type"]
        prev = last.get(name)
        deleted = typ in ("DELETED", "SYNC-DELETED")
        # capacity ledger
        old = held.pop(name, None)
        if old is not None:
            load[old] -= 1
        if not deleted and rec["phase"] in HOLDING and rec["node"]:
            n = rec["node"]
            held[name] = n
            load[n] = load.get(n, 0) + 1
            if load[n] > peak.get(n, 0):
                peak[n] = load[n]
                if n in cap and load[n] > cap[n]:
                    viol.append("capacity: node %s held %d tasks (capacity %d) at resourceVersion %s"
                                % (n, load[n], cap[n], rec.get("rv")))
        if deleted:
            last.pop(name, None)
            continue
        ph = rec["phase"]
        pph = prev["phase"] if prev else None
        if ph != pph:
            transitions += 1
        if prev:
            # two nodes: Running here, then Running elsewhere without leaving Running
            if (pph == "Running" and ph == "Running" and prev["node"] != rec["node"]
                    and typ != "SYNC"):
                viol.append("two-nodes: %s went Running on %s -> Running on %s" % (name, prev["node"], rec["node"]))
            if pph in TERMINAL and ph != pph:
                viol.append("twice: %s left terminal phase %s for %s" % (name, pph, ph or "none"))
            if pph == "Succeeded" and ph == "Succeeded":
                for f in ("agent", "elapsed", "finishedAt", "node"):
                    if prev.get(f) != rec.get(f):
                        viol.append("twice: %s Succeeded result rewritten (%s %s -> %s)"
                                    % (name, f, prev.get(f), rec.get(f)))
                        break
            if pph in HOLDING and ph == "Pending":
                requeues += 1
        if ph == "Succeeded" and pph != "Succeeded":
            entered_succeeded[name] = entered_succeeded.get(name, 0) + 1
            if entered_succeeded[name] == 2:
                viol.append("twice: %s entered Succeeded twice" % name)
        last[name] = rec

    # ---- the final state
    final = {}
    for o in json.load(open(a.final)).get("items", []):
        s = summarize(o)
        final[s["name"]] = s
    succeeded = 0
    failed = {}
    for n in names:
        s = final.get(n)
        if s is None:
            viol.append("lost: task %s is gone at the end" % n)
            continue
        if n not in entered_succeeded and s["phase"] == "Succeeded" and not gap:
            viol.append("stream: %s is Succeeded but the watch never saw it get there" % n)
        if s["phase"] == "Succeeded":
            succeeded += 1
            if s["agent"] != s["node"]:
                viol.append("envelope: %s Succeeded on %s but its result came from %s" % (n, s["node"], s["agent"]))
            if s["verdict"] != "GO":
                viol.append("envelope: %s Succeeded with verdict %s" % (n, s["verdict"]))
        elif s["phase"] == "Failed":
            r = s["reason"] or "none"
            failed[r] = failed.get(r, 0) + 1
            if r not in allowed:
                viol.append("terminal: %s Failed with reason %s, which this fault does not explain" % (n, r))
        else:
            viol.append("terminal: %s ended in phase %s on node %s" % (n, s["phase"] or "none", s["node"] or "-"))

    logs = check_logs(a.logs or [], viol)

    loads = " ".join("%s=%d/%d" % (n, peak.get(n, 0), cap[n]) for n in sorted(cap))
    print("fault %s: tasks=%d succeeded=%d failed=%s max-load[%s] events=%d transitions=%d "
          "requeues=%d claims=%d reexecuted=%d fenced-writes=%d watch[reconnects=%d gone=%d lists=%d] wall=%ss violations=%d"
          % (a.fault, len(names), succeeded,
             ("{" + ",".join("%s:%d" % kv for kv in sorted(failed.items())) + "}") if failed else "0",
             loads, events, transitions, requeues, logs["claims"], logs["reexec"], logs["fenced"], meta["reconnect"], meta["gone"],
             meta["listed"], a.wall, len(viol)))
    for v in viol[:50]:
        print("VIOLATION " + v)
    if len(viol) > 50:
        print("VIOLATION ... and %d more" % (len(viol) - 50))
    return 1 if viol else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("watch")
    w.add_argument("--namespace", required=True)
    w.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--events", required=True)
    c.add_argument("--final", required=True)
    c.add_argument("--names", required=True)
    c.add_argument("--capacity", required=True)
    c.add_argument("--logs", nargs="*")
    c.add_argument("--allow-failed", default="")
    c.add_argument("--fault", default="?")
    c.add_argument("--wall", default="?")
    a = ap.parse_args()
    if a.cmd == "watch":
        cmd_watch(a)
        return 0
    return cmd_check(a)


if __name__ == "__main__":
    sys.exit(main())
