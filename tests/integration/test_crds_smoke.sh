#!/usr/bin/env bash
# Smoke tests proving the generated CRDs are real: the API server accepts and
# establishes them, kubectl prints their printer columns and explains their
# fields, the server enforces their validation and defaults, and status is a
# subresource. Runs against the control plane of the `controlplane` fixture.
set -uo pipefail
. "$TESTENV_DIR/env"
K="$KUBECTL --kubeconfig $KUBECONFIG"
NS=smoke-$$
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1" >&2; }
check() { # name command...
    local name=$1
    shift
    if "$@" >/tmp/smoke.$$.out 2>&1; then ok "$name"; else bad "$name: $(tail -3 /tmp/smoke.$$.out)"; fi
}
cleanup() { $K delete agentictasks,workloads -n "$NS" --all --wait=false >/dev/null 2>&1; $K delete namespace "$NS" --wait=false >/dev/null 2>&1; $K delete fleetnodes -l smoke=$$ >/dev/null 2>&1; rm -f /tmp/smoke.$$.*; }
trap cleanup EXIT

$K create namespace "$NS" >/dev/null

# 1. Established.
for crd in fleetnodes agentictasks workloads; do
    check "crd $crd established" test "$($K get crd "$crd.foreman.llmkube.dev" \
        -o jsonpath='{.status.conditions[?(@.type=="Established")].status}')" = True
done

# 2. Objects for the printer-column checks.
$K apply -n "$NS" -f - >/dev/null <<EOF
apiVersion: foreman.llmkube.dev/v1alpha1
kind: AgenticTask
metadata: {name: t1}
spec:
  kind: freeform
  payload: {prompt: "say hi"}
---
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: w1}
spec: {intent: "fix the flaky test", repo: "acme/app"}
---
apiVersion: foreman.llmkube.dev/v1alpha1
kind: FleetNode
metadata: {name: smoke-node-$$, labels: {smoke: "$$"}}
spec: {nodeName: smoke-node-$$}
EOF

header() { $K get "$@" 2>&1 | head -1 | tr -s ' '; }
check "kubectl get agentictasks columns" test "$(header agentictasks -n "$NS")" = "NAME PHASE KIND NODE VERDICT AGE"
check "kubectl get at (short name)" test "$(header at -n "$NS")" = "NAME PHASE KIND NODE VERDICT AGE"
check "kubectl get workloads columns" test "$(header workloads -n "$NS")" = "NAME PHASE REPO TASKS FAILED AGE"
check "kubectl get wl (short name)" test "$(header wl -n "$NS")" = "NAME PHASE REPO TASKS FAILED AGE"
check "kubectl get fleetnodes columns" test "$(header fleetnodes -l smoke=$$)" = "NAME PHASE VERSION ACCELERATOR RAM CURRENT TASK HEARTBEAT AGE"
check "kubectl get fn (short name)" test "$(header fn -l smoke=$$)" = "NAME PHASE VERSION ACCELERATOR RAM CURRENT TASK HEARTBEAT AGE"
check "row shows task kind" sh -c "$K get at t1 -n $NS --no-headers | grep -q freeform"
check "a new task is Pending (schema default)" test "$($K get at t1 -n "$NS" -o jsonpath='{.status.phase}')" = Pending
check "row shows workload repo" sh -c "$K get wl w1 -n $NS --no-headers | grep -q acme/app"

# 3. kubectl explain shows the fields of the required capability.
explain=$($K explain agentictask.spec.requiredCapability 2>&1)
for f in accelerator minContextTokens minRAMGB nodeSelector; do
    check "explain lists $f" grep -q "$f" <<<"$explain"
done

# 4. Validation: 422 for schema violations.
reject() { # name manifest
    local name=$1 out
    out=$($K create -n "$NS" -f - 2>&1 <<<"$2")
    if [ $? -ne 0 ] && grep -q 'Invalid value\|Required value\|Unsupported value\|is invalid' <<<"$out"; then
        ok "rejects $name"
    else
        bad "rejects $name: $out"
    fi
}
reject "minRAMGB -1" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad1"},"spec":{"kind":"freeform","payload":{},"requiredCapability":{"minRAMGB":-1}}}'
reject "accelerator tpu" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad2"},"spec":{"kind":"freeform","payload":{},"requiredCapability":{"accelerator":"tpu"}}}'
reject "task kind unknown" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad3"},"spec":{"kind":"dance","payload":{}}}'
reject "task without payload" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad4"},"spec":{"kind":"freeform"}}'
reject "fleetnode without nodeName" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"FleetNode","metadata":{"name":"bad5"},"spec":{"roles":["worker"]}}'
reject "workload with empty intent" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"Workload","metadata":{"name":"bad6"},"spec":{"intent":""}}'
reject "issue 0" '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad7"},"spec":{"kind":"issue-fix","payload":{"issue":0}}}'

# The same through the raw API: the status code is 422.
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$TESTENV_DIR/pki/ca.crt" \
    --cert "$TESTENV_DIR/pki/admin.crt" --key "$TESTENV_DIR/pki/admin.key" \
    -H 'Content-Type: application/json' -X POST \
    "$TESTENV_SERVER/apis/foreman.llmkube.dev/v1alpha1/namespaces/$NS/agentictasks" \
    -d '{"apiVersion":"foreman.llmkube.dev/v1alpha1","kind":"AgenticTask","metadata":{"name":"bad8"},"spec":{"kind":"freeform","payload":{},"requiredCapability":{"minRAMGB":-1}}}')
check "raw create answers 422" test "$code" = 422

# 5. Defaults: accelerator defaults to any when requiredCapability is given.
$K apply -n "$NS" -f - >/dev/null <<'EOF'
apiVersion: foreman.llmkube.dev/v1alpha1
kind: AgenticTask
metadata: {name: t2}
spec:
  kind: verify
  payload: {}
  requiredCapability: {minRAMGB: 8}
EOF
check "default accelerator any" test "$($K get at t2 -n "$NS" -o jsonpath='{.spec.requiredCapability.accelerator}')" = any

# 6. Status is a subresource.
$K patch at t1 -n "$NS" --type merge -p '{"spec":{"priority":5},"status":{"phase":"Running"}}' >/dev/null
check "spec patch ignores status" test "$($K get at t1 -n "$NS" -o jsonpath='{.status.phase}')" = Pending
check "spec patch applied" test "$($K get at t1 -n "$NS" -o jsonpath='{.spec.priority}')" = 5
$K patch at t1 -n "$NS" --subresource status --type merge -p '{"spec":{"priority":9},"status":{"phase":"Scheduled"}}' >/dev/null
check "status patch applied" test "$($K get at t1 -n "$NS" -o jsonpath='{.status.phase}')" = Scheduled
check "status patch ignores spec" test "$($K get at t1 -n "$NS" -o jsonpath='{.spec.priority}')" = 5

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
