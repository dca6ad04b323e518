#!/usr/bin/env bash
# Hostile input and hostile neighbours (issue #17), against the real control
# plane. Each part is one regression:
#   1. decode per object: a task whose status.result is nested 600 deep (the
#      API server stores it; the decoder's limit is 512) exists before the
#      operator starts. The operator still becomes ready and schedules every
#      other task; the bad one is logged with its key, counted in
#      foreman_decode_errors_total{kind="AgenticTask"} and gets a Warning
#      Event DecodeFailed; once corrected it is back in the cache (it gets
#      its Unschedulable condition). A good task turned bad by a later write
#      leaves the cache the same way. The CRDs refuse int32 fields beyond
#      int32 up front (HTTP 422).
#   5. a result nobody can store ends the task Failed, once: a 300 KiB
#      envelope (over the agent's 256 KiB cap) gives InvalidResult; a
#      result the API server refuses (a ValidatingAdmissionPolicy says 422)
#      gives ResultRefused. Neither task runs twice or stays Running.
#   2. two agents with one FleetNode name: the second refuses at start
#      (exit 1, an error naming the other, a Warning Event DuplicateAgent);
#      two started at once end with exactly one running, which finishes the
#      tasks; an agent SIGKILLed and started again on the same host takes
#      its node back at once.
#   3. an agent whose identity has only the chart's agent roles (a user
#      bound to the ClusterRoles `helm template` renders) claims, finishes
#      and, on SIGTERM, returns a task; the label it cannot remove any more
#      is removed by the operator. The same identity cannot patch a task.
#   6. 300 idle or trickling connections to the operator's probe port do
#      not stop /healthz and /readyz from answering within a second.
#   7. smaller ones: a 200 KiB prompt and a 253-character task name run
#      under the exec executor; a child that calls setsid does not outlive
#      its task; a task whose dependency does not exist says so
#      (DependencyNotFound condition and Event); two Workloads whose task
#      names collide: the second fails with TaskNameConflict instead of
#      adopting the first one's task.
#   8. fairness: namespace b's tasks, queued after a's backlog, are placed
#      in turns with a's; --max-running-tasks-per-namespace=1 holds each
#      namespace to one task at a time.
#   4. an exec task cannot read the agent's credentials: KUBECONFIG and the
#      like are not in its environment, and the kubeconfig file the agent
#      uses reads as empty inside the command.
set -uo pipefail
. "$(dirname "$0")/test_operator_lib.sh.inc"
RUN=$$

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
deep_json() { # depth: a merge patch setting status.result to [[[...]]]
    python3 -c 'import sys; d=int(sys.argv[1]); print("{\"status\":{\"result\":{\"deep\":" + "["*d + "]"*d + "}}}")' "$1"
}
metric() { # port name-with-labels: the value, or nothing
    curl -sf "http://127.0.0.1:$1/metrics" | awk -v m="$2" '$1 == m { print $2 }'
}

# ---------------------------------------------------------------- 1. per-object decode
NS=hi-dec-$RUN
new_ns "$NS"
task "$NS" bad-deep "requiredCapability: {nodeSelector: {never: here}}"
check "decode: the API server stores a 600-deep status.result" \
    $K patch agentictask -n "$NS" bad-deep --subresource=status --type=merge -p "$(deep_json 600)"
check "decode: CRD refuses spec.priority beyond int32" sh -c "! $K create -f - 2>$WORK/p.err <<Y
apiVersion: foreman.llmkube.dev/v1alpha1
kind: AgenticTask
metadata: {name: big-prio, namespace: $NS}
spec: {kind: freeform, payload: {prompt: x}, priority: 3000000000}
Y
grep -q 'spec.priority' $WORK/p.err"
check "decode: CRD refuses FleetNode maxConcurrentTasks beyond int32" sh -c "! $K create -f - >/dev/null 2>&1 <<Y
apiVersion: foreman.llmkube.dev/v1alpha1
kind: FleetNode
metadata: {name: big-max-$RUN}
spec: {nodeName: x, maxConcurrentTasks: 4294967296}
Y"
MP=$(free_port)
HP=$(free_port)
start_operator decode --metrics-bind-address=127.0.0.1:$MP --health-probe-bind-address=127.0.0.1:$HP; OP=$LAST
start_agent "dec-$RUN" "$NS" --stub-sleep=200ms --max-concurrent-tasks=2
check "decode: operator ready although one task does not decode" wait_for 30 curl -sf "http://127.0.0.1:$HP/readyz"
task "$NS" good1
task "$NS" good2
check "decode: the other tasks succeed" wait_for 40 all_phase "$NS" Succeeded 2
check "decode: log names the task and the reason" \
    grep -Eq "object does not decode.*object=$NS/bad-deep.*nesting" "$WORK/decode.log"
