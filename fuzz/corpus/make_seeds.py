#!/usr/bin/env python3
"""Builds the seed corpora of the harden fuzz targets from tests/fixtures.

Run from anywhere: python3 fuzz/corpus/make_seeds.py. Writes
fuzz/corpus/<target>/seed-* (the files are committed; rerun after the
fixtures change). Each target's input layout is described at the top of
fuzz/fuzz_<target>.c.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FX = os.path.join(ROOT, "tests", "fixtures")
OUT = os.path.join(ROOT, "fuzz", "corpus")


def fixture(name):
    with open(os.path.join(FX, name), "rb") as f:
        return f.read()


def compact(name):
    return json.dumps(json.loads(fixture(name)), separators=(",", ":")).encode()


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def event(kind, obj):
    return b'{"type":"' + kind.encode() + b'","object":' + obj + b"}"


def watchframe():
    # header: max_event selector, 4 seed bytes for the chunk splitter
    hdr = bytes([0, 1, 2, 3, 4])
    fn, at = compact("fleetnode.json"), compact("agentictask.json")
    stream = b"\n".join([event("ADDED", fn), event("MODIFIED", at), event("DELETED", fn)]) + b"\n"
    write("watchframe", "three-events", hdr + stream)
    write("watchframe", "crlf-blank", bytes([0, 9, 9, 9, 9]) + stream.replace(b"\n", b"\r\n\r\n  \n"))
    write("watchframe", "no-final-newline", bytes([0, 7, 0, 0, 1]) + event("ADDED", fn))
    bm = b'{"kind":"FleetNode","apiVersion":"foreman.llmkube.dev/v1alpha1","metadata":{"resourceVersion":"12345"}}'
    write("watchframe", "bookmark", hdr + event("BOOKMARK", bm) + b"\n")
    gone = b'{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}'
    write("watchframe", "error-410", hdr + event("ADDED", fn) + b"\n" + event("ERROR", gone) + b"\n")
    write("watchframe", "error-409", hdr + event("ERROR", compact("status_409.json")) + b"\n")
    write("watchframe", "cut-mid-event", hdr + event("ADDED", fn) + b"\n" + event("MODIFIED", fn)[:100])
    write("watchframe", "garbage-lines", hdr + b"hello\n\n{\"type\":1}\n" + event("WHAT", b"{}") + b"\n[]\n" + event("ADDED", fn) + b"\n")
    write("watchframe", "small-limit", bytes([40, 5, 6, 7, 8]) + b'{"type":"ADDED","object":{}}\n' + event("ADDED", fn) + b"\n")
    tasks = json.loads(fixture("agentictask_list.json"))
    lines = [event("ADDED", json.dumps(t, separators=(",", ":")).encode()) for t in tasks.get("items", [])]
    if lines:
        write("watchframe", "task-list", bytes([0, 0x55, 0xaa, 0x55, 0xaa]) + b"\n".join(lines) + b"\n")


def kubeconfig():
    kc = os.path.join(FX, "kubeconfig")
    basic = open(os.path.join(kc, "basic.yaml"), "rb").read()
    a = open(os.path.join(kc, "merge-a.yaml"), "rb").read()
    b = open(os.path.join(kc, "merge-b.yaml"), "rb").read()
    write("kubeconfig", "basic", b"\x00" + basic)
    write("kubeconfig", "basic-context-c", b"\x02" + basic.replace(b"name: prod\n", b"name: c\n"))
    write("kubeconfig", "merge-a", b"\x00" + a)
    write("kubeconfig", "merge-list", b"\x01" + a + b"\x00" + b)
    write("kubeconfig", "merge-three", b"\x03" + b + b"\x00" + a + b"\x00" + basic)
    small = (b"current-context: c\nclusters:\n- name: k\n  cluster:\n    server: https://x:6443/\n"
             b"    certificate-authority-data: QUJD\ncontexts:\n- name: c\n  context:\n    cluster: k\n"
             b"    user: u\n    namespace: n\nusers:\n- name: u\n  user:\n    token: t\n")
    write("kubeconfig", "small", b"\x00" + small)
    execu = (b"current-context: c\nclusters:\n- name: k\n  cluster:\n    server: http://127.0.0.1:1\n"
             b"    insecure-skip-tls-verify: true\ncontexts:\n- name: c\n  context: {cluster: k, user: u}\n"
             b"users:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
             b"      command: helper\n      args: [a, b]\n      env: [{name: A, value: b}]\n")
    write("kubeconfig", "exec", b"\x02" + execu)
    write("kubeconfig", "flow", b"\x00" + b'{"current-context":"c","clusters":[{"name":"k","cluster":{"server":"https://h"}}],'
          b'"contexts":[{"name":"c","context":{"cluster":"k"}}]}')
    write("kubeconfig", "anchors", b"\x00" + b"x: &a {server: https://a}\nclusters:\n- name: k\n  cluster: *a\n"
          b"contexts:\n- name: c\n  context: {cluster: k}\ncurrent-context: c\n")


def execcred():
    write("execcred", "status-409", bytes([9]) + fixture("status_409.json"))
    write("execcred", "status-422", bytes([22]) + fixture("status_422.json"))
    write("execcred", "token", bytes([1]) + b'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",'
          b'"status":{"token":"abc","expirationTimestamp":"2030-01-02T03:04:05.123456789+02:00"}}\n')
    write("execcred", "cert", bytes([1]) + b'{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",'
          b'"spec":{"interactive":false},"status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",'
          b'"clientKeyData":"-----BEGIN EC PRIVATE KEY-----\\nMHc\\n-----END EC PRIVATE KEY-----\\n"}}')
    write("execcred", "html-500", bytes([100]) + b"<html><head><title>500 Internal Server Error</title></head>\r\n"
          b"<body><h1>Internal Server Error</h1>\n<p>upstream   timed out</p></body></html>\n")
    write("execcred", "unknown-reason", bytes([29]) + b'{"kind":"Status","apiVersion":"v1","status":"Failure",'
          b'"message":"slow down \\u00e9\\ud83d\\ude00","reason":"SomethingNew","code":429,'
          b'"details":{"causes":[{"field":"spec.x","message":"bad \\"x\\""},{"message":"m2"}],"retryAfterSeconds":1}}')
    write("execcred", "truncated", bytes([0]) + fixture("status_409.json")[:80])
    write("execcred", "nested", bytes([4]) + b'{"kind":"Status","a":[[[[{"b":[1,2.5e-3,true,false,null,"\\u0000"]}]]]],"code":-12}')


def flags():
    def argv(*words):
        return b"\x00".join(w.encode() for w in words)
    write("flags", "agent", argv("--fleet-node-name=Mac.Local", "--roles", " worker , gpu,,", "-v",
                                 "--heartbeat-interval=1m30s", "--total-ram-gb", "0x_1F", "pos", "--x"))
    write("flags", "durations", argv("-heartbeat-interval", "-1.5h", "500ms", "1h2m3.5s", "12\u00b5s", ".5s", "1."))
    write("flags", "bools", argv("-v=false", "--leader-elect=F", "--", "-v"))
    write("flags", "errors", argv("--nope", "--heartbeat-interval=abc"))
    write("flags", "help", argv("-help"))
    write("flags", "ints", argv("--total-ram-gb=-9223372036854775808", "0o17", "0b101", "017", "9223372036854775808"))
    write("flags", "names", argv("--fleet-node-name", "\u212aelvin-\u0130stanbul.LOCAL--", "a" * 80 + "-b", "---", ""))
    write("flags", "lists", argv("--installed-models=,,", "--installed-models= a ,b\t,\nc "))


if __name__ == "__main__":
    watchframe()
    kubeconfig()
    execcred()
    flags()
    sys.exit(0)