check "decode: foreman_decode_errors_total{kind=\"AgenticTask\"} counts it" \
    sh -c "[ \"\$(curl -sf http://127.0.0.1:$MP/metrics | awk '\$1 == \"foreman_decode_errors_total{kind=\\\"AgenticTask\\\"}\" {print \$2}')\" -ge 1 ]"
check "decode: Warning Event DecodeFailed on the task" wait_for 20 sh -c \
    "$K get events -n $NS --field-selector reason=DecodeFailed,involvedObject.name=bad-deep -o jsonpath='{.items[0].type}' | grep -qx Warning"
# A later valid version replaces it: the scheduler sees it and says why it
# cannot place it.
$K patch agentictask -n "$NS" bad-deep --subresource=status --type=merge -p '{"status":{"result":{"deep":null,"fixed":true}}}' >/dev/null
check "decode: corrected task is back in the cache (Unschedulable)" wait_for 20 sh -c \
    "[ \"\$($K get agentictask -n $NS bad-deep -o jsonpath='{.status.conditions[?(@.type==\"Scheduled\")].reason}')\" = Unschedulable ]"
# A watched task turned bad by a later write leaves the cache, and the
# operator goes on scheduling.
task "$NS" turns-bad "requiredCapability: {nodeSelector: {never: here}}"
wait_for 20 sh -c "[ \"\$($K get agentictask -n $NS turns-bad -o jsonpath='{.status.conditions[?(@.type==\"Scheduled\")].reason}')\" = Unschedulable ]"
$K patch agentictask -n "$NS" turns-bad --subresource=status --type=merge -p "$(deep_json 700)" >/dev/null
check "decode: a bad MODIFIED event is reported" wait_for 20 grep -q "object=$NS/turns-bad" "$WORK/decode.log"
task "$NS" good3
check "decode: scheduling goes on after it" wait_for 30 phase_is "$NS" good3 Succeeded
check "decode: operator still running" kill -0 "$OP"
# A FleetNode stored before the int32 bounds existed (under the reference
# CRD): the test lifts the bound for a moment to store maxConcurrentTasks
# 3000000000. The operator reports it; its agent runs, writes its own spec
# over it (repairing it) and heartbeats.
BADN=bad-node-$RUN
NODES="$NODES $BADN"
MAXP=/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/maxConcurrentTasks/maximum
$K patch crd fleetnodes.foreman.llmkube.dev --type=json -p "[{\"op\":\"remove\",\"path\":\"$MAXP\"}]" >/dev/null
stored_big() {
    $K apply -f - >/dev/null 2>&1 <<Y
apiVersion: foreman.llmkube.dev/v1alpha1
kind: FleetNode
metadata: {name: $BADN}
spec: {nodeName: $BADN, maxConcurrentTasks: 3000000000}
Y
}
check "decode: a FleetNode from before the bounds is stored" wait_for 20 stored_big
$K patch crd fleetnodes.foreman.llmkube.dev --type=json -p "[{\"op\":\"add\",\"path\":\"$MAXP\",\"value\":2147483647}]" >/dev/null
start_agent "$BADN" "$NS" --stub-sleep=200ms; BA=$LAST
check "decode: the operator reports the FleetNode" wait_for 20 grep -q "kind=FleetNode object=$BADN" "$WORK/decode.log"
check "decode: its agent runs and heartbeats it anyway" wait_for 20 node_ready "$BADN"
check "decode: ... says why" grep -q "FleetNode does not decode" "$WORK/agent-$BADN.log"
check "decode: ... and its spec, which is the agent's, is repaired" \
    test "$($K get fleetnode "$BADN" -o jsonpath='{.spec.maxConcurrentTasks}')" = 1
check "decode: the bound is back" sh -c "! $K patch fleetnode $BADN --type=merge -p '{\"spec\":{\"maxConcurrentTasks\":4000000000}}' >/dev/null 2>&1"
stop_pid "$BA"
$K delete fleetnode "$BADN" >/dev/null 2>&1
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 4. credentials
NS=hi-cred-$RUN
new_ns "$NS"
cp "$KUBECONFIG" "$WORK/agent-kubeconfig"
chmod 600 "$WORK/agent-kubeconfig"
start_operator cred; OP=$LAST
# The command reports what it could see in its result: NO-GO when it read
# anything of the agent's credentials.
CMD='v=GO; s=clean; if grep -q "server:" "$AGENT_KC" 2>/dev/null; then v=NO-GO; s=read-kubeconfig; fi;
if env | grep -q "^KUBECONFIG="; then v=NO-GO; s=env-kubeconfig; fi;
printf "{\"verdict\":\"%s\",\"summary\":\"%s\"}" "$v" "$s" > "$FOREMAN_RESULT_FILE"'
AGENT_KC="$WORK/agent-kubeconfig" KUBECONFIG="$WORK/agent-kubeconfig" start_agent "cred-$RUN" "$NS" \
    --agent-mode=exec --task-command="$CMD" --task-env=AGENT_KC --workspace-dir="$WORK/ws-cred" \
    --kubeconfig="$WORK/agent-kubeconfig"; AG=$LAST
check "credentials: agent Ready" wait_for 30 node_ready "cred-$RUN"
task "$NS" peek
check "credentials: task finished" wait_for 30 sh -c "[ \"\$($K get agentictask -n $NS peek -o jsonpath='{.status.phase}')\" = Succeeded ]"
check "credentials: the command saw neither the kubeconfig file nor KUBECONFIG" \
    test "$(field_of "$NS" peek '{.status.verdict}/{.status.result.summary}')" = "GO/clean"
check "credentials: the agent still reads its kubeconfig (heartbeats)" wait_for 10 node_ready "cred-$RUN"
stop_pid "$AG"
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 5. refused results
NS=hi-res-$RUN
new_ns "$NS"
$K apply -f - >/dev/null <<Y
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: hi-refuse-$RUN}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
    - {apiGroups: [foreman.llmkube.dev], apiVersions: ["*"], operations: [UPDATE], resources: [agentictasks/status]}
  validations:
  - expression: "!has(object.status.result) || !has(object.status.result.summary) || object.status.result.summary != 'refuse-me'"
    message: results saying refuse-me are refused
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: hi-refuse-$RUN}
spec:
  policyName: hi-refuse-$RUN
  validationActions: [Deny]
  matchResources:
    namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: $NS}}
Y
# The policy takes a moment to be enforced: wait until it refuses a probe.
task "$NS" vap-probe "requiredCapability: {nodeSelector: {never: here}}"
vap_refuses() {
    ! $K patch agentictask -n "$NS" vap-probe --subresource=status --type=merge \
        -p '{"status":{"result":{"summary":"refuse-me"}}}' >/dev/null 2>&1
}
check "results: the admission policy is enforced" wait_for 30 vap_refuses
$K delete agentictask -n "$NS" vap-probe >/dev/null 2>&1
start_operator results; OP=$LAST
CMD='case "$FOREMAN_TASK_NAME" in
big) python3 -c "import json; print(json.dumps({\"verdict\": \"GO\", \"extra\": {\"x\": \"y\" * 300000}}))" > "$FOREMAN_RESULT_FILE";;
refused) printf "{\"verdict\":\"GO\",\"summary\":\"refuse-me\"}" > "$FOREMAN_RESULT_FILE";;
esac'
start_agent "res-$RUN" "$NS" --agent-mode=exec --task-command="$CMD" --workspace-dir="$WORK/ws-res"; AG=$LAST
check "results: agent Ready" wait_for 30 node_ready "res-$RUN"
task "$NS" big
task "$NS" refused
check "results: oversized result ends Failed" wait_for 60 phase_is "$NS" big Failed
check "results: reason InvalidResult" test "$(field_of "$NS" big '{.status.conditions[?(@.type=="Completed")].reason}')" = InvalidResult
check "results: refused result ends Failed" wait_for 60 phase_is "$NS" refused Failed
check "results: reason ResultRefused" test "$(field_of "$NS" refused '{.status.conditions[?(@.type=="Completed")].reason}')" = ResultRefused
check "results: the refusal is named" sh -c "$K get agentictask -n $NS refused -o jsonpath='{.status.conditions[?(@.type==\"Completed\")].message}' | grep -q refuse-me"
sleep 3
check "results: each task ran once" test "$(grep -c 'task claimed' "$WORK/agent-res-$RUN.log")" -eq 2
stop_pid "$AG"
stop_pid "$OP"
$K delete validatingadmissionpolicybinding,validatingadmissionpolicy "hi-refuse-$RUN" >/dev/null 2>&1
end_ns "$NS"

# ---------------------------------------------------------------- 2. duplicate agents
NS=hi-dup-$RUN
new_ns "$NS"
start_operator dup; OP=$LAST
start_agent "dup-$RUN" "$NS" --stub-sleep=300ms; A=$LAST
check "duplicate: first agent Ready" wait_for 30 node_ready "dup-$RUN"
"$BIN/foreman-agent" --fleet-node-name="dup-$RUN" --task-namespace="$NS" --heartbeat-interval=1s \
    --stub-sleep=300ms >"$WORK/agent-dup-b.log" 2>&1 &
B=$!
track $B
for i in $(seq 1 100); do kill -0 "$B" 2>/dev/null || break; sleep 0.1; done
wait "$B"
brc=$?
check "duplicate: second agent exits 1 (got $brc)" test "$brc" -eq 1
check "duplicate: it says why" grep -q "held by another running foreman-agent" "$WORK/agent-dup-b.log"
check "duplicate: Warning Event DuplicateAgent" wait_for 10 sh -c \
    "$K get events -n default --field-selector reason=DuplicateAgent,involvedObject.name=dup-$RUN -o name | grep -q ."
task "$NS" d1
check "duplicate: the first agent still runs tasks" wait_for 30 phase_is "$NS" d1 Succeeded
# Two at once.
for x in c d; do
    "$BIN/foreman-agent" --fleet-node-name="dup2-$RUN" --task-namespace="$NS" --heartbeat-interval=1s \
        --stub-sleep=300ms >"$WORK/agent-dup2-$x.log" 2>&1 &
    track $!
    eval "P_$x=$!"
done
NODES="$NODES dup2-$RUN"
alive() { local n=0; kill -0 "$P_c" 2>/dev/null && n=$((n + 1)); kill -0 "$P_d" 2>/dev/null && n=$((n + 1)); echo $n; }
check "duplicate: of two started at once, one stops" wait_for 30 sh -c "[ \$(kill -0 $P_c 2>/dev/null && echo 1)\$(kill -0 $P_d 2>/dev/null && echo 1) = 1 ]"
sleep 3
check "duplicate: ... and exactly one keeps running" test "$(alive)" -eq 1
for i in 1 2 3 4; do task "$NS" "dd$i"; done
check "duplicate: the tasks finish" wait_for 60 all_phase "$NS" Succeeded 5
# A restart after SIGKILL on the same host is not a duplicate.
stop_pid "$A" KILL
start_agent "dup-$RUN" "$NS" --stub-sleep=300ms; A2=$LAST
sleep 3
check "duplicate: a restarted agent takes its node back" kill -0 "$A2"
check "duplicate: ... and heartbeats" wait_for 10 node_ready "dup-$RUN"
for p in $A2 $P_c $P_d; do stop_pid "$p"; done
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 3. agent RBAC
NS=hi-rbac-$RUN
new_ns "$NS"
$TESTENV mint-cert "$TESTENV_DIR" "agent-$RUN" >/dev/null
AKC="$TESTENV_DIR/users/agent-$RUN.kubeconfig"
CHART_DIR=${FOREMAN_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/charts/foreman
$HELM template "rb$RUN" "$CHART_DIR" -n "$NS" --kube-version=1.34.4 --show-only templates/agent-rbac.yaml \
    >"$WORK/agent-rbac.yaml" 2>"$WORK/helm.err"
python3 - "$WORK/agent-rbac.yaml" "agent-$RUN" >"$WORK/agent-roles.yaml" <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
out = []
for d in docs:
    if d["kind"] != "ClusterRole":
        continue
    name = d["metadata"]["name"] + "-it"
    d["metadata"] = {"name": name}
    out.append(d)
    out.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": {"name": name},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": name},
                "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": sys.argv[2]}]})
print(yaml.safe_dump_all(out))
PY
check "rbac: the chart's agent roles bound to a test user" $K apply -f "$WORK/agent-roles.yaml"
AK="$KUBECTL --kubeconfig $AKC"
check "rbac: that user cannot patch a task" sh -c "[ \"\$($AK auth can-i patch agentictasks.foreman.llmkube.dev -n $NS)\" = no ]"
check "rbac: ... but can patch its status" sh -c "[ \"\$($AK auth can-i patch agentictasks.foreman.llmkube.dev --subresource=status -n $NS)\" = yes ]"
start_operator rbac --assigned-node-label=true; OP=$LAST
start_agent "rbac-$RUN" "$NS" --kubeconfig="$AKC" --task-selector=label --stub-sleep=200ms; AG=$LAST
check "rbac: agent Ready with the chart's roles only" wait_for 30 node_ready "rbac-$RUN"
task "$NS" r1
check "rbac: it claims and finishes a task" wait_for 30 phase_is "$NS" r1 Succeeded
stop_pid "$AG"
start_agent "rbac-$RUN" "$NS" --kubeconfig="$AKC" --task-selector=label --stub-sleep=60s; AG=$LAST
wait_for 30 node_ready "rbac-$RUN"
task "$NS" r2
check "rbac: r2 running" wait_for 30 phase_is "$NS" r2 Running
stop_pid "$AG" TERM
# Back to Pending: by the agent (AgentShutdown) or, when the Draining node
# is seen first, by the operator (ClaimExpired); either way without a label.
check "rbac: SIGTERM returns it to Pending" wait_for 15 phase_is "$NS" r2 Pending
check "rbac: the operator removes its routing label" wait_for 15 sh -c "[ -z \"\$($K get agentictask -n $NS r2 -o jsonpath='{.metadata.labels.foreman\\.llmkube\\.dev/assigned-node}')\" ]"
check "rbac: the agent logged no Forbidden" sh -c "! grep -q Forbidden $WORK/agent-rbac-$RUN.log"
stop_pid "$OP"
$K delete -f "$WORK/agent-roles.yaml" >/dev/null 2>&1
end_ns "$NS"

# ---------------------------------------------------------------- 6. slow clients
HP=$(free_port)
start_operator probes --health-probe-bind-address=127.0.0.1:$HP; OP=$LAST
check "probes: ready" wait_for 30 curl -sf "http://127.0.0.1:$HP/readyz"
python3 - "$HP" >"$WORK/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
conns = []
for i in range(300):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 2:
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    conns.append(s)
end = time.time() + 12
while time.time() < end:
    for i, s in enumerate(conns):
        if i % 2:
            try:
                s.sendall(b"x")
            except OSError:
                pass
    time.sleep(0.7)
PY
track $!
SLOW=$LAST
sleep 1
okp=0
for i in $(seq 1 20); do
    curl -sf -m 1 "http://127.0.0.1:$HP/$([ $((i % 2)) = 0 ] && echo healthz || echo readyz)" >/dev/null && okp=$((okp + 1))
    sleep 0.4
done
check "probes: 20 of 20 answered within 1 s under 300 slow clients (got $okp)" test "$okp" -eq 20
stop_pid "$SLOW"
stop_pid "$OP"

# ---------------------------------------------------------------- 7. smaller ones
NS=hi-misc-$RUN
new_ns "$NS"
start_operator misc; OP=$LAST
CMD='case "$FOREMAN_TASK_NAME" in
escaper) setsid sleep 31338 </dev/null >/dev/null 2>&1 & sleep 0.2;;
*) n=$(wc -c < "$FOREMAN_TASK_PROMPT_FILE"); printf "{\"verdict\":\"GO\",\"summary\":\"prompt %s\"}" "$n" > "$FOREMAN_RESULT_FILE";;
esac'
start_agent "misc-$RUN" "$NS" --agent-mode=exec --task-command="$CMD" --workspace-dir="$WORK/ws-misc"; AG=$LAST
check "misc: agent Ready" wait_for 30 node_ready "misc-$RUN"
LONG=$(python3 -c 'print("l" * 253)')
python3 - "$NS" "$LONG" >"$WORK/long.yaml" <<'PY'
import json, sys
print(json.dumps({"apiVersion": "foreman.llmkube.dev/v1alpha1", "kind": "AgenticTask",
                  "metadata": {"name": sys.argv[2], "namespace": sys.argv[1]},
                  "spec": {"kind": "freeform", "payload": {"prompt": "p" * 204800}}}))
PY
check "misc: a 253-character task with a 200 KiB prompt is stored" $K create -f "$WORK/long.yaml"
check "misc: ... and runs" wait_for 60 phase_is "$NS" "$LONG" Succeeded
check "misc: the command read the whole prompt from its file" \
    test "$(field_of "$NS" "$LONG" '{.status.result.summary}')" = "prompt 204800"
task "$NS" escaper
check "misc: the setsid task finishes" wait_for 30 phase_is "$NS" escaper Succeeded
sleep 0.5
if grep -q "cannot run task commands in a private" "$WORK/agent-misc-$RUN.log"; then
    echo "skip misc: no user namespaces here; setsid containment not checked"
else
    check "misc: its setsid child did not outlive it" sh -c "! pgrep -f '^sleep 31338$' >/dev/null"
fi
task "$NS" orphan "dependsOn: [does-not-exist]"
check "misc: missing dependency: condition DependencyNotFound" wait_for 20 sh -c \
    "[ \"\$($K get agentictask -n $NS orphan -o jsonpath='{.status.conditions[?(@.type==\"Scheduled\")].reason}')\" = DependencyNotFound ]"
check "misc: missing dependency: Warning Event" wait_for 20 sh -c \
    "$K get events -n $NS --field-selector reason=DependencyNotFound,involvedObject.name=orphan -o name | grep -q ."
task "$NS" does-not-exist
check "misc: once it exists the task runs after it" wait_for 40 phase_is "$NS" orphan Succeeded
for w in "wa:b-c" "wa-b:c"; do
    $K apply -f - >/dev/null <<Y
apiVersion: foreman.llmkube.dev/v1alpha1
kind: Workload
metadata: {name: ${w%%:*}, namespace: $NS}
spec: {intent: collide, pipeline: [{name: ${w##*:}, kind: freeform, payload: {prompt: x}}]}
Y
    sleep 2
done
check "misc: the second Workload fails with TaskNameConflict" wait_for 20 sh -c \
    "[ \"\$($K get workload -n $NS wa-b -o jsonpath='{.status.conditions[?(@.type==\"Planned\")].reason}')\" = TaskNameConflict ]"
check "misc: the first one completes with its own task" wait_for 40 sh -c \
    "[ \"\$($K get workload -n $NS wa -o jsonpath='{.status.phase}')\" = Completed ]"
check "misc: the shared name belongs to the first" test \
    "$($K get agentictask -n $NS wa-b-c -o jsonpath='{.metadata.ownerReferences[0].name}')" = wa
stop_pid "$AG"
stop_pid "$OP"
end_ns "$NS"

# ---------------------------------------------------------------- 8. fairness
NA=hi-fa-$RUN
NB=hi-fb-$RUN
new_ns "$NA"
new_ns "$NB"
# Round robin: a queued six tasks before b queued three; one slot.
start_operator fair; OP=$LAST
for i in 1 2 3 4 5 6; do task "$NA" "a$i"; done
sleep 1
for i in 1 2 3; do task "$NB" "b$i"; done
start_agent "fair-$RUN" "$NA,$NB" --stub-sleep=300ms --max-concurrent-tasks=1; AG=$LAST
check "fair: a's six succeed" wait_for 90 all_phase "$NA" Succeeded 6
check "fair: b's three succeed" wait_for 30 all_phase "$NB" Succeeded 3
line_of() { grep -n "msg=\"scheduled\" .*object=$1 " "$WORK/fair.log" | head -1 | cut -d: -f1; }
lb1=$(line_of "$NB/b1")
la3=$(line_of "$NA/a3")
check "fair: b1 placed before a3 (lines $lb1, $la3), not after a's backlog" test "${lb1:-999999}" -lt "${la3:-0}"
stop_pid "$AG"
stop_pid "$OP"
end_ns "$NA"
end_ns "$NB"
# The cap: one task per namespace at a time although the node has three slots.
NA=hi-ca-$RUN
NB=hi-cb-$RUN
new_ns "$NA"
new_ns "$NB"
start_operator cap --max-running-tasks-per-namespace=1; OP=$LAST
record_transitions "$NA" "$WORK/ca.tr"
record_transitions "$NB" "$WORK/cb.tr"
for i in 1 2 3 4; do task "$NA" "a$i"; task "$NB" "b$i"; done
start_agent "cap-$RUN" "$NA,$NB" --stub-sleep=400ms --max-concurrent-tasks=3; AG=$LAST
check "cap: all of a succeed" wait_for 60 all_phase "$NA" Succeeded 4
check "cap: all of b succeed" wait_for 30 all_phase "$NB" Succeeded 4
check "cap: a never held more than one task" test "$(max_concurrency "$WORK/ca.tr" "cap-$RUN")" -le 1
check "cap: b never held more than one task" test "$(max_concurrency "$WORK/cb.tr" "cap-$RUN")" -le 1
check "cap: bad value refused" sh -c "! $BIN/foreman-operator --max-running-tasks-per-namespace=-1 >/dev/null 2>&1"
check "weights: bad entry refused" sh -c "! $BIN/foreman-operator --namespace-weights=a=0 >/dev/null 2>&1"
stop_pid "$AG"
stop_pid "$OP"
end_ns "$NA"
end_ns "$NB"

summary
